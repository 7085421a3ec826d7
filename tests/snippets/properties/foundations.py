from . import holds_for, number


@holds_for("foundations/cpu_bound_no_overlap.py")
def threads_give_no_real_speed_up_on_a_gil_build(output: str, recorded: str) -> None:
    assert "primes below 60,000: 6,057 (computed 4 times)" in output
    speed_up = number(r"speed-up: ([\d.]+)x", output)
    # One interpreter lock: four threads cannot beat one by much (free-threaded builds can).
    assert speed_up < 1.5, f"threads ran CPU-bound work {speed_up}x faster"


@holds_for("foundations/io_bound_overlap.py")
def waits_overlap(output: str, recorded: str) -> None:
    sequential = number(r"one after another\s+([\d.]+) s", output)
    concurrent = number(r"all at once\s+([\d.]+) s", output)
    assert 0.75 <= sequential < 1.0, sequential  # 0.3 + 0.2 + 0.25
    assert 0.3 <= concurrent < 0.5, concurrent  # the longest wait
    assert number(r"speed-up: ([\d.]+)x", output) >= 1.8
