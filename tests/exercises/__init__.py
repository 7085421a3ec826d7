"""The exercises under exercises/: each starting program fails its check, each model solution
passes it (on CPython, by repeated runs), and their pages."""
