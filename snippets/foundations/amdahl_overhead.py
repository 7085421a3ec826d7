"""Beyond Amdahl: when each worker costs coordination time, more can be slower."""

SERIAL_S = 1.0  # never parallel
PARALLEL_S = 9.0  # split evenly between the workers
COST_PER_WORKER_S = 0.15  # starting a worker, sending it data, collecting its result


def amdahl_time(n: int) -> float:
    return SERIAL_S + PARALLEL_S / n


def with_overhead(n: int) -> float:
    return amdahl_time(n) + COST_PER_WORKER_S * n


if __name__ == "__main__":
    total = SERIAL_S + PARALLEL_S
    print(" n  Amdahl  with overhead")
    for n in [1, 2, 4, 6, 8, 12, 16, 32]:
        ideal, real = total / amdahl_time(n), total / with_overhead(n)
        print(f"{n:>2}  {ideal:5.2f}x  {real:5.2f}x")
    best = min(range(1, 65), key=with_overhead)
    print(f"best number of workers with overhead: {best}")
    peak = (PARALLEL_S / COST_PER_WORKER_S) ** 0.5
    print(f"(the formula: sqrt(parallel / cost) = {peak:.1f})")
