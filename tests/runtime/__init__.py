"""The browser's Python runtime (simthreads/ and runner/guide_runtime.py) inside real Pyodide."""
