"""An event loop in a few dozen lines: generators as tasks, a ready queue and a sleeping heap."""

import heapq
import itertools
import time
from collections import deque


class Sleep:
    """What a task yields to ask the scheduler to wake it up later."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class Scheduler:
    def __init__(self) -> None:
        self.ready = deque()  # tasks that can run right now
        self.sleeping = []  # heap of (wake-up time, tie-breaker, task)
        self.tie_breaker = itertools.count()

    def spawn(self, task) -> None:
        self.ready.append(task)

    def run(self) -> None:
        while self.ready or self.sleeping:
            now = time.monotonic()
            while self.sleeping and self.sleeping[0][0] <= now:  # wake every task that is due
                _, _, task = heapq.heappop(self.sleeping)
                self.ready.append(task)
            if not self.ready:  # nothing to do: block until the first sleeper is due
                time.sleep(self.sleeping[0][0] - now)
                continue
            task = self.ready.popleft()
            try:
                request = next(task)  # run the task up to its next yield
            except StopIteration:
                continue  # the task returned: forget it
            if isinstance(request, Sleep):
                wake_at = now + request.seconds
                heapq.heappush(self.sleeping, (wake_at, next(self.tie_breaker), task))
            else:
                self.ready.append(task)  # a bare yield: let the others have a turn


def ticker(name: str, interval: float, times: int):
    for n in range(1, times + 1):
        yield Sleep(interval)
        print(f"{name} tick {n} (every {interval * 1000:.0f} ms)")
    print(f"{name} done")


if __name__ == "__main__":
    scheduler = Scheduler()
    scheduler.spawn(ticker("fast", 0.5, 3))  # due at 0.5, 1.0 and 1.5 s
    scheduler.spawn(ticker("slow", 1.25, 1))  # due at 1.25 s
    start = time.monotonic()
    scheduler.run()
    elapsed = time.monotonic() - start
    print("the sleeps add up to 2.75 s; one thread ran them all in less:", elapsed < 2.25)
