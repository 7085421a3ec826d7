"""Threads have names and identities; current_thread() tells code which thread runs it."""

import threading


def describe(report: list[str]) -> None:
    me = threading.current_thread()
    report.append(
        f"{me.name!r:24} main={me is threading.main_thread()}  "
        f"ident matches get_ident(): {me.ident == threading.get_ident()}"
    )


if __name__ == "__main__":
    report: list[str] = []
    describe(report)  # called directly: runs in the main thread

    unnamed = threading.Thread(target=describe, args=(report,))
    named = threading.Thread(target=describe, args=(report,), name="resizer")
    for thread in (unnamed, named):
        thread.start()
        thread.join()  # one at a time, so the report comes out in this order

    print("\n".join(report))
    named.name = "resizer-done"  # a name is only a label: it can change, and need not be unique
    print("renamed:", named.name)
    print("native_id is the operating system's thread id:", isinstance(named.native_id, int))
