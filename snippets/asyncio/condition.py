"""A Condition: tasks wait until a predicate on shared state holds; the changer notifies them."""

import asyncio


class Bakery:
    def __init__(self) -> None:
        self.loaves = 0
        self.changed = asyncio.Condition()

    async def bake(self, batches: list[int]) -> None:
        for batch in batches:
            await asyncio.sleep(0.02)
            async with self.changed:
                self.loaves += batch
                print(f"baker: +{batch} -> {self.loaves} on the shelf")
                self.changed.notify_all()  # every waiter re-checks its predicate

    async def buy(self, customer: str, wanted: int) -> None:
        async with self.changed:
            await self.changed.wait_for(lambda: self.loaves >= wanted)
            self.loaves -= wanted
            print(f"{customer}: took {wanted}, {self.loaves} left")


async def main() -> None:
    bakery = Bakery()
    async with asyncio.TaskGroup() as group:
        group.create_task(bakery.buy("hotel", 5))
        group.create_task(bakery.buy("cafe", 2))
        group.create_task(bakery.buy("neighbour", 1))
        group.create_task(bakery.bake([2, 3, 4]))


if __name__ == "__main__":
    asyncio.run(main())
