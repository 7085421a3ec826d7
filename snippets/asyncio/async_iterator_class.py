"""An async iterator class: __aiter__ returns it, __anext__ awaits the next item (a paged API)."""

import asyncio

PAGES = [["ada", "alan"], ["barbara", "brian"], ["claude"]]  # what a paged web API might return


class Users:
    """Yields users one by one, fetching a whole page only when the previous one is used up."""

    def __init__(self) -> None:
        self.page_number, self.buffer = 0, []

    def __aiter__(self) -> "Users":
        return self

    async def __anext__(self) -> str:
        if not self.buffer:
            if self.page_number == len(PAGES):
                raise StopAsyncIteration  # the async counterpart of StopIteration
            await asyncio.sleep(0.01)  # fetch the next page
            self.buffer = list(PAGES[self.page_number])
            self.page_number += 1
            print(f"  (fetched page {self.page_number})")
        return self.buffer.pop(0)


async def main() -> None:
    async for user in Users():
        print(user)


if __name__ == "__main__":
    asyncio.run(main())
