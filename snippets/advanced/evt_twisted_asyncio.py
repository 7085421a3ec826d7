# /// script
# dependencies = ["twisted"]
# ///
"""Twisted on asyncio's loop: a Twisted server, an asyncio client, each awaiting the other."""

import asyncio

from twisted.internet import asyncioreactor

loop = asyncio.new_event_loop()
asyncioreactor.install(loop)  # before anything imports twisted.internet.reactor

from twisted.internet import defer, endpoints, protocol, task  # noqa: E402
from twisted.protocols.basic import LineReceiver  # noqa: E402


class Upper(LineReceiver):
    delimiter = b"\n"

    def lineReceived(self, line: bytes) -> None:
        self.sendLine(line.upper())


async def asyncio_client(port: int) -> str:
    """Plain asyncio code: streams, no Twisted."""
    print("asyncio runs on the reactor's loop:", asyncio.get_running_loop() is loop)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello from asyncio\n")
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.decode().strip()


async def asyncio_awaits_a_deferred(reactor) -> str:
    d = task.deferLater(reactor, 0.1, lambda: "a Deferred's result")
    return await d.asFuture(asyncio.get_running_loop())  # Deferred -> asyncio Future


def from_asyncio(coroutine) -> defer.Deferred:
    return defer.Deferred.fromFuture(loop.create_task(coroutine))  # asyncio Task -> Deferred


async def main(reactor) -> None:
    print("the reactor is", type(reactor).__name__)
    factory = protocol.Factory.forProtocol(Upper)
    port = await endpoints.TCP4ServerEndpoint(reactor, 0, interface="127.0.0.1").listen(factory)
    print("asyncio client got:", await from_asyncio(asyncio_client(port.getHost().port)))
    print("asyncio awaited:", await from_asyncio(asyncio_awaits_a_deferred(reactor)))
    await port.stopListening()


if __name__ == "__main__":
    task.react(main)
