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
        type(job).objects.filter(pk=job.pk).update(
            done=job.done, total=job.total, message=job.message
        )


Handler = Callable[["Job", Progress], Outcome]
HANDLERS: dict[str, Handler] = {}


def register(kind: str) -> Callable[[Handler], Handler]:
    def add(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return add


def handler_for(kind: str) -> Handler:
    try:
        return HANDLERS[kind]
    except KeyError:
        raise LookupError(f"no handler registered for job kind {kind!r}") from None
