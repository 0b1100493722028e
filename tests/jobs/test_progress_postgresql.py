"""An import works inside one transaction, yet the page polling its job sees the rows counted
as they go: on PostgreSQL the counters are written through a connection of their own. SQLite
has one writer at a time, so this runs only on PostgreSQL:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_b .venv/bin/pytest \\
        -p no:cacheprovider tests/jobs/test_progress_postgresql.py
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from tests.factories import make_user
from thidua.jobs.enums import JobKind
from thidua.jobs.models import Job
from thidua.jobs.registry import Progress

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("a second writer beside an open transaction needs PostgreSQL")


def _seen_by_another_connection(pk: int) -> tuple[int, int]:
    seen: list[tuple[int, int]] = []

    def read() -> None:
        try:
            seen.append(Job.objects.values_list("done", "total").get(pk=pk))
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return seen[0]


def test_rows_counted_inside_the_imports_transaction_show_at_once():
    job = Job.objects.create(kind=JobKind.UNIT_EXPORT, title="Nhập thử", created_by=make_user("a"))
    progress = Progress(job, every=0)

    with transaction.atomic():
        progress(0, 10)
        progress(4)
        assert _seen_by_another_connection(job.pk) == (4, 10)
        transaction.set_rollback(True)  # a dry run: the rows go, the counters stay

    assert Job.objects.values_list("done", "total").get(pk=job.pk) == (4, 10)


def test_outside_a_transaction_of_the_work_the_counters_go_the_usual_way():
    job = Job.objects.create(kind=JobKind.UNIT_EXPORT, title="Xuất thử", created_by=make_user("b"))
    progress = Progress(job, every=0)

    progress(3, 5)

    assert _seen_by_another_connection(job.pk) == (3, 5)
