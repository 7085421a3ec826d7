"""The MkDocs hooks that mkdocs.yml lists, one feature each (see each module)."""
