"""Bytes to text: refusing binary data and finding the encoding.

Order of decisions (:func:`decode`):

1. known binary formats are refused by their magic numbers (:func:`sniff_magic`);
2. a byte-order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
3. UTF-16 without a BOM is recognised by its zero bytes in every other position;
4. valid UTF-8 is UTF-8 (the common case, and ASCII);
5. otherwise charset-normalizer picks among the legacy encodings, preferring cp1252 (a superset of
   latin-1 for text) when it decodes the bytes as well as the best guess, because English news
   in a legacy encoding is almost always cp1252 and short texts are otherwise often mistaken for
   cp1250 or UTF-16;
6. the decoded text is refused as binary when more than :data:`CONTROL_RATIO` of its characters
   (and more than :data:`CONTROL_MIN` of them) are control characters other than the usual
   whitespace and ESC; a few stray NULs in a text file are just removed later by the sanitiser.
"""

from __future__ import annotations

import codecs
import re

from tui.sources.article import SourceError

CONTROL_RATIO = 0.02
"""Share of control characters above which decoded text counts as binary."""
CONTROL_MIN = 8
"""...but a text with at most this many control characters is never binary (stray NULs)."""
CP1252_TOLERANCE = 0.1
"""cp1252 wins when its "chaos" (charset-normalizer's mess score, 0 to 1) is within this of the
best guess: on short texts the best guess is often an unlikely DOS or Central European code page."""

# (offset, prefix, description); checked against the first bytes of the input.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"\x00\x00\x01\x00", "an icon"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or office document)"),
    (0, b"PK\x05\x06", "a ZIP archive"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (0, b"\x04\x22\x4d\x18", "an lz4 archive"),
    (257, b"ustar", "a tar archive"),
    (0, b"\x7fELF", "an executable"),
    (0, b"\xcf\xfa\xed\xfe", "an executable"),
    (0, b"\xce\xfa\xed\xfe", "an executable"),
    (0, b"\xca\xfe\xba\xbe", "an executable"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an office document"),
    (0, b"OggS", "an Ogg media file"),
    (0, b"fLaC", "a FLAC audio file"),
    (0, b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (0, b"wOFF", "a web font"),
    (0, b"wOF2", "a web font"),
    (0, b"\x80\x04\x95", "a Python pickle"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control bytes that never appear in text in an ASCII-compatible encoding (not \t \n \v \f \r ESC).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20)])
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x84\x86-\x9f]")


def sniff_magic(head: bytes) -> str | None:
    """What binary format ``head`` (the first bytes of a file) starts like, or ``None``."""
    for offset, prefix, what in _MAGIC:
        if head[offset:offset + len(prefix)] == prefix:
            return what
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    if head[:3] == b"ID3" and head[3:4] in (b"\x02", b"\x03", b"\x04") and head[4:5] == b"\x00":
        return "an MP3 audio file"
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00" and len(head) > 26:
        return "a BMP image"
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "a bzip2 archive"
    return None


def looks_binary(head: bytes) -> bool:
    """Quick test on the first bytes of a stream: a known format, or many control bytes."""
    if sniff_magic(head):
        return True
    if _bom_encoding(head) or _utf16_without_bom(head):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > CONTROL_MIN and controls > CONTROL_RATIO * len(head)


def decode(raw: bytes, *, declared: str | None = None) -> str:
    """Decode ``raw`` as text or raise :class:`SourceError` (message without the source name).

    ``declared`` is a charset named by the source (HTTP header, HTML meta); it is used only when
    the bytes are not valid UTF-8 and it decodes them without error.
    """
    what = sniff_magic(raw[:512])
    if what:
        raise SourceError(f"not a text article ({what})")
    encoding = _bom_encoding(raw) or _utf16_without_bom(raw)
    if encoding:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            text = raw.decode(encoding, errors="replace")
        text = text.removeprefix("\ufeff")
    else:
        text = _decode_8bit(raw, declared)
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > CONTROL_MIN and controls > CONTROL_RATIO * len(text):
        raise SourceError("not a text article (binary data)")
    return text


def _bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 LE/BE text without a BOM: mostly-ASCII text has a zero in every other byte."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    half = len(sample) // 2
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    if zeros_odd >= 0.9 * half and zeros_even <= 0.05 * half:
        return "utf-16-le"
    if zeros_even >= 0.9 * half and zeros_odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _decode_8bit(raw: bytes, declared: str | None) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > CONTROL_MIN and controls > CONTROL_RATIO * len(raw):
        raise SourceError("not a text article (binary data)")
    if declared:
        try:
            name = codecs.lookup(declared).name
            if name in ("ascii", "latin-1", "iso8859-1"):  # as browsers do (WHATWG)
                name = "cp1252"
            if not name.startswith(("utf-8", "utf-16", "utf-32")):
                return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode(_guess_legacy(raw), errors="replace")


def _guess_legacy(raw: bytes) -> str:
    """The legacy single- or multi-byte encoding of ``raw`` (charset-normalizer, cp1252 first)."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(raw) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return "cp1252" if _decodes(raw, "cp1252") else "latin-1"
    least = min(m.chaos for m in matches)
    for m in matches:
        if m.chaos <= least + CP1252_TOLERANCE and "cp1252" in m.could_be_from_charset:
            return "cp1252"
    return matches[0].encoding


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
