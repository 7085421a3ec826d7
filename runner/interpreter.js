// The page's interpreter: one Python worker (worker.js) per page, shared by every runnable
// block, one run at a time. It loads the worker on demand, queues the blocks' runs, passes
// the worker's messages to the run they belong to, stops a run (an interrupt, a cancel, or
// failing those a new worker) and replaces a worker that failed.
//
// Messages: see worker.js.

const HARD_STOP_MS = { isolated: 800, plain: 400 };
// What a run stopped before it began (Python loading, another block running) ends with.
const NOT_BEGUN = Object.freeze({ status: "stopped", seconds: null, restart: false });

export class Interpreter {
  constructor() {
    this.worker = null;
    this.ready = null;
    this.info = null;
    this.interrupt = null;
    this.restartReason = null; // the error after which the interpreter is being replaced
    this.current = null; // {id, resolve, onOutput, stopTimer}
    this.nextId = 1;
    this.queue = Promise.resolve();
  }

  get loading() {
    return this.ready !== null && this.info === null;
  }

  load() {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker = worker;
    this.info = null;
    const shared = self.crossOriginIsolated && typeof SharedArrayBuffer === "function";
    this.interrupt = shared ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === "ready") {
          this.info = data;
          resolve(data);
        } else if (data.type === "broken") {
          reject(new Error(data.message));
        } else {
          this.onMessage(data);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const error = new Error(event.message || "the Python worker failed");
        if (this.info === null) reject(error);
        else this.crashed(error.message);
      };
    });
    this.ready.catch(() => {
      if (this.worker === worker) this.discard();
    });
    worker.postMessage({ type: "init", interrupt: this.interrupt ? this.interrupt.buffer : null });
    return this.ready;
  }

  discard() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = null;
    this.info = null;
  }

  onMessage(data) {
    const run = this.current;
    if (!run || data.id !== run.id) return;
    if (data.type === "output") run.onOutput(data.chunks);
    else if (data.type === "explored") run.onProgress?.(data);
    else if (data.type === "done") this.finish(data);
  }

  finish(result) {
    const run = this.current;
    if (!run) return;
    clearTimeout(run.stopTimer);
    this.current = null;
    if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
    if (result.restart) this.restart(typeof result.restart === "string" ? result.restart : null);
    run.resolve(result);
  }

  crashed(message) {
    const wasRunning = this.current;
    this.restart();
    if (wasRunning) {
      this.current = wasRunning;
      this.finish({ status: "crashed", error: `The interpreter failed: ${message}`, restart: false });
    }
  }

  /** A new interpreter: the old one is ended, the new one loads in the background.
   * `reason` (the error that left the old one unusable) is shown while it loads. */
  restart(reason = null) {
    this.discard();
    this.restartReason = reason;
    this.load().then(
      () => {
        this.restartReason = null;
      },
      () => {},
    );
  }

  /** Queue a run (or an explore: request.type "explore", whose progress goes to
   * `onProgress`); `onWait` is called when it has to wait for another block's run. A Stop
   * for `ticket` before the run begins (Python loading, another block's run) cancels it. */
  run(request, { ticket, onOutput, onWait, onStart, onProgress = null }) {
    const busy = this.current !== null;
    if (busy) onWait();
    const stoppedEarly = new Promise((resolve) => {
      ticket.cancel = () => resolve(NOT_BEGUN);
    });
    const result = this.queue.then(async () => {
      const info = await this.load();
      if (ticket.stopped) return NOT_BEGUN;
      onStart(info);
      return new Promise((resolve) => {
        const id = this.nextId++;
        const started = performance.now();
        this.current = { id, ticket, resolve, onOutput, onProgress, stopTimer: null, started };
        if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
        this.worker.postMessage({ type: "run", id, ...request });
      });
    });
    this.queue = result.catch(() => {});
    return Promise.race([result, stoppedEarly]);
  }

  /** Stop the run in progress within a second: KeyboardInterrupt (isolated pages) or a
   * cancel of what it awaits; failing that, end the worker and start a new one. */
  stop(ticket) {
    const run = this.current;
    if (!run || run.ticket !== ticket) {
      ticket.stopped = true; // not begun yet: it never will, and the block is free at once
      ticket.cancel();
      return;
    }
    if (this.interrupt) {
      Atomics.store(this.interrupt, 0, 2); // SIGINT: KeyboardInterrupt at the next bytecode
      Atomics.notify(this.interrupt, 0); // and wakes a time.sleep()
    }
    this.worker.postMessage({ type: "stop", id: run.id });
    const grace = this.interrupt ? HARD_STOP_MS.isolated : HARD_STOP_MS.plain;
    run.stopTimer = setTimeout(() => {
      if (this.current !== run) return;
      const seconds = (performance.now() - run.started) / 1000;
      this.restart();
      this.current = run;
      this.finish({ status: "stopped", seconds, hard: true, restart: false });
    }, grace);
  }
}

// The page's one interpreter (window.guideRunner.interpreter).
export const interpreter = new Interpreter();
