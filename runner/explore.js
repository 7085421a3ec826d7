// Explore: a threading example run under many seeds of its simulated threads (worker.js
// "explore", guide_runner/explore.py), without timelines, and what it did: its distinct
// outcomes (the output, trailing spaces trimmed, and how the run ended), each with a bar of
// its count and its seeds. Activating an outcome replays one of its seeds as a normal run,
// with its timeline. The block's Stop (or Escape) ends an exploration; a time budget ends
// it early. asyncio-only programs get no Explore: the runner's event loop runs ready tasks
// in the same order whatever the seed, so every seed would give the same outcome.

import { interpreter } from "./interpreter.js";
import { button, number } from "./ui.js";

export const EXPLORE_SEEDS = 100;
export const EXPLORE_SECONDS = 20;
const SHOWN_SEEDS = 8;
const ENDINGS = { finished: "finished", exception: "raised an exception", deadlock: "deadlocked" };

/** Whether a block gets Explore: its program uses (simulated) threads. */
export function explorable(block) {
  return block.needs.includes("threads");
}

export class Explorer {
  /** `block`: the Block (block.js) whose code is explored and whose run replays a seed. */
  constructor(block, id) {
    this.block = block;
    this.count = EXPLORE_SEEDS;
    this.seconds = EXPLORE_SECONDS;
    this.button = button("⁂ Explore", "explore", {
      "aria-describedby": `${id}-explore-about`,
    });
    this.button.addEventListener("click", () => this.explore());
    const panel = document.createElement("section");
    panel.className = "guide-runner__explorer";
    panel.setAttribute("aria-label", `Outcomes of ${block.name} under many seeds`);
    panel.hidden = true;
    const about = document.createElement("p");
    about.className = "guide-runner__explore-about";
    about.id = `${id}-explore-about`;
    about.textContent =
      `Explore runs this code under ${EXPLORE_SEEDS} seeds of the simulated threads (at most ` +
      `${EXPLORE_SECONDS} s) and groups the runs by outcome: what it printed and how it ended. ` +
      "Choose an outcome to replay one of its seeds with its timeline. (asyncio-only " +
      "programs have no Explore here: the browser's event loop runs ready tasks in the same " +
      "order under every seed.)";
    this.progress = document.createElement("progress");
    this.progress.className = "guide-runner__explore-progress";
    this.progress.setAttribute("aria-label", "Seeds explored");
    this.status = document.createElement("p");
    this.status.className = "guide-runner__explore-status";
    this.status.setAttribute("role", "status");
    this.list = document.createElement("ul");
    this.list.className = "guide-runner__outcomes";
    panel.append(about, this.progress, this.status, this.list);
    this.element = panel;
  }

  async explore() {
    const block = this.block;
    if (block.running) return;
    block.setRunning(true);
    this.button.setAttribute("aria-disabled", "true");
    this.runs = [];
    this.element.hidden = false;
    this.progress.hidden = false;
    this.progress.max = this.count;
    this.progress.value = 0;
    this.list.replaceChildren();
    this.status.textContent = interpreter.info ? "Exploring…" : "Loading Python…";
    block.root.dataset.explore = "running";
    block.setStatus(`Exploring ${this.count} seeds…`);
    const request = {
      type: "explore",
      code: block.code,
      filename: block.filename,
      firstLine: block.firstLine,
      needs: block.needs,
      count: this.count,
      seconds: this.seconds,
    };
    let result;
    try {
      block.ticket = { stopped: false };
      result = await interpreter.run(request, {
        ticket: block.ticket,
        onWait: () => (this.status.textContent = "Waiting for the run of another example to end…"),
        onStart: () => (this.status.textContent = "Exploring…"),
        onOutput: () => {},
        onProgress: ({ runs }) => {
          this.runs.push(...runs);
          this.progress.value = this.runs.length;
          this.status.textContent = `Explored ${number(this.runs.length)} of ${number(this.count)} seeds…`;
          this.render();
        },
      });
    } catch (error) {
      result = { status: "crashed", ended: "crashed", error: error.message };
    }
    this.progress.hidden = true;
    this.render();
    this.status.textContent = this.summary(result);
    block.setStatus(this.status.textContent);
    block.root.dataset.explore = result.ended || result.status;
    this.button.setAttribute("aria-disabled", "false");
    block.setRunning(false);
  }

  summary(result) {
    const n = this.runs.length;
    const outcomes = this.outcomes().length;
    const found = `${number(n)} seed${n === 1 ? "" : "s"}, ${number(outcomes)} distinct outcome${outcomes === 1 ? "" : "s"}`;
    switch (result.ended || result.status) {
      case "done":
        return `Explored ${found}.`;
      case "budget":
        return `Stopped at the time budget of ${this.seconds} s: ${found}.`;
      case "stopped":
        return `Stopped: ${found} so far.`;
      case "restart":
        return `A run left Python unusable (a fresh one is loading): ${found}.`;
      default:
        return `The exploration failed${result.error ? ` (${result.error})` : ""}: ${found}.`;
    }
  }

  outcomes() {
    const grouped = new Map();
    for (const run of this.runs) {
      const key = JSON.stringify([run.ending, run.output, run.detail]);
      if (!grouped.has(key)) grouped.set(key, { ...run, count: 0, seeds: [] });
      const outcome = grouped.get(key);
      outcome.count++;
      outcome.seeds.push(run.seed);
    }
    return [...grouped.values()].sort((a, b) => b.count - a.count);
  }

  render() {
    const total = this.runs.length || 1;
    const items = this.outcomes().map((outcome) => {
      const item = document.createElement("li");
      item.className = "guide-runner__outcome";
      item.dataset.ending = outcome.ending;
      item.dataset.count = String(outcome.count);
      const replay = document.createElement("button");
      replay.type = "button";
      replay.className = "guide-runner__outcome-replay";
      replay.dataset.seed = String(outcome.seeds[0]);
      const ending = ENDINGS[outcome.ending] || outcome.ending;
      const share = Math.round((100 * outcome.count) / total);
      const head = document.createElement("span");
      head.className = "guide-runner__outcome-head";
      head.textContent = `${number(outcome.count)}× (${share}%) ${ending}${outcome.detail ? `: ${outcome.detail}` : ""}`;
      const bar = document.createElement("span");
      bar.className = "guide-runner__outcome-bar";
      bar.style.width = `${(100 * outcome.count) / total}%`;
      bar.setAttribute("aria-hidden", "true");
      const text = document.createElement("span");
      text.className = "guide-runner__outcome-output";
      text.textContent = outcome.output || "(no output)";
      const seeds = document.createElement("span");
      seeds.className = "guide-runner__outcome-seeds";
      const shown = outcome.seeds.slice(0, SHOWN_SEEDS).join(", ");
      const more = outcome.seeds.length > SHOWN_SEEDS ? ", …" : "";
      seeds.textContent = `Seeds ${shown}${more} · replay seed ${outcome.seeds[0]}`;
      replay.append(head, bar, text, seeds);
      replay.addEventListener("click", () => this.block.run({ seed: outcome.seeds[0] }));
      item.append(replay);
      return item;
    });
    this.list.replaceChildren(...items);
  }
}
