"""The browser's Python runtime (simthreads/ and runner/guide_runner/) inside real Pyodide."""
