"""The reader on a ~100,000-word article: first paint, jumps, search, scrolling, resize, memory.

Builds the document by joining the 24 texts of ../shared/corpus/wikinews/text repeatedly, then runs
the real app headless (``App.run_test``, 120x40) with the real analysis (built-in pipeline, no
cache) in its worker thread, and times the code paths the reader uses:

- first paint: from starting the app to the article's first frame (``ArticleView.painted``);
- analysis shown: from starting the app to highlights and panel filled;
- jump: choosing a panel item (``SidePanel.ItemChosen``, as enter does) until the frame is drawn;
- next mention: ``]`` (``action_mention``) until the frame is drawn;
- search: one keystroke in the search bar (``Input.Changed``: every match highlighted, the nearest
  one scrolled to) until the frame is drawn;
- page down: one page down until the frame is drawn (scrolling);
- toggle a type: key 1 hides (or shows again) the first entity type of the legend;
- switch section: ``a``/``c``/``#`` show another list of the panel;
- filter: one keystroke in the panel's filter (the lists refilled) until the frame is drawn;
- resize: the terminal changes width until the re-wrapped frame is drawn;
- peak memory: ``ru_maxrss`` of the whole process, analysis included.

"Until the frame is drawn" means the screen's pending layout and repaint are done synchronously
(``Screen._on_timer_update``) right after the handler, so the figure is handler + render. Prints
the median (and the worst) of several repetitions, with the machine's core count. Run:

    .venv/bin/python bench/longdoc.py [--words N] [--runs N] [--model NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from startup import long_document  # noqa: E402 (needs bench/ on sys.path first)

WIDTH, HEIGHT = 120, 40


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(text: str, runs: int, model: str | None) -> list[tuple[str, str]]:
    from textual import events
    from textual.geometry import Size
    from textual.widgets import Input

    from tui.app import NewsreaderApp
    from tui.screens.reader import ReaderScreen
    from tui.sources import Article
    from tui.widgets.article_view import ArticleView
    from tui.widgets.search_bar import SearchBar
    from tui.widgets.side_panel import SidePanel

    article = Article(text=text, source="longdoc.txt", title=None)
    app = NewsreaderApp(articles=[article], targets=["longdoc.txt"], model=model, use_cache=False)
    rows: list[tuple[str, str]] = []
    start = time.perf_counter()
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(ArticleView)
        while not view.painted:
            await asyncio.sleep(0.001)
        first_paint = time.perf_counter() - start
        while screen.analysis is None:
            await asyncio.sleep(0.005)
        await pilot.pause()
        shown = time.perf_counter() - start
        analysis = screen.analysis
        rows.append(("first paint", f"{first_paint:.2f} s"))
        rows.append(("analysis shown (highlights + panel)", f"{shown:.2f} s"))
        counts = (f"{len(analysis.actors)} actors, {len(analysis.claims)} claims, "
                  f"{len(analysis.numbers)} numbers")
        rows.append(("items in the panel", counts))

        def frame() -> None:
            screen._on_timer_update()  # pending layout + repaint, now

        def timed(action: Callable[[], object], n: int) -> tuple[float, float]:
            times = []
            for _ in range(n):
                t = time.perf_counter()
                action()
                frame()
                times.append(time.perf_counter() - t)
            return statistics.median(times), max(times)

        def row(name: str, figures: tuple[float, float]) -> None:
            med, worst = figures
            rows.append((name, f"{med * 1000:.1f} ms (worst {worst * 1000:.1f} ms)"))

        rng = random.Random(5)
        reps = max(5, runs * 4)
        panel = screen.query_one(SidePanel)
        actors = sorted(analysis.actors, key=lambda a: -a.salience)
        items = ([("actor", a.id) for a in actors] + [("claim", c.id) for c in analysis.claims]
                 + [("number", n.id) for n in analysis.numbers])

        def jump() -> None:
            kind, item_id = rng.choice(items)
            screen.on_side_panel_item_chosen(SidePanel.ItemChosen(panel, kind, item_id))
            jumped.append(screen.items[kind][item_id].spans[0][0])

        def landed(offset: int) -> bool:
            """The jump really happened: the mention's row is on screen."""
            top, height = view.scroll_offset.y, view.scrollable_content_region.height
            return top <= view.wrapped_row(offset) < top + height

        jumped: list[int] = []

        row("jump to a chosen item", timed(jump, reps))
        if not landed(jumped[-1]):
            raise SystemExit("jump did not bring the mention on screen: the figure is wrong")
        top = screen.items["actor"][actors[0].id]
        screen.go(top, 0)
        row(f"next mention (]) of the top actor ({len(top.spans)} mentions)",
            timed(lambda: screen.action_mention(1), reps))

        search = screen.query_one(SearchBar)
        search.open()
        queries = iter(["p", "pr", "pre", "pres", "presi", "presid", "preside", "presiden",
                        "president"] * reps)

        def keystroke() -> None:
            value = next(queries)
            screen._search_changed(Input.Changed(search, value))

        row("search, one keystroke (“president”)", timed(keystroke, 9))
        rows.append(("  matches", f"{len(screen.matches)}"))
        search.close()
        screen.set_search("")
        view.focus()
        row("page down", timed(view.action_cursor_page_down, reps))

        labels = screen.legend.labels
        toggles = iter([labels[0], labels[0]] * reps)
        row(f"toggle an entity type (key 1: {labels[0]})",
            timed(lambda: screen.toggle_label(next(toggles)), 4))
        sections = iter(["claim", "number", "actor"] * reps)
        row("switch panel section (a, c, #)",
            timed(lambda: screen.action_section(next(sections)), 6))

        filter_input = panel.query_one("#filter", Input)
        filter_values = ["s", "sa", "sai", "said", "", "c", "ch", "chi", "chin", "china", ""]
        values = iter(filter_values * reps)
        row("panel filter, one keystroke",
            timed(lambda: panel.on_input_changed(Input.Changed(filter_input, next(values))),
                  len(filter_values)))

        widths = iter([100, 140, 90, 120] * reps)

        async def resize_once() -> float:
            width = next(widths)
            size = Size(width, HEIGHT)
            before = view.wrap_width
            t = time.perf_counter()
            app._driver._size = size  # what Pilot.resize_terminal does, without its idle wait
            app.post_message(events.Resize(size, size))
            while view.wrap_width == before or view.wrapped_document._width != view.wrap_width:
                await asyncio.sleep(0)  # until the article has its new width and is re-wrapped
            frame()
            return time.perf_counter() - t

        resizes = [await resize_once() for _ in range(4)]
        row("resize, re-wrap the whole article", (statistics.median(resizes), max(resizes)))
        rows.append(("peak memory (whole process, analysis included)", f"{_peak_mb():.0f} MB"))
        await pilot.press("q")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3, help="repetitions scale with this")
    ap.add_argument("--model", default="builtin")
    ns = ap.parse_args()
    text = long_document(ns.words)
    rows = asyncio.run(measure(text, ns.runs, ns.model))
    width = max(len(k) for k, _ in rows)
    print(f"newsreader on one long article ({len(text.split())} words, {len(text):,} characters), "
          f"headless {WIDTH}x{HEIGHT}, {os.cpu_count()} cores")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
