"""ShareableList: a fixed-length list of simple values in shared memory."""

from multiprocessing import Process, shared_memory


def update_scores(name: str) -> None:
    scores = shared_memory.ShareableList(name=name)
    try:
        scores[1] = scores[1] + 10  # ints, floats, bools, None, short str and bytes
        scores[3] = "updated"  # a str may not grow past the size it was created with
    finally:
        scores.shm.close()


if __name__ == "__main__":
    scores = shared_memory.ShareableList([7, 32, 2.5, "pending", None])
    try:
        child = Process(target=update_scores, args=(scores.shm.name,))
        child.start()
        child.join()
        print(f"after the child: {list(scores)}")
        try:
            scores.append(99)
        except AttributeError:
            print("its length is fixed: no append()")
        try:
            scores[3] = "a much longer string than before"
        except ValueError as error:
            print(f"ValueError: {error}")
    finally:
        scores.shm.close()
        scores.shm.unlink()
