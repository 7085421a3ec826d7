// The run's timeline (threads or tasks), collapsed under a block's output: the SVGs (from
// guide.timeline.svg: wide, and narrow for a phone; CSS shows one), and a caption that shows
// the details of the item focused, hovered or tapped (each item carries them in its
// aria-label and <title>); the figure's own focus tip stays hidden here.

import { number } from "./ui.js";

const TIMELINE_HINT = "Hover, focus (Tab) or tap a mark or bar for its details.";

/** The timeline's SVG as an element, parsed as XML (never as HTML), or null. */
function parseSvg(text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) return null;
  return document.importNode(root, true);
}

export class TimelinePanel {
  constructor() {
    const details = document.createElement("details");
    details.className = "guide-runner__timeline";
    details.hidden = true;
    this.summary = document.createElement("summary");
    this.scroll = document.createElement("div");
    this.scroll.className = "tl-scroll";
    this.detail = document.createElement("p");
    this.detail.className = "guide-runner__timeline-detail";
    this.detail.setAttribute("aria-live", "polite");
    this.note = document.createElement("p");
    this.note.className = "guide-runner__timeline-note";
    this.note.hidden = true;
    details.append(this.summary, this.scroll, this.detail, this.note);
    const scroll = this.scroll;
    const describe = (event) => {
      const item = event.target.closest?.("[tabindex]");
      if (item && scroll.contains(item)) this.describe(item);
    };
    scroll.addEventListener("focusin", describe);
    scroll.addEventListener("pointerover", describe);
    scroll.addEventListener("click", describe); // a tap, on touch screens
    scroll.addEventListener("focusout", () => this.describe(null));
    scroll.addEventListener("pointerleave", (event) => {
      // A finger lifted also "leaves": the tapped item's details stay.
      if (event.pointerType === "mouse") this.describe(null);
    });
    this.element = details;
  }

  describe(item) {
    const focused = this.scroll.querySelector(":focus");
    const shown = item ?? focused;
    const text = shown
      ? shown.getAttribute("aria-label") || shown.querySelector(":scope > title")?.textContent || ""
      : "";
    this.detail.textContent = text || TIMELINE_HINT;
  }

  /** Show the run's timeline (the worker's `timeline`: null, or {svg, svg_narrow, threads,
   * tasks, events, dropped, limit, clock, deadlock}); nothing when it has no SVG. */
  show(timeline) {
    const svg = timeline?.svg ? parseSvg(timeline.svg) : null;
    if (timeline?.error) console.warn("timeline:", timeline.error);
    if (!svg) return;
    const parts = ["Timeline"];
    if (timeline.threads > 0) parts.push(`${timeline.threads} thread${timeline.threads === 1 ? "" : "s"}`);
    if (timeline.tasks > 0) parts.push(`${timeline.tasks} task${timeline.tasks === 1 ? "" : "s"}`);
    parts.push(`${number(timeline.events)} events`);
    const clock = timeline.clock === "virtual" ? "simulated threads, virtual time" : "real time";
    this.summary.textContent = `${parts.join(" · ")} (${clock})`;
    // The narrow layout (each name above its row) is the one shown on a phone (timeline.css).
    const narrow = timeline.svg_narrow ? parseSvg(timeline.svg_narrow) : null;
    this.scroll.replaceChildren(...(narrow ? [svg, narrow] : [svg]));
    this.detail.textContent = TIMELINE_HINT;
    if (timeline.dropped > 0) {
      this.note.textContent =
        `A long run: the first and last ${number(timeline.limit)} events are shown; ` +
        `${number(timeline.dropped)} in between were not kept.`;
      this.note.hidden = false;
    }
    this.element.classList.toggle("guide-runner__timeline--deadlock", Boolean(timeline.deadlock));
    this.element.hidden = false;
  }

  clear() {
    this.element.hidden = true;
    this.element.open = false;
    this.element.classList.remove("guide-runner__timeline--deadlock");
    this.summary.textContent = "";
    this.scroll.replaceChildren();
    this.detail.textContent = "";
    this.note.textContent = "";
    this.note.hidden = true;
  }
}
