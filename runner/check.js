// Check: an exercise block's current code run under many seeds (worker.js "explore" with
// check.py's text, guide_runner/judge.py), each run judged by the exercise's check.py as the
// CPython checker judges it (guide/exercises.py: it ended by itself without an exception, did
// not deadlock, and check(output) returned None). It reports "Passed N of N seeds" or the
// first failing seed, with the reason and that run's output, and a button that replays the
// seed as a normal run with its timeline. Exercises on processes get no Check (the browser
// has none); asyncio programs run in the same order under every seed, so a few runs suffice.

import { interpreter } from "./interpreter.js";
import { button, number } from "./ui.js";

export const THREAD_SEEDS = 30;
export const ASYNCIO_RUNS = 3;
export const CHECK_SECONDS = 30;

/** Whether a block gets Check: an exercise whose program can run in the browser. */
export function checkable(block) {
  return Boolean(block.root.dataset.exercise) && !block.needs.includes("processes");
}

export class Checker {
  /** `block`: the exercise's Block (block.js), whose code is checked and whose run replays. */
  constructor(block, id) {
    this.block = block;
    this.exercise = block.root.dataset.exercise;
    this.threads = block.needs.includes("threads");
    this.count = this.threads ? THREAD_SEEDS : ASYNCIO_RUNS;
    this.seconds = CHECK_SECONDS;
    this.button = button("✓ Check", "check", { "aria-describedby": `${id}-check-about` });
    this.button.addEventListener("click", () => this.check());
    const panel = document.createElement("section");
    panel.className = "guide-runner__checker";
    panel.setAttribute("aria-label", `Check of ${this.exercise}`);
    const about = document.createElement("p");
    about.className = "guide-runner__check-about";
    about.id = `${id}-check-about`;
    about.textContent = this.threads
      ? `Check runs your code under ${THREAD_SEEDS} seeds of the simulated threads and judges ` +
        "each run with the exercise's check: it must end without an exception or deadlock and " +
        "print what the task asks for."
      : `Check runs your code ${ASYNCIO_RUNS} times and judges each run with the exercise's ` +
        "check: it must end without an exception and print what the task asks for. (The " +
        "browser's event loop runs ready tasks in the same order under every seed, so a few " +
        "runs are enough here.)";
    this.status = document.createElement("p");
    this.status.className = "guide-runner__check-status";
    this.status.setAttribute("role", "status");
    this.failure = document.createElement("div");
    this.failure.className = "guide-runner__check-failure";
    this.failure.hidden = true;
    panel.append(about, this.status, this.failure);
    this.element = panel;
  }

  async source() {
    const url = new URL(`../exercises/${this.exercise}/check.py`, import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not fetch check.py (HTTP ${response.status})`);
    return response.text();
  }

  async check() {
    const block = this.block;
    if (block.running) return;
    block.setRunning(true);
    this.button.setAttribute("aria-disabled", "true");
    this.failure.hidden = true;
    this.failure.replaceChildren();
    block.root.dataset.check = "running";
    const what = this.threads ? "seeds" : "runs";
    this.status.textContent = interpreter.info ? "Checking…" : "Loading Python…";
    block.setStatus(`Checking ${this.count} ${what}…`);
    const runs = [];
    let result;
    try {
      const check = await this.source();
      block.ticket = { stopped: false };
      result = await interpreter.run(
        {
          type: "explore",
          code: block.code,
          filename: block.filename,
          firstLine: block.firstLine,
          needs: block.needs,
          count: this.count,
          seconds: this.seconds,
          check,
          checkFile: `exercises/${this.exercise}/check.py`,
        },
        {
          ticket: block.ticket,
          onWait: () => (this.status.textContent = "Waiting for the run of another example to end…"),
          onStart: () => (this.status.textContent = "Checking…"),
          onOutput: () => {},
          onProgress: (batch) => {
            runs.push(...batch.runs);
            this.status.textContent = `Checked ${number(runs.length)} of ${number(this.count)} ${what}…`;
          },
        },
      );
    } catch (error) {
      result = { status: "crashed", ended: "crashed", error: error.message };
    }
    const ended = result.ended || result.status;
    this.error = result.error || null;
    const failed = runs.find((run) => run.verdict != null);
    if (failed) this.showFailure(failed);
    this.status.textContent = this.summary(ended, runs, failed);
    block.setStatus(this.status.textContent);
    block.root.dataset.check = failed ? "failed" : ended === "done" ? "passed" : ended;
    this.button.setAttribute("aria-disabled", "false");
    block.setRunning(false);
  }

  summary(ended, runs, failed) {
    const n = number(runs.length);
    const what = this.threads ? "seed" : "run";
    if (failed) {
      const which = this.threads ? `seed ${failed.seed}` : `run ${runs.indexOf(failed) + 1}`;
      return `Failed on ${which} (after ${n} ${what}${runs.length === 1 ? "" : "s"}): ${failed.verdict}`;
    }
    switch (ended) {
      case "done":
        return `Passed ${n} of ${number(this.count)} ${what}s.`;
      case "budget":
        return `Stopped at the time budget of ${this.seconds} s: passed ${n} ${what}s so far.`;
      case "stopped":
        return `Stopped: passed ${n} ${what}s so far.`;
      case "restart":
        return `A run left Python unusable (a fresh one is loading) after ${n} ${what}s.`;
      default:
        return `The check could not run${this.error ? ` (${this.error})` : ""}.`;
    }
  }

  showFailure(run) {
    const heading = document.createElement("p");
    heading.className = "guide-runner__check-reason";
    heading.textContent = `Seed ${run.seed}: ${run.verdict}`;
    const output = document.createElement("pre");
    output.className = "guide-runner__check-output";
    output.setAttribute("aria-label", `Output of seed ${run.seed}`);
    output.tabIndex = 0;
    output.textContent = run.output || "(no output)";
    const replay = button(`Replay seed ${run.seed}`, "check-replay");
    replay.dataset.seed = String(run.seed);
    replay.addEventListener("click", () => this.block.run({ seed: run.seed }));
    this.failure.append(heading, output, replay);
    this.failure.hidden = false;
  }
}
