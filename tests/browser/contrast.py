"""WCAG contrast of colours as a browser computes them (rgb() and rgba())."""

from __future__ import annotations

import re


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of a CSS rgb()/rgba() colour drawn on an opaque one."""
    *fg, alpha = [*parse_rgb(foreground), 1.0][:4]
    bg = parse_rgb(background)[:3]
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)]
    lighter, darker = sorted((luminance(blended), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def parse_rgb(colour: str) -> tuple[float, ...]:
    numbers = re.findall(r"[\d.]+", colour)
    assert colour.startswith("rgb") and len(numbers) in (3, 4), colour
    return tuple(float(n) for n in numbers)


def luminance(rgb) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
