"""The toy scheduler also runs async def coroutines: an await that must wait passes a request up."""

import heapq
import itertools
import time
from collections import deque


class Sleep:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self):
        yield self  # travels up through every await to the scheduler


class Future:
    """A result that is not there yet; whoever awaits it is parked until it is set."""

    def __init__(self) -> None:
        self.done, self.result, self.callbacks = False, None, []

    def set_result(self, value) -> None:
        self.done, self.result = True, value
        for callback in self.callbacks:
            callback()

    def __await__(self):
        if not self.done:
            yield self  # park me until set_result
        return self.result


class Scheduler:
    def __init__(self) -> None:
        self.ready, self.sleeping, self.tie_breaker = deque(), [], itertools.count()

    def spawn(self, coroutine) -> None:
        self.ready.append(coroutine)

    def run(self) -> None:
        while self.ready or self.sleeping:
            now = time.monotonic()
            while self.sleeping and self.sleeping[0][0] <= now:
                self.ready.append(heapq.heappop(self.sleeping)[2])
            if not self.ready:
                time.sleep(self.sleeping[0][0] - now)
                continue
            coroutine = self.ready.popleft()
            try:
                request = coroutine.send(None)  # what asyncio's Task does at each step
            except StopIteration:
                continue
            if isinstance(request, Sleep):
                entry = (now + request.seconds, next(self.tie_breaker), coroutine)
                heapq.heappush(self.sleeping, entry)
            elif isinstance(request, Future):
                request.callbacks.append(lambda c=coroutine: self.ready.append(c))


async def read_sensor() -> float:
    await Sleep(0.05)  # a nested coroutine: awaiting it is just a call
    return 21.5


async def producer(box: Future) -> None:
    print("producer: reading the sensor")
    box.set_result(await read_sensor())
    print("producer: result published")


async def consumer(name: str, box: Future) -> None:
    print(f"{name}: waiting for the reading")
    print(f"{name}: got {await box} °C")


if __name__ == "__main__":
    scheduler, box = Scheduler(), Future()
    scheduler.spawn(consumer("display", box))
    scheduler.spawn(consumer("logger", box))
    scheduler.spawn(producer(box))
    scheduler.run()
