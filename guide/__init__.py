"""The Python that the site build, the tests, nox and the recorder share.

- `guide.paths`: where things are (the project's folders, the built site, the PDF's name,
  what `nox -s runtime` builds);
- `guide.snippet_metadata`: what an example program declares in its PEP 723 block, and the
  recordings of its output;
- `guide.page_blocks`: the `/// example` and `/// timeline` blocks of a page;
- `guide.timeline`: a program's timeline (what each thread or task did, when), drawn as
  SVG; the same modules run in the page's Pyodide (`runner/worker.js` bundles them);
- `guide.cpython_timeline`: records a timeline by running a program on CPython;
- `guide.hooks`: the MkDocs hooks that mkdocs.yml lists.

Installed into every nox session (and beside nox by requirements/bootstrap.txt), so that
everything imports it by name.
"""
