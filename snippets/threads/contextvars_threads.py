"""A new thread starts with an empty context; copy_context().run carries the values over."""

import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="(unset)")


def log_line(label: str, lines: list[str]) -> None:
    lines.append(f"{label:28} request_id = {request_id.get()}")


def run_in_thread(target, *args) -> None:
    thread = threading.Thread(target=target, args=args)
    thread.start()
    thread.join()


if __name__ == "__main__":
    lines: list[str] = []
    request_id.set("req-42")
    log_line("main thread", lines)

    run_in_thread(log_line, "plain thread", lines)

    context = contextvars.copy_context()  # a snapshot of the caller's values
    run_in_thread(context.run, log_line, "thread via copy_context()", lines)

    print("\n".join(lines))
