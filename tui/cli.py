"""The ``newsreader`` command: the reader, ``analyze``, ``index`` and ``cache``.

Errors are one line on stderr: exit 2 for a usage error, 1 for an input that cannot be read or
analysed and for output that cannot be written, 141 when a pipe's reader stops early.
Heavy modules (spaCy, Textual) are imported only by the sub-command that needs them.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui import __version__

if TYPE_CHECKING:
    from tui.batch import Job
    from tui.sources import Article, Feed

PROG = "newsreader"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _model_name(value: str) -> str:
    """``--model`` takes a pipeline name or folder; an empty one is a mistake, not the default."""
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a spaCy pipeline name or folder")
    return value.strip()


def _reader_parser() -> _Parser:
    p = _Parser(
        prog=PROG,
        description="Read a news article in the terminal with its actors, claims and numbers "
        "linked to the text. Sub-commands: 'analyze' (JSON and reports without the UI), "
        "'index' (actors across articles), 'cache clear|info'.",
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLE",
                   help="file, folder, URL, news feed or '-' for standard input (default: the "
                   "sample article)")
    p.add_argument("--model", metavar="NAME|PATH", type=_model_name,
                   help="spaCy pipeline to use (default: $NEWSREADER_MODEL, the best installed "
                   "English pipeline, else the built-in one)")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the analysis cache")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return p


def _analyze_parser() -> _Parser:
    p = _Parser(prog=f"{PROG} analyze",
                description="Analyse articles and print the analysis document (see README).")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, folder (every article in it, sorted), URL, news feed (every item), "
                   "a .jsonl file of analyses or '-'")
    p.add_argument("--format", choices=("json", "jsonl", "markdown", "displacy"),
                   help="json (default for one article), jsonl (default for several), "
                   "markdown, displacy")
    p.add_argument("--model", metavar="NAME|PATH", type=_model_name, help="spaCy pipeline to use")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the analysis cache")
    _add_jobs(p)
    return p


def _jobs(value: str) -> int:
    """``--jobs`` is a positive number of worker processes."""
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"needs a positive number of processes, not {value!r}")
    return int(value)


def _add_jobs(p: _Parser) -> None:
    from tui.batch import default_workers

    p.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=default_workers(),
                   help="worker processes analysing articles (default: every core, here "
                   f"{default_workers()})")


def _index_parser() -> _Parser:
    p = _Parser(prog=f"{PROG} index",
                description="Index the actors of several articles: who appears where, and what "
                "they said (JSON, see README).")
    p.add_argument("paths", nargs="+", metavar="PATH|FOLDER|URL",
                   help="files, folders (every article in them), feeds or article URLs, .jsonl "
                   "files of analyses, or '-'")
    p.add_argument("--model", metavar="NAME|PATH", type=_model_name, help="spaCy pipeline to use")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the analysis cache")
    _add_jobs(p)
    return p


def _cache_parser() -> _Parser:
    p = _Parser(prog=f"{PROG} cache", description="Manage the analysis cache.")
    p.add_argument("action", choices=("clear", "info"), help="clear: delete every entry; info: "
                   "where it is and how big")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsreader`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return _run_analyze(_analyze_parser().parse_args(args[1:]))
        if args and args[0] == "index":
            return _run_index(_index_parser().parse_args(args[1:]))
        if args and args[0] == "cache":
            return _run_cache(_cache_parser().parse_args(args[1:]))
        return _run_reader(_reader_parser().parse_args(args))
    except UsageError as exc:
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newsreader analyze ... | head`: the reader has had enough
        _silence_stdout()
        return 141  # what a shell reports for a command stopped by SIGPIPE
    except OutputError as exc:  # `>&-`, `> /dev/full`: the output is lost, so say so
        _silence_stdout()
        _error(str(exc))
        return 1
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("NEWSREADER_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set NEWSREADER_DEBUG=1 for details)")
        return 1


def _error(message: str) -> None:
    """Print one line on stderr, whatever the message holds (escapes shown, never acted on)."""
    from tui.sources.sanitize import visible

    if sys.stderr is not None:
        print(f"{PROG}: error: {visible(' '.join(message.split()))}", file=sys.stderr)


class OutputError(Exception):
    """Standard output cannot be written (closed, full disk); the message is one line."""


def _out(text: str) -> None:
    """Print ``text`` on standard output and flush, so a lost output is an error, not exit 0."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise OutputError("cannot write the output (standard output is closed)")
    try:
        print(text, file=sys.stdout, flush=True)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write the output ({why})") from exc


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def _targets(paths: list[str]) -> list[str] | None:
    """The articles the paths name (a folder's, sorted), or ``None`` after one line saying why."""
    from tui.sources import SourceError, expand

    try:
        return expand(paths)
    except SourceError as exc:
        _error(str(exc))
        return None


def _run_analyze(ns: argparse.Namespace) -> int:
    targets = _targets(ns.paths)
    if targets is None:
        return 1
    from tui import batch
    from tui.analysis.choice import PipelineError
    from tui.analysis.export import render

    jobs, count = _peek(batch.jobs(targets))
    several = count > 1
    fmt = ns.format or ("jsonl" if several else "json")
    outputs: list[str] = []
    failed = 0
    progress = _Progress(_total(targets))
    try:
        for outcome in batch.run(jobs, partial(render, fmt=fmt), model=ns.model,
                                 use_cache=not ns.no_cache, workers=_workers(ns, count)):
            progress.advance()
            out = outcome.value
            if out is None:
                _error(outcome.error or "cannot be analysed")
                failed += 1
                continue
            if fmt == "jsonl":
                _out(out)
            else:
                outputs.append(out)
    except PipelineError as exc:  # the same for every article: stop at once
        _error(str(exc))
        return 2
    finally:
        progress.stop()
    if fmt in ("json", "displacy") and several:  # an array, whatever failed
        _out("[\n" + ",\n".join(outputs) + "\n]" if outputs else "[]")
    elif outputs:
        _out(("\n---\n\n" if fmt == "markdown" else "\n").join(outputs))
    return 1 if failed else 0


def _peek(jobs: Iterator[Job]) -> tuple[Iterator[Job], int]:
    """How many jobs there are (a feed counts its items), up to one more than a small batch,
    without losing any."""
    from tui.batch import SMALL_BATCH

    first = list(itertools.islice(jobs, SMALL_BATCH + 1))
    return itertools.chain(first, jobs), len(first)


def _workers(ns: argparse.Namespace, count: int) -> int:
    """``--jobs``, except for a small batch: it is analysed in this process."""
    from tui.batch import SMALL_BATCH

    return ns.jobs if count > SMALL_BATCH else 1


def _total(targets: list[str]) -> int | None:
    """How many articles the progress bar counts to (unknown when a target may be a feed)."""
    from tui.batch import might_be_feed

    return None if any(might_be_feed(t) for t in targets) else len(targets)


def _run_index(ns: argparse.Namespace) -> int:
    """``newsreader index``: every article's actors merged across articles, as one JSON document."""
    targets = _targets(ns.paths)
    if targets is None:
        return 1
    import json

    from tui import batch
    from tui.analysis.choice import PipelineError
    from tui.index import ActorIndex, appearances

    index = ActorIndex()
    status = 0
    progress = _Progress(_total(targets))
    try:
        jobs, count = _peek(batch.jobs(targets))
        for outcome in batch.run(jobs, appearances, model=ns.model,
                                 use_cache=not ns.no_cache, workers=_workers(ns, count)):
            progress.advance()
            if outcome.value is None:
                _error(outcome.error or "cannot be analysed")
                status = 1
            else:
                index.add_appearances(outcome.value)
    except PipelineError as exc:
        _error(str(exc))
        return 2
    finally:
        progress.stop()
    _out(json.dumps(index.to_dict(), ensure_ascii=False, indent=2))
    return status


class _Progress:
    """A rich progress bar on stderr when it is a terminal and there are several articles."""

    def __init__(self, total: int | None) -> None:
        self._bar = None
        if (total is None or total > 1) and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            # rich redirects stdout through its console by default: results must still go to
            # stdout (`> file`, `| jq`), so only the bar itself is drawn on stderr.
            self._bar = Progress(console=Console(stderr=True), transient=True,
                                 redirect_stdout=False, redirect_stderr=False)
            self._task = self._bar.add_task("analysing", total=total)
            self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _run_cache(ns: argparse.Namespace) -> int:
    from tui import cache
    from tui.sources.sanitize import visible

    if ns.action == "clear":
        try:
            removed = cache.clear()
        except cache.CacheError as exc:
            _error(str(exc))
            return 1
        _out(f"removed {removed} cached {'analysis' if removed == 1 else 'analyses'} "
             f"from {visible(str(cache.cache_dir()))}")
    else:
        where = visible(str(cache.cache_dir()))
        if cache.foreign():
            _out(f"{where}: not newsreader's folder (it holds other files): caching is off")
            return 0
        from tui.linking import counted

        count, size = cache.stats()
        _out(f"{where}: {counted(count, 'entry', 'entries')}, {size / 2**20:.1f} MiB "
             f"(cap {cache.MAX_BYTES / 2**20:.0f} MiB)")
    return 0


def _run_reader(ns: argparse.Namespace) -> int:
    from tui.sources import SourceError, expand, load

    paths = ns.articles or [str(p) for p in sorted(SEEDS.glob("*.txt"))[:1]]
    if not paths:
        _error(f"no article given and no sample article in {SEEDS}")
        return 1
    if "-" in paths and os.isatty(0):
        _error("standard input is a terminal, not an article: pipe one in "
               "(cat article.txt | newsreader -)")
        return 1
    try:
        targets = expand(paths)
        feed, articles = _open_one(targets[0]) if len(targets) == 1 else (None, [])
        if "-" in targets and len(targets) > 1:
            load("-")  # read standard input now (it is cached), before the keyboard takes it
    except SourceError as exc:
        _error(str(exc))
        return 1
    from tui.analysis.choice import PipelineError, check_available

    try:  # a pipeline that cannot be there is a usage error, before any screen is drawn
        check_available(ns.model)
    except PipelineError as exc:
        _error(str(exc))
        return 2
    if not _keyboard():
        _error("no terminal to read the keyboard from (standard input is not one and there is "
               "no controlling terminal); use 'newsreader analyze' without one")
        return 1
    from tui.app import NewsreaderApp

    app = NewsreaderApp(articles=articles, targets=targets, model=ns.model,
                        use_cache=not ns.no_cache, feed=feed)
    app.run()
    return app.return_code or 0


def _keyboard() -> bool:
    """Whether the reader has a keyboard: standard input is a terminal, or was made one.

    Reading keys from a pipe or /dev/null (`ls | xargs newsreader`, `newsreader f </dev/null`,
    after `cat f | newsreader -`) would spin on end-of-file and never see `q`: the controlling
    terminal (/dev/tty) is reattached instead, and without one the reader cannot run.
    """
    from tui.sources import reattach_terminal

    return os.isatty(0) or (reattach_terminal() and os.isatty(0))


def _open_one(target: str) -> tuple[Feed | None, list[Article]]:
    """One target for the reader: a feed (opened as a library) or an article."""
    from tui.batch import might_be_feed
    from tui.sources import Feed, SourceError, load, read

    got = read(target) if might_be_feed(target) else load(target)
    if isinstance(got, Feed) and not got.items:
        raise SourceError(f"{got.source}: the feed has no items")
    return (got, []) if isinstance(got, Feed) else (None, [got])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
