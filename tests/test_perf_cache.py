"""A cached reopen never loads spaCy: the reader shows the cached analysis without importing it.

Run in a subprocess, so that what this test process imported does not count. No timing asserts
here: the figures are in bench/startup.py.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from test_app_reader import TEXT, make_analysis

from tui import cache

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from tui.app import NewsreaderApp
    from tui.sources import Article

    async def main():
        article = Article(text=sys.argv[1], source="talks.txt", title="Talks in Oslo")
        app = NewsreaderApp(articles=[article], targets=["talks.txt"])
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(3000):
                if app.screen._analysis_started:
                    break
                await asyncio.sleep(0.01)
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = app.screen.analysis is not None
            print(shown, "spacy" in sys.modules, "tui.analysis.engine" in sys.modules)
            await pilot.press("q")

    asyncio.run(main())
    """
)


def _run(text: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, text], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_cached_reopen_does_not_import_spacy() -> None:
    analysis = make_analysis()
    cache.put(cache.key_for(analysis.text, analysis.title, None), analysis)
    assert _run(TEXT) == ["True", "False", "False"]


def test_cache_miss_does_import_the_engine() -> None:
    """The check above can fail: without a cache entry the same script loads spaCy."""
    assert _run(TEXT)[1:] == ["True", "True"]
