"""Tasks may add more tasks to their TaskGroup: a crawler over an in-memory site."""

import asyncio

SITE = {  # page -> the pages it links to
    "/": ["/docs", "/blog"],
    "/docs": ["/docs/install", "/docs/api", "/"],
    "/blog": ["/blog/2024", "/docs"],
    "/docs/install": [],
    "/docs/api": ["/docs/install"],
    "/blog/2024": ["/"],
}


async def crawl(page: str, seen: set[str], group: asyncio.TaskGroup, depth: int = 0) -> None:
    await asyncio.sleep(0.01)  # stands in for downloading the page
    print(f"{'  ' * depth}{page}")
    for link in SITE[page]:
        if link not in seen:
            seen.add(link)
            group.create_task(crawl(link, seen, group, depth + 1))


async def main() -> None:
    seen = {"/"}
    async with asyncio.TaskGroup() as group:
        group.create_task(crawl("/", seen, group))
    print(f"crawled {len(seen)} pages; the group waited for tasks created after it started")


if __name__ == "__main__":
    asyncio.run(main())
