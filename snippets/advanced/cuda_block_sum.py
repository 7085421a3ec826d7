# /// script
# dependencies = ["numba-cuda"]
# ///
"""A sum in two steps: each block adds its part in shared memory, the host adds the blocks'
partial sums. Run on Numba's CUDA simulator: the model of a GPU, not its speed."""

import os

os.environ["NUMBA_ENABLE_CUDASIM"] = "1"  # before numba.cuda is imported: no GPU needed

import numpy as np
from numba import config, cuda, int64

THREADS = 64  # per block; a power of two for the halving below, known when compiling


@cuda.jit
def block_sums(values, partial):
    cache = cuda.shared.array(THREADS, dtype=int64)  # one per block, seen by all its threads
    t = cuda.threadIdx.x
    i = cuda.grid(1)
    cache[t] = values[i] if i < values.size else 0  # threads past the end add nothing
    cuda.syncthreads()  # every thread of the block has written its slot
    step = THREADS // 2
    while step > 0:  # 64 -> 32 -> ... -> 1 values, each round adding pairs
        if t < step:
            cache[t] += cache[t + step]
        cuda.syncthreads()  # nobody reads the next round's pair before it is written
        step //= 2
    if t == 0:
        partial[cuda.blockIdx.x] = cache[0]


if __name__ == "__main__":
    assert config.ENABLE_CUDASIM
    print(
        "SIMULATED: Numba's CUDA simulator runs the threads of one block at a time as Python threads"
    )
    values = np.arange(1, 1_001, dtype=np.int64)
    blocks = (values.size + THREADS - 1) // THREADS
    d_partial = cuda.device_array(blocks, dtype=np.int64)
    block_sums[blocks, THREADS](cuda.to_device(values), d_partial)
    partial = d_partial.copy_to_host()
    print(f"{blocks} blocks of {THREADS} threads; first partial sums: {partial[:3]}")
    print(f"total: {partial.sum()} (NumPy: {values.sum()})")
