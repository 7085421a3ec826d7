"""Gustafson's law: grow the problem with the machine and the speed-up grows too."""


def amdahl(p: float, n: int) -> float:
    """Fixed problem: the same job, split over n workers."""
    return 1 / ((1 - p) + p / n)


def gustafson(s: float, n: int) -> float:
    """Scaled problem: n workers each do a full share; s is the serial share."""
    return s + (1 - s) * n


if __name__ == "__main__":
    serial = 0.05
    print("serial share 5%: fixed job (Amdahl) versus job grown with n (Gustafson)")
    print("    n    Amdahl   Gustafson")
    for n in [1, 4, 16, 64, 256]:
        print(f"{n:>5}  {amdahl(1 - serial, n):7.2f}x  {gustafson(serial, n):8.2f}x")
