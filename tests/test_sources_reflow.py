"""Hard-wrapped plain text is re-flowed into paragraphs; poems, lists, tables and Markdown are not."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tui.sources.load import build
from tui.sources.reflow import is_hard_wrapped, reflow

PARAGRAPHS = [
    "Harbour Logistics Incorporated said on Tuesday that its chief executive, Maria Delgado "
    "Ferreira, would step down at the end of the year after the company lost a contract with the "
    "Port Authority of New Avalon, which had been its largest customer for more than a decade.",
    "The announcement came a week after the Federal Transport Safety Board published a report "
    "criticising the company's maintenance of cranes at the container terminal in East Riverton, "
    "where two workers were injured in March.",
    "Analysts at Morgan Brothers Securities said the departure had been expected. Shares of the "
    "company fell 4 percent in early trading before recovering slightly by the afternoon session.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS) + "\n"


def _wrap(width: int, indent: str = "", sep: str = "\n\n") -> str:
    return sep.join(textwrap.fill(p, width, initial_indent=indent, break_on_hyphens=False,
                                  break_long_words=False) for p in PARAGRAPHS) + "\n"


@pytest.mark.parametrize("width", [60, 64, 68, 70, 72, 76, 78])
def test_blank_line_paragraphs_wrapped_at_any_width_come_back_whole(width: int) -> None:
    wrapped = _wrap(width)
    assert is_hard_wrapped(wrapped)
    assert reflow(wrapped) == ORIGINAL
    assert len(reflow(wrapped)) == len(wrapped)  # one space for one newline: same offsets


@pytest.mark.parametrize("indent", ["\t", "    ", "  "])
def test_indented_paragraph_starts_without_blank_lines(indent: str) -> None:
    assert reflow(_wrap(70, indent=indent, sep="\n")) == ORIGINAL


def _last_lines_short(width: int) -> bool:
    """Whether every paragraph's last line leaves room for the next paragraph's first word."""
    lasts = [textwrap.wrap(p, width, break_on_hyphens=False)[-1] for p in PARAGRAPHS[:-1]]
    firsts = [p.split()[0] for p in PARAGRAPHS[1:]]
    return all(len(a) + 1 + len(b) <= width - 4 for a, b in zip(lasts, firsts, strict=True))


@pytest.mark.parametrize("width", [w for w in range(60, 80) if _last_lines_short(w)])
def test_short_line_ending_a_sentence_ends_a_paragraph_without_blank_lines(width: int) -> None:
    assert reflow(_wrap(width, sep="\n")) == ORIGINAL


def test_a_name_across_a_line_break_is_found_once_reflowed() -> None:
    article = build(_wrap(66).encode(), "wire.txt")
    assert "Federal Transport Safety Board" in article.text
    assert "\n" not in article.text.split("\n\n")[1]


NOT_REFLOWED = {
    "one paragraph per line": ORIGINAL,
    "a poem": (
        "The harbour lights go out at nine,\nthe boats come in with salt and brine,\n"
        "and someone on the quay is singing\nan old song about the bells ringing.\n\n"
        "I walked there once in early May\nand did not know the words to say,\n"
        "the gulls were loud, the tide was turning,\nthe lamps along the wall were burning.\n"),
    "a list": (
        "Things to bring to the meeting on Friday morning at the town hall:\n"
        "- the signed forms for the new parking permits\n"
        "- a copy of the council's letter from last week\n"
        "- the receipts for the repairs to the community centre roof\n"
        "- your membership card, or another document with your name\n"
        "- a pen, since the hall never has enough of them for everyone\n"
        "- the list of questions for the planning committee members\n"),
    "a numbered list": "".join(
        f"{n}. Item number {n} of the agenda for the annual general meeting of members\n"
        for n in range(1, 9)),
    "a table": (
        "Team            Played   Won   Drawn   Lost   Points\n"
        "Riverton City       10     7       2      1       23\n"
        "Harbour United      10     6       3      1       21\n"
        "Port Avel           10     5       2      3       17\n"
        "East Bay Rovers     10     3       3      4       12\n"
        "North Vale          10     2       1      7        7\n"
        "Old Town Athletic   10     1       1      8        4\n"),
    "markdown": (
        "# Council meeting\n\n"
        "## Agenda\n\n"
        "* Parking permits and the new zones around the harbour front area\n"
        "* The community centre roof and its repairs after the winter storms\n"
        "* Questions from members about the planning committee's decisions\n\n"
        "> The meeting starts at seven in the evening in the main hall of the\n"
        "> town hall, and members are asked to arrive ten minutes early.\n"),
    "short text": "Storm warning\n\nHigh winds are expected\ntonight along the coast.\n",
}


@pytest.mark.parametrize("name", list(NOT_REFLOWED))
def test_structured_or_unwrapped_text_is_left_exactly_as_it_is(name: str) -> None:
    text = NOT_REFLOWED[name]
    assert not is_hard_wrapped(text)
    assert reflow(text) == text


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "text"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus/wikinews")
@pytest.mark.parametrize("width", [60, 66, 70, 72, 78])
def test_wikinews_rewrapped_reflows_to_the_original(width: int) -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        assert reflow(original) == original
        paragraphs = original.rstrip("\n").split("\n\n")
        wrapped = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False,
                                            break_long_words=False) for p in paragraphs) + "\n"
        expected = "\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n"
        assert reflow(wrapped) == expected, path.name
