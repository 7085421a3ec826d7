# /// script
# [tool.guide]
# varies = "the methods on offer and the default: on Linux, fork before Python 3.14 and forkserver since; spawn on macOS and Windows"
# check = "property"
# ///
"""Which start methods this platform offers, which one is the default, and how to choose one."""

import multiprocessing


def hello(method: str) -> None:
    print(f"  child started with {method!r}")


if __name__ == "__main__":
    print(f"available: {multiprocessing.get_all_start_methods()}")
    print(f"default:   {multiprocessing.get_start_method()!r}")

    # A context fixes the start method for everything created from it, without
    # changing the global default that other libraries may rely on.
    for method in ("spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        process = context.Process(target=hello, args=(method,))
        process.start()
        process.join()

    # The global default can be set once, before any process is started from it.
    try:
        multiprocessing.set_start_method("spawn")
    except RuntimeError as error:
        print(f"set_start_method after use: RuntimeError: {error}")
