"""Record a timeline of one real CPython run of a snippet (issue 9, the static figures).

Run as a program, once per figure, by `nox -s record` (tests/snippets/record.py, through
figures.py) and by the snippet tests, which check what each figure shows:

    python -m guide.cpython_timeline SNIPPET --out FILE [--blocks-after S] [--timeout S]

It runs SNIPPET as `python SNIPPET` would (as __main__, its folder first on sys.path) and
writes {"python": "CPython 3.15.2", "exit_code": ..., "recording": <guide.timeline's
recording dict>} to FILE. `nox -s record` keeps that as snippets/<section>/<name>.timeline.json,
which the site build (guide/hooks/timelines.py) only reads and draws.

Threads (lanes "T<ident>", the main thread too) are followed with sys.setprofile and
threading.setprofile (every call and return, of Python and of C functions) plus line
events in the snippet's own code (sys.settrace / threading.settrace):

- a *run* is recorded when an event comes from another thread than the last one did: only
  the switches are kept, so a long run costs little memory;
- a *wait* is a call that blocks: a raw lock's acquire, time.sleep, the join of a thread
  handle (C calls), counted as blocking when another thread ran meanwhile or it took over
  MIN_WAIT; inside a library call that waits (Queue.get, Condition.wait, Thread.join ...,
  see LIBRARY_WAITS) the wait is that call's, with its reason (guide.timeline.REASONS);
- `with lock:` on a C lock shows no call to a profiler, so the locks the snippet itself
  makes are TracedLocks, which also note which thread holds them;
- each line printed is attributed to the thread that wrote it; threads start and end
  where Thread._bootstrap_inner begins and returns.

A snippet that never ends by design ([tool.guide] blocks) is stopped by the watchdog, at
once when its threads wait in a cycle of locks (a deadlock), at `--blocks-after` at the
latest. A snippet that uses asyncio is recorded per task instead.

The modules:
  __main__.py   the command line
  record.py     runs the snippet under the tracer and writes the result (result.py)
  tracer.py     ThreadTracer: the threads' runs, waits, prints, starts and ends
  locks.py      TracedLock: the snippet's own locks, seen by the tracer and the watchdog
  prints.py     LineTap: each printed line, with the thread that printed it
  watchdog.py   ends a run that never ends (a deadlock, `blocks`), or one past its timeout
  tasks.py      asyncio: every event loop traced, one lane per task
  figures.py    the recorded figures: which snippets have one, where its data is kept,
                recording one (this program as a subprocess, bounded in time), reading it
"""
