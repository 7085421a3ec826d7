# /// script
# [tool.guide]
# varies = "the order in which the two threads print"
# check = "lines-any-order"
# blocks = "each thread holds one lock and waits for the other, so neither ever finishes"
# ///
"""Two threads take two locks in opposite orders: each holds one and waits for the other."""

import threading

locks = {"X": threading.Lock(), "Y": threading.Lock()}
both_hold_one = threading.Barrier(2)  # makes the unlucky timing certain, not just likely
print_lock = threading.Lock()


def say(text: str) -> None:
    with print_lock:  # print() writes the text and the newline separately
        print(text)


def transfer(name: str, first: str, second: str) -> None:
    with locks[first]:
        say(f"{name} holds {first}")
        both_hold_one.wait()  # neither reaches for its second lock before both hold one
        say(f"{name} waits for {second}")
        with locks[second]:
            say(f"{name} has both locks")  # never printed


if __name__ == "__main__":
    a = threading.Thread(target=transfer, args=("A", "X", "Y"))
    b = threading.Thread(target=transfer, args=("B", "Y", "X"))
    a.start()
    b.start()
    a.join()  # waits forever: A never finishes
    say("A finished")  # never printed
