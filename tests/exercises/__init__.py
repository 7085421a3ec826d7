"""The exercises under exercises/: each starting program fails its check, each solution
passes it, on the CPython running the tests."""

import sys
from pathlib import Path

# exercise_files (the loader) is shared with the site build, which lives in theme/hooks.
_HOOKS = str(Path(__file__).resolve().parents[2] / "theme" / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
