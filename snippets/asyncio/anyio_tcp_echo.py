# /// script
# dependencies = ["anyio"]
# ///
"""An AnyIO echo server and client on 127.0.0.1; task_group.start waits until it listens."""

import anyio
from anyio.abc import SocketAttribute, SocketStream, TaskStatus


async def echo(client: SocketStream) -> None:
    async with client:
        async for data in client:  # ends when the client closes
            await client.send(data.upper())


async def serve(*, task_status: TaskStatus[int] = anyio.TASK_STATUS_IGNORED) -> None:
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    port = listener.extra(SocketAttribute.local_port)
    task_status.started(port)  # hands the port to task_group.start(): the server is ready
    await listener.serve(echo)


async def main() -> None:
    async with anyio.create_task_group() as group:
        port = await group.start(serve)  # returns once serve() called task_status.started()
        for text in ("hello", "anyio"):
            async with await anyio.connect_tcp("127.0.0.1", port) as stream:
                await stream.send(text.encode())
                print("client got", await stream.receive())
        group.cancel_scope.cancel()  # stop the server: it would serve forever
    print("server stopped")


if __name__ == "__main__":
    anyio.run(main)
