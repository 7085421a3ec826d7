# /// script
# [tool.guide]
# varies = "the counts, which differ between Python versions (immortal objects from 3.12)"
# check = "property"
# ///
"""Since Python 3.12, None, True and other immortal objects keep a fixed reference count."""

import sys

if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    for name, obj in (("None", None), ("True", True), ("a list", ["bread"])):
        before = sys.getrefcount(obj)
        many = [obj] * 100_000  # 100,000 new references
        after = sys.getrefcount(obj)
        del many
        print(f"{name:<6} count {before:>13,} -> {after:>13,} after 100,000 new references")
