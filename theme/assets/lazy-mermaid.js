// Mermaid diagrams without the renderer on the critical path.
//
// Material draws every <pre class="mermaid"> at DOMContentLoaded with window.mermaid, and
// fetches mermaid from a CDN when there is none. Loading the site's copy (5.5 MB) as a plain
// <script> blocked every page with a diagram for 1.5 s. This stand-in takes its place:
// - initialize() keeps Material's settings (its themeCSS follows the light and dark
//   schemes), adding the styles of the diagram types Material leaves out (gantt);
// - render() waits until its diagram comes within a screen of the viewport (an
//   IntersectionObserver), then loads the real mermaid once, without blocking anything,
//   and draws with it. Until then the <pre> keeps the diagram's place.
// On the print page (the PDF; the <script> has data-eager) every diagram is drawn at once,
// and so is every one left when a reader prints a page.
// window.guideDiagrams.drawAll() draws them all and resolves when they are drawn.
(() => {
  const script = document.currentScript;
  const RENDERER = script.dataset.renderer;
  const EAGER = script.hasAttribute("data-eager");
  const PENDING = "guide-diagram--pending";

  // Material's themeCSS styles flowcharts, sequence, class, state and ER diagrams with its
  // --md-mermaid-* variables; a gantt kept mermaid's dark-on-transparent default, invisible
  // in the dark scheme. (CSS variables reach into the diagram's shadow root.)
  const GANTT_CSS = `
    .titleText, .sectionTitle, .taskTextOutsideLeft, .taskTextOutsideRight
      { fill: var(--md-default-fg-color); font-family: var(--md-mermaid-font-family) }
    .tick text { fill: var(--md-default-fg-color--light); font-family: var(--md-mermaid-font-family); font-size: 13px }
    .tick line, .grid path { stroke: var(--md-default-fg-color--lightest) }
    .section0, .section2 { fill: var(--md-default-fg-color--lightest); opacity: 0.5 }
    .section1, .section3 { fill: transparent }
    .task { fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color) }
    .taskText { fill: var(--md-default-fg-color); font-family: var(--md-mermaid-font-family) }
  `;

  let settings = {};
  let real = null;
  let loading = null;
  const claimed = new WeakSet();
  const waiting = new Map(); // <pre> -> function that starts drawing it
  const drawn = [];

  function loadRenderer() {
    loading ??= new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = RENDERER;
      tag.async = true;
      tag.onload = () => {
        real = window.mermaid; // the real one now answers Material's later calls
        real.initialize(settings);
        resolve(real);
      };
      tag.onerror = () => reject(new Error(`could not load ${RENDERER}`));
      document.head.append(tag);
    });
    return loading;
  }

  // The <pre> that Material is drawing: the first not yet claimed with this source (it
  // mounts them in document order).
  function claim(source) {
    for (const pre of document.querySelectorAll("pre.mermaid")) {
      if (!claimed.has(pre) && pre.textContent === source) {
        claimed.add(pre);
        return pre;
      }
    }
    return null;
  }

  function start(pre) {
    const go = waiting.get(pre);
    if (go) {
      waiting.delete(pre);
      observer?.unobserve(pre);
      go();
    }
  }

  const observer =
    EAGER || !("IntersectionObserver" in window)
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) if (entry.isIntersecting) start(entry.target);
          },
          { rootMargin: "100% 0px" },
        );

  function drawAll() {
    for (const pre of [...waiting.keys()]) start(pre);
    return Promise.allSettled(drawn).then(() => drawn.length);
  }

  const standIn = {
    initialize(config) {
      settings = { ...config, themeCSS: (config.themeCSS || "") + GANTT_CSS };
      real?.initialize(settings);
    },
    render(id, source) {
      const pre = claim(source);
      const result = new Promise((resolve) => {
        if (!pre || !observer) resolve();
        else {
          pre.classList.add(PENDING);
          pre.setAttribute("aria-busy", "true");
          waiting.set(pre, resolve);
          observer.observe(pre);
        }
      })
        .then(loadRenderer)
        .then((mermaid) => mermaid.render(id, source));
      // A diagram that cannot be drawn shows its source again.
      result.catch(() => pre?.classList.remove(PENDING));
      drawn.push(result);
      return result;
    },
  };

  window.mermaid = standIn;
  window.guideDiagrams = { drawAll };
  window.addEventListener("beforeprint", drawAll);
})();
