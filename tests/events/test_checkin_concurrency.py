"""Two staff at the door mark the same delegate at the same moment: exactly one counts, on
PostgreSQL, through real concurrent connections (one per thread). SQLite runs one writer at a
time and proves nothing here, so these tests only run on PostgreSQL:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_b .venv/bin/pytest \
        -p no:cacheprovider tests/events/test_checkin_concurrency.py
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.awards.conftest import al  # noqa: F401  al is a fixture (reloads the award catalogue)
from tests.events.checkin_day import ARRIVAL, make_day
from tests.events.conftest import Conference, conf  # noqa: F401  conf is a fixture
from thidua.common.models import AuditEntry
from thidua.events.checkin import CheckIn, check_in
from thidua.events.models import Guest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite has one writer at a time)")


def _in_threads(*work: Callable[[], Any]) -> list[Any]:
    """Run each callable in its own thread (its own database connection); their results in
    order. A failure in a thread fails the test."""
    results: list[Any] = [None] * len(work)
    errors: list[BaseException] = []

    def run(index: int, job: Callable[[], Any]) -> None:
        try:
            results[index] = job()
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(work)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_two_staff_tapping_the_same_delegate_at_once_count_once(conf: Conference):
    day = make_day(conf)
    url = reverse("web:event_checkin_mark", args=[day.event.pk, day.hai.pk])
    clients = []
    for user in (day.conf.district_officer, day.second_officer):
        client = Client()
        client.force_login(user)
        clients.append(client)
    together = threading.Barrier(2)

    def tap(client: Client) -> str:
        together.wait()
        response = client.post(url, headers={"HX-Request": "true"})
        assert response.status_code == 200
        return response.content.decode()

    rows = _in_threads(lambda: tap(clients[0]), lambda: tap(clients[1]))

    assert sum("Đã điểm danh lúc" in row for row in rows) == 1  # the other one counted
    assert all("Đã có mặt" in row for row in rows)
    assert AuditEntry.objects.filter(action="checkin").count() == 1
    assert Guest.objects.filter(group__event=day.event, present_at__isnull=False).count() == 1


def test_the_second_mark_waits_for_the_first_and_then_matches_nothing(conf: Conference):
    """The second UPDATE runs while the first transaction holds the row: PostgreSQL makes it
    wait, re-checks "not present yet" on the committed row, and updates nothing. A read then a
    write would have counted twice here."""
    day = make_day(conf)
    first_marked = threading.Event()
    second_started = threading.Event()

    def first() -> CheckIn:
        with transaction.atomic():
            result = check_in(
                actor=day.conf.district_officer, guest=Guest.objects.get(pk=day.hai.pk), now=ARRIVAL
            )
            first_marked.set()
            second_started.wait(timeout=10)
            # Let the second UPDATE reach the row lock before this transaction commits.
            threading.Event().wait(0.5)
        return result

    def second() -> CheckIn:
        first_marked.wait(timeout=10)
        second_started.set()
        return check_in(actor=day.second_officer, guest=Guest.objects.get(pk=day.hai.pk))

    done_first, done_second = _in_threads(first, second)

    assert (done_first.counted, done_second.counted) == (True, False)
    assert (done_second.guest.present_at, done_second.guest.present_by) == (
        ARRIVAL,
        day.conf.district_officer,
    )
    assert AuditEntry.objects.filter(action="checkin").count() == 1
