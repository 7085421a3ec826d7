// The output panel under a runnable block: its title, the log of what the program wrote
// (stdout and stderr, as the worker batches them; the middle of a very long output cut), the
// simulated threads' seed with buttons to run again, the run's timeline (timeline.js) and a
// note when the browser cannot do what the program asks (limits.js).

import { TimelinePanel } from "./timeline.js";
import { button, number } from "./ui.js";

const NAMES = { 1: "stdout", 2: "stderr" };

export class OutputPanel {
  /** `id`: the block's element id prefix; onSameSeed() and onNewSeed() run the program
   * again, with the seed shown or a new one. */
  constructor(id, { onSameSeed, onNewSeed }) {
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
    this.threads = this.buildThreadsPanel(onSameSeed, onNewSeed);
    this.timeline = new TimelinePanel();
    output.append(this.title, this.log, this.threads, this.timeline.element, this.note);
    this.element = output;
  }

  /** What a run with simulated threads shows under its output: that they are simulated,
   * the seed of the run, and buttons to run again with the same seed or a new one. */
  buildThreadsPanel(onSameSeed, onNewSeed) {
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
    const sameSeedButton = button("↻ Same seed", "same-seed", {
      title: "Run again with this seed: the same interleaving, the same output",
    });
    const newSeedButton = button("⚄ New seed", "new-seed", {
      title: "Run again with a new seed: another interleaving",
    });
    sameSeedButton.addEventListener("click", onSameSeed);
    newSeedButton.addEventListener("click", onNewSeed);
    panel.append(text, sameSeedButton, newSeedButton);
    return panel;
  }

  get hidden() {
    return this.element.hidden;
  }

  set hidden(hidden) {
    this.element.hidden = hidden;
  }

  /** The title once Python has started: which Python runs the program. */
  showPython(version) {
    this.title.textContent = `Output · this run, Python ${version} in your browser (Pyodide)`;
  }

  /** The seed of the run's simulated threads, or null (no threads: the panel hides). */
  showSeed(seed) {
    this.threads.hidden = seed === null;
    if (seed !== null) this.seedText.textContent = `Seed ${seed} (it fixes the schedule and random).`;
  }

  clear() {
    this.log.textContent = "";
    this.threads.hidden = true;
    this.timeline.clear();
    this.note.hidden = true;
    this.note.innerHTML = "";
    this.element.hidden = true;
  }

  /** Add the worker's chunks ([[fd, text], ...]) to the log, following its end if the
   * reader is there. */
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

  /** The end of an output the worker cut: how much was left out, then its last lines. */
  appendCut(cut, tail) {
    const line = document.createElement("span");
    line.className = "guide-runner__cut";
    line.textContent =
      `\n… ${number(cut.lines)} more lines (${number(cut.chars)} characters) ` +
      "not shown: the panel keeps the first 2,000 lines and the last 40.\n";
    this.log.append(line);
    this.append(tail);
  }

  /** "(no output)" when the program wrote nothing. */
  markEmpty() {
    if (this.log.textContent) return;
    const empty = document.createElement("span");
    empty.className = "guide-runner__empty";
    empty.textContent = "(no output)";
    this.log.append(empty);
  }

  /** The note under the output (HTML from limits.js). */
  showNote(html) {
    this.note.innerHTML = html;
    this.note.hidden = false;
  }
}
