"""A hash map with lock striping: each key's shard has its own lock, so unrelated keys never wait."""

import threading
from collections import Counter


class StripedDict:
    def __init__(self, stripes: int = 16) -> None:
        self._shards: list[dict] = [{} for _ in range(stripes)]
        self._locks = [threading.Lock() for _ in range(stripes)]

    def _index(self, key) -> int:
        return hash(key) % len(self._shards)

    def get(self, key, default=None):
        i = self._index(key)
        with self._locks[i]:
            return self._shards[i].get(key, default)

    def update(self, key, change, default):
        """Replace the value of key by change(value) as one step; return the new value."""
        i = self._index(key)
        with self._locks[i]:  # only threads touching the same shard wait here
            value = change(self._shards[i].get(key, default))
            self._shards[i][key] = value
            return value

    def snapshot(self) -> dict:
        """A consistent copy: hold every lock, always taken in index order (no deadlock)."""
        for lock in self._locks:
            lock.acquire()
        try:
            return {k: v for shard in self._shards for k, v in shard.items()}
        finally:
            for lock in reversed(self._locks):
                lock.release()


TEXT = "the quick brown fox jumps over the lazy dog while the cat sleeps by the door " * 200


def count_words(counts: StripedDict, words: list[str]) -> None:
    for word in words:
        counts.update(word, lambda n: n + 1, 0)


if __name__ == "__main__":
    words = TEXT.split()
    counts = StripedDict(stripes=8)
    parts = [words[i::4] for i in range(4)]  # four threads, each counts a quarter
    threads = [threading.Thread(target=count_words, args=(counts, part)) for part in parts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    result = counts.snapshot()
    print(f"{len(words):,} words counted by 4 threads into 8 stripes")
    print(f"distinct words: {len(result)}; 'the' seen {counts.get('the'):,} times")
    print(f"same as a single-threaded Counter: {result == Counter(words)}")
