"""A three-stage pipeline: each stage is a thread, queues connect them, a sentinel flows through."""

import queue
import threading
import time

STOP = None  # passed from stage to stage after the last item


def stage(work, inbox: queue.Queue, outbox: queue.Queue | None) -> threading.Thread:
    def loop() -> None:
        while (item := inbox.get()) is not STOP:
            result = work(item)
            if outbox is not None:
                outbox.put(result)
        if outbox is not None:
            outbox.put(STOP)  # tell the next stage, then end

    return threading.Thread(target=loop, name=work.__name__)


def fetch(url: str) -> tuple[str, str]:
    time.sleep(0.01)  # stands in for a download
    return url, f"<title>{url.removesuffix('.html').title()}</title>"


def parse(page: tuple[str, str]) -> tuple[str, str]:
    url, html = page
    return url, html.removeprefix("<title>").removesuffix("</title>")


if __name__ == "__main__":
    urls: queue.Queue = queue.Queue()
    pages: queue.Queue = queue.Queue(maxsize=2)  # bounded: fetch cannot run far ahead of parse
    titles: queue.Queue = queue.Queue()
    report: list[str] = []

    def store(entry: tuple[str, str]) -> None:
        report.append(f"{entry[0]:14} -> {entry[1]}")

    threads = [stage(fetch, urls, pages), stage(parse, pages, titles), stage(store, titles, None)]
    for thread in threads:
        thread.start()
    for url in ("index.html", "about.html", "contact.html", "blog.html"):
        urls.put(url)
    urls.put(STOP)
    for thread in threads:
        thread.join()
    print("\n".join(report))  # one thread per stage and FIFO queues: the order is kept
