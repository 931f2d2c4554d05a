"""Every Textual internal that ``tui.widgets.textual_compat`` relies on is still there and means
what it did: a Textual upgrade fails here first, naming what moved."""

from __future__ import annotations

import inspect
import random
from importlib.metadata import version

from textual.app import App, ComposeResult
from textual.widgets import Footer, RadioButton, RadioSet, TextArea
from textual.widgets.text_area import Document, WrappedDocument

from tui.widgets import textual_compat
from tui.widgets.textual_compat import FastWrappedDocument, HighlightedTextArea


def test_the_pinned_version_is_the_one_installed() -> None:
    assert version("textual") == textual_compat.TEXTUAL_VERSION


def test_text_area_private_methods_exist() -> None:
    for name in ("_set_document", "_build_highlight_map", "_rewrap_and_refresh_virtual_size"):
        assert callable(getattr(TextArea, name, None)), name
    assert list(inspect.signature(TextArea._set_document).parameters) == ["self", "text",
                                                                          "language"]


class AreaApp(App[None]):
    def compose(self) -> ComposeResult:
        yield HighlightedTextArea("abc def\nghi")


async def test_highlight_map_and_line_cache() -> None:
    app = AreaApp()
    async with app.run_test(size=(30, 5)) as pilot:
        area = app.query_one(HighlightedTextArea)
        assert isinstance(area._highlights, dict)
        assert hasattr(area._line_cache, "clear")
        assert area._highlight_query is None
        area.install_highlights({0: [(0, 3, "x")]})
        assert area._highlights[0] == [(0, 3, "x")]
        assert len(area._line_cache) == 0
        await pilot.pause()


async def test_rewrap_hooks_run_around_textual_rewrap() -> None:
    calls: list[str] = []

    class Hooked(HighlightedTextArea):
        def before_rewrap(self) -> object:
            calls.append("before")
            return "state"

        def after_rewrap(self, state: object) -> None:
            calls.append(f"after {state}")

    class HookApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Hooked("word " * 40, soft_wrap=True)

    app = HookApp()
    async with app.run_test(size=(30, 5)) as pilot:
        calls.clear()
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        assert calls[:2] == ["before", "after state"]


def test_wrapped_document_fills_the_same_attributes() -> None:
    document = Document("some words here\n\tand a tab")
    textual, fast = WrappedDocument(document), FastWrappedDocument(document)
    textual.wrap(6, 4)
    fast.wrap(6, 4)
    assert set(vars(fast)) == set(vars(textual))
    for attr in ("_width", "_tab_width", "_wrap_offsets", "_offset_to_line_info",
                 "_line_index_to_offsets", "_tab_width_cache"):
        assert attr in vars(textual), attr


def test_fast_wrapping_matches_textual() -> None:
    """FastWrappedDocument wraps exactly like Textual's WrappedDocument, whatever the text."""
    rng = random.Random(7)
    alphabet = "ab cdé  “”’—–\u00a0xWWW\t日本\u0301"
    texts = ["", "\n\n", "a" * 300, " " * 50 + "word", "x\ty " * 40,
             "Plain prose, with “quotes” and — dashes — that wraps.\n\nA second paragraph."]
    texts += ["\n".join("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
                        for _ in range(3)) for _ in range(150)]
    for text in texts:
        document = Document(text)
        for width in (0, 1, 2, 3, 5, 17, 40, 75):
            textual, fast = WrappedDocument(document), FastWrappedDocument(document)
            textual.wrap(width, 4)
            fast.wrap(width, 4)
            for attr in ("_wrap_offsets", "_offset_to_line_info", "_line_index_to_offsets",
                         "_tab_width_cache"):
                assert getattr(fast, attr) == getattr(textual, attr), (text, width, attr)


class RadioApp(App[None]):
    def compose(self) -> ComposeResult:
        with RadioSet():
            yield RadioButton("one", value=True, id="one")
            yield RadioButton("two", id="two")


async def test_radio_set_marks_its_cursor_with_selected() -> None:
    app = RadioApp()
    async with app.run_test() as pilot:
        radio = app.query_one(RadioSet)
        radio.focus()
        await pilot.pause()
        radio.action_next_button()
        await pilot.pause()
        highlighted = textual_compat.highlighted_radio(radio)
        assert highlighted is not None and highlighted.id == "two"


def test_footer_has_its_readiness_flag() -> None:
    assert "_bindings_ready" in Footer._reactives
    footer = Footer()
    assert textual_compat.bindings_ready(footer) is False
