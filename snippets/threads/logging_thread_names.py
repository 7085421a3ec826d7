# /// script
# [tool.guide]
# varies = "the order of the lines, which follows the threads' interleaving"
# check = "lines-any-order"
# ///
"""Put %(threadName)s in the log format: every line then says which thread wrote it."""

import logging
import threading
import time

log = logging.getLogger("downloader")


def download(url: str, seconds: float) -> None:
    log.info("start %s", url)
    time.sleep(seconds)
    if url.endswith(".zip"):
        log.warning("%s is large, retrying once", url)
    log.info("done %s", url)


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO,
        format="%(threadName)-12s %(levelname)-7s %(message)s",  # no time: keeps runs comparable
        stream=__import__("sys").stdout,
    )
    jobs = {"fetch-css": ("style.css", 0.02), "fetch-zip": ("data.zip", 0.04)}
    threads = [threading.Thread(target=download, args=job, name=name) for name, job in jobs.items()]
    log.info("starting %d downloads", len(threads))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log.info("all downloads finished")
