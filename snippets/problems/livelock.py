"""Livelock: two polite threads back off and retry in step, busy but never getting anywhere."""

import threading

ROUNDS = 5
locks = {"X": threading.Lock(), "Y": threading.Lock()}
in_step = threading.Barrier(2)  # stands in for two threads with identical timing
outcomes: dict[int, dict[str, str]] = {r: {} for r in range(1, ROUNDS + 1)}


def polite_transfer(name: str, first: str, second: str) -> None:
    for round_number in range(1, ROUNDS + 1):
        with locks[first]:
            in_step.wait()  # both hold their first lock
            if locks[second].acquire(blocking=False):  # try, never wait
                locks[second].release()
                outcomes[round_number][name] = "got both"
                return
            outcomes[round_number][name] = f"holds {first}, {second} busy: backs off"
            in_step.wait()  # both have tried before either lets go


if __name__ == "__main__":
    threads = [
        threading.Thread(target=polite_transfer, args=("A", "X", "Y")),
        threading.Thread(target=polite_transfer, args=("B", "Y", "X")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for round_number, outcome in outcomes.items():
        print(f"round {round_number}: A {outcome['A']}; B {outcome['B']}")
    print(f"after {ROUNDS} rounds nobody has both locks: a livelock (stopped by the round limit)")
