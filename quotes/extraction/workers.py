"""Documents across processes: each worker holds the loaded pipeline and turns whole documents
into records (a document's quotes); Docs never travel between processes.

    parent: documents -> batches -> task queue -> workers: extract -> result queue -> in order

Workers are forked, so they share the model the parent loaded and need nothing pickled but
documents and quotes. They ignore SIGINT: Ctrl-C reaches the parent alone, which stops them
(SIGTERM, then SIGKILL) and lets the KeyboardInterrupt go on, so an interrupted run ends at
once with no worker left. A worker that dies, or the parent going away, ends the run too.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from typing import Any

from quotes.models import Document, Quote

Work = Callable[[list[Document]], list[list[Quote]]]  # documents -> the quotes of each, in order
BATCH_CHARS = 50_000  # a task: documents up to this much text, so parse batches stay full
BATCH_DOCUMENTS = 64
TASKS_PER_WORKER = 3  # batches in flight per worker: enough to keep it busy, few to hold in memory
POLL_SECONDS = 0.5  # how often a waiting process checks that the other side is still alive
STOP_SECONDS = 2.0  # how long a stopped worker may take to end before it is killed


class WorkerFailed(RuntimeError):
    """A worker raised an exception or died."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class _Batch:
    number: int
    documents: list[Document] = field(default_factory=list)
    chars: int = 0


def _batches(documents: Iterable[Document]) -> Iterator[_Batch]:
    batch = _Batch(0)
    for document in documents:
        batch.documents.append(document)
        batch.chars += len(document.text)
        if batch.chars >= BATCH_CHARS or len(batch.documents) >= BATCH_DOCUMENTS:
            yield batch
            batch = _Batch(batch.number + 1)
    if batch.documents:
        yield batch


def _work(work: Work, tasks: Any, results: Any, parent: int) -> None:
    """A worker's loop: batches in, (number, quotes of each document) or (number, error) out."""
    while True:
        try:
            task = tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return  # the parent is gone
            continue
        if task is None:
            return
        number, documents = task
        try:
            results.put((number, work(documents), None))
        except Exception:  # any failure goes back to the parent, which raises it
            results.put((number, None, traceback.format_exc(limit=-3)))


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored for a moment (signal handlers can only be set in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _start(context: Any, count: int, work: Work, tasks: Any, results: Any) -> list[BaseProcess]:
    """`count` forked workers, started with SIGINT ignored (they inherit that): Ctrl-C is the parent's."""
    with _sigint_ignored():
        workers = [context.Process(target=_work, args=(work, tasks, results, os.getpid()), daemon=True) for _ in range(count)]
        for worker in workers:
            worker.start()
    return workers


def _stop(workers: list[BaseProcess]) -> None:
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(STOP_SECONDS)
        if worker.is_alive():
            worker.kill()
            worker.join()


def run_in_workers(documents: Iterable[Document], work: Work, jobs: int) -> Iterator[tuple[Document, list[Quote]]]:
    """(document, quotes) pairs in the order of `documents`, the work done by `jobs` forked workers."""
    context = multiprocessing.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    workers = _start(context, jobs, work, tasks, results)
    batches = _batches(documents)
    in_flight: dict[int, list[Document]] = {}
    done: dict[int, list[list[Quote]]] = {}
    next_number = 0

    def send_one() -> bool:
        batch = next(batches, None)
        if batch is None:
            return False
        in_flight[batch.number] = batch.documents
        tasks.put((batch.number, batch.documents))
        return True

    try:
        while len(in_flight) < jobs * TASKS_PER_WORKER and send_one():
            pass
        while in_flight:
            number, found, error = _receive(results, workers)
            if error is not None:
                raise WorkerFailed(f"a parsing process failed: {error.strip().splitlines()[-1]}")
            done[number] = found
            while next_number in done:
                yield from zip(in_flight.pop(next_number), done.pop(next_number), strict=True)
                next_number += 1
                send_one()
        for _ in workers:
            tasks.put(None)
    finally:
        tasks.cancel_join_thread()  # never wait on a queue nobody reads any more
        with _sigint_ignored():  # a second Ctrl-C must not cut the stopping short
            _stop(workers)
        tasks.close()
        results.close()


def _receive(results: Any, workers: list[BaseProcess]) -> tuple[int, Any, str | None]:
    while True:
        try:
            received: tuple[int, Any, str | None] = results.get(timeout=POLL_SECONDS)
            return received
        except queue.Empty:
            dead = next((w for w in workers if not w.is_alive()), None)
            if dead is not None:
                raise WorkerFailed(f"a parsing process ended unexpectedly (exit status {dead.exitcode})") from None
