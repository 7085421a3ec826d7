"""python -m guide.cpython_timeline SNIPPET --out FILE [--blocks-after S] [--timeout S]:
record a timeline of one real CPython run of SNIPPET (see the package's doc)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .record import record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Record a timeline of one real CPython run of a snippet."
    )
    parser.add_argument("snippet", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="where the JSON goes")
    parser.add_argument(
        "--blocks-after",
        type=float,
        default=None,
        help="the snippet never ends by design: stop it after this many seconds",
    )
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    return record(args.snippet, args.out, blocks_after=args.blocks_after, timeout=args.timeout)


if __name__ == "__main__":
    sys.exit(main())
