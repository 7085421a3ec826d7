// Runnable examples: every `.guide-example[data-run="browser"]` block of a page (see
// guide/hooks/examples.py) becomes a runnable block (block.js): an editor (editor.js,
// CodeMirror), Run, Stop, Reset, Copy and Share buttons, and an output panel (output.js,
// with the run's timeline: timeline.js); its program runs in Pyodide inside a Web Worker
// (worker.js), one per page (interpreter.js); a share link's code is put in its block
// (share.js). This entry finds the blocks and wires them; it sets
// window.guideRunner = {interpreter, blocks} for the tests and benches.
//
// Pyodide is not fetched with the page: loading starts when the reader shows intent (the
// pointer on a block's buttons, focus in a block, or scrolling a block into view) or runs.

import { Block } from "./block.js";
import { interpreter } from "./interpreter.js";
import { openShared } from "./share.js";

const SCROLL_KEYS = new Set(["PageDown", "PageUp", "ArrowDown", "ArrowUp", " ", "Home", "End"]);

/** Load Python once the reader scrolls (a gesture, not a jump to an anchor) so that a block
 * is in view. */
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
    block.ready = block.attachEditor().catch((error) => console.error("editor:", error));
  }
  openShared(blocks).catch((error) => console.error("share link:", error));
  preloadOnScroll(blocks);
  window.guideRunner = { interpreter, blocks };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
