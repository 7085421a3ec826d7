"""What the scheduler schedules: a simulated thread (`Task`), its states, what it waits for
(`Wait`), and the two exceptions that end waits: `Deadlock` (every live thread waits
forever: raised in the main thread) and `ThreadKilled` (the run is over: raised in a thread
still blocked, to unwind it)."""

from __future__ import annotations

RUNNING = "running"
READY = "ready"
BLOCKED = "blocked"
EXTERNAL = "external"  # waits for the browser (asyncio.run): the scheduler cannot wake it
DONE = "done"


def ThreadKilled() -> SystemExit:
    """What unwinds a thread still blocked when the run ends: a plain SystemExit, which
    threading.excepthook ignores silently (a subclass would be printed)."""
    error = SystemExit()
    error.simthreads_killed = True
    return error


class Deadlock(BaseException):
    """Every live thread waits for something that no thread can ever give it. Raised in the
    main thread; `report` says who waits for what and who holds it."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report

    @property
    def deadlock_report(self) -> str:
        return self.report


class Wait:
    """What a blocked thread waits for: `kind` (lock, join, sleep, condition...), `obj` (the
    lock, the thread handle...), `deadline` (virtual time, or None: forever), `queue` (the
    list of waiting threads it sits in, if any), `frame` (where it waits, for reports)."""

    __slots__ = ("deadline", "frame", "kind", "obj", "queue")

    def __init__(self, kind, obj, deadline, queue=None, frame=None) -> None:
        self.kind = kind
        self.obj = obj
        self.deadline = deadline
        self.queue = queue
        self.frame = frame


class Task:
    """One simulated thread, as the scheduler sees it."""

    __slots__ = (
        "abort",
        "daemon",
        "deferred",
        "finished",
        "handle",
        "ident",
        "in_handle",
        "lane",
        "last_name",
        "locals",
        "outcome",
        "resume",
        "state",
        "thread",
        "wait",
        "woken",
    )

    def __init__(self, ident: int, daemon: bool, handle=None) -> None:
        self.ident = ident
        self.daemon = daemon
        self.handle = handle
        self.state = READY
        self.wait: Wait | None = None
        self.woken = False
        self.resume = None  # resolves the promise this thread is suspended on
        self.abort: BaseException | None = None  # raised where it resumes
        self.deferred: list = []  # asyncio handles of its loop that must wait for it
        self.finished = False  # its stack has returned
        self.thread = None  # a weak reference to its threading.Thread, if it has one
        self.in_handle = False  # running an asyncio callback: no switching (see _asyncio)
        self.lane = f"T{ident}"  # its lane on a timeline
        self.last_name: str | None = None  # its Thread's name when last seen (see name)
        self.outcome = "returned"  # how it ended, for a timeline ("raised ValueError")
        self.locals: dict | None = None  # its thread-local namespaces (_primitives.TaskLocal)

    @property
    def name(self) -> str:
        import threading

        thread = self.thread() if self.thread is not None else None
        thread = thread or threading._active.get(self.ident) or _thread_in_limbo(self.ident)
        if thread is not None:
            self.last_name = thread.name
        # a Thread object dropped after its join leaves its lane the name it last had
        return self.last_name or f"thread {self.ident}"

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.state}>"


def _thread_in_limbo(ident):
    import threading

    for thread in list(threading._limbo):
        handle = getattr(thread, "_os_thread_handle", None)
        if getattr(handle, "ident", None) == ident:
            return thread
    return None
