# /// script
# requires-python = ">=3.14"
# [tool.guide]
# varies = "the line pdb stops at (the next safe point); where the system forbids attaching, both refuse"
# check = "property"
# ///
"""Attach to a live process (3.14): run a script in it with sys.remote_exec, then pdb -p."""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

SERVICE = """\
import threading
import time

requests_served = 0

def serve_forever():
    global requests_served
    while True:
        time.sleep(0.01)  # waiting for a request
        requests_served += 1

threading.Thread(target=serve_forever, name="server", daemon=True).start()
while requests_served < 3:
    time.sleep(0.01)
print("ready", flush=True)
serve_forever()
"""
PROBE = """\
import os, threading, __main__
names = sorted(thread.name for thread in threading.enumerate())
print(f"probe: in process {os.getpid()}, in thread {threading.current_thread().name},",
      f"threads {names}, requests served >= 3: {__main__.requests_served >= 3}", flush=True)
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "service.py").write_text(SERVICE)
        (Path(folder) / "probe.py").write_text(PROBE)
        child = subprocess.Popen(
            [sys.executable, "service.py"], cwd=folder, stdout=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout.readline() == "ready\n"
            try:
                sys.remote_exec(child.pid, str(Path(folder) / "probe.py"))  # returns at once
            except PermissionError as error:  # ptrace forbidden here: see the page
                print(f"sys.remote_exec refused: {error}")
            else:
                line = child.stdout.readline().strip()  # the child runs it at a safe point
                print(f"the child printed: {line.replace(str(child.pid), 'PID')}")

            commands = "where\np requests_served >= 3\n"  # then end of input: pdb detaches
            pdb = [sys.executable, "-m", "pdb", "-p", str(child.pid)]
            done = subprocess.run(pdb, input=commands, capture_output=True, text=True, timeout=30)
            print(f"$ python -m pdb -p PID   (exit code {done.returncode})")
            for line in (done.stdout + done.stderr).replace(folder + "/", "").splitlines():
                print(f"  {line}")
            time.sleep(0.2)
            print(f"after pdb detached, the service is still running: {child.poll() is None}")
        finally:
            child.kill()
            child.wait()
