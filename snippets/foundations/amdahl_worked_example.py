"""A worked example of Amdahl's law: a nightly report job moved from 1 core to 8."""

import math

SERIAL_S = 12  # read the input file and write the report: one core does it
PARALLEL_S = 108  # crunch the records: splits cleanly between workers
CORES = 8

if __name__ == "__main__":
    total = SERIAL_S + PARALLEL_S
    p = PARALLEL_S / total
    on_cores = SERIAL_S + PARALLEL_S / CORES
    speed_up = total / on_cores
    print(f"on 1 core:  {total} s, {PARALLEL_S} s of it parallel (p = {p:.2f})")
    print(f"on {CORES} cores: {SERIAL_S} + {PARALLEL_S}/{CORES} = {on_cores:.1f} s")
    print(f"speed-up:   {speed_up:.2f}x, efficiency {speed_up / CORES:.0%}")
    ceiling = 1 / (1 - p)
    print(f"ceiling:    {ceiling:.0f}x on any number of cores: {SERIAL_S} s stay serial")

    target = 6
    # Solve 1 / ((1 - p) + p / n) = target for n.
    needed = p / (1 / target - (1 - p))
    print(f"for {target}x:     {needed:.1f} cores, so {math.ceil(needed)} in practice")
