"""Making untrusted text safe to analyse and to put on a terminal.

:func:`sanitize` is the last step of every load: ``Article.text`` (and the title, author and date)
never hold anything a terminal would act on. What it does, in order:

* line ends: CRLF and CR become ``\\n``; NEL (U+0085), LINE SEPARATOR (U+2028), vertical tab
  and form feed become ``\\n`` and PARAGRAPH SEPARATOR (U+2029) a blank line, because
  ``str.splitlines`` (and so the screen) would otherwise break lines the analysis does not see;
* escape sequences are removed whole: CSI (``ESC [`` or 8-bit ``\\x9b``), OSC (``ESC ]`` or
  ``\\x9d``, which includes OSC 52 clipboard writes and window-title changes), DCS, SOS, PM and APC
  (with their payload, up to the string terminator BEL / ``ESC \\`` / ``\\x9c``, or to the end of
  the line when the terminator is missing) and the two- and three-character ``ESC x`` forms;
* every other C0 control except ``\\n`` and ``\\t`` (NUL included), DEL and every C1 control
  (U+0080 to U+009F) is removed;
* bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) and the
  bidi marks (U+200E, U+200F, U+061C) are removed, so text can never be reordered on screen
  ("Trojan Source");
* lone surrogates (only possible in a ``str`` built with ``surrogateescape``) and the
  noncharacters U+FFFE/U+FFFF/U+FDD0..U+FDEF are removed;
* invisible characters are removed: ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060), ZERO WIDTH
  NO-BREAK SPACE / stray BOM (U+FEFF), MONGOLIAN VOWEL SEPARATOR (U+180E), SOFT HYPHEN (U+00AD),
  the invisible operators U+2061..U+2064, the deprecated format characters U+206A..U+206F, the
  interlinear annotation characters U+FFF9..U+FFFB and the tag characters U+E0000..U+E007F
  (used to smuggle hidden text). They hide text inside words (``Pu\\u200btin`` would no
  longer match ``Putin``) and make the screen width of a line disagree with its length.
* ZERO WIDTH JOINER (U+200D) and ZERO WIDTH NON-JOINER (U+200C) are the only zero-width characters
  kept, and only *between two visible characters*: they are needed for emoji sequences
  (family, flags with skin tones) and for Persian and Indic scripts, and are harmless there.
  Anywhere else (at the start or end of a word, next to spaces, in runs) they are removed.

Nothing else changes: markup-like text such as ``[bold]`` is ordinary text here (the reader
displays it with markup off).
"""

from __future__ import annotations

import re

# --- escape sequences -----------------------------------------------------------------------------
# String sequences: OSC, DCS, SOS, PM, APC, in 7-bit (ESC x) and 8-bit (C1) form, with their
# payload up to the terminator (BEL, ESC \, or 8-bit ST), else to the end of the line.
_STRING_SEQ = (
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"  # OSC, DCS, SOS, PM, APC introducers
    r"[^\x07\x1b\x9c\n]*"                      # payload
    r"(?:\x07|\x1b\\|\x9c)?"                   # terminator, if any
)
# CSI: ESC [ or 8-bit CSI, parameter bytes, intermediate bytes, one final byte (if present).
_CSI_SEQ = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# Other escapes: ESC, intermediate bytes, one final byte (ESC c, ESC 7, ESC ( B, ESC # 8 ...).
_ESC_SEQ = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_ESCAPES = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_ESC_SEQ}")

# --- single characters removed --------------------------------------------------------------------
_REMOVED_RANGES = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0 (not \t \n \v \f \r), DEL, C1 (not NEL)
    "\u00ad"                                # soft hyphen
    "\u061c\u200e\u200f"                    # bidi marks
    "\u202a-\u202e\u2066-\u2069"            # bidi embeddings, overrides, isolates
    "\u200b\u2060-\u2064\u206a-\u206f\ufeff\u180e"  # zero-width space, joiners, invisibles
    "\ud800-\udfff"                         # lone surrogates
    "\ufdd0-\ufdef\ufffe\uffff"             # noncharacters
    "\ufff9-\ufffb"                         # interlinear annotation
    "\U000e0000-\U000e007f"                 # tag characters
)
_REMOVED = re.compile(f"[{_REMOVED_RANGES}]+")

# ZWJ / ZWNJ survive only between two visible (non-space) characters, one at a time.
_JOINER = re.compile(r"[\u200c\u200d]")

_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n",
                              "\u2029": "\n\n"})

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every C0/C1 control except newline and tab: none of them survives :func:`sanitize`."""


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sanitize(text: str) -> str:
    """``text`` with nothing a terminal would act on and no hidden characters (see module)."""
    text = normalize_newlines(text)
    text = _ESCAPES.sub("", text)
    text = text.translate(_LINE_BREAKS)
    text = _REMOVED.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _clean_joiners(text)
    return text


def _clean_joiners(text: str) -> str:
    """Keep a single ZWJ/ZWNJ between two visible characters; drop every other one."""
    out: list[str] = []
    last = 0
    for m in _JOINER.finditer(text):
        i = m.start()
        out.append(text[last:i])
        last = i + 1
        prev_ok = i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\u200c\u200d"
        next_ok = i + 1 < len(text) and not text[i + 1].isspace() \
            and text[i + 1] not in "\u200c\u200d"
        if prev_ok and next_ok:
            out.append(text[i])
    out.append(text[last:])
    return "".join(out)


def one_line(text: str | None) -> str | None:
    """A metadata value (title, author, date) sanitised into one line; ``None`` if empty."""
    if text is None:
        return None
    cleaned = " ".join(sanitize(text).split())
    return cleaned or None


def visible(text: str) -> str:
    """``text`` with every control, bidi and invisible character shown as an escape (for messages).

    Used for paths and URLs in error messages, which reach the terminal unsanitised otherwise.
    """
    def show(m: re.Match[str]) -> str:
        return "".join(
            f"\\x{ord(c):02x}" if ord(c) < 0x100 else
            f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"
            for c in m.group()
        )

    return _VISIBLE.sub(show, text)


_VISIBLE = re.compile(f"[\\x00-\\x1f\\x85\\u2028\\u2029\\u200c\\u200d{_REMOVED_RANGES}]")
