# /// script
# dependencies = ["pillow"]
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and the speed-up depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""Make a batch of images, then process them one after another, on two threads and on two processes."""

import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

COUNT, SIZE = 8, (480, 360)
RUNS = 10


def make_image(path: Path, seed: int) -> None:
    image = Image.radial_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(40):
        x, y = (seed * 97 + i * 53) % SIZE[0], (seed * 31 + i * 71) % SIZE[1]
        draw.ellipse((x, y, x + 60, y + 40), fill=((i * 40) % 256, seed * 30, 200 - i * 4))
    image.save(path)


def process(source: Path) -> str:
    """Blur, sharpen, equalise and shrink one image; save the result next to it."""
    with Image.open(source) as image:
        result = image.filter(ImageFilter.GaussianBlur(4)).filter(ImageFilter.UnsharpMask(3))
        result = ImageOps.equalize(ImageOps.grayscale(result)).resize((240, 180))
        target = source.with_name(f"{source.stem}-small.png")
        result.save(target)
    return target.name


def timed(work) -> tuple[float, list[str]]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as folder,
        ThreadPoolExecutor(max_workers=2) as threads,
        ProcessPoolExecutor(max_workers=2) as processes,
    ):
        sources = [Path(folder) / f"image-{n:02}.png" for n in range(COUNT)]
        for seed, path in enumerate(sources):
            make_image(path, seed)
        list(processes.map(abs, [1, 2]))  # start both worker processes before timing
        ways = {  # send paths, not pixels: each worker reads and writes its own files
            "one after another": lambda: [process(p) for p in sources],
            "2 threads": lambda: list(threads.map(process, sources)),
            "2 processes": lambda: list(processes.map(process, sources)),
        }
        best, results = dict.fromkeys(ways, float("inf")), {}
        for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
            for way, work in ways.items():
                seconds, results[way] = timed(work)
                best[way] = min(best[way], seconds)
    names = results["one after another"]
    assert all(result == names for result in results.values())
    print(f"{len(names)} images processed: {names[0]} ... {names[-1]}")
    for way, seconds in best.items():
        speed_up = best["one after another"] / seconds
        print(f"{way + ':':<18} {seconds:.2f} s  speed-up {speed_up:.1f}x")
    print(f"(best of {RUNS} runs each)")
