import platform
import sys

from .calibration import SKIPPED


def pytest_report_header(config):
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    build = "GIL" if gil else "free-threaded"
    return f"snippets run on {platform.python_implementation()} {platform.python_version()} ({build} build)"


def pytest_terminal_summary(terminalreporter):
    """How many speed-up checks were skipped because the machine lacked the free cores
    (calibration.beside_calibration), printed even when none was: a skip must not go unseen."""
    skipped = [
        report.nodeid.rpartition("[")[2].rstrip("]")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and f"Skipped: {SKIPPED}" in report.longrepr[2]
    ]
    names = f" ({', '.join(skipped)})" if skipped else ""
    terminalreporter.write_line(
        f"speed-up checks skipped for lack of free cores: {len(skipped)}{names}"
    )
