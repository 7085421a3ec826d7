// The page's Python: Pyodide in a module Web Worker, so that no program can freeze the page.
//
// Messages from the page (runner.js):
//   {type: "init", interrupt: SharedArrayBuffer | null}   load Pyodide (once per worker)
//   {type: "run", id, code, filename, firstLine, needs, session, seed, timeline}
//                                                        run one program (seed: of the
//                                                        simulated threads' schedule; null
//                                                        for a new one; timeline: false to
//                                                        record none)
//   {type: "stop", id}                                    stop it while it waits (await, sleep)
//   {type: "explore", id, code, filename, firstLine,      run it under seeds 1..count, no
//    needs, count, seconds, check, checkFile}           timelines, for at most `seconds`;
//                                                        with check (check.py's text) each
//                                                        run is judged (guide_runner.judge)
//                                                        and the first failure ends it
// Messages to the page:
//   {type: "ready", python, pyodide, jspi, seconds,       or {type: "broken", message}
//    start, snapshot}                                    start: "snapshot" or "plain" (and
//                                                        snapshot: why not)
//   {type: "output", id, chunks: [[fd, text], ...]}       stdout (1) and stderr (2), batched
//   {type: "done", id, status, exitCode, error, limit, cut, tail, seconds, restart, seed,
//    timeline}                                           timeline: null, or {svg,
//                                                        svg_narrow, lanes, threads, tasks,
//                                                        events, dropped, limit, clock,
//                                                        deadlock}
//   {type: "explored", id, runs, total}                   an explore's next runs ({seed, ending,
//                                                        output, detail}); it ends with a
//                                                        "done" whose `ended` is done, budget,
//                                                        stopped, restart or crashed
//
// A Stop while Python computes arrives through the interrupt buffer (KeyboardInterrupt) when
// the page is cross-origin isolated; otherwise the page terminates this worker.

import { snapshotBytes, snapshotManifest } from "./snapshot.mjs";
import { installRuntime, loadPython, RUNTIMES, startRunner } from "./start_python.mjs";
import GUIDE from "../guide/__init__.py";
import TIMELINE from "../guide/timeline/__init__.py";
import TIMELINE_BUDGET from "../guide/timeline/budget.py";
import TIMELINE_FRAME from "../guide/timeline/frame.py";
import TIMELINE_LOOP_TRACE from "../guide/timeline/loop_trace.py";
import TIMELINE_SCALE from "../guide/timeline/scale.py";
import TIMELINE_STORY from "../guide/timeline/story.py";
import TIMELINE_SVG from "../guide/timeline/svg.py";
import TIMELINE_TEXT from "../guide/timeline/text.py";
import RUNNER from "./guide_runner/__init__.py";
import RUNNER_BASELINE from "./guide_runner/baseline.py";
import RUNNER_EXPLORE from "./guide_runner/explore.py";
import RUNNER_JUDGE from "./guide_runner/judge.py";
import RUNNER_LOOP from "./guide_runner/loop.py";
import RUNNER_PROGRAM from "./guide_runner/program.py";
import RUNNER_RECORDING from "./guide_runner/recording.py";
import RUNNER_SANDBOX from "./guide_runner/sandbox.py";
import RUNNER_STATE from "./guide_runner/state.py";
import RUNNER_STREAMS from "./guide_runner/streams.py";
import RUNNER_TRACEBACKS from "./guide_runner/tracebacks.py";
import NEEDS from "./needs.json" with { type: "json" };

// The Python modules of the runner, written to Pyodide's file system under MODULE_DIR at the
// path they are imported from here, without its leading "./" or "../" (make_snapshot.mjs and
// guide/hooks/vendor.py read these imports the same way): the runner's package, guide_runner,
// imports the timelines' package, guide.timeline, shared with the site build.
const MODULES = {
  "guide/__init__.py": GUIDE,
  "guide/timeline/__init__.py": TIMELINE,
  "guide/timeline/budget.py": TIMELINE_BUDGET,
  "guide/timeline/frame.py": TIMELINE_FRAME,
  "guide/timeline/loop_trace.py": TIMELINE_LOOP_TRACE,
  "guide/timeline/scale.py": TIMELINE_SCALE,
  "guide/timeline/story.py": TIMELINE_STORY,
  "guide/timeline/svg.py": TIMELINE_SVG,
  "guide/timeline/text.py": TIMELINE_TEXT,
  "guide_runner/__init__.py": RUNNER,
  "guide_runner/baseline.py": RUNNER_BASELINE,
  "guide_runner/explore.py": RUNNER_EXPLORE,
  "guide_runner/judge.py": RUNNER_JUDGE,
  "guide_runner/loop.py": RUNNER_LOOP,
  "guide_runner/program.py": RUNNER_PROGRAM,
  "guide_runner/recording.py": RUNNER_RECORDING,
  "guide_runner/sandbox.py": RUNNER_SANDBOX,
  "guide_runner/state.py": RUNNER_STATE,
  "guide_runner/streams.py": RUNNER_STREAMS,
  "guide_runner/tracebacks.py": RUNNER_TRACEBACKS,
};

const PYODIDE_URL = new URL("../vendor/pyodide/", import.meta.url).href;

// Runtimes (start_python.mjs RUNTIMES: the simulated threads) are loaded before the first
// run that needs them: the block's data-needs, or what the code uses now (see codeNeeds).

// What the code (perhaps edited by the reader) uses that a runtime provides: the "patterns"
// of needs.json, e.g. threads for threading, _thread, queue, concurrent.futures and
// time.sleep (which then blocks only the calling thread). Simulated threads need JSPI
// (stack switching): without it, threads stay unavailable and the page explains why.
const CODE_USES = Object.entries(NEEDS.needs)
  .filter(([, need]) => need.patterns)
  .map(([name, need]) => [name, new RegExp(need.patterns.join("|"))]);

function codeNeeds(code, needs) {
  const found = new Set(needs);
  if (jspiSupported()) {
    for (const [name, uses] of CODE_USES) if (uses.test(code)) found.add(name);
  }
  if (!jspiSupported()) found.delete("threads");
  return [...found];
}

// Output the page gets: the first HEAD_LINES lines (or HEAD_CHARS characters), then only a
// count of what was cut and the last TAIL_LINES lines, so that a program printing without
// end cannot flood the page.
const HEAD_LINES = 2000;
const HEAD_CHARS = 200_000;
const TAIL_LINES = 40;
const FLUSH_MS = 25;

let pyodide = null;
let runtime = null;
let interruptBuffer = null;
const installed = new Set();
let current = null; // the run in progress: {id, pending, sentLines, sentChars, tail, cut...}

function send(message) {
  self.postMessage(message);
}

function flush() {
  if (!current || current.pending.length === 0) return;
  send({ type: "output", id: current.id, chunks: current.pending });
  current.pending = [];
  current.lastFlush = performance.now();
  if (current.timer) {
    clearTimeout(current.timer);
    current.timer = null;
  }
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function keepTail(run, fd, text) {
  run.tail.push([fd, text]);
  run.tailLines += countLines(text);
  while (run.tail.length > 1 && run.tailLines > TAIL_LINES) {
    const [, dropped] = run.tail.shift();
    const lines = countLines(dropped);
    run.tailLines -= lines;
    run.cutLines += lines;
    run.cutChars += dropped.length;
  }
}

function emit(fd, text) {
  const run = current;
  if (!run) return;
  if (run.capped) {
    keepTail(run, fd, text);
    return;
  }
  let room = HEAD_CHARS - run.sentChars;
  let lines = countLines(text);
  if (run.sentLines >= HEAD_LINES || run.sentLines + lines > HEAD_LINES || text.length > room) {
    // Send what fits, up to the end of a line, and keep the rest for the tail.
    let end = 0;
    let n = run.sentLines;
    while (n < HEAD_LINES) {
      const next = text.indexOf("\n", end);
      if (next === -1 || next + 1 > room) break;
      end = next + 1;
      n++;
    }
    if (end > 0) {
      run.pending.push([fd, text.slice(0, end)]);
      run.sentLines = n;
      run.sentChars += end;
    }
    run.capped = true;
    keepTail(run, fd, text.slice(end));
    flush();
    return;
  }
  run.sentLines += lines;
  run.sentChars += text.length;
  const last = run.pending[run.pending.length - 1];
  if (last && last[0] === fd) last[1] += text;
  else run.pending.push([fd, text]);
  // Send at most every FLUSH_MS: at once when the program keeps printing, or from a timer
  // when it waits (asyncio.sleep), so that output appears as it is produced. A page that is
  // not cross-origin isolated can stop a program that never yields only by ending this
  // worker, and a timer would never fire before that: there, every write is sent at once
  // (the head's cap bounds how many).
  if (!interruptBuffer || performance.now() - run.lastFlush >= FLUSH_MS) flush();
  else if (!run.timer) run.timer = setTimeout(flush, FLUSH_MS);
}

// Python started as start_python.mjs starts it (the runtime tests' harness too).
async function init(interrupt) {
  const start = performance.now();
  // The snapshot's manifest (an interpreter that has imported this runner: snapshot.mjs) is
  // checked while Pyodide's script loads.
  const manifest = snapshotManifest(PYODIDE_URL, MODULES).catch((error) => error);
  const { loadPyodide, version } = await import(/* webpackIgnore: true */ `${PYODIDE_URL}pyodide.mjs`);
  const started = await loadPython(loadPyodide, {
    indexURL: PYODIDE_URL,
    version,
    manifest: await manifest,
    snapshotBytes: (fits) => snapshotBytes(PYODIDE_URL, fits),
  });
  pyodide = started.pyodide;
  if (interrupt) {
    interruptBuffer = new Int32Array(interrupt);
    pyodide.setInterruptBuffer(interruptBuffer);
  }
  const { runner, info } = startRunner(pyodide, MODULES, {
    write: emit,
    flush,
    blockFor: interruptBuffer ? blockFor : null,
  });
  runtime = runner;
  return {
    type: "ready",
    python: info.python,
    pyodide: pyodide.version,
    jspi: jspiSupported(),
    seconds: (performance.now() - start) / 1000,
    start: started.start,
    snapshot: started.problem,
  };
}

// time.sleep on an isolated page: wait on the interrupt buffer, which a Stop sets and wakes.
function blockFor(seconds) {
  Atomics.wait(interruptBuffer, 0, 0, Math.max(0, seconds * 1000));
}

function jspiSupported() {
  return typeof WebAssembly.Suspending === "function";
}

async function installRuntimes(needs) {
  const missing = needs.filter((need) => RUNTIMES[need] && !installed.has(need));
  if (missing.length === 0) return;
  // A Stop while a runtime installs must not raise KeyboardInterrupt inside Pyodide's own
  // unpacking (the install would fail as a crash): interrupts are off meanwhile, and a Stop
  // that came is taken afterwards, before the program starts.
  if (interruptBuffer) pyodide.setInterruptBuffer(undefined);
  try {
    for (const need of missing) {
      await installRuntime(pyodide, runtime, need, { baseURL: import.meta.url });
      installed.add(need);
    }
  } finally {
    if (interruptBuffer) {
      if (Atomics.exchange(interruptBuffer, 0, 0) !== 0) current.stopRequested = true;
      pyodide.setInterruptBuffer(interruptBuffer);
    }
  }
}

// Stop came while the runtimes loaded, before the program began: it never starts.
const STOPPED_BEFORE_START = Object.freeze({
  status: "stopped",
  exit_code: null,
  error: null,
  limit: null,
  restart: false,
  seconds: 0,
});

async function run({ id, code, filename, firstLine, needs: blockNeeds, session, seed, timeline }) {
  const needs = codeNeeds(code, blockNeeds);
  current = {
    id,
    pending: [],
    lastFlush: performance.now(),
    timer: null,
    sentLines: 0,
    sentChars: 0,
    capped: false,
    tail: [],
    tailLines: 0,
    cutLines: 0,
    cutChars: 0,
  };
  let result;
  try {
    await installRuntimes(needs);
    if (current.stopRequested) {
      result = STOPPED_BEFORE_START;
    } else {
      const options = { first_line: firstLine, timeline: timeline !== false };
      const args = [code, filename, session || "", needs.join(" "), seed ?? null, options];
      // With JSPI the program may block on a promise (asyncio.run, time.sleep) without
      // freezing this worker's event loop; without it, it runs as a plain call.
      const json = jspiSupported()
        ? await runtime.run.callPromisingKwargs(...args)
        : runtime.run.callKwargs(...args);
      result = JSON.parse(json);
    }
  } catch (error) {
    // Not a Python exception (those are in the result): Pyodide itself failed.
    result = {
      status: "crashed",
      exit_code: 1,
      error: `The interpreter failed: ${String(error && error.message ? error.message : error)}`,
      limit: null,
      restart: true,
      seconds: 0,
    };
  }
  const run = current;
  flush();
  current = null;
  send({
    type: "done",
    id,
    status: result.status,
    exitCode: result.exit_code,
    error: result.error,
    limit: result.limit,
    restart: result.restart,
    seconds: result.seconds,
    seed: result.seed ?? null,
    timeline: result.timeline ?? null,
    cut: run.cutLines || run.cutChars ? { lines: run.cutLines, chars: run.cutChars } : null,
    tail: run.capped ? run.tail : [],
  });
}

// Explore: the program under seeds 1..count without timelines (guide_runner.explore), in
// batches of EXPLORE_BATCH so that progress reaches the page and a Stop is taken between
// them; it ends after `seconds` (the time budget) even if seeds remain.
const EXPLORE_BATCH = 5;

async function explore(message) {
  const { id, code, filename, firstLine, needs: blockNeeds, count, seconds, check, checkFile } = message;
  const needs = codeNeeds(code, blockNeeds);
  current = { id, pending: [], stopRequested: false, explore: true };
  const start = performance.now();
  let ended = "done";
  let error = null;
  try {
    await installRuntimes(needs);
    for (let next = 1; next <= count; next += EXPLORE_BATCH) {
      if (current.stopRequested) {
        ended = "stopped";
        break;
      }
      const left = seconds - (performance.now() - start) / 1000;
      if (left <= 0) {
        ended = "budget";
        break;
      }
      const seeds = [];
      for (let seed = next; seed < next + EXPLORE_BATCH && seed <= count; seed++) seeds.push(seed);
      const options = { first_line: firstLine, seconds: left };
      if (check != null) Object.assign(options, { check_source: check, check_filename: checkFile });
      const engine = check != null ? runtime.check_seeds : runtime.explore;
      const args = [code, filename, needs.join(" "), seeds, options];
      const json = jspiSupported() ? await engine.callPromisingKwargs(...args) : engine.callKwargs(...args);
      const batch = JSON.parse(json);
      send({ type: "explored", id, runs: batch.runs, total: count });
      if (batch.ended !== "done") {
        ended = batch.ended;
        break;
      }
    }
  } catch (failure) {
    ended = "crashed";
    error = String(failure && failure.message ? failure.message : failure);
  }
  current = null;
  const restart = ended === "restart" || ended === "crashed";
  const status = ended === "stopped" ? "stopped" : "finished";
  send({ type: "done", id, status, ended, error, restart, seconds: (performance.now() - start) / 1000 });
}

let queue = Promise.resolve();

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") {
    queue = queue
      .then(() => init(message.interrupt))
      .then(send, (error) => send({ type: "broken", message: String(error && error.message) }));
  } else if (message.type === "run") {
    queue = queue.then(() => run(message));
  } else if (message.type === "explore") {
    queue = queue.then(() => explore(message));
  } else if (message.type === "stop") {
    // Arrives only while the program waits (this worker's event loop is free then): cancel
    // what it awaits. A KeyboardInterrupt raised while Python resumes from the wait would
    // break Pyodide's stack switching, so the page's interrupt request is withdrawn.
    if (interruptBuffer) Atomics.store(interruptBuffer, 0, 0);
    if (current && current.id === message.id) {
      current.stopRequested = true;
      if (runtime) runtime.request_stop();
    }
  }
};
