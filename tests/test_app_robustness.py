"""The reader when things go wrong: a failing analysis, hostile text, an empty article."""

from __future__ import annotations

from test_app_reader import make_app, ready

from tui.analysis.model import Actor, Analysis, Claim, Entity, PipelineInfo, Span
from tui.sources import Article
from tui.widgets.legend import Legend


async def test_analysis_failure_keeps_text_and_notifies() -> None:
    def boom(article: Article) -> Analysis:
        raise RuntimeError("model exploded")

    app = make_app(analyzer=boom)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.analysis is None
        assert screen.view.text.startswith("Talks in Oslo")
        assert any("model exploded" in n.message for n in app._notifications)
        assert "failed" in screen.sub_title
        await pilot.press("j", "right_square_bracket", "s", "1", "slash", *"oslo", "enter")
        assert len(screen.matches) == 3  # search still works without an analysis


HOSTILE = ("[bold]Not bold[/] and [/] and [link=http://x]link[/link] and $var\n\n"
           "Escape \x1b[31mred\x1b[0m and \x1b]0;title\x07 bell.\n\n"
           "“[i]Quote[/i],” said [red]Mallory[/red].\n")


def hostile_analysis(article: Article) -> Analysis:
    text = article.text
    name = "[red]Mallory[/red]"
    m = text.index(name)
    q = text.index("“[i]")
    q_end = text.index("”", q) + 1
    return Analysis(
        text=text, source=article.source, title=article.title,
        pipeline=PipelineInfo("[b]pipe[/b]", "1", False),
        entities=[Entity(m, m + len(name), name, "PERSON"), Entity(0, 15, text[:15], "[ORG]")],
        actors=[Actor("[x]", name, "person", ["[/]", "$var"], [Span(m, m + len(name), name)])],
        claims=[Claim("c[1]", "quote", q, q_end, text[q:q_end], speaker="[x]",
                      speaker_text="[/]")],
    )


async def test_markup_and_escape_sequences_are_inert() -> None:
    app = make_app(text=HOSTILE, analyzer=hostile_analysis, title="[b]Title[/b] \x1b[2J")
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.analysis is not None
        shown = screen.view.text
        assert "[bold]Not bold[/]" in shown and "␛[31mred" in shown and "\x1b" not in shown
        assert len(shown) == len(HOSTILE)
        panel = screen.panel
        actor = str(panel.list_for("actor").get_option_at_index(0).prompt)
        assert "[red]Mallory[/red]" in actor and "[/]" in actor
        await pilot.press("a", "enter", "right_square_bracket", "c", "enter", "s", "v")
        await pilot.press("ctrl+p", *"mallory")
        await pilot.pause()
        await pilot.press("escape")
        screen.view.scroll_home(animate=False)
        await pilot.pause()
        first_line = "".join(segment.text for segment in screen.view.render_line(0))
        assert "[bold]Not bold[/] and [/]" in first_line
        assert str(screen.query_one(Legend).render())  # the odd label renders


async def test_empty_article_says_nothing_to_analyse() -> None:
    called: list[Article] = []

    def analyzer(article: Article) -> Analysis:
        called.append(article)
        raise AssertionError("must not analyse an empty article")

    app = make_app(text="  \n\n \t\n", analyzer=analyzer, title=None)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.empty and not called
        assert "Nothing to analyse" in str(screen.query_one("#empty").render())
        await pilot.press("j", "slash", "right_square_bracket", "1", "e", "tab", "p", "question_mark")
        await pilot.press("escape", "q")
    assert app.return_code == 0


def test_reader_modules_do_not_import_spacy() -> None:
    """The article must be on screen before spaCy loads: only the worker may import it."""
    import subprocess
    import sys

    code = ("import sys, tui.app, tui.commands, tui.screens.reader, tui.screens.library; "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


async def test_open_source_without_url_notifies() -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        assert any("no web address" in n.message for n in app._notifications)


async def test_text_is_readable_while_analysing() -> None:
    import threading

    from test_app_reader import TEXT, make_analysis

    gate = threading.Event()

    def slow(article: Article) -> Analysis:
        assert gate.wait(10)
        return make_analysis(article.text)

    app = make_app(analyzer=slow)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.view.text == TEXT and screen.analysis is None
        assert "analysing" in screen.sub_title
        assert "analysing" in screen.query_one("#status").text
        await pilot.press("j", "j")  # reading (and caret moves) while the worker runs
        await pilot.pause()
        assert "analysing" in screen.query_one("#status").text
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.analysis is not None and "analysing" not in screen.sub_title


async def test_malformed_analysis_does_not_crash() -> None:
    from test_app_reader import make_analysis

    def duplicated(article: Article) -> Analysis:
        analysis = make_analysis(article.text)
        analysis.claims.append(analysis.claims[0])  # duplicate id
        analysis.actors.append(analysis.actors[0])
        analysis.actors[1].mentions.append(Span(10_000_000, 10_000_005, "ghost"))  # off the end
        return analysis

    app = make_app(analyzer=duplicated)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.panel.list_for("claim").option_count >= 2
        await pilot.press("a", "enter", "left_square_bracket", "c", "v", "right_square_bracket")


async def test_analysis_of_another_text_is_ignored() -> None:
    from test_app_reader import make_analysis

    app = make_app(analyzer=lambda a: make_analysis(a.text + "extra"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.analysis is None
        assert any("does not match" in n.message for n in app._notifications)
