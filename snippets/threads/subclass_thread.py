"""Subclass Thread, override run(), and keep the result on the thread object."""

import threading
import time


class WordCounter(threading.Thread):
    def __init__(self, title: str, text: str) -> None:
        super().__init__(name=f"count-{title}")  # always call the base constructor first
        self.text = text
        self.words: int | None = None

    def run(self) -> None:  # start() calls run() in the new thread
        time.sleep(0.02)  # pretend the text had to be fetched first
        self.words = len(self.text.split())


if __name__ == "__main__":
    books = {
        "haiku": "an old silent pond a frog jumps into the pond splash silence again",
        "motto": "keep calm and carry on",
    }
    counters = [WordCounter(title, text) for title, text in books.items()]
    for counter in counters:
        counter.start()
    for counter in counters:
        counter.join()
        print(f"{counter.name}: {counter.words} words")
