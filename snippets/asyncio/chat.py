"""A chat room over TCP: the server publishes every line a client sends to all the others."""

import asyncio


class Room:
    def __init__(self) -> None:
        self.members: dict[str, asyncio.StreamWriter] = {}
        self.empty = asyncio.Event()

    async def publish(self, line: str, skip: str) -> None:
        for name, writer in list(self.members.items()):
            if name != skip:
                writer.write(f"{line}\n".encode())
                await writer.drain()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        name = (await reader.readline()).decode().strip()  # the first line is the nickname
        self.members[name] = writer
        await self.publish(f"* {name} joined", skip=name)
        while line := await reader.readline():  # b"" once the client has closed
            await self.publish(f"{name}: {line.decode().strip()}", skip=name)
        del self.members[name]
        await self.publish(f"* {name} left", skip=name)
        writer.close()
        await writer.wait_closed()
        if not self.members:
            self.empty.set()


class Client:
    def __init__(self, name: str) -> None:
        self.name = name

    async def connect(self, port: int) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port)
        await self.send(self.name)

    async def send(self, text: str) -> None:
        self.writer.write(f"{text}\n".encode())
        await self.writer.drain()

    async def hear(self) -> None:
        print(f"    {self.name} sees {(await self.reader.readline()).decode().strip()!r}")


async def main() -> None:
    room = Room()
    server = await asyncio.start_server(room.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        online: list[Client] = []
        for client in (Client("ann"), Client("bob"), Client("cy")):
            print(f"{client.name} connects")
            await client.connect(port)
            for other in online:
                await other.hear()  # wait for each delivery, so the output stays in order
            online.append(client)
        for speaker, text in [(online[0], "hi all"), (online[2], "hello, ann")]:
            print(f"{speaker.name} sends {text!r}")
            await speaker.send(text)
            for other in online:
                if other is not speaker:
                    await other.hear()
        while online:
            leaving = online.pop(1 if len(online) > 1 else 0)
            print(f"{leaving.name} disconnects")
            leaving.writer.close()
            for other in online:
                await other.hear()
        await room.empty.wait()


if __name__ == "__main__":
    asyncio.run(main())
