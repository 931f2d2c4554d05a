"""Size limits shared by every source."""

from __future__ import annotations

MAX_BYTES = 16 * 1024 * 1024
"""Largest input read (16 MiB): a bigger file, stream or download is refused without reading on."""

SNIFF_BYTES = 64 * 1024
"""Bytes read from a stream before deciding whether it is binary (``/dev/zero`` stops here)."""


def mib(n: int) -> str:
    """``n`` bytes in MiB, for messages ('16')."""
    return f"{n / (1024 * 1024):g}"
