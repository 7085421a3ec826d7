// Runnable examples: every `.guide-example[data-run="browser"]` block of a page (see
// theme/hooks/examples.py) gets an editor (editor.js, CodeMirror) and Run, Stop, Reset and
// Copy buttons; its program runs in Pyodide inside a Web Worker (worker.js), one per page.
//
// Pyodide is not fetched with the page: loading starts when the reader shows intent (the
// pointer on a block's buttons, focus in a block, or scrolling a block into view) or runs.

const SCROLL_KEYS = new Set(["PageDown", "PageUp", "ArrowDown", "ArrowUp", " ", "Home", "End"]);
const HARD_STOP_MS = { isolated: 800, plain: 400 };
// What a run stopped before it began (Python loading, another block running) ends with.
const NOT_BEGUN = Object.freeze({ status: "stopped", seconds: null, restart: false });

const jspiInPage = typeof WebAssembly === "object" && typeof WebAssembly.Suspending === "function";

// ---------------------------------------------------------------------------------------
// The interpreter: one worker per page, shared by every block, one run at a time.

class Interpreter {
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

  /** Queue a run; `onWait` is called when it has to wait for another block's run. A Stop
   * for `ticket` before the run begins (Python loading, another block's run) cancels it. */
  run(request, { ticket, onOutput, onWait, onStart }) {
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
        this.current = { id, ticket, resolve, onOutput, stopTimer: null, started: performance.now() };
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

const interpreter = new Interpreter();

// ---------------------------------------------------------------------------------------
// Messages

const NAMES = { 1: "stdout", 2: "stderr" };

function recordedSentence(block) {
  if (!block.recorded) return "Run it on your computer to see what it prints.";
  const original = block.edited ? " by the original program" : "";
  return `Below is the output recorded${original} on ${block.recorded}.`;
}

function limitMessage(limit, block) {
  const name = limit.name ? `<code>${escapeHtml(limit.name)}</code>` : "";
  switch (limit.kind) {
    case "threads":
      return (
        "This program starts threads. Python in this page runs them as simulated threads, " +
        "which need WebAssembly stack switching (JSPI): this browser lacks it (Chrome and " +
        "Edge have it from version 137, Firefox from 153). " +
        recordedSentence(block)
      );
    case "processes":
      return (
        "This program starts processes. A web page cannot start programs, so Python in the " +
        "browser has no <code>multiprocessing</code>, <code>subprocess</code> or process " +
        "pools; only an installed Python can run this. " +
        recordedSentence(block)
      );
    case "sockets":
      return (
        "This program opens network connections, and Python in a web page cannot open " +
        "sockets: a page reaches the network only through the browser. " +
        recordedSentence(block)
      );
    case "jspi":
      return (
        "<code>asyncio.run()</code> needs WebAssembly stack switching (JSPI), which this " +
        "browser lacks (Chrome and Edge have it from version 137, Firefox from 153). " +
        recordedSentence(block)
      );
    case "input":
      return (
        "<code>input()</code> has nothing to read here: the program runs in the page, " +
        'without a terminal. Put the value in the code instead, e.g. <code>name = "Ada"</code>.'
      );
    case "package":
      return (
        `${name} is not in Python's standard library, and Python in this page has the ` +
        "standard library only (it downloads nothing while you read). To run this, install " +
        `it on your computer: <code>python -m pip install ${escapeHtml(limit.name)}</code>.`
      );
    case "stdlib":
      return (
        `${name} is part of Python's standard library, but Python in the browser (Pyodide) ` +
        "leaves it out. Run this on your computer."
      );
    default:
      return "";
  }
}

const TIMELINE_HINT = "Hover, focus (Tab) or tap a mark or bar for its details.";

/** The timeline's SVG as an element, parsed as XML (never as HTML), or null. */
function parseSvg(text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) return null;
  return document.importNode(root, true);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function seconds(value) {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function number(value) {
  return value.toLocaleString("en");
}

// ---------------------------------------------------------------------------------------
// One runnable block

let editorModule = null;
function loadEditor() {
  editorModule ??= import("./editor.js");
  return editorModule;
}

function button(label, action, extra = {}) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `md-button guide-runner__button guide-runner__${action}`;
  element.textContent = label;
  for (const [key, value] of Object.entries(extra)) element.setAttribute(key, value);
  return element;
}

// ---------------------------------------------------------------------------------------
// Edits kept in the browser: a reader's edited code survives a reload, Back and coming back
// to the page. Kept per page and block in localStorage, with a hash of the original, so that
// an edit of an example that has changed since is dropped rather than shown as the new one.

const EDIT_PREFIX = "guide-runner:edit:";

function hashOf(text) {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: enough to tell versions of one example apart
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

const keptEdits = {
  read(key, original) {
    try {
      const kept = JSON.parse(localStorage.getItem(key));
      if (kept && kept.of === hashOf(original) && typeof kept.code === "string") return kept.code;
      if (kept) localStorage.removeItem(key); // an edit of an older version of the example
    } catch {
      // no storage (a private window, a blocked site): edits last as long as the page
    }
    return null;
  },
  write(key, original, code) {
    try {
      if (code === original) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ of: hashOf(original), code }));
    } catch {
      // storage full or refused: the edit stays in the page
    }
  },
};

class Block {
  constructor(root, index) {
    this.root = root;
    this.name = root.dataset.snippet;
    // As CPython names it when run from the repository, so that warnings and tracebacks
    // read as in the recorded output; lines are numbered as in the file.
    this.filename = `snippets/${this.name}`;
    this.firstLine = Number(root.dataset.firstLine || 1);
    this.needs = (root.dataset.needs || "").split(/\s+/).filter(Boolean);
    this.recorded = root.dataset.recorded || null;
    this.codeBox = root.querySelector(".language-python.highlight") || root.querySelector(".highlight");
    this.pre = this.codeBox.querySelector("pre");
    this.original = this.pre.querySelector("code").textContent;
    this.recordedBox = [...root.querySelectorAll(".highlight")].find((e) => e !== this.codeBox);
    this.editor = null;
    this.edited = false;
    this.editKey = `${EDIT_PREFIX}${location.pathname}|${this.name}|${index}`;
    this.running = false;
    this.recordTimeline = true; // the bench switches it off to measure what recording costs
    this.build(index);
    root.classList.add("guide-runner");
  }

  get code() {
    return this.editor ? this.editor.code : this.original;
  }

  get session() {
    return this.root.dataset.session || null;
  }

  build(index) {
    const id = `guide-runner-${index}`;
    const bar = document.createElement("div");
    bar.className = "guide-runner__bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", `Run ${this.name}`);
    this.runButton = button("▶ Run", "run", {
      "aria-keyshortcuts": "Control+Enter Meta+Enter",
    });
    // No title attributes: Material turns them into tooltips that get in the way of clicks.
    this.stopButton = button("■ Stop", "stop", {
      "aria-disabled": "true",
      "aria-keyshortcuts": "Escape",
    });
    this.resetButton = button("↺ Reset", "reset");
    this.copyButton = button("Copy", "copy");
    this.progress = document.createElement("progress");
    this.progress.className = "guide-runner__progress";
    this.progress.setAttribute("aria-label", "Loading Python");
    this.progress.hidden = true;
    this.status = document.createElement("span");
    this.status.className = "guide-runner__status";
    this.status.id = `${id}-status`;
    this.status.setAttribute("role", "status");
    this.status.textContent = this.hint();
    this.editedLabel = document.createElement("span");
    this.editedLabel.className = "guide-runner__edited";
    this.editedLabel.textContent = "Edited";
    this.editedLabel.hidden = true;
    bar.append(
      this.runButton,
      this.stopButton,
      this.resetButton,
      this.copyButton,
      this.editedLabel,
      this.progress,
      this.status,
    );

    const output = document.createElement("div");
    output.className = "guide-runner__output";
    output.hidden = true;
    this.title = document.createElement("span");
    this.title.className = "guide-runner__title";
    this.title.id = `${id}-title`;
    this.title.textContent = "Output · this run, in your browser";
    this.log = document.createElement("pre");
    this.log.className = "guide-runner__log";
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-labelledby", this.title.id);
    this.log.tabIndex = 0;
    this.note = document.createElement("div");
    this.note.className = "guide-runner__note";
    this.note.hidden = true;
    this.threads = this.buildThreadsPanel();
    this.timeline = this.buildTimeline();
    output.append(this.title, this.log, this.threads, this.timeline, this.note);
    this.output = output;

    this.codeBox.after(bar, output);
    this.runButton.addEventListener("click", () => this.run());
    this.stopButton.addEventListener("click", () => this.stop());
    this.resetButton.addEventListener("click", () => this.reset());
    this.copyButton.addEventListener("click", () => this.copy());
    const preload = () => interpreter.load().catch(() => {});
    bar.addEventListener("pointerenter", preload, { once: true });
    this.root.addEventListener("focusin", preload, { once: true });
    // Escape stops a run while focus is anywhere in the block (the editor included: the
    // capture phase sees the key before CodeMirror does); otherwise it is left alone.
    this.root.addEventListener(
      "keydown",
      (event) => {
        if (event.key !== "Escape" || !this.running) return;
        event.preventDefault();
        event.stopPropagation();
        this.stop();
      },
      { capture: true },
    );
  }

  /** What a run with simulated threads shows under its output: that they are simulated,
   * the seed of the run, and buttons to run again with the same seed or a new one. */
  buildThreadsPanel() {
    const panel = document.createElement("div");
    panel.className = "guide-runner__threads";
    panel.hidden = true;
    const text = document.createElement("p");
    text.className = "guide-runner__threads-text";
    this.seedText = document.createElement("span");
    this.seedText.className = "guide-runner__seed";
    text.append(
      "Threads here are simulated on one WebAssembly thread: their interleaving and blocking " +
        "are real, parallel speed-up is not. ",
      this.seedText,
    );
    this.sameSeedButton = button("↻ Same seed", "same-seed", {
      title: "Run again with this seed: the same interleaving, the same output",
    });
    this.newSeedButton = button("⚄ New seed", "new-seed", {
      title: "Run again with a new seed: another interleaving",
    });
    this.sameSeedButton.addEventListener("click", () => this.run({ seed: this.seed }));
    this.newSeedButton.addEventListener("click", () => this.run({ seed: null }));
    panel.append(text, this.sameSeedButton, this.newSeedButton);
    return panel;
  }

  /** The run's timeline (threads or tasks), collapsed under the output: the SVGs (from
   * guide_timeline.render_svgs: wide, and narrow for a phone; CSS shows one), and a caption
   * that shows the details of the item focused, hovered or tapped (each item carries them in
   * its aria-label and <title>); the figure's own focus tip stays hidden here. */
  buildTimeline() {
    const details = document.createElement("details");
    details.className = "guide-runner__timeline";
    details.hidden = true;
    this.timelineSummary = document.createElement("summary");
    this.timelineScroll = document.createElement("div");
    this.timelineScroll.className = "tl-scroll";
    this.timelineDetail = document.createElement("p");
    this.timelineDetail.className = "guide-runner__timeline-detail";
    this.timelineDetail.setAttribute("aria-live", "polite");
    this.timelineNote = document.createElement("p");
    this.timelineNote.className = "guide-runner__timeline-note";
    this.timelineNote.hidden = true;
    details.append(this.timelineSummary, this.timelineScroll, this.timelineDetail, this.timelineNote);
    const scroll = this.timelineScroll;
    const describe = (event) => {
      const item = event.target.closest?.("[tabindex]");
      if (item && scroll.contains(item)) this.describeTimelineItem(item);
    };
    scroll.addEventListener("focusin", describe);
    scroll.addEventListener("pointerover", describe);
    scroll.addEventListener("click", describe); // a tap, on touch screens
    scroll.addEventListener("focusout", () => this.describeTimelineItem(null));
    scroll.addEventListener("pointerleave", (event) => {
      // A finger lifted also "leaves": the tapped item's details stay.
      if (event.pointerType === "mouse") this.describeTimelineItem(null);
    });
    return details;
  }

  describeTimelineItem(item) {
    const focused = this.timelineScroll.querySelector(":focus");
    const shown = item ?? focused;
    const text = shown
      ? shown.getAttribute("aria-label") || shown.querySelector(":scope > title")?.textContent || ""
      : "";
    this.timelineDetail.textContent = text || TIMELINE_HINT;
  }

  showTimeline(timeline) {
    const svg = timeline?.svg ? parseSvg(timeline.svg) : null;
    if (timeline?.error) console.warn("timeline:", timeline.error);
    if (!svg) return;
    const parts = ["Timeline"];
    if (timeline.threads > 0) parts.push(`${timeline.threads} thread${timeline.threads === 1 ? "" : "s"}`);
    if (timeline.tasks > 0) parts.push(`${timeline.tasks} task${timeline.tasks === 1 ? "" : "s"}`);
    parts.push(`${number(timeline.events)} events`);
    const clock = timeline.clock === "virtual" ? "simulated threads, virtual time" : "real time";
    this.timelineSummary.textContent = `${parts.join(" · ")} (${clock})`;
    // The narrow layout (each name above its row) is the one shown on a phone (timeline.css).
    const narrow = timeline.svg_narrow ? parseSvg(timeline.svg_narrow) : null;
    this.timelineScroll.replaceChildren(...(narrow ? [svg, narrow] : [svg]));
    this.timelineDetail.textContent = TIMELINE_HINT;
    if (timeline.dropped > 0) {
      this.timelineNote.textContent =
        `A long run: the first and last ${number(timeline.limit)} events are shown; ` +
        `${number(timeline.dropped)} in between were not kept.`;
      this.timelineNote.hidden = false;
    }
    this.timeline.classList.toggle("guide-runner__timeline--deadlock", Boolean(timeline.deadlock));
    this.timeline.hidden = false;
  }

  clearTimeline() {
    this.timeline.hidden = true;
    this.timeline.open = false;
    this.timeline.classList.remove("guide-runner__timeline--deadlock");
    this.timelineSummary.textContent = "";
    this.timelineScroll.replaceChildren();
    this.timelineDetail.textContent = "";
    this.timelineNote.textContent = "";
    this.timelineNote.hidden = true;
  }

  showSeed(seed) {
    this.seed = seed ?? null;
    this.threads.hidden = this.seed === null;
    if (this.seed !== null) {
      this.seedText.textContent = `Seed ${this.seed} (it fixes the schedule and random).`;
      this.root.dataset.seed = String(this.seed);
    } else {
      delete this.root.dataset.seed;
    }
  }

  hint() {
    if (this.needs.includes("asyncio") && !jspiInPage) {
      return "This browser lacks WebAssembly JSPI, which asyncio.run() needs here.";
    }
    return "Editable · runs in your browser (Pyodide) · Ctrl+Enter runs it, Esc stops it";
  }

  async attachEditor() {
    const { createEditor } = await loadEditor();
    const kept = keptEdits.read(this.editKey, this.original);
    this.editor = createEditor({
      parent: this.codeBox,
      before: this.pre,
      code: this.original,
      kept,
      firstLine: this.firstLine,
      label: `Code of ${this.name}, editable. Ctrl+Enter runs it, Escape stops it; Tab leaves the editor.`,
      onRun: () => this.run(),
      onChange: (edited) => {
        this.markEdited(edited);
        keptEdits.write(this.editKey, this.original, this.editor.code);
      },
    });
    if (kept !== null) {
      this.markEdited(true);
      this.setStatus("Your edited code, kept in this browser · Reset restores the original");
    }
    this.pre.hidden = true;
    this.codeBox.classList.add("guide-runner__code");
  }

  markEdited(edited) {
    this.edited = edited;
    this.root.classList.toggle("guide-runner--edited", edited);
    this.editedLabel.hidden = !edited;
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  setRunning(running) {
    this.running = running;
    this.root.classList.toggle("guide-runner--running", running);
    this.runButton.setAttribute("aria-disabled", String(running));
    this.stopButton.setAttribute("aria-disabled", String(!running));
  }

  clearOutput() {
    this.log.textContent = "";
    this.threads.hidden = true;
    this.clearTimeline();
    this.note.hidden = true;
    this.note.innerHTML = "";
    this.output.hidden = true;
    this.recordedBox?.classList.remove("guide-runner__recorded--shown");
    this.root.removeAttribute("data-state");
  }

  append(chunks) {
    const log = this.log;
    const atEnd = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    for (const [fd, text] of chunks) {
      const last = log.lastElementChild;
      if (last && last.dataset.fd === String(fd) && last === log.lastChild) {
        last.firstChild.appendData(text);
      } else {
        const span = document.createElement("span");
        span.dataset.fd = String(fd);
        span.className = `guide-runner__${NAMES[fd] || "stdout"}`;
        span.textContent = text;
        log.append(span);
      }
    }
    if (atEnd) log.scrollTop = log.scrollHeight;
  }

  async run({ seed = null } = {}) {
    if (this.running) return;
    this.setRunning(true);
    this.clearOutput();
    this.output.hidden = false;
    if (!interpreter.info) {
      this.progress.hidden = false;
      const reason = interpreter.restartReason;
      this.setStatus(
        reason
          ? `Restarting Python after the last run's ${reason}, which can leave it unusable…`
          : "Loading Python…",
      );
      this.root.dataset.state = "loading";
    }
    const request = {
      code: this.code,
      filename: this.filename,
      firstLine: this.firstLine,
      needs: this.needs,
      session: this.session,
      seed,
      timeline: this.recordTimeline,
    };
    let result;
    try {
      this.ticket = { stopped: false };
      result = await interpreter.run(request, {
        ticket: this.ticket,
        onWait: () => this.setStatus("Waiting for the run of another example to end…"),
        onStart: (info) => {
          this.progress.hidden = true;
          this.title.textContent = `Output · this run, Python ${info.python} in your browser (Pyodide)`;
          this.setStatus("Running…");
          this.root.dataset.state = "running";
        },
        onOutput: (chunks) => this.append(chunks),
      });
    } catch (error) {
      this.progress.hidden = true;
      this.setRunning(false);
      this.root.dataset.state = "broken";
      this.setStatus(`Python could not be loaded in this page: ${error.message}. Reload to try again.`);
      return;
    }
    this.show(result);
    this.setRunning(false);
  }

  show(result) {
    if (result.cut) {
      const cut = document.createElement("span");
      cut.className = "guide-runner__cut";
      cut.textContent =
        `\n… ${number(result.cut.lines)} more lines (${number(result.cut.chars)} characters) ` +
        "not shown: the panel keeps the first 2,000 lines and the last 40.\n";
      this.log.append(cut);
      this.append(result.tail);
    }
    const limit = result.limit;
    const quiet = limit && ["threads", "processes", "sockets", "jspi"].includes(limit.kind);
    if (result.error && !quiet) this.append([[2, result.error]]);
    const took = result.seconds != null ? ` after ${seconds(result.seconds)} s` : "";
    let status;
    switch (result.status) {
      case "finished":
        status = `Finished in ${seconds(result.seconds)} s.`;
        break;
      case "exited":
        status = `Exited with status ${result.exitCode}${took}.`;
        break;
      case "stopped":
        status = `Stopped${took}.`;
        break;
      case "deadlocked":
        status = `Deadlocked${took}: every thread waits forever (CPython would hang here).`;
        break;
      case "crashed":
        status = "The interpreter failed; a fresh one starts for the next run.";
        if (result.error) this.append([[2, `${result.error}\n`]]);
        break;
      default:
        status = quiet ? "Cannot run in a browser." : `Failed${took}: see the traceback.`;
        if (typeof result.restart === "string") {
          status += ` A ${result.restart} can leave Python unusable, so a fresh one is loading for the next run.`;
        }
    }
    this.root.dataset.state = quiet ? "unsupported" : result.status;
    // A run the browser refused (a process, a socket) says nothing about simulated threads.
    this.showSeed(quiet ? null : result.seed);
    this.showTimeline(result.timeline);
    if (limit) {
      this.root.dataset.limit = limit.kind;
      this.note.innerHTML = limitMessage(limit, this);
      this.note.hidden = false;
      if (quiet && this.recordedBox) this.recordedBox.classList.add("guide-runner__recorded--shown");
    } else {
      delete this.root.dataset.limit;
    }
    if (!this.log.textContent) {
      const empty = document.createElement("span");
      empty.className = "guide-runner__empty";
      empty.textContent = "(no output)";
      this.log.append(empty);
    }
    this.setStatus(status);
  }

  stop() {
    if (!this.running) return;
    this.setStatus("Stopping…");
    interpreter.stop(this.ticket);
  }

  reset() {
    if (this.editor) this.editor.code = this.original;
    this.markEdited(false);
    keptEdits.write(this.editKey, this.original, this.original);
    if (!this.running) this.clearOutput();
    this.setStatus("Back to the original code.");
  }

  async copy() {
    const text = this.code;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    this.setStatus("Code copied to the clipboard.");
  }
}

// ---------------------------------------------------------------------------------------
// Start: blocks, then (when the reader scrolls one into view) Pyodide

function preloadOnScroll(blocks) {
  const saveData = navigator.connection && navigator.connection.saveData;
  if (saveData || !("IntersectionObserver" in self)) return;
  let gesture = false;
  const visible = new Set();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      maybe();
    },
    { threshold: 0.25 },
  );
  const onGesture = (event) => {
    if (event.type !== "keydown" || SCROLL_KEYS.has(event.key)) gesture = true;
  };
  const events = ["wheel", "touchmove", "keydown"];
  for (const type of events) addEventListener(type, onGesture, { passive: true, capture: true });
  const onScroll = () => maybe();
  addEventListener("scroll", onScroll, { passive: true });
  function maybe() {
    if (!gesture || visible.size === 0) return;
    interpreter.load().catch(() => {});
    observer.disconnect();
    removeEventListener("scroll", onScroll);
    for (const type of events) removeEventListener(type, onGesture, { capture: true });
  }
  for (const block of blocks) observer.observe(block.root);
}

function start() {
  const roots = document.querySelectorAll('.guide-example[data-run="browser"]');
  if (roots.length === 0) return;
  const blocks = [];
  roots.forEach((root, index) => {
    try {
      blocks.push(new Block(root, index));
    } catch (error) {
      console.error(`runnable example ${root.dataset.snippet}:`, error);
    }
  });
  for (const block of blocks) {
    block.attachEditor().catch((error) => console.error("editor:", error));
  }
  preloadOnScroll(blocks);
  window.guideRunner = { interpreter, blocks };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
