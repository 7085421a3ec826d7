"""Static timeline figures (issue 9): filled in by the timelines work."""
