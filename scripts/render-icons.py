#!/usr/bin/env python3
"""Renders the installable app's PNG icons (crates/cli/src/offline/icons/)
from the favicon's shapes (style/favicon.svg: a rounded blue square, a
yellow lantern diamond), so `lantern build` can publish them without an
image library. Browsers want 192 and 512 pixel PNGs to offer "Install";
"maskable" ones are full-bleed, the diamond inside the central 80% circle
launchers keep whatever shape they cut. Standard library only; the files
are committed, run this again only when the design changes:

    python3 scripts/render-icons.py
"""
import os
import struct
import zlib

BLUE = (0x1D, 0x4E, 0xD8)
YELLOW = (0xFD, 0xE6, 0x8A)
SAMPLES = 4  # per axis: 16 samples a pixel for smooth edges
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "cli", "src", "offline", "icons")


def in_rounded_square(x, y, radius):
    """(x, y) in the unit square with corners rounded by `radius`."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def in_diamond(x, y):
    """The favicon's path M16 5 l7 11 -7 11 -7 -11 z, on a unit square."""
    return abs(x - 0.5) / (7 / 32) + abs(y - 0.5) / (11 / 32) <= 1


def pixel(px, py, size, radius):
    background = diamond = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if in_rounded_square(x, y, radius):
                background += 1
                diamond += in_diamond(x, y)
    total = SAMPLES * SAMPLES
    if background == 0:
        return (0, 0, 0, 0)
    share = diamond / background
    rgb = tuple(round(b + (y - b) * share) for b, y in zip(BLUE, YELLOW))
    return rgb + (round(255 * background / total),)


def png(size, radius):
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter: none
        for px in range(size):
            rows.extend(pixel(px, py, size, radius))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


for size in (192, 512):
    for name, radius in ((f"icon-{size}.png", 7 / 32), (f"icon-maskable-{size}.png", 0.0)):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(png(size, radius))
        print(name, os.path.getsize(os.path.join(OUT, name)), "bytes")
