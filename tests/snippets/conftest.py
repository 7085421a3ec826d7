import platform
import sys


def pytest_report_header(config):
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    build = "GIL" if gil else "free-threaded"
    return f"snippets run on {platform.python_implementation()} {platform.python_version()} ({build} build)"
