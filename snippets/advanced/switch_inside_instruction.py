"""One bytecode instruction is not one step when it runs Python code: another thread runs in
the middle of `d[key] = 1`, inside the key's __hash__."""

import dis
import threading

hashing = threading.Event()
other_thread_done = threading.Event()


class Key:
    def __repr__(self) -> str:
        return "Key()"

    def __hash__(self) -> int:  # Python code, run by the dict in the middle of the store
        print("main:  __hash__ starts; the store d[key] = 1 is under way")
        hashing.set()
        other_thread_done.wait()  # blocks, so the other thread runs now (certain, for the demo)
        print("main:  __hash__ returns; the store finishes")
        return 1


def store(d: dict, key: Key) -> None:
    d[key] = 1


def meddle(d: dict) -> None:
    hashing.wait()
    d.clear()
    d["other"] = 2
    print("other: cleared d and stored d['other'] inside main's d[key] = 1")
    other_thread_done.set()


if __name__ == "__main__":
    (instruction,) = [i.opname for i in dis.get_instructions(store) if "SUBSCR" in i.opname]
    print(f"d[key] = 1 stores with one instruction: {instruction}")
    d = {"before": 0}
    other = threading.Thread(target=meddle, args=(d,))
    other.start()
    store(d, Key())
    other.join()
    print(f"d afterwards: {list(d)}")
