// What the theme and the notebook plugin leave out for keyboard and screen-reader users
// (axe-core finds each; tests/browser/test_accessibility.py checks every page):
// - a notebook code cell wider than the page scrolls, but cannot get keyboard focus
//   (Material gives its own code blocks tabindex="0" when they overflow; cells get the same);
// - the marker of a code annotation (Material draws its number with CSS) is a link without
//   a name: it gets "Annotation N";
// - Material wraps each code block's Copy button in a <nav> without a name: dozens of
//   identical navigation landmarks on a page. The button needs no landmark: role="none".
(() => {
  const CELLS = ".jupyter-wrapper .highlight-ipynb, .jupyter-wrapper .jp-OutputArea-output pre";

  function focusableWhenScrolled() {
    for (const cell of document.querySelectorAll(CELLS)) {
      if (cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight) {
        cell.setAttribute("tabindex", "0");
      } else {
        cell.removeAttribute("tabindex");
      }
    }
  }

  function nameAnnotations() {
    for (const link of document.querySelectorAll("a.md-annotation__index:not([aria-label])")) {
      const number = link.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId;
      link.setAttribute("aria-label", number ? `Annotation ${number}` : "Annotation");
    }
  }

  function codeButtonsAreNoLandmarks() {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
  }

  function fixRendered() {
    nameAnnotations();
    codeButtonsAreNoLandmarks();
  }

  function start() {
    focusableWhenScrolled();
    fixRendered();
    // Material adds annotations and code buttons after load (the observer's callback runs
    // before any later task, so nothing sees them unnamed); cells' widths follow the window.
    new MutationObserver(fixRendered).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", focusableWhenScrolled);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
