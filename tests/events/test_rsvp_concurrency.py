"""One personal link, opened in two tabs (or forwarded), answered at the same moment: one
answer wins and the other is refused, on PostgreSQL, through the real view with two
connections. SQLite runs one writer at a time, so this runs on PostgreSQL only."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.awards.conftest import al  # noqa: F401  al is a fixture (reloads the award catalogue)
from tests.events.checkin_day import make_day
from tests.events.conftest import Conference, conf  # noqa: F401  conf is a fixture
from thidua.common.models import AuditEntry
from thidua.events.enums import Rsvp
from thidua.events.invitations import give_links, rsvp_token
from thidua.events.models import Guest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite has one writer at a time)")


def test_two_answers_through_one_link_at_once_one_wins(conf: Conference):
    tung = make_day(conf).tung  # invited, no answer yet
    give_links([tung])
    url = reverse("web:rsvp", args=[rsvp_token(Guest.objects.get(pk=tung.pk))])
    together = threading.Barrier(2)
    codes: list[int] = []
    errors: list[BaseException] = []

    def answer(choice: str) -> None:
        try:
            client = Client()
            together.wait()
            codes.append(client.post(url, {"answer": choice}).status_code)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=answer, args=(choice,)) for choice in ("accepted", "declined")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sorted(codes) == [302, 409]  # one answer taken, the other refused
    assert Guest.objects.get(pk=tung.pk).rsvp in {Rsvp.ACCEPTED, Rsvp.DECLINED}
    assert AuditEntry.objects.filter(action="rsvp_answer").count() == 1
