// How the runner's Python starts: one source for the page's worker (worker.js, in the
// browser) and the runtime tests' harness (tests/runtime/harness.mjs, in Node.js), so that
// the tests start Python exactly as the page does.
//
//   1. loadPython(): Pyodide with the runner's environment (snapshot.mjs PYTHON_ENV), from
//      the build's memory snapshot when one fits, from scratch otherwise;
//   2. startRunner(): the runner's Python modules written to Pyodide's file system
//      (snapshot.mjs MODULE_DIR), its entry module (RUNNER_MODULE) imported without leaving
//      that directory on the reader's sys.path, and its setup() called with the output's
//      callbacks;
//   3. installRuntime(): a runtime (RUNTIMES: the simulated threads) loaded from Pyodide's
//      lock file and installed, before the first run that needs it.
//
// This module imports no Python file: the caller passes the runner's modules ({path under
// MODULE_DIR: text}), which worker.js imports as text (bundled by esbuild) and Node.js reads
// from disk with snapshot.mjs's MODULE_IMPORT.

import NEEDS from "./needs.json" with { type: "json" };
import { MODULE_DIR, PYTHON_ENV, restoreEnvironment, writeModules } from "./snapshot.mjs";

// The runner's Python: the module worker.js imports (its setup(), run(), install_runtime()).
export const RUNNER_MODULE = "guide_runner";

// Runtimes: packages that give Pyodide what it lacks, loaded before the first run that needs
// them. A `package` is loaded by name from Pyodide's lock file beside Pyodide (its hash
// checked), a `wheel` by URL relative to the caller's base URL; the module's install() is
// called once (the runner's install_runtime).
export const RUNTIMES = {
  // Simulated threads (simthreads/, built by `nox -s runtime` into the lock file).
  threads: { package: "simthreads", module: "simthreads" },
};

const quiet = () => {};

/** Pyodide from the snapshot that `manifest` describes when it was made from this very
 * Pyodide (`version`); from scratch when there is none (`manifest` null, or an Error that
 * says why not), when it does not fit, or when anything about it fails. `snapshotBytes`
 * (manifest) gives the snapshot's bytes (snapshot.mjs). Returns {pyodide, start, problem}:
 * start is "snapshot" or "plain", problem why not from the snapshot (or null). */
export async function loadPython(loadPyodide, { indexURL, version = null, manifest = null, snapshotBytes = null }) {
  const options = { indexURL, env: { ...PYTHON_ENV }, stdout: quiet, stderr: quiet };
  let problem = manifest instanceof Error ? manifest.message : null;
  if (!problem && manifest && manifest.pyodide !== version) {
    problem = `the snapshot was made from Pyodide ${manifest.pyodide}, this is ${version}`;
  }
  if (!problem && manifest) {
    // Pyodide fetches its files while the snapshot arrives and unpacks.
    const bytes = snapshotBytes(manifest);
    try {
      const restored = await loadPyodide({ ...options, _loadSnapshot: bytes });
      restoreEnvironment(restored);
      return { pyodide: restored, start: "snapshot", problem: null };
    } catch (error) {
      const unusable = await bytes.then(
        () => null,
        (reason) => reason,
      );
      problem = unusable
        ? unusable.message
        : `the snapshot did not load: ${String(error && error.message ? error.message : error)}`;
    } finally {
      // Pyodide keeps its options: let the 31 MB go (ArrayBuffer.transfer detaches them).
      bytes.then(
        (unpacked) => unpacked.buffer.transfer?.(0),
        () => {},
      );
    }
  }
  return { pyodide: await loadPyodide(options), start: "plain", problem };
}

/** The runner's Python in `pyodide`: `modules` ({path under MODULE_DIR: text}) written,
 * RUNNER_MODULE imported (from a snapshot it is there already), MODULE_DIR off sys.path
 * again (the reader's programs should not see it), and setup(write, flush, blockFor, needs)
 * called: write(fd, text) takes the programs' output, flush() is called when it should be
 * sent, blockFor(seconds) (or null) waits for time.sleep on a cross-origin isolated page,
 * needs is needs.json (the messages of what a browser refuses).
 * Returns {runner: the module, info: what setup() says (e.g. the Python version)}. */
export function startRunner(pyodide, modules, { write, flush, blockFor = null }) {
  writeModules(pyodide, modules);
  const runner = pyodide.runPython(
    `import sys\nsys.path.insert(0, '${MODULE_DIR}')\nimport ${RUNNER_MODULE}\n` +
      `sys.path.remove('${MODULE_DIR}')\n${RUNNER_MODULE}`,
  );
  const info = JSON.parse(runner.setup(write, flush, blockFor, JSON.stringify(NEEDS)));
  return { runner, info };
}

/** Load the runtime `need` (RUNTIMES) into `pyodide` and install it through `runner`;
 * `baseURL` resolves a runtime's wheel. With `load` false the package is taken to be
 * importable already (the harness's --source). Throws an Error when it does not load. */
export async function installRuntime(pyodide, runner, need, { baseURL = null, load = true } = {}) {
  const spec = RUNTIMES[need];
  if (load) {
    const errors = [];
    await pyodide.loadPackage(spec.package ?? new URL(spec.wheel, baseURL).href, {
      messageCallback: quiet,
      errorCallback: (message) => errors.push(message),
    });
    if (errors.length) throw new Error(`the ${need} runtime did not load: ${errors.join(" ")}`);
  }
  runner.install_runtime(need, spec.module);
}
