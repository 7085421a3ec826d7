"""The timeline module lives with the in-browser runner (worker.js ships it to Pyodide):
import it from there."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "theme" / "runner"))
