"""Amdahl's law as a table: speed-up when a fraction p runs in parallel on n cores."""

import math


def amdahl(p: float, n: float) -> float:
    """Speed-up on n workers when a fraction p of the work can be split."""
    return 1 / ((1 - p) + p / n)


FRACTIONS = [0.5, 0.75, 0.9, 0.95, 0.99]
WORKERS = [1, 2, 4, 8, 16, 64, 1024, math.inf]

if __name__ == "__main__":
    print("p \\ n " + "".join(f"{'∞' if n == math.inf else n:>7}" for n in WORKERS))
    for p in FRACTIONS:
        print(f"{p:<6}" + "".join(f"{amdahl(p, n):>7.2f}" for n in WORKERS))
