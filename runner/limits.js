// What the note under a run says when Python in the page cannot do what the program asks
// (the runner's result names the limit: threads without JSPI, processes, sockets, input(),
// a package outside the standard library...), and where the reader finds its output instead.

function recordedSentence(block) {
  if (!block.recorded) return "Run it on your computer to see what it prints.";
  const original = block.edited ? " by the original program" : "";
  return `Below is the output recorded${original} on ${block.recorded}.`;
}

/** The note (HTML) for `limit`; `block` tells whether its output was recorded and edited. */
export function limitMessage(limit, block) {
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

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
