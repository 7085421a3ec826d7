# /// script
# [tool.guide]
# varies = "with the Python version: each feature is present from the version in brackets on"
# check = "property"
# ///
"""Which concurrency features this interpreter has, found by looking, not by version."""

import asyncio
import concurrent.futures as futures
import importlib.util
import queue
import sys


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent package is missing
        return False


FEATURES = [  # (what, the version that added it, is it here?)
    ("threading", "1.5", has_module("threading")),
    ("multiprocessing", "2.6", has_module("multiprocessing")),
    ("concurrent.futures", "3.2", has_module("concurrent.futures")),
    ("asyncio", "3.4", has_module("asyncio")),
    ("asyncio.run", "3.7", hasattr(asyncio, "run")),
    ("asyncio.to_thread", "3.9", hasattr(asyncio, "to_thread")),
    ("asyncio.TaskGroup", "3.11", hasattr(asyncio, "TaskGroup")),
    ("asyncio.timeout", "3.11", hasattr(asyncio, "timeout")),
    ("asyncio.eager_task_factory", "3.12", hasattr(asyncio, "eager_task_factory")),
    ("queue.Queue.shutdown", "3.13", hasattr(queue.Queue, "shutdown")),
    ("asyncio.Queue.shutdown", "3.13", hasattr(asyncio.Queue, "shutdown")),
    ("sys._is_gil_enabled", "3.13", hasattr(sys, "_is_gil_enabled")),
    ("concurrent.interpreters", "3.14", has_module("concurrent.interpreters")),
    ("InterpreterPoolExecutor", "3.14", hasattr(futures, "InterpreterPoolExecutor")),
]

if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    for name, since, present in FEATURES:
        print(f"  {'yes' if present else 'no ':<4} {name} ({since})")
