# /// script
# dependencies = ["twisted"]
# ///
"""The same echo server and client in Twisted: protocols, factories, endpoints, react."""

from twisted.internet import defer, endpoints, protocol, task
from twisted.protocols.basic import LineReceiver


class EchoServer(LineReceiver):
    delimiter = b"\n"  # LineReceiver keeps partial lines for us

    def connectionMade(self) -> None:
        print("server: a client connected")

    def lineReceived(self, line: bytes) -> None:
        print(f"server: echoing {line.decode()!r}")
        self.sendLine(line.upper())

    def connectionLost(self, reason: object) -> None:
        print("server: the client hung up")
        self.factory.closed.callback(None)


class EchoClient(LineReceiver):
    delimiter = b"\n"

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def connectionMade(self) -> None:
        self.send_next()

    def lineReceived(self, line: bytes) -> None:
        print(f"client: got {line.decode()!r}")
        self.send_next()

    def send_next(self) -> None:
        if self.lines:
            self.sendLine(self.lines.pop(0).encode())
        else:
            self.transport.loseConnection()


async def main(reactor) -> None:
    factory = protocol.ServerFactory.forProtocol(EchoServer)
    factory.closed = defer.Deferred()
    server = endpoints.TCP4ServerEndpoint(reactor, 0, interface="127.0.0.1")
    port = await server.listen(factory)  # a Deferred, awaited from a coroutine
    client = endpoints.TCP4ClientEndpoint(reactor, "127.0.0.1", port.getHost().port)
    await endpoints.connectProtocol(client, EchoClient(["hello", "event", "loop"]))
    await factory.closed  # fired by the server's connectionLost
    await port.stopListening()


if __name__ == "__main__":
    task.react(main)  # runs the reactor until main() finishes, then exits
