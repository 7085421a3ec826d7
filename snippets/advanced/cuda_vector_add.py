# /// script
# dependencies = ["numba-cuda"]
# ///
"""A CUDA kernel that adds two vectors, one element per GPU thread: run on Numba's CUDA
simulator (threads emulated on the CPU), so it shows the programming model, not the speed."""

import os

os.environ["NUMBA_ENABLE_CUDASIM"] = "1"  # before numba.cuda is imported: no GPU needed

import numpy as np
from numba import config, cuda


@cuda.jit
def add(a, b, out):
    i = cuda.grid(1)  # this thread's index in the whole grid: block * block size + thread
    if i < out.size:  # the grid may have more threads than elements
        out[i] = a[i] + b[i]


if __name__ == "__main__":
    assert config.ENABLE_CUDASIM
    print(
        "SIMULATED: Numba's CUDA simulator runs the threads of one block at a time as Python threads"
    )
    n = 1_000
    a = np.arange(n, dtype=np.float32)
    b = np.full(n, 0.5, dtype=np.float32)

    d_a, d_b = cuda.to_device(a), cuda.to_device(b)  # host -> device copies
    d_out = cuda.device_array(n, dtype=np.float32)  # allocated on the device, not copied

    threads_per_block = 128
    blocks = (n + threads_per_block - 1) // threads_per_block  # round up: 8 blocks
    add[blocks, threads_per_block](d_a, d_b, d_out)  # launch: [grid size, block size]
    out = d_out.copy_to_host()  # device -> host copy (waits for the kernel)

    print(f"{blocks} blocks x {threads_per_block} threads = {blocks * threads_per_block}"
          f" threads for {n} elements")  # fmt: skip
    print(f"out[:4] = {out[:4]}, out[-1] = {out[-1]}")
    print(f"same as NumPy's a + b: {np.array_equal(out, a + b)}")
