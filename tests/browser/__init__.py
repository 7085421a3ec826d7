"""The built site in a real browser (Debian's Chromium driven by Playwright): the in-page
runner of theme/runner/ runs every runnable example and handles bad input."""

import sys
from pathlib import Path

# snippet_metadata is shared with the site build, which lives in theme/hooks.
_HOOKS = str(Path(__file__).resolve().parents[2] / "theme" / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
