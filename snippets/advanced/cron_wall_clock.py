"""Cron-like times are wall-clock times: across a DST change, 'daily at 02:30' and 'every 24 h' part ways."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("America/New_York")  # 2026: 02:00 -> 03:00 on 8 March, 02:00 -> 01:00 on 1 November
UTC = ZoneInfo("UTC")


def daily_at(at: time, start: datetime, count: int) -> list[datetime]:
    """The next `count` wall-clock times `at`, one per calendar day, from `start`."""
    day = start.date()
    return [datetime.combine(day + timedelta(days=n), at, ZONE) for n in range(count)]


def show(label: str, moments: list[datetime]) -> None:
    print(label)
    for moment in moments:
        real = moment.astimezone(UTC).astimezone(ZONE)  # what the clock on the wall shows
        print(f"    {real:%a %d %b %H:%M %Z}  = {moment.astimezone(UTC):%H:%M} UTC")


if __name__ == "__main__":
    start = datetime(2026, 3, 7, 2, 30, tzinfo=ZONE)
    show("daily at 02:30 (a cron entry '30 2 * * *'):", daily_at(time(2, 30), start, 3))
    # Adding 24 real hours keeps the interval exact but moves the job on the wall clock.
    every_24h = [(start.astimezone(UTC) + timedelta(hours=24 * n)) for n in range(3)]
    show("every 24 hours from the first run:", every_24h)
    # When clocks fall back, one wall-clock time happens twice; fold picks the first or second.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=ZONE)
    show("01:30 on 1 November, which happens twice:", [first, first.replace(fold=1)])
