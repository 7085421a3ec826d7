# /// script
# dependencies = ["pytest", "anyio"]
# [tool.guide]
# varies = "the time the tests took"
# check = "numbers-masked"
# ///
"""Async tests under pytest with AnyIO's plugin: write a test file, then run it with pytest.main."""

import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

TESTS = """
import anyio
import pytest

pytestmark = pytest.mark.anyio  # every test here runs in an event loop


@pytest.fixture
def anyio_backend():
    return "asyncio"  # the plugin's default; "trio" too when trio is installed


async def test_a_task_group_collects_every_result():
    results = []

    async def work(n):
        await anyio.sleep(0.01)
        results.append(n)

    with anyio.fail_after(1):  # a timeout in every test: a hang fails after one second
        async with anyio.create_task_group() as group:
            for n in range(5):
                group.start_soon(work, n)
    assert sorted(results) == [0, 1, 2, 3, 4]


async def test_a_memory_stream_delivers_in_order():
    send, receive = anyio.create_memory_object_stream[int](max_buffer_size=2)
    async with send, receive:
        async with anyio.create_task_group() as group:
            async def produce():
                async with send.clone() as out:
                    for n in range(4):
                        await out.send(n)
            group.start_soon(produce)
            received = [await receive.receive() for _ in range(4)]
    assert received == [0, 1, 2, 3]


async def test_a_hang_fails_instead_of_blocking():
    with pytest.raises(TimeoutError):
        with anyio.fail_after(0.05):
            await anyio.Event().wait()  # never set
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        test_file = Path(folder) / "test_async_examples.py"
        test_file.write_text(textwrap.dedent(TESTS))
        # -q: short report; -p no:cacheprovider: leave no .pytest_cache behind
        code = pytest.main([str(test_file), "-q", "-p", "no:cacheprovider"])
    print(f"pytest exit code: {int(code)}")
    sys.exit(int(code))
