"""An event loop in miniature: a queue of events, handlers registered for them, one loop."""

from collections import defaultdict, deque
from collections.abc import Callable

Handler = Callable[[str], None]


class EventLoop:
    def __init__(self) -> None:
        self.handlers: dict[str, list[Handler]] = defaultdict(list)
        self.pending: deque[tuple[str, str]] = deque()

    def on(self, event: str, handler: Handler) -> None:
        self.handlers[event].append(handler)  # "call me when this happens"

    def emit(self, event: str, payload: str) -> None:
        self.pending.append((event, payload))  # queued, not called now

    def run(self) -> None:
        while self.pending:  # one event at a time, each handler to completion
            event, payload = self.pending.popleft()
            for handler in self.handlers[event]:
                handler(payload)


if __name__ == "__main__":
    loop = EventLoop()
    basket: list[str] = []

    def add_to_basket(item: str) -> None:
        basket.append(item)
        print(f"added {item}; basket now {basket}")
        if len(basket) == 2:
            loop.emit("basket-full", ", ".join(basket))  # a handler may emit events

    loop.on("pick", lambda item: print(f"picked {item}"))
    loop.on("pick", add_to_basket)
    loop.on("basket-full", lambda items: print(f"checkout: {items}"))

    loop.emit("pick", "tea")
    loop.emit("pick", "milk")
    print("nothing has happened yet; the loop has", len(loop.pending), "events waiting")
    loop.run()
    print("the loop ran out of events and returned")
