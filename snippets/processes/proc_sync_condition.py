"""A multiprocessing.Condition: consumers sleep until a shared count reaches what they need."""

import multiprocessing
import time


def consume(name: str, need: int, stock, changed, done) -> None:
    with changed:  # a Condition owns a lock; wait_for() releases it while sleeping
        if not changed.wait_for(lambda: stock.value >= need, timeout=10):
            return  # gave up
        stock.value -= need  # checked and taken under the same lock: no one else can take it
        done.put(f"{name} took {need} items")
        changed.notify_all()  # the stock changed: let the others look again


def produce(items: int, stock, changed) -> None:
    for _ in range(items):
        time.sleep(0.02)
        with changed:
            stock.value += 1
            changed.notify_all()  # wake every waiter; each re-checks its own predicate


if __name__ == "__main__":
    stock = multiprocessing.Value("i", 0, lock=False)  # guarded by the condition's lock instead
    changed = multiprocessing.Condition()
    done = multiprocessing.Queue()
    needs = {"small": 2, "medium": 5, "large": 8}
    consumers = [
        multiprocessing.Process(target=consume, args=(name, need, stock, changed, done))
        for name, need in needs.items()
    ]
    producer = multiprocessing.Process(target=produce, args=(sum(needs.values()), stock, changed))
    for p in [*consumers, producer]:
        p.start()
    for line in sorted(done.get(timeout=20) for _ in consumers):
        print(line)
    for p in [*consumers, producer]:
        p.join()
    print(f"produced {sum(needs.values())}, left in stock: {stock.value}")
