// The runner's Python started from a memory snapshot instead of from scratch.
//
// make_snapshot.mjs (run by `nox -s runtime`) starts Pyodide in Node.js from the same files
// the site serves (node_modules/pyodide), imports the runner's modules and saves the
// interpreter's memory: build/snapshot/ holds the snapshot, gzipped, and a manifest
// (MANIFEST) that says what it was made from. guide/hooks/vendor.py publishes both beside
// Pyodide only when they match what the site serves; worker.js loads Pyodide from the
// snapshot when the manifest matches the Pyodide and the runner modules it has, and starts
// Python from scratch otherwise (or when anything about the snapshot fails).
//
// What a snapshot may hold: Python with the modules imported and nothing bound to the
// worker (setup(), which binds the page's output and the interrupt buffer, runs after it is
// restored). What the environment gave the interpreter when it started is the build
// machine's in a snapshot; restoreEnvironment() puts the reader's back: the time zone and
// the language (LANG). The hash seed of str and bytes stays the one drawn at build time.

export const MANIFEST = "runner-snapshot.json";
export const FORMAT = 1;
// Environment of the interpreter, with and without a snapshot.
export const PYTHON_ENV = Object.freeze({ HOME: "/home/pyodide", PYTHONHASHSEED: "random" });
// Where the runner's modules live in Pyodide's file system (worker.js imports them from there).
export const MODULE_DIR = "/home/pyodide";
// How worker.js imports the runner's Python modules (as text, bundled by esbuild): each goes
// to MODULE_DIR at the path it is imported from, without the leading "./" or "../".
// make_snapshot.mjs and guide/hooks/vendor.py read worker.js with this pattern.
export const MODULE_IMPORT = /^import \w+ from "((?:\.\.?\/)+)([\w/]+\.py)";$/gm;

/** Write the runner's modules ({path under MODULE_DIR: text}) into Pyodide's file system. */
export function writeModules(pyodide, modules) {
  for (const [name, text] of Object.entries(modules)) {
    const file = `${MODULE_DIR}/${name}`;
    pyodide.FS.mkdirTree(file.slice(0, file.lastIndexOf("/")));
    pyodide.FS.writeFile(file, text);
  }
}

/** SHA-256 (hex) of the runner's Python modules ({file name: text}), in name order: a
 * snapshot holds them imported, so it fits only the very same texts. */
export async function runnerDigest(modules) {
  const text = Object.keys(modules)
    .sort()
    .map((name) => `${name}\0${modules[name]}\0`)
    .join("");
  const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The manifest of the snapshot under `baseURL` if the snapshot holds `modules`; throws an
 * Error that says why not. The caller still compares its Pyodide version with its own. */
export async function snapshotManifest(baseURL, modules) {
  if (typeof DecompressionStream !== "function" || !globalThis.crypto?.subtle) {
    throw new Error("this browser cannot unpack or check a snapshot");
  }
  const response = await fetch(new URL(MANIFEST, baseURL));
  if (!response.ok) throw new Error(`no snapshot (${MANIFEST}: HTTP ${response.status})`);
  const manifest = await response.json();
  if (manifest.format !== FORMAT) throw new Error(`snapshot format ${manifest.format}, not ${FORMAT}`);
  if (manifest.runner !== (await runnerDigest(modules))) {
    throw new Error("the snapshot holds other runner modules than this worker's");
  }
  return manifest;
}

/** The snapshot's bytes, unpacked while they arrive; throws an Error that says why not. */
export async function snapshotBytes(baseURL, manifest) {
  const response = await fetch(new URL(manifest.file, baseURL));
  if (!response.ok) throw new Error(`no snapshot (${manifest.file}: HTTP ${response.status})`);
  let bytes;
  try {
    bytes = new Uint8Array(await new Response(await unpacked(response.body)).arrayBuffer());
  } catch (error) {
    throw new Error(`the snapshot did not unpack (${error.message})`);
  }
  if (bytes.length !== manifest.size) {
    throw new Error(`the snapshot has ${bytes.length} bytes, its manifest says ${manifest.size}`);
  }
  return bytes;
}

/** `body` gunzipped, or as it is if it does not start as gzip does: the site publishes the
 * snapshot gzipped, but a host that sends .gz files with Content-Encoding: gzip has had the
 * browser unpack it already. */
async function unpacked(body) {
  const reader = body.getReader();
  const { value: head = new Uint8Array() } = await reader.read();
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  return gzipped ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
}

// Python's side of restoreEnvironment: LANG and the locale, and the time module's time-zone
// constants recomputed by a fresh instance of the module (after the C library's were).
const RESTORE = `
def restore(lang):
    import importlib.machinery, importlib.util, locale, os, time

    os.environ["LANG"] = lang
    locale.setlocale(locale.LC_CTYPE, "")
    spec = importlib.machinery.ModuleSpec("time", importlib.machinery.BuiltinImporter)
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    for name in ("timezone", "altzone", "daylight", "tzname"):
        setattr(time, name, getattr(fresh, name))
`;

/** After a start from a snapshot: give Python what this browser would have given it at a
 * plain start (Emscripten computes both once, when Python starts). */
export function restoreEnvironment(pyodide) {
  const module = pyodide._module;
  if (typeof module?.__tzset_js !== "function" || typeof module._tzname !== "number") {
    throw new Error("this Pyodide does not let the time zone be set again");
  }
  // The C library's time zone (timezone, daylight, tzname), as at start-up.
  const names = module._tzname >>> 2;
  module.__tzset_js(module._timezone, module._daylight, module.HEAPU32[names], module.HEAPU32[names + 1]);
  // Emscripten's LANG: the browser's language.
  const lang = `${(globalThis.navigator?.language ?? "C").replace("-", "_")}.UTF-8`;
  const scope = pyodide.toPy({});
  try {
    pyodide.runPython(RESTORE, { globals: scope });
    const restore = scope.get("restore");
    restore(lang);
    restore.destroy();
  } finally {
    scope.destroy();
  }
}
