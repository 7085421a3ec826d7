# /// script
# dependencies = ["pillow"]
# [tool.guide]
# varies = "the size of a pickled path, which differs between Python versions"
# check = "numbers-masked"
# ///
"""What a task costs to send: an image is pickled with all its pixels, a path is a few bytes."""

import pickle
from pathlib import Path

from PIL import Image

if __name__ == "__main__":
    image = Image.new("RGB", (1920, 1080), (30, 120, 200))
    path = Path("photos") / "holiday-0001.png"
    for label, task in (("an Image object", image), ("its path", path)):
        print(f"{label:<16} pickles to {len(pickle.dumps(task)):>9,} bytes")
