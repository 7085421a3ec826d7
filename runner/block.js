// One runnable block: the example's code made editable (editor.js, loaded as a separate
// chunk), its Run, Stop, Reset, Copy and Share buttons (and Explore for threading examples,
// Check for exercises that run in the browser)
// and status line, and its output panel (output.js). Runs go through the page's interpreter
// (interpreter.js); links to edited code are made and read by share.js, explorations of
// many seeds run through explore.js, an exercise's check under many seeds through check.js.

import { Checker, checkable } from "./check.js";
import { EDIT_PREFIX, keptEdits } from "./edits.js";
import { explorable, Explorer } from "./explore.js";
import { interpreter } from "./interpreter.js";
import { limitMessage } from "./limits.js";
import { OutputPanel } from "./output.js";
import { clearShareFragment, MAX_URL, shareLink } from "./share.js";
import { button } from "./ui.js";

const jspiInPage = typeof WebAssembly === "object" && typeof WebAssembly.Suspending === "function";

let editorModule = null;
function loadEditor() {
  editorModule ??= import("./editor.js");
  return editorModule;
}

function seconds(value) {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export class Block {
  constructor(root, index) {
    this.root = root;
    this.name = root.dataset.snippet;
    this.index = index;
    // As CPython names it when run from the repository, so that warnings and tracebacks
    // read as in the recorded output; lines are numbered as in the file. A block that is not
    // a snippet (an exercise) says where its file is.
    this.filename = root.dataset.filename || `snippets/${this.name}`;
    this.firstLine = Number(root.dataset.firstLine || 1);
    this.needs = (root.dataset.needs || "").split(/\s+/).filter(Boolean);
    this.recorded = root.dataset.recorded || null;
    this.codeBox = root.querySelector(".language-python.highlight") || root.querySelector(".highlight");
    this.pre = this.codeBox.querySelector("pre");
    this.original = this.pre.querySelector("code").textContent;
    this.recordedBox = [...root.querySelectorAll(".highlight")].find((e) => e !== this.codeBox);
    this.editor = null;
    this.edited = false;
    this.shared = false; // the code came from a share link and is not edited since
    this.sharedSeed = null; // the seed of that link, for the next run
    this.quiet = false; // the code is being replaced by the page, not by the reader
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
    this.shareButton = button("Share", "share", { "aria-controls": `${id}-share` });
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
    this.sharedLabel = document.createElement("span");
    this.sharedLabel.className = "guide-runner__shared";
    this.sharedLabel.textContent = "Shared code";
    this.sharedLabel.hidden = true;
    // Threading examples: Explore runs the code under many seeds (explore.js).
    this.explorer = explorable(this) ? new Explorer(this, id) : null;
    // Exercises (not on processes): Check judges the code under many seeds (check.js).
    this.checker = checkable(this) ? new Checker(this, id) : null;
    bar.append(
      this.runButton,
      this.stopButton,
      this.resetButton,
      this.copyButton,
      this.shareButton,
      ...(this.explorer ? [this.explorer.button] : []),
      ...(this.checker ? [this.checker.button] : []),
      this.editedLabel,
      this.sharedLabel,
      this.progress,
      this.status,
    );

    this.output = new OutputPanel(id, {
      onSameSeed: () => this.run({ seed: this.seed }),
      onNewSeed: () => this.run({ seed: null }),
    });

    this.shareBox = this.buildShareBox(`${id}-share`);
    this.codeBox.after(
      bar,
      this.shareBox,
      this.output.element,
      ...(this.explorer ? [this.explorer.element] : []),
      ...(this.checker ? [this.checker.element] : []),
    );
    this.runButton.addEventListener("click", () => this.run());
    this.stopButton.addEventListener("click", () => this.stop());
    this.resetButton.addEventListener("click", () => this.reset());
    this.copyButton.addEventListener("click", () => this.copy());
    this.shareButton.addEventListener("click", () => this.share());
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

  /** Where a link is shown when the clipboard refuses it: a read-only field to copy from. */
  buildShareBox(id) {
    const box = document.createElement("div");
    box.className = "guide-runner__share-box";
    box.id = id;
    box.hidden = true;
    const label = document.createElement("label");
    label.htmlFor = `${id}-link`;
    label.textContent = "Link to this code (copy it):";
    this.shareField = document.createElement("input");
    this.shareField.type = "text";
    this.shareField.readOnly = true;
    this.shareField.id = `${id}-link`;
    this.shareField.className = "guide-runner__share-link";
    this.shareField.addEventListener("focus", () => this.shareField.select());
    box.append(label, this.shareField);
    return box;
  }

  showSeed(seed) {
    this.seed = seed ?? null;
    this.output.showSeed(this.seed);
    if (this.seed !== null) this.root.dataset.seed = String(this.seed);
    else delete this.root.dataset.seed;
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
        if (this.quiet) return;
        if (this.shared) this.leaveShared(); // edited further: kept as any edit is
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

  /** Show code from a share link (share.js), not kept in the browser until the reader edits
   * it; its seed, if any, is used by the next run. */
  showShared(code, seed) {
    if (this.editor) {
      this.quiet = true;
      try {
        this.editor.code = code;
      } finally {
        this.quiet = false;
      }
    }
    this.shared = true;
    this.sharedSeed = seed;
    this.markEdited(false);
    this.sharedLabel.hidden = false;
    this.root.classList.add("guide-runner--shared");
    const withSeed = seed === null ? "" : ` with seed ${seed} for its threads`;
    this.setStatus(`Shared code from a link${withSeed} · Run runs it · Reset restores the original`);
  }

  showShareError(reason) {
    this.setStatus(`The shared code in this link could not be read (${reason}); the block keeps its own code.`);
    this.root.dataset.share = "unreadable";
  }

  leaveShared() {
    this.shared = false;
    this.sharedSeed = null;
    this.sharedLabel.hidden = true;
    this.root.classList.remove("guide-runner--shared");
    clearShareFragment();
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
    this.output.clear();
    this.recordedBox?.classList.remove("guide-runner__recorded--shown");
    this.root.removeAttribute("data-state");
  }

  async run({ seed = null } = {}) {
    if (this.running) return;
    if (seed === null && this.sharedSeed !== null) seed = this.sharedSeed;
    this.sharedSeed = null; // a link's seed replays its first run; later runs are new
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
          this.output.showPython(info.python);
          this.setStatus("Running…");
          this.root.dataset.state = "running";
        },
        onOutput: (chunks) => this.output.append(chunks),
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
    if (result.cut) this.output.appendCut(result.cut, result.tail);
    const limit = result.limit;
    const quiet = limit && ["threads", "processes", "sockets", "jspi"].includes(limit.kind);
    if (result.error && !quiet) this.output.append([[2, result.error]]);
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
        if (result.error) this.output.append([[2, `${result.error}\n`]]);
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
    this.output.timeline.show(result.timeline);
    if (limit) {
      this.root.dataset.limit = limit.kind;
      this.output.showNote(limitMessage(limit, this));
      if (quiet && this.recordedBox) this.recordedBox.classList.add("guide-runner__recorded--shown");
    } else {
      delete this.root.dataset.limit;
    }
    this.output.markEmpty();
    this.setStatus(status);
  }

  stop() {
    if (!this.running) return;
    this.setStatus("Stopping…");
    interpreter.stop(this.ticket);
  }

  reset() {
    if (this.editor) this.editor.code = this.original;
    this.leaveShared();
    delete this.root.dataset.share;
    this.shareBox.hidden = true;
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

  /** Put a link to this block's code (and the seed of its last run) on the clipboard, or
   * in a field to copy from; a program too long for a usable link gets a message. */
  async share() {
    this.shareBox.hidden = true;
    let url;
    try {
      url = await shareLink({ name: this.name, index: this.index, code: this.code, seed: this.seed ?? null });
    } catch (error) {
      this.setStatus(`This browser cannot make a link to the code (${error.message}); use Copy.`);
      return;
    }
    if (url.length > MAX_URL) {
      this.setStatus(
        `This program is too long to share as a link (${url.length.toLocaleString("en")} characters ` +
          `of address, more than ${MAX_URL.toLocaleString("en")}); use Copy to share its code.`,
      );
      this.root.dataset.share = "too-long";
      return;
    }
    delete this.root.dataset.share;
    const seeded = this.seed != null ? ` (with seed ${this.seed})` : "";
    try {
      await navigator.clipboard.writeText(url);
      this.shareField.value = url;
      this.setStatus(`Link to this code${seeded} copied: the code is in the link itself, nothing is uploaded.`);
    } catch {
      this.shareField.value = url;
      this.shareBox.hidden = false;
      this.shareField.focus();
      this.setStatus(`The clipboard is not available: copy the link${seeded} from the field below the buttons.`);
    }
  }
}
