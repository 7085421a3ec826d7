# /// script
# requires-python = ">=3.15"
# ///
"""Can a frozendict (3.15) go to a subinterpreter? Not shared as it is: it travels as a copy."""

from concurrent import interpreters

SETTINGS = frozendict(host="127.0.0.1", port=8080)


def describe(value: frozendict) -> str:  # runs inside the subinterpreter
    return f"{type(value).__name__} with port {value['port']}"


def same(value: frozendict) -> frozendict:
    return value


if __name__ == "__main__":
    print(f"is_shareable(a tuple):      {interpreters.is_shareable(('127.0.0.1', 8080))}")
    print(f"is_shareable(a frozendict): {interpreters.is_shareable(SETTINGS)}")

    interp = interpreters.create()
    try:
        try:  # prepare_main() takes shareable objects only
            interp.prepare_main(settings=SETTINGS)
        except interpreters.NotShareableError as error:
            print(f"prepare_main(settings=...) -> NotShareableError: {error}")

        # call() and queues fall back to pickle: the other side gets an equal copy
        print(f"call(describe, ...) -> {interp.call(describe, SETTINGS)!r}")
        back = interp.call(same, SETTINGS)
        print(
            f"the value sent there and back: equal {back == SETTINGS}, same object {back is SETTINGS}"
        )

        queue = interpreters.create_queue()
        queue.put(SETTINGS)
        received = queue.get()
        print(f"through a Queue: equal {received == SETTINGS}, same object {received is SETTINGS}")
    finally:
        interp.close()
