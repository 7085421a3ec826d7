"""The simulated-thread runtime (theme/runtime/, simthreads) inside real Pyodide."""
