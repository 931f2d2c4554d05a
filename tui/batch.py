"""Analysing many articles on every core, results in argument order, memory flat.

:func:`jobs` turns the command line's targets into work, a feed into one job per item (feed order).
:func:`run` yields one :class:`Outcome` per job, in order. Downloads (feed items, URLs) run in a
pool of threads, many at once, with the usual limits. With ``workers`` > 1, everything else runs in
a pool of worker processes (``forkserver``/``spawn``, never ``fork``: threads are running): reading
the file, the cache lookup, the analysis on a miss (each worker builds its own pipeline at its
first miss, so a cached batch never imports spaCy) and the caller's ``finish`` (rendering, or the
index's records), so only that small result crosses back. With one worker, loading and cache
lookups run in the threads and analyses in the calling thread. At most :func:`window` jobs are in
flight, so a corpus of any size streams through in constant memory, each outcome yielded as soon
as those before it are.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from tui.analysis.model import Analysis
from tui.sources import Article, Feed, FeedItem, SourceError, is_url, load, load_item, read
from tui.sources.feeds import FEED_SUFFIXES
from tui.sources.sanitize import visible

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Job:
    """One article to analyse: a target to load, a feed item to fetch, or an article in hand."""

    target: str | None = None
    item: FeedItem | None = None
    feed: str | None = None
    article: Article | None = None
    analysis: Analysis | None = None
    """An analysis in hand (a line of an analysis file): nothing left to do."""
    error: str | None = None
    """A failure known before any work (a feed that cannot be read): reported in its place."""


@dataclass(slots=True)
class Outcome(Generic[R]):
    """What became of one job: what ``finish`` made of its analysis, or the one-line reason it
    has none."""

    job: Job
    value: R | None = None
    error: str | None = None


def internal_error(job: Job, exc: Exception) -> str:
    """The one line for an unexpected failure on one article: the batch goes on without it
    (``NEWSREADER_DEBUG=1`` lets the exception through, with its traceback)."""
    if os.environ.get("NEWSREADER_DEBUG"):
        raise exc
    where = visible(job.target or (job.item.link if job.item else "") or "article")
    why = visible(" ".join(str(exc).split()))[:200]
    return (f"{where}: internal error: {type(exc).__name__}: {why} "
            "(set NEWSREADER_DEBUG=1 for details)")


def _guarded(job: Job, make: Callable[[], R]) -> tuple[R | None, str | None]:
    """``make()`` for one job, an internal error reported in its place; a pipeline that cannot
    load (the same for every article) still stops the batch."""
    from tui.analysis.choice import PipelineError

    try:
        return make(), None
    except (PipelineError, KeyboardInterrupt):
        raise
    except SourceError as exc:
        return None, str(exc)
    except Exception as exc:
        return None, internal_error(job, exc)


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def window(workers: int) -> int:
    """Jobs in flight: enough to keep every worker and a few downloads busy, no more."""
    return 2 * workers + 4


def might_be_feed(target: str) -> bool:
    """Only URLs and ``.xml``/``.rss``/``.atom`` files can be feeds (others load as articles)."""
    return is_url(target) or (target != "-" and os.path.splitext(target)[1].lower()
                              in FEED_SUFFIXES)


def jobs(targets: Iterable[str]) -> Iterator[Job]:
    """One job per target, one per item of each feed (a URL is fetched once: a page that is
    not a feed becomes a job with its article in hand), one per line of an analysis file."""
    for target in targets:
        if target.lower().endswith(ANALYSIS_SUFFIX) and os.path.isfile(target):
            yield from analysis_file(target)
            continue
        if not might_be_feed(target):
            yield Job(target=target)
            continue
        try:
            got = read(target)
        except SourceError as exc:
            yield Job(target=target, error=str(exc))
            continue
        if isinstance(got, Feed):
            if not got.items:
                yield Job(target=target, error=f"{got.source}: the feed has no items")
            for item in got.items:
                yield Job(target=target, item=item, feed=got.source)
        else:
            yield Job(target=target, article=got)


ANALYSIS_SUFFIX = ".jsonl"
"""Files of analysis documents, one per line (``newsreader analyze --format jsonl`` output)."""


def analysis_file(path: str) -> Iterator[Job]:
    """One job per line of a JSON-lines file of analyses, read lazily (a shard of any size).
    A line that is not an analysis document is reported by its line number."""
    import json

    shown = visible(path)
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield Job(target=path, analysis=Analysis.from_dict(json.loads(line)))
                except ValueError as exc:
                    why = " ".join(str(exc).split())[:200]
                    yield Job(target=path, error=f"{shown}:{number}: not an analysis ({why})")
    except (OSError, UnicodeDecodeError) as exc:
        yield Job(target=path, error=f"{shown}: cannot read ({exc.__class__.__name__})")


def load_job(job: Job) -> Article:
    """The job's article (raises :class:`SourceError` with a one-line message)."""
    if job.article is not None:
        return job.article
    if job.item is not None:
        try:
            return load_item(job.item)
        except SourceError as exc:
            raise SourceError(f"{job.feed}: {exc}") from exc
    return load(job.target if job.target is not None else "-")


def run(items: Iterable[Job], finish: Callable[[Analysis], R], *, model: str | None = None,
        use_cache: bool = True, workers: int = 1) -> Iterator[Outcome[R]]:
    """Every job's outcome, in order (see the module): ``finish`` turns each analysis into what
    the caller keeps (rendered text, the index's records), in the worker that made it, so only
    that small result crosses between processes. ``PipelineError`` propagates."""
    pending: deque[Future[Outcome[R]]] = deque()
    pool = _LazyPool(workers) if workers > 1 else None
    loaders = ThreadPoolExecutor(max_workers=window(workers), thread_name_prefix="load")
    try:
        for job in items:
            pending.append(loaders.submit(_prepare, job, finish, model, use_cache, pool))
            if len(pending) >= window(workers):
                yield _finish(pending.popleft().result(), finish, model, use_cache)
        while pending:
            yield _finish(pending.popleft().result(), finish, model, use_cache)
    finally:  # done, interrupted or abandoned (`| head`): queued work is dropped, not done
        for future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=False)
        loaders.shutdown(wait=True, cancel_futures=True)
        if pool is not None:
            pool.shutdown(wait=True)


def _prepare(job: Job, finish: Callable[[Analysis], R], model: str | None, use_cache: bool,
             pool: _LazyPool | None) -> Outcome[R]:
    """In a loading thread: what needs the network is fetched here (many downloads at once);
    the rest goes to a worker process, or, without a pool, is looked up in the cache here."""
    if job.error is not None:
        return Outcome(job, error=job.error)
    analysis = job.analysis
    if analysis is not None:
        return Outcome(job, *_guarded(job, lambda: finish(analysis)))
    if job.article is None and (job.item is not None or is_url(job.target or "")):
        try:
            job = replace_article(job, load_job(job))
        except SourceError as exc:
            return Outcome(job, error=str(exc))
    if pool is not None:
        value, error = pool.submit(job, finish, model, use_cache)
        return Outcome(job, value=value, error=error)
    try:
        article = load_job(job)
    except SourceError as exc:
        return Outcome(job, error=str(exc))
    if use_cache:
        from tui.service import cached

        hit = cached(article, model=model)
        if hit is not None:
            return Outcome(job, *_guarded(job, lambda: finish(hit)))
    return Outcome(replace_article(job, article))


def replace_article(job: Job, article: Article) -> Job:
    """The job with its article loaded."""
    return Job(target=job.target, item=job.item, feed=job.feed, article=article)


def _finish(outcome: Outcome[R], finish: Callable[[Analysis], R], model: str | None,
            use_cache: bool) -> Outcome[R]:
    """Without a pool, a cache miss is analysed here, in the calling thread."""
    article = outcome.job.article
    if outcome.value is None and outcome.error is None and article is not None:
        from tui.service import analyze_article

        outcome.value, outcome.error = _guarded(
            outcome.job, lambda: finish(analyze_article(article, model=model, use_cache=use_cache)))
    return outcome


class _LazyPool:
    """A process pool, started by the first job that needs it."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, job: Job, finish: Callable[[Analysis], R], model: str | None,
               use_cache: bool) -> tuple[R | None, str | None]:
        with self._lock:
            if self._pool is None:
                context = _context()
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                                 initializer=_init_worker)
            pool = self._pool
        return pool.submit(_work, job, finish, model, use_cache).result()

    def shutdown(self, *, wait: bool) -> None:
        """Cancel what has not started; with ``wait``, also wait for the workers to exit."""
        with self._lock:
            pool = self._pool
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


PRELOAD = ["tui.service", "tui.analysis.engine"]
"""Imported once by the fork server (spaCy among them), so its workers start with them loaded."""


def _context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one (the server imports spaCy once for every worker),
    else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _init_worker() -> None:
    """Ctrl-C is the parent's to handle (it cancels the queue and waits for the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(job: Job, finish: Callable[[Analysis], R], model: str | None,
          use_cache: bool) -> tuple[R | None, str | None]:
    """In a worker process: load, analyse (from the cache when it can: a cached batch never
    imports spaCy) and finish one job; the pipeline is built by the first miss."""
    from tui.service import analyze_article

    return _guarded(job, lambda: finish(analyze_article(load_job(job), model=model,
                                                         use_cache=use_cache)))
