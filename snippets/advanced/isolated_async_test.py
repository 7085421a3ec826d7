# /// script
# [tool.guide]
# varies = "the time the tests took"
# check = "numbers-masked"
# ///
"""unittest.IsolatedAsyncioTestCase: each test runs in a fresh event loop; run here programmatically."""

import asyncio
import sys
import unittest


async def fetch_all(names: list[str], delay: float = 0.01) -> dict[str, int]:
    async def fetch(name: str) -> int:
        await asyncio.sleep(delay)
        return len(name)

    async with asyncio.TaskGroup() as group:
        tasks = {name: group.create_task(fetch(name)) for name in names}
    return {name: task.result() for name, task in tasks.items()}


class FetchTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.names = ["alpha", "be", "gam"]  # async fixtures go here (open a client, ...)

    async def test_results_for_every_name(self) -> None:
        async with asyncio.timeout(1):  # a timeout in every async test: a hang becomes a failure
            result = await fetch_all(self.names)
        self.assertEqual(result, {"alpha": 5, "be": 2, "gam": 3})

    async def test_fetches_overlap(self) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        async with asyncio.timeout(1):
            await fetch_all(self.names * 10, delay=0.05)
        self.assertLess(loop.time() - start, 0.5)  # 30 waits of 0.05 s overlap

    async def test_a_hang_becomes_a_timeout_error(self) -> None:
        with self.assertRaises(TimeoutError):
            async with asyncio.timeout(0.05):
                await asyncio.Event().wait()  # nobody will ever set it


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(FetchTests)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    print(f"passed: {result.wasSuccessful()}")
