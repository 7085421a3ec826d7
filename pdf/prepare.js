// Run by pdf/make_pdf.py in the print page (print_page/) just before it is printed.
// It waits for what renders late (mermaid diagrams, images, fonts), opens what is collapsed,
// and gives every heading the level it has in the whole guide, so that the PDF outline
// (built by Chromium from the headings) nests section > page > heading.
// When it is done it sets window.guidePdfReady and window.guidePdfReport.
(async () => {
  const problems = [];
  const root = document.getElementById("print-site-page");
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(condition, ms) {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) return false;
      await sleep(50);
    }
    return true;
  }

  if (!root) {
    window.guidePdfReport = { problems: ["no #print-site-page: is this the print page?"] };
    window.guidePdfReady = true;
    return;
  }

  // Mermaid: Material replaces each <pre class="mermaid"> by a <div class="mermaid"> and draws
  // the diagram into its (closed) shadow root, asynchronously: wait until each one has a size.
  const diagrams = () => [...root.querySelectorAll(".mermaid")];
  const drawn = (el) => el.tagName === "DIV" && el.getBoundingClientRect().height > 10;
  if (!(await until(() => diagrams().every(drawn), 60000))) {
    for (const d of diagrams().filter((d) => !drawn(d))) {
      const where = d.closest("section.print-page[id]");
      const first = d.textContent.trim().split("\n")[0];
      problems.push(`mermaid diagram not drawn in ${where ? where.id : "?"}: ${first}`);
    }
  }

  // A diagram is a figure: role="figure" makes Chromium tag it /Figure in the PDF, like a
  // <figure> (a timeline), so that readers of the tagged PDF and the tests can tell it apart.
  for (const d of diagrams()) {
    if (!d.closest("figure, [role='figure']")) d.setAttribute("role", "figure");
  }

  // Images (notebook plots are inline data: URLs; others are files of the site).
  const images = [...root.querySelectorAll("img")];
  for (const img of images) img.loading = "eager";
  await until(() => images.every((img) => img.complete), 30000);
  for (const img of images) {
    if (!img.complete || img.naturalWidth === 0) problems.push(`image not loaded: ${img.src.slice(0, 120)}`);
  }
  await document.fonts.ready;

  // Collapsed blocks (??? admonitions, <details>) print open.
  for (const details of root.querySelectorAll("details")) details.open = true;

  // A section whose first page is its index page with the same title: print the title once.
  for (const section of root.querySelectorAll("section.md-section")) {
    const heading = section.querySelector(":scope > h1");
    const first = section.querySelector(":scope > section.print-page:not(.md-section)");
    const firstTitle = first && first.querySelector(":scope > h1");
    const text = (el) => (el ? el.textContent.replace("¶", "").trim() : null);
    if (heading && firstTitle && text(heading) === text(firstTitle)) {
      first.classList.add("guide-section-index");
      heading.remove();
    }
  }

  // Heading levels across the guide: a page inside N sections moves N levels down, except the
  // index page that stands for its section.
  const depth = (el) => {
    let n = 0;
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (p.matches("section.md-section")) n += 1;
    }
    return n;
  };
  for (const h of root.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    if (h.closest("#print-site-cover-page")) continue;
    let level = Number(h.tagName[1]);
    const page = h.closest("section.print-page");
    if (page && page.matches(":not(.md-section)")) {
      level += depth(page) - (page.classList.contains("guide-section-index") ? 1 : 0);
    } else if (page) {
      level += depth(page); // a section's own title, inside its parent sections
    }
    h.setAttribute("role", "heading");
    h.setAttribute("aria-level", String(level));
  }

  // Table of contents: drop an entry that repeats its section's title.
  for (const item of document.querySelectorAll("#print-page-toc li")) {
    const link = item.querySelector(":scope > a");
    const sub = item.querySelector(":scope > nav > ul > li:first-child > a, :scope > ul > li:first-child > a");
    if (link && sub && link.textContent.trim() === sub.textContent.trim()) {
      sub.closest("li").remove();
    }
  }

  // Called by make_pdf.py with the page laid out as on paper (print media, the width of a
  // page's text) and the height of a page's text, in CSS pixels. What must not be cut by a
  // page break is made to fit on one page: a figure (diagram, timeline, plot) taller than
  // that is scaled down. A code block that fits on a page prints whole (it moves to the next
  // page if need be); a longer one breaks where the page ends, its title kept with its first
  // lines (print.css). Returns the figures scaled and the number of code blocks that break.
  window.guidePdfFitToPages = (pageHeight) => {
    const room = 0.92 * pageHeight; // leaves a line for a caption, a margin above
    const scaled = [];
    const figures = root.querySelectorAll(".mermaid, figure, [role='figure'], .jp-RenderedImage");
    for (const figure of figures) {
      if (figure.parentElement.closest(".mermaid, figure, [role='figure'], .jp-RenderedImage")) continue;
      const height = figure.getBoundingClientRect().height;
      if (height > room) {
        figure.style.zoom = String(Math.floor((room / height) * 1000) / 1000);
        const where = figure.closest("section.print-page[id]");
        scaled.push(`${where ? where.id : "?"}: ${Math.round(height)} px`);
      }
    }
    let long = 0;
    for (const block of root.querySelectorAll(".highlight")) {
      const fits = block.getBoundingClientRect().height <= room;
      block.classList.add(fits ? "guide-print-whole" : "guide-print-long");
      long += fits ? 0 : 1;
    }
    return { scaled, long };
  };

  // Page numbers for the contents, once a first print has told where each part starts:
  // {anchor id: page}. Returns the numbers it wrote.
  window.guidePdfNumberToc = (pages) => {
    const written = {};
    for (const link of document.querySelectorAll('#print-page-toc a[href^="#"]')) {
      const id = decodeURIComponent(link.getAttribute("href").slice(1));
      link.querySelector(".guide-toc-page")?.remove();
      if (!(id in pages)) continue;
      const number = document.createElement("span");
      number.className = "guide-toc-page";
      number.textContent = String(pages[id]);
      link.append(number);
      written[id] = pages[id];
    }
    return written;
  };

  // The PDF's title (its metadata, and the name a viewer shows): the guide's name.
  const title = document.querySelector("#print-site-cover-page .guide-cover__title");
  if (title) document.title = title.textContent.trim();

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || "";
  window.guidePdfReport = {
    problems,
    diagrams: diagrams().length,
    images: images.length,
    metadata: { Author: meta("author"), Subject: meta("description") },
  };
  window.guidePdfReady = true;
})();
