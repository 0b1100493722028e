"""The quotas of single units and the document register through the API, on the An Lão cycle of
tests/awards/conftest.py: the district federation runs the cycle and issues its decisions, the
Cơ khí and THPT unions send dossiers, Kiến Thụy is another district."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.awards.conftest import (  # noqa: F401  al and clock are fixtures
    BEFORE,
    SIGNING,
    AnLao,
    al,
    clock,
    nominate,
)
from tests.factories import make_person, make_user
from thidua.awards.models import Award, Decision, UnitQuota
from thidua.awards.services import decisions, nominations
from thidua.common.models import AuditEntry
from thidua.documents.models import RegisterEntry
from thidua.documents.register import number_take


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def quotas_url(al: AnLao, order: int, unit=None) -> str:
    url = f"/api/v1/cycles/{al.cycle.pk}/categories/{al.category(order).pk}/quotas/"
    return f"{url}{unit.pk}/" if unit is not None else url


def put(client, url, body):
    return client.put(url, body, format="json")


def post(client, url, body=None):
    return client.post(url, body or {}, format="json")


def signed_decision(al: AnLao) -> Decision:
    """Nguyễn Thị Lan's Giấy khen, signed: the district's register takes 01/QĐ-LĐLĐ."""
    nomination = nominate(al, 1, al.engineer, initiative=al.rich)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    decision = decisions.decision_create(
        actor=al.officer, issuer=al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": al.cycle},
    )  # fmt: skip
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])
    return decisions.decision_sign(actor=al.leader, decision=decision, signed_on=SIGNING.date(),
                                   signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip


def take(al: AnLao, issuer, type_code: str, issued_on: dt.date, subject: str) -> RegisterEntry:
    return number_take(
        actor=al.officer, issuer=issuer, type_code=type_code, issued_on=issued_on, subject=subject
    )


# Quotas of single units


def test_officer_gives_a_union_its_own_quota_and_takes_it_back(al):
    client = api_client_for(al.officer)

    empty = client.get(quotas_url(al, 4))
    set_ = put(client, quotas_url(al, 4, al.cokhi), {"quota": 5})
    changed = put(client, quotas_url(al, 4, al.cokhi), {"quota": 3})
    put(client, quotas_url(al, 4, al.school), {"quota": 0})
    listed = client.get(quotas_url(al, 4))
    removed = client.delete(quotas_url(al, 4, al.cokhi))
    after = client.get(quotas_url(al, 4))

    assert empty.status_code == 200
    assert empty.json() == {
        "id": al.category(4).pk, "name": al.category(4).name, "quota_per_unit": 2, "quotas": [],
    }  # fmt: skip
    assert set_.status_code == 200
    assert set_.json() == {
        "unit": {"id": al.cokhi.pk, "code": "HP-AL-01", "name": al.cokhi.name}, "quota": 5,
    }  # fmt: skip
    assert changed.json()["quota"] == 3
    assert [(row["unit"]["name"], row["quota"]) for row in listed.json()["quotas"]] == [
        ("Công đoàn Công ty TNHH Cơ khí An Lão", 3),
        ("Công đoàn Trường THPT An Lão", 0),
    ]
    assert removed.status_code == 204
    assert [row["unit"]["id"] for row in after.json()["quotas"]] == [al.school.pk]
    assert AuditEntry.objects.filter(action="category_quota", actor=al.officer).count() == 4


def test_only_those_who_run_the_cycle_see_and_set_quotas(al):
    UnitQuota.objects.create(category=al.category(4), unit=al.cokhi, quota=5)
    answers = {}
    for name in ("official", "leader", "outsider_official"):
        client = api_client_for(getattr(al, name))
        answers[name] = (
            client.get(quotas_url(al, 4)).status_code,
            put(client, quotas_url(al, 4, al.cokhi), {"quota": 9}).status_code,
            client.delete(quotas_url(al, 4, al.cokhi)).status_code,
        )

    assert answers == {
        "official": (403, 403, 403),
        "leader": (403, 403, 403),
        "outsider_official": (404, 404, 404),
    }
    assert UnitQuota.objects.get(category=al.category(4), unit=al.cokhi).quota == 5


def test_a_quota_is_for_a_unit_in_scope_taking_part_in_the_programme(al):
    officer = api_client_for(al.officer)
    admin = make_user("quantri")
    admin.is_superuser = True
    admin.save(update_fields=["is_superuser"])

    out_of_scope = put(officer, quotas_url(al, 4, al.outsider_union), {"quota": 1})
    out_of_programme = put(
        api_client_for(admin), quotas_url(al, 4, al.other_district), {"quota": 1}
    )
    negative = put(officer, quotas_url(al, 4, al.cokhi), {"quota": -1})
    missing = put(officer, quotas_url(al, 4, al.cokhi), {})
    other_category = officer.get(f"/api/v1/cycles/{al.cycle.pk}/categories/987654/quotas/")

    assert out_of_scope.status_code == 404
    assert out_of_programme.status_code == 400
    assert out_of_programme.json() == {
        "unit": ["“Liên đoàn Lao động huyện Kiến Thụy” không tham gia chương trình này."]
    }
    assert negative.status_code == 400
    assert list(negative.json()) == ["quota"]
    assert missing.status_code == 400
    assert other_category.status_code == 404
    assert not UnitQuota.objects.exists()


def test_a_unions_own_quota_decides_whether_its_next_dossier_goes_through(al, clock):
    clock.set(BEFORE)
    category = al.category(5)  # Cán bộ công đoàn tiêu biểu: one dossier a union
    first, second = nominate(al, 5, al.worker), nominate(al, 5, al.engineer)
    third = nominate(al, 5, make_person("Đỗ Văn Sơn", unit=al.cokhi, position="Tổ phó"))
    nominations.nomination_submit(actor=None, nomination=first, now=BEFORE)
    officer, official = api_client_for(al.officer), api_client_for(al.official)

    over_quota = post(official, f"/api/v1/nominations/{second.pk}/submit/")
    raised = put(officer, quotas_url(al, 5, al.cokhi), {"quota": 2})
    within_quota = post(official, f"/api/v1/nominations/{second.pk}/submit/")
    raised_to = nominations.quota_for(category, al.cokhi)
    back = officer.delete(quotas_url(al, 5, al.cokhi))
    over_again = post(official, f"/api/v1/nominations/{third.pk}/submit/")

    assert over_quota.status_code == 400
    assert over_quota.json()["non_field_errors"][0].startswith(
        "Công đoàn Công ty TNHH Cơ khí An Lão đã nộp đủ 1 hồ sơ"
    )
    assert raised.status_code == 200
    assert within_quota.status_code == 200
    assert within_quota.json()["status"] == "submitted"
    assert raised_to == 2
    assert back.status_code == 204
    assert nominations.quota_for(category, al.cokhi) == 1
    assert over_again.status_code == 400
    assert "đã nộp đủ 1 hồ sơ" in over_again.json()["non_field_errors"][0]


# The document register


def test_officer_reads_the_register_of_the_units_they_issue_for(al):
    decision = signed_decision(al)
    take(al, al.district, "KH", dt.date(2024, 8, 1), "Kế hoạch tổ chức Tháng Công nhân")
    take(al, al.district, "QĐ", dt.date(2023, 12, 1), "Quyết định năm trước")
    take(al, al.other_district, "QĐ", dt.date(2024, 8, 2), "Quyết định của Kiến Thụy")
    client = api_client_for(al.officer)

    everything = client.get("/api/v1/registers/")
    decisions_2024 = client.get("/api/v1/registers/", {"type_code": "QĐ", "year": "2024"})
    by_issuer = client.get("/api/v1/registers/", {"issuer": al.district.pk})
    other_issuer = client.get("/api/v1/registers/", {"issuer": al.other_district.pk})
    bad_year = client.get("/api/v1/registers/", {"year": "năm nay"})

    assert everything.status_code == 200
    assert [row["symbol"] for row in everything.json()["results"]] == [
        "01/KH-LĐLĐ", "01/QĐ-LĐLĐ", "01/QĐ-LĐLĐ",
    ]  # fmt: skip
    assert decisions_2024.json()["results"] == [
        {
            "id": decision.register_entry_id, "symbol": "01/QĐ-LĐLĐ", "number": 1,
            "type_code": "QĐ", "year": 2024, "issued_on": "2024-07-18",
            "subject": decision.subject, "signer": "Phạm Thị Nga",
            "issuer": {"id": al.district.pk, "code": "HP-ANLAO", "name": al.district.name},
            "object_type": "awards.decision", "object_id": str(decision.pk),
        }
    ]  # fmt: skip
    assert by_issuer.json()["count"] == 3
    assert other_issuer.json()["count"] == 0
    assert bad_year.status_code == 400


def test_the_register_is_not_shown_to_those_who_do_not_issue(al):
    take(al, al.district, "QĐ", dt.date(2024, 8, 1), "Quyết định khen thưởng")
    take(al, al.district, "KH", dt.date(2024, 8, 2), "Kế hoạch thi đua")

    counts = {
        name: api_client_for(getattr(al, name)).get("/api/v1/registers/").json()["count"]
        for name in ("officer", "leader", "official", "outsider_official")
    }

    # A leader signs but does not keep the register; a grassroots official issues nothing.
    assert counts == {"officer": 2, "leader": 0, "official": 0, "outsider_official": 0}


def test_the_register_continues_from_a_paper_book_and_never_goes_back(al):
    client = api_client_for(al.officer)
    body = {"issuer": al.district.pk, "type_code": "QĐ", "year": 2024}

    continued = post(client, "/api/v1/registers/continue/", {**body, "last_number": 40})
    entry = take(al, al.district, "QĐ", dt.date(2024, 9, 3), "Quyết định đầu tiên trên máy")
    back = post(client, "/api/v1/registers/continue/", {**body, "last_number": 12})
    same = post(client, "/api/v1/registers/continue/", {**body, "last_number": 41})
    blank = post(client, "/api/v1/registers/continue/", {**body, "type_code": ""})

    assert continued.status_code == 200
    assert continued.json() == {
        "issuer": {"id": al.district.pk, "code": "HP-ANLAO", "name": al.district.name},
        "type_code": "QĐ", "year": 2024, "last_number": 40,
    }  # fmt: skip
    assert entry.symbol == "41/QĐ-LĐLĐ"
    assert back.status_code == 400
    assert back.json() == {"non_field_errors": ["Sổ đã dùng đến số 41: không lùi số được."]}
    assert same.status_code == 200
    assert blank.status_code == 400
    assert set(blank.json()) == {"type_code", "last_number"}
    audit = AuditEntry.objects.filter(action="register_continue", actor=al.officer)
    assert audit.count() == 2


def test_only_the_issuers_officers_continue_its_register(al):
    def attempt(user, issuer) -> int:
        return post(api_client_for(user), "/api/v1/registers/continue/", {
            "issuer": issuer.pk, "type_code": "QĐ", "year": 2024, "last_number": 7,
        }).status_code  # fmt: skip

    answers = {
        "officer": attempt(al.officer, al.district),
        "leader": attempt(al.leader, al.district),
        "official for their union": attempt(al.official, al.cokhi),
        "official for the district": attempt(al.official, al.district),
        "outsider": attempt(al.outsider_official, al.district),
        "officer for another district": attempt(al.officer, al.other_district),
    }
    refused = post(api_client_for(al.leader), "/api/v1/registers/continue/", {
        "issuer": al.district.pk, "type_code": "QĐ", "year": 2024, "last_number": 7,
    })  # fmt: skip

    assert answers == {
        "officer": 200,
        "leader": 403,
        "official for their union": 403,
        "official for the district": 404,
        "outsider": 404,
        "officer for another district": 404,
    }
    assert refused.json() == {"detail": "Bạn không quản lý sổ văn bản của đơn vị này."}


# Query counts


def test_register_list_query_count_does_not_grow_with_rows(al):
    # Session, user, the issuers (memberships, predecessors), count, page with its issuers:
    # the same however many numbers the register holds.
    def queries() -> int:
        client = api_client_for(al.officer)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/registers/")
        assert response.status_code == 200
        return len(captured)

    take(al, al.district, "QĐ", dt.date(2024, 8, 1), "Văn bản 1")
    one = queries()
    take(al, al.district, "QĐ", dt.date(2024, 8, 2), "Văn bản 2")
    take(al, al.district, "KH", dt.date(2024, 8, 3), "Văn bản 3")
    three = queries()

    assert RegisterEntry.objects.count() == 3
    assert one == three


# Schema


def test_schema_lists_the_quota_and_register_paths(db):
    paths = APIClient().get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/cycles/{id}/categories/{category_pk}/quotas/",
        "/api/v1/cycles/{id}/categories/{category_pk}/quotas/{unit_pk}/",
        "/api/v1/registers/", "/api/v1/registers/continue/",
    } <= set(paths)  # fmt: skip
    assert set(paths["/api/v1/cycles/{id}/categories/{category_pk}/quotas/{unit_pk}/"]) == {
        "put", "delete",
    }  # fmt: skip


def test_an_id_too_large_for_the_database_finds_nothing_and_breaks_nothing(al):
    response = api_client_for(al.officer).get(
        "/api/v1/decisions/", {"issuer": "99999999999999999999"}
    )

    # SQLite refuses the number (400, "Số quá lớn."); PostgreSQL finds no such issuer.
    assert response.status_code in {200, 400}
    assert response.status_code == 400 or response.json()["count"] == 0
