"""fork copies the parent's memory; spawn and forkserver start a fresh interpreter that re-imports the main module."""

import multiprocessing

SETTINGS = {"mode": "as written in the file"}


def report(method: str) -> None:
    print(f"{method:<10} the child sees mode={SETTINGS['mode']!r:<26} module name {__name__!r}")


if __name__ == "__main__":
    SETTINGS["mode"] = "changed by the parent"
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        process = context.Process(target=report, args=(method,))
        process.start()
        process.join()
