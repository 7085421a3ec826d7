// Runs programs in real Pyodide (Node >= 26: WebAssembly JSPI is on), started as the page's
// worker starts it (runner/start_python.mjs: the same environment, the runner's Python
// imported and set up the same way) with the simthreads runtime installed.
//
//   node harness.mjs --index DIR [--source DIR] [--runner DIR]
//
// DIR holds Pyodide's files and a pyodide-lock.json that lists simthreads (what
// `nox -s runtime` builds): the package is loaded by name, its hash checked. With --source,
// the package is imported from that source folder instead (for quick development); with
// --runner DIR, the runner's own Python (what worker.js imports from runner/) is read from
// DIR instead (for debugging).
//
// Reads one JSON request per line on stdin: {"code", "filename", "seed"?, "needs"?,
// "record"?}; writes one JSON line per request: the runner's result (status, exit_code,
// error, seed, seconds) plus "output" (what the program wrote, stdout and stderr
// interleaved), "stdout", "stderr" and "real" (wall-clock seconds). With "record": true, the
// simulated threads record the run's timeline (guide/timeline/), returned as
// "recording" (Recorder.to_dict(), the threads' events only). A request with "explore": [seeds]
// runs guide_runner.explore instead and writes its answer ({runs, ended}); one with "check":
// [seeds] and "checkSource" runs guide_runner.check_seeds (each run judged by that check.py).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { MODULE_IMPORT } from "../../runner/snapshot.mjs";
import { installRuntime, loadPython, startRunner } from "../../runner/start_python.mjs";

// stdout carries the JSON answers only: anything else logged goes to stderr.
console.log = console.info = console.debug = (...args) => console.error(...args);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? null : args[i + 1];
};
const index = path.resolve(option("--index") || path.join(ROOT, "node_modules", "pyodide"));
const source = option("--source");

if (typeof WebAssembly.Suspending !== "function") {
  console.error(`WebAssembly JSPI is missing: Node ${process.version} is too old (need >= 26)`);
  process.exit(2);
}

// The runner's modules as worker.js bundles them (runner/snapshot.mjs: MODULE_IMPORT), its
// own (imported from runner/) read from --runner's folder when given.
const WORKER = fs.readFileSync(path.join(ROOT, "runner", "worker.js"), "utf8");
const runnerDir = option("--runner");
const modules = Object.fromEntries(
  [...WORKER.matchAll(MODULE_IMPORT)].map(([, up, name]) => [
    name,
    fs.readFileSync(
      up === "./" && runnerDir ? path.join(runnerDir, name) : path.join(ROOT, "runner", up + name),
      "utf8",
    ),
  ]),
);

const { loadPyodide } = await import(path.join(index, "pyodide.mjs"));
const { pyodide } = await loadPython(loadPyodide, { indexURL: index + path.sep });
if (source) {
  pyodide.FS.mkdirTree("/simthreads-source");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(source) }, "/simthreads-source");
  pyodide.runPython("import sys\nsys.path.insert(0, '/simthreads-source')");
}
let chunks = [];
const { runner: runtime } = startRunner(pyodide, modules, {
  write: (fd, text) => chunks.push([fd, text]),
  flush: () => {},
});
try {
  await installRuntime(pyodide, runtime, "threads", { load: !source });
} catch (error) {
  const written = chunks.map(([, text]) => text).join("");
  console.error(`simthreads did not load or install from ${index}: ${error.message}\n${written}`);
  process.exit(2);
}

// Records a run's timeline: simthreads.before_run gets a Recorder of the probe's own (what
// the simulated threads record, whatever else the runner records), and the program may
// `import timeline_probe` to ask which lane the recorder thinks runs. The runner puts
// modules back as they were after each run, so the probe is armed anew before each run
// that records; the probe itself lives outside every module.
const timelines = pyodide.runPython(
  `
import json, sys, types, simthreads\nfrom guide import timeline as guide_timeline

class Timelines:
    recorder = None

    def arm(self):
        original = simthreads.before_run

        def before_run(seed=None, recorder=None):
            self.recorder = recorder = guide_timeline.Recorder()
            probe = types.ModuleType("timeline_probe")
            probe.running = lambda: recorder.running
            sys.modules["timeline_probe"] = probe
            return original(seed, recorder=recorder)

        simthreads.before_run = before_run

    def collect(self):
        recorder, self.recorder = self.recorder, None
        return json.dumps(recorder.to_dict() if recorder is not None else None)

Timelines()
`,
  { globals: pyodide.globals.get("dict")() },
);

const lines = readline.createInterface({ input: process.stdin });
process.stdout.write(JSON.stringify({ ready: true, python: pyodide.runPython("import sys; sys.version.split()[0]") }) + "\n");
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  chunks = [];
  const start = performance.now();
  const needs = request.needs ?? "threads";
  const seed = request.seed ?? null;
  let result;
  if (request.check) {
    // {"check": [seed, ...], "checkSource": text}: guide_runner.check_seeds, as the page's
    // Check runs it on an exercise.
    try {
      result = JSON.parse(
        await runtime.check_seeds.callPromisingKwargs(
          request.code,
          request.filename || "program.py",
          needs,
          request.check,
          { check_source: request.checkSource, check_filename: "check.py" },
        ),
      );
    } catch (error) {
      result = { runs: [], ended: "crashed", error: String(error && error.message) };
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.stdout.write(JSON.stringify(result) + "\n");
    continue;
  }
  if (request.explore) {
    // {"explore": [seed, ...]}: guide_runner.explore, as the page's Explore runs it.
    try {
      result = JSON.parse(
        await runtime.explore.callPromising(request.code, request.filename || "program.py", needs, request.explore),
      );
    } catch (error) {
      result = { runs: [], ended: "crashed", error: String(error && error.message) };
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.stdout.write(JSON.stringify(result) + "\n");
    continue;
  }
  if (request.record) timelines.arm();
  try {
    result = JSON.parse(
      await runtime.run.callPromising(request.code, request.filename || "program.py", "", needs, seed),
    );
  } catch (error) {
    result = { status: "crashed", error: String(error && error.message) };
  }
  // Let threads unwound at the end of the run finish before the next run starts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  result.real = (performance.now() - start) / 1000;
  if (request.record) result.recording = JSON.parse(timelines.collect());
  result.output = chunks.map(([, text]) => text).join("");
  result.stdout = chunks.filter(([fd]) => fd === 1).map(([, text]) => text).join("");
  result.stderr = chunks.filter(([fd]) => fd === 2).map(([, text]) => text).join("");
  process.stdout.write(JSON.stringify(result) + "\n");
}
