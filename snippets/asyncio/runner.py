"""asyncio.Runner (3.11) keeps one loop across several run() calls from synchronous code."""

import asyncio


async def start_service() -> tuple[asyncio.Queue, asyncio.Task]:
    requests: asyncio.Queue = asyncio.Queue()

    async def serve() -> None:  # lives on between run() calls
        served = 0
        while True:
            text, reply = await requests.get()
            served += 1
            reply.set_result(f"{text.upper()} (request {served})")

    return requests, asyncio.create_task(serve())


async def ask(requests: asyncio.Queue, text: str) -> str:
    reply = asyncio.get_running_loop().create_future()
    await requests.put((text, reply))
    return await reply


if __name__ == "__main__":
    with asyncio.Runner() as runner:  # Runner(debug=True) would turn on debug mode
        requests, service = runner.run(start_service())
        for word in ("alpha", "beta", "gamma"):
            print(runner.run(ask(requests, word)))  # plain synchronous code between calls
        print("service still running:", not service.done())
    print("leaving the block cancelled it and closed the loop:", service.cancelled())
