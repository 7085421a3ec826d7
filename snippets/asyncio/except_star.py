"""Several tasks can fail at once: except* handles each kind of error in the ExceptionGroup."""

import asyncio

SERVICES = {"db": "refused", "cache": "ok", "queue": "refused", "search": "bad-config"}


async def connect(service: str) -> str:
    match SERVICES[service]:
        case "refused":
            raise ConnectionRefusedError(f"{service}: connection refused")
        case "bad-config":
            raise ValueError(f"{service}: no port configured")
    await asyncio.sleep(0.05)  # cancelled before it gets this far
    return service


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            for service in SERVICES:
                group.create_task(connect(service), name=service)
    except* ConnectionError as group_of_errors:
        print(f"{len(group_of_errors.exceptions)} connection errors:")
        for error in group_of_errors.exceptions:
            print(f"  {error}")
    except* ValueError as group_of_errors:
        print(f"{len(group_of_errors.exceptions)} configuration error:")
        for error in group_of_errors.exceptions:
            print(f"  {error}")
    print("both except* clauses ran; any other error would have propagated")


if __name__ == "__main__":
    asyncio.run(main())
