"""A Manager holds objects in a server process; workers change them through proxies."""

import multiprocessing


def tally(votes: list[str], totals: dict, lock, log: list) -> None:
    for vote in votes:
        with lock:  # get, then set: two messages that another worker could come between
            totals[vote] = totals.get(vote, 0) + 1
    log.append(f"{len(votes)} votes counted")


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        totals = manager.dict()  # a proxy: every operation is a message to the manager process
        log = manager.list()
        lock = manager.Lock()
        ballots = [["red", "blue", "red"], ["blue", "blue", "green"], ["red"]]
        with multiprocessing.Pool(processes=2) as pool:
            pool.starmap(tally, [(b, totals, lock, log) for b in ballots])
        print(f"totals: {dict(sorted(totals.items()))}")
        print(f"log:    {sorted(log)}")

        # A pitfall: changing an object *inside* a proxy changes a copy.
        shelf = manager.dict({"books": []})
        shelf["books"].append("Dune")  # fetches a copy of the list, appends to the copy
        print(f"after shelf['books'].append(...): {shelf['books']}")
        books = shelf["books"]
        books.append("Dune")
        shelf["books"] = books  # assign the changed value back
        print(f"after assigning the list back:    {shelf['books']}")
