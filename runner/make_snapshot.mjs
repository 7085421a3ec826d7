// Makes the memory snapshot the runner's Python starts from (see snapshot.mjs): Pyodide in
// Node.js, from the files the site serves, with the runner's package imported.
//
//   node runner/make_snapshot.mjs --out DIR [--index node_modules/pyodide]
//
// Writes DIR/runner-snapshot.bin.gz and DIR/runner-snapshot.json (the manifest: Pyodide's
// version and the SHA-256 of its core files, the digest of the runner's modules, the
// snapshot's size and hashes). The snapshot is loaded back once before it is written.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

import {
  FORMAT,
  MANIFEST,
  MODULE_DIR,
  MODULE_IMPORT,
  PYTHON_ENV,
  restoreEnvironment,
  runnerDigest,
  writeModules,
} from "./snapshot.mjs";
import { RUNNER_MODULE } from "./start_python.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const DATA = "runner-snapshot.bin.gz";
// What loadPyodide() fetches: a snapshot fits only these very files.
const CORE = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];
// What a plain start imports, and no more (the snapshot must hold the interpreter a plain
// start gives): start_python.mjs imports the runner's package, guide_runner (which imports
// its own modules and what it needs of the timelines' package; the rest are imported on
// first use), setup() imports threading.
const IMPORTED = [RUNNER_MODULE, "threading"];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const out = option("--out");
if (!out) {
  console.error("usage: node make_snapshot.mjs --out DIR [--index PYODIDE_DIR]");
  process.exit(2);
}
const index = path.resolve(option("--index", path.join(ROOT, "node_modules", "pyodide"))) + path.sep;

/** The runner's Python modules as worker.js bundles them: {path under MODULE_DIR: text}. */
function runnerModules() {
  const worker = fs.readFileSync(path.join(HERE, "worker.js"), "utf8");
  const found = [...worker.matchAll(MODULE_IMPORT)];
  if (!found.length) throw new Error("worker.js imports no Python module");
  return Object.fromEntries(
    found.map(([, up, name]) => [name, fs.readFileSync(path.join(HERE, up + name), "utf8")]),
  );
}

const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

// At a plain start in a browser, sys.executable is Emscripten's default program name;
// Node.js would give the path of this script.
const OPTIONS = { indexURL: index, env: { ...PYTHON_ENV }, _sysExecutable: "./this.program" };
const quiet = { stdout: () => {}, stderr: () => {} };

const modules = runnerModules();
const { loadPyodide, version } = await import(path.join(index, "pyodide.mjs"));
const pyodide = await loadPyodide({ ...OPTIONS, ...quiet, _makeSnapshot: true });
writeModules(pyodide, modules);
const imports = IMPORTED;
const scope = pyodide.toPy({});
pyodide.runPython(
  [
    "import importlib, sys",
    `sys.path.insert(0, ${JSON.stringify(MODULE_DIR)})`,
    `for name in ${JSON.stringify(imports)}:`,
    "    importlib.import_module(name)",
    `sys.path.remove(${JSON.stringify(MODULE_DIR)})`,
    // loadPyodide puts '' first on sys.path again when it restores the snapshot.
    "sys.path.remove('')",
  ].join("\n"),
  { globals: scope },
);
scope.destroy();
const snapshot = pyodide.makeMemorySnapshot();

// Loaded back, as the worker will: the modules are there and sys.path is a plain start's.
const check = await loadPyodide({ ...OPTIONS, ...quiet, _loadSnapshot: snapshot });
restoreEnvironment(check);
const found = check.runPython(
  `import sys\nstr([m for m in ${JSON.stringify(imports)} if m not in sys.modules] + [sys.path.count('')])`,
);
if (found !== "[1]") throw new Error(`the snapshot does not load back as it should: ${found}`);

const packed = zlib.gzipSync(snapshot);
const manifest = {
  format: FORMAT,
  file: DATA,
  pyodide: version,
  files: Object.fromEntries(CORE.map((name) => [name, sha256(fs.readFileSync(path.join(index, name)))])),
  runner: await runnerDigest(modules),
  imports,
  size: snapshot.length,
  sha256: sha256(snapshot),
  gzip: { size: packed.length, sha256: sha256(packed) },
  node: process.version,
};
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, DATA), packed);
fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `${MANIFEST}: Pyodide ${version}, ${imports.join(", ")} imported; ` +
    `${(snapshot.length / 1e6).toFixed(1)} MB, ${(packed.length / 1e6).toFixed(1)} MB gzipped`,
);
