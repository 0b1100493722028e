"""Which function does each kind of job. The app that owns the work registers its handlers
(thidua.spreadsheets.jobs, imported when that app is ready), so this app imports none of them.

A handler takes the job and a Progress, and returns an Outcome: a JSON summary and, for an
export, the file it made. It raises JobRefused for a failure the user can act on (an import
with bad rows: nothing written, the rows listed); anything else it raises is recorded as an
unexpected error with its traceback."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from django.db import DEFAULT_DB_ALIAS, connections

if TYPE_CHECKING:
    from thidua.jobs.models import Job

# Progress is written at most this often, and at the end: a 250,000-row export does not
# write 250,000 times.
PROGRESS_SECONDS = 0.5


@dataclass
class Outcome:
    result: dict[str, Any] = field(default_factory=dict)
    file: IO[bytes] | None = None  # closed (and so deleted, for a temporary file) once saved
    filename: str = ""
    # The source file is deleted once the job is done, unless a later step still reads it
    # (an import's preview: the file the user then confirms).
    keep_source: bool = False


class JobRefused(Exception):
    """The work cannot be done as asked; `message` says why, `result` what was found."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.result = result or {}


class Progress:
    """Called as work moves: `progress(done)`, `progress(done, total)`. Writes the job's
    counters when PROGRESS_SECONDS have passed since the last write, or the work is done."""

    def __init__(self, job: Job, *, every: float = PROGRESS_SECONDS) -> None:
        self.job = job
        self.every = every
        self.written_at = time.monotonic()
        self.writes = 0
        # Transactions the work opens beyond this depth hide its counters from the page.
        self.depth = len(connections[DEFAULT_DB_ALIAS].atomic_blocks)

    def __call__(self, done: int, total: int | None = None, message: str | None = None) -> None:
        job = self.job
        news = (total is not None and total != job.total) or (
            message is not None and message[:200] != job.message
        )
        job.done = done
        job.total = job.total if total is None else total
        job.message = job.message if message is None else message[:200]
        now = time.monotonic()
        finished = bool(job.total) and done >= job.total
        if not (news or finished or now - self.written_at >= self.every):
            return
        self.written_at = now
        self.writes += 1
        _write_counters(job, depth=self.depth)


def _write_counters(job: Job, *, depth: int) -> None:
    """The job's counters, visible to the page polling them at once. An import works inside
    one transaction (all or nothing, or rolled back after a dry run), so its progress would
    show only at the end, or never: on PostgreSQL it is written through a connection of its
    own, outside that transaction. SQLite has one writer at a time, so there the bar moves
    only with work done outside a transaction (exports, batches) and an import's jumps at the
    end."""
    model = type(job)
    connection = connections[DEFAULT_DB_ALIAS]
    if not (len(connection.atomic_blocks) > depth and connection.vendor == "postgresql"):
        model.objects.filter(pk=job.pk).update(done=job.done, total=job.total, message=job.message)
        return
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {model._meta.db_table} SET done = %s, total = %s, message = %s "  # noqa: S608 (our table name)
                "WHERE id = %s",
                [job.done, job.total, job.message, job.pk],
            )
    finally:
        side.close()


Handler = Callable[["Job", Progress], Outcome]
HANDLERS: dict[str, Handler] = {}


@dataclass(frozen=True)
class ResultPage:
    """How the job page shows a finished job's result, for a kind that needs more than the
    generic summary (an import's preview, with its confirm button): a template included in the
    progress card, and its context from (request, job)."""

    template: str
    context: Callable[[Any, Job], dict[str, Any]]


RESULT_PAGES: dict[str, ResultPage] = {}


def register(kind: str, *, result_page: ResultPage | None = None) -> Callable[[Handler], Handler]:
    def add(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        if result_page is not None:
            RESULT_PAGES[kind] = result_page
        return handler

    return add


def result_page_for(kind: str) -> ResultPage | None:
    return RESULT_PAGES.get(kind)


def handler_for(kind: str) -> Handler:
    try:
        return HANDLERS[kind]
    except KeyError:
        raise LookupError(f"no handler registered for job kind {kind!r}") from None
