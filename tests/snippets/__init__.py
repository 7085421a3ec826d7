"""Run the example programs under snippets/ and check what they print."""

import sys
from pathlib import Path

# snippet_metadata is shared with the site build, which lives in theme/hooks.
_HOOKS = str(Path(__file__).resolve().parents[2] / "theme" / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
