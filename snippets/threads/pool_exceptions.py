"""A call that raises stores its exception in the future; result() raises it in the caller."""

from concurrent.futures import ThreadPoolExecutor


def parse_port(text: str) -> int:
    port = int(text)  # ValueError for text that is not a number
    if not 0 < port < 65_536:
        raise ValueError(f"port out of range: {port}")
    return port


if __name__ == "__main__":
    inputs = ["8080", "http", "99999", "443"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(parse_port, text) for text in inputs]
        for text, future in zip(inputs, futures, strict=True):
            error = future.exception()  # waits like result(), but returns the exception
            if error is None:
                print(f"{text!r:8} -> {future.result()}")
            else:
                print(f"{text!r:8} -> {type(error).__name__}: {error}")

        try:
            for port in pool.map(parse_port, inputs):  # map raises when it reaches a failure
                print("map gave", port)
        except ValueError as error:
            print("map stopped with ValueError:", error)
