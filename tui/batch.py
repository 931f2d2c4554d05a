"""Analysing many articles on every core, results in argument order, memory flat.

:func:`jobs` turns the command line's targets into work, a feed into one job per item (feed order).
:func:`run` yields one :class:`Outcome` per job, in order. Each job is loaded (read, fetched, with
the usual limits) and looked up in the analysis cache by a thread: loading waits on disks and
networks, and a cache hit needs no pipeline. A miss is analysed by a worker process from a pool
of ``workers`` (``spawn``/``forkserver``, never ``fork``: threads are running), each with its
own pipeline, created only when the first miss comes. With one worker the analysis runs in the
calling thread. At most :func:`window` jobs are in flight, so a corpus of any size streams
through in constant memory; the caller prints each outcome as it comes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

from tui.analysis.model import Analysis
from tui.sources import Article, Feed, FeedItem, SourceError, is_url, load, load_item, read
from tui.sources.feeds import FEED_SUFFIXES
from tui.sources.sanitize import visible


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
class Outcome:
    """What became of one job: its analysis, or the one-line reason it has none."""

    job: Job
    analysis: Analysis | None = None
    error: str | None = None


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
    return load(job.target or "-")


def run(items: Iterable[Job], *, model: str | None = None, use_cache: bool = True,
        workers: int = 1) -> Iterator[Outcome]:
    """Every job's outcome, in order (see the module). ``PipelineError`` propagates."""
    pending: deque[Future[Outcome]] = deque()
    source = iter(items)
    pool = _LazyPool(workers, model) if workers > 1 else None
    loaders = ThreadPoolExecutor(max_workers=window(workers), thread_name_prefix="load")
    try:
        for job in source:
            pending.append(loaders.submit(_prepare, job, model, use_cache, pool))
            if len(pending) >= window(workers):
                yield _finish(pending.popleft().result(), model, use_cache)
        while pending:
            yield _finish(pending.popleft().result(), model, use_cache)
    finally:  # done, interrupted or abandoned (`| head`): queued work is dropped, not done
        for future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=False)
        loaders.shutdown(wait=True, cancel_futures=True)
        if pool is not None:
            pool.shutdown(wait=True)


def _prepare(job: Job, model: str | None, use_cache: bool, pool: _LazyPool | None) -> Outcome:
    """Load, look up the cache, and (with a pool) analyse in a worker process."""
    if job.error is not None:
        return Outcome(job, error=job.error)
    if job.analysis is not None:
        return Outcome(job, analysis=job.analysis)
    try:
        article = load_job(job)
    except SourceError as exc:
        return Outcome(job, error=str(exc))
    if use_cache:
        from tui.service import cached

        hit = cached(article, model=model)
        if hit is not None:
            return Outcome(job, analysis=hit)
    if pool is None:
        return Outcome(replace_article(job, article))
    return Outcome(job, analysis=pool.submit(article, use_cache))


def replace_article(job: Job, article: Article) -> Job:
    """The job with its article loaded (analysed afterwards by the calling thread)."""
    return Job(target=job.target, item=job.item, feed=job.feed, article=article)


def _finish(outcome: Outcome, model: str | None, use_cache: bool) -> Outcome:
    if outcome.analysis is None and outcome.error is None and outcome.job.article is not None:
        from tui.service import analyze_article

        outcome.analysis = analyze_article(outcome.job.article, model=model, use_cache=use_cache)
    return outcome


class _LazyPool:
    """A process pool started by the first cache miss (a cached batch never starts one)."""

    def __init__(self, workers: int, model: str | None) -> None:
        self.workers = workers
        self.model = model
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, article: Article, use_cache: bool) -> Analysis:
        with self._lock:
            if self._pool is None:
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context(
                    "forkserver" if "forkserver" in methods else "spawn")
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                                 initializer=_init_worker, initargs=(self.model,))
            pool = self._pool
        return pool.submit(_analyze_in_worker, article, self.model, use_cache).result()

    def shutdown(self, *, wait: bool) -> None:
        """Cancel what has not started; with ``wait``, also wait for the workers to exit."""
        with self._lock:
            pool = self._pool
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


_init_error: Exception | None = None
"""Why the worker's pipeline could not be built: raised by every task (an initializer that fails
would break the pool with a traceback instead of the usual one-line error)."""


def _init_worker(model: str | None) -> None:
    """Ctrl-C is the parent's to handle; the pipeline is built once per worker, up front."""
    global _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from tui.service import get_pipeline

    try:
        get_pipeline(model)
    except Exception as exc:
        _init_error = exc


def _analyze_in_worker(article: Article, model: str | None, use_cache: bool) -> Analysis:
    if _init_error is not None:
        raise _init_error
    from tui.service import analyze_article

    return analyze_article(article, model=model, use_cache=use_cache)
