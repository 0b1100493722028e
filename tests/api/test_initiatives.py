"""Initiatives and their attachments through the API, on the Kiên Giang programme of
tests/initiatives/conftest.py: province > district (union A, union A2) and sector (union S)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.factories import make_person, make_user
from tests.initiatives.conftest import (  # noqa: F401  kg is a fixture
    BEFORE,
    climb_to_province,
    kg,
    make_initiative,
)
from tests.initiatives.test_attachments import PDF_BYTES
from thidua.campaigns.models import Programme
from thidua.campaigns.services import deadline_extend
from thidua.common.models import AuditEntry
from thidua.initiatives import services
from thidua.initiatives.models import Attachment, Initiative
from thidua.orgs.enums import Tier

LATE_MESSAGE = (
    "Đã quá hạn nộp của cấp “Công đoàn cơ sở” (hạn 17:00 ngày 10/04/2021). "
    "Hãy liên hệ đơn vị chủ trì chương trình để được gia hạn."
)
PUBLIC_KEYS = {
    "id", "code", "title", "field", "unit", "benefit_summary", "status", "status_display",
    "confidential",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form(kg, programme=None, **overrides):
    """The registration form as union A's official fills it in: two co-authors, 70/30."""
    programme = programme or kg.programme
    return {
        "programme": programme.pk,
        "unit": kg.union_a.pk,
        "title": "Cải tiến hệ thống bơm tăng áp trạm cấp nước Rạch Sỏi",
        "solution_kind": "ky_thuat",
        "field": programme.fields.get(name="Sản xuất kinh doanh").pk,
        "first_applied_on": "2021-02-15",
        "novelty": "Lắp biến tần cho bơm tăng áp, điều khiển theo áp lực mạng.",
        "benefit_value": 1_200_000_000,
        "authors": [
            {"person": kg.author.pk, "share": "70"},
            {"person": kg.coauthor.pk, "share": "30"},
        ],
        **overrides,
    }


def codes(response):
    return [row["code"] for row in response.json()["results"]]


def post(client, url, body=None):
    return client.post(url, body or {}, format="json")


def pdf(name):
    return SimpleUploadedFile(name, PDF_BYTES)


def upload(client, initiative, name, content):
    return client.post(
        f"/api/v1/initiatives/{initiative.pk}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


# The Kiên Giang scenario, end to end


def test_kien_giang_scenario_from_registration_to_the_province(kg):
    province, district = api_client_for(kg.province_officer), api_client_for(kg.district_officer)
    union_a = api_client_for(kg.official_a)
    soon = timezone.now() + dt.timedelta(days=30)
    created = post(province, "/api/v1/programmes/", {
        "name": "75 nghìn sáng kiến, vượt khó, phát triển (đợt 2)", "code": "KG75B",
        "running_unit": kg.province.pk, "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
        "levels": [
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS, "deadline": soon.isoformat(),
             "quota_max": 2},
            {"name": "Công đoàn cấp trên cơ sở", "tier": Tier.UPPER,
             "deadline": (soon + dt.timedelta(days=5)).isoformat(), "quota_max": 10},
            {"name": "LĐLĐ tỉnh", "tier": Tier.PROVINCE,
             "deadline": (soon + dt.timedelta(days=10)).isoformat(), "has_council": True},
        ],
    }).json()  # fmt: skip
    post(province, f"/api/v1/programmes/{created['id']}/launch/")
    programme = Programme.objects.get(pk=created["id"])

    registered = post(union_a, "/api/v1/initiatives/", form(kg, programme))
    pk = registered.json()["id"]
    url = f"/api/v1/initiatives/{pk}/"
    steps = [
        post(union_a, url + "submit/"),
        post(union_a, url + "select/"),
        post(union_a, url + "forward/"),
        post(district, url + "select/", {"reason": "Hiệu quả rõ, đã áp dụng 2 năm"}),
        post(district, url + "forward/"),
    ]

    assert registered.status_code == 201
    assert registered.json()["code"] == "KG75B-00001"
    assert registered.json()["authors"] == [
        {"person": {"id": kg.author.pk, "full_name": "Trần Văn Hải"}, "share": "70.00"},
        {"person": {"id": kg.coauthor.pk, "full_name": "Lê Thị Mai"}, "share": "30.00"},
    ]
    assert [step.status_code for step in steps] == [200] * 5
    detail = province.get(url).json()
    assert (detail["status"], detail["current_unit"]["code"]) == ("submitted", "KG")
    assert [(stage["unit"]["code"], stage["status"]) for stage in detail["stages"]] == [
        ("KG-RG-01", "forwarded"),
        ("KG-RG", "forwarded"),
        ("KG", "pending"),
    ]
    union_official, district_officer = str(kg.official_a), str(kg.district_officer)
    assert [(event["action"], event["actor"]) for event in detail["events"]] == [
        ("create", union_official),
        ("submit", union_official),
        ("select", union_official),
        ("forward", union_official),
        ("select", district_officer),
        ("forward", district_officer),
    ]
    assert detail["events"][4]["reason"] == "Hiệu quả rõ, đã áp dụng 2 năm"
    assert detail["stages"][2]["entered_at"].endswith("+07:00")


def test_counts_per_unit_and_field_come_from_the_list_filters(kg):
    teacher = make_person("Nguyễn Thị Lan", unit=kg.union_s, gender="nu")
    from_a = make_initiative(kg)
    from_s = make_initiative(
        kg, unit=kg.union_s, authors=[(teacher, Decimal(100))],
        field=kg.programme.fields.get(name="Giáo dục"), title="Sổ điểm điện tử cho giáo viên",
    )  # fmt: skip
    climb_to_province(kg, from_a)
    climb_to_province(kg, from_s)
    make_initiative(kg)  # a draft at union A: the province never sees it
    client = api_client_for(kg.province_officer)
    base = {"programme": kg.programme.pk}

    everything = client.get("/api/v1/initiatives/", base)
    district = client.get("/api/v1/initiatives/", {**base, "unit": kg.district.pk})
    sector = client.get("/api/v1/initiatives/", {**base, "unit": kg.sector.pk})
    education = client.get(
        "/api/v1/initiatives/", {**base, "field": from_s.field_id, "status": "submitted"}
    )

    assert everything.json()["count"] == 2
    assert everything.json()["counts"] == {
        "draft": 0, "submitted": 2, "returned": 0, "selected": 0, "not_selected": 0,
        "withdrawn": 0,
    }  # fmt: skip
    assert codes(district) == [from_a.code]
    assert codes(sector) == [from_s.code]
    assert codes(education) == [from_s.code]
    assert education.json()["counts"]["submitted"] == 1


def test_list_searches_without_diacritics_and_filters_by_benefit(kg):
    pump = make_initiative(kg)
    make_initiative(kg, title="Phần mềm quản lý đồng hồ nước", benefit_value=80_000_000)
    client = api_client_for(kg.official_a)

    searched = client.get("/api/v1/initiatives/", {"q": "bom tang ap"})
    by_benefit = client.get("/api/v1/initiatives/", {"benefit_min": 1_000_000_000})
    sorted_by_value = client.get("/api/v1/initiatives/", {"sort": "gia-tri"})

    assert codes(searched) == [pump.code]
    assert codes(by_benefit) == [pump.code]
    assert codes(sorted_by_value) == ["KG75-00001", "KG75-00002"]


def test_list_filtered_by_a_unit_out_of_sight_is_not_found(kg):
    response = api_client_for(kg.official_a2).get("/api/v1/initiatives/", {"unit": kg.union_a.pk})

    assert response.status_code == 404


# Authors and shares


def test_shares_not_summing_to_100_are_refused_in_vietnamese(kg):
    body = form(kg, authors=[
        {"person": kg.author.pk, "share": "60"}, {"person": kg.coauthor.pk, "share": "30"},
    ])  # fmt: skip

    response = post(api_client_for(kg.official_a), "/api/v1/initiatives/", body)

    assert response.status_code == 400
    assert response.json() == {
        "authors": ["Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)."]
    }
    assert not Initiative.objects.exists()


def test_an_author_out_of_sight_is_not_found(kg):
    body = form(kg, authors=[{"person": kg.outsider_author.pk, "share": "100"}])

    response = post(api_client_for(kg.official_a), "/api/v1/initiatives/", body)

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy người này."}


def test_patch_changes_content_and_authors_of_a_draft(kg):
    initiative = make_initiative(kg)

    response = api_client_for(kg.official_a).patch(
        f"/api/v1/initiatives/{initiative.pk}/",
        {"conditions": "Có biến tần 22 kW", "authors": [{"person": kg.author.pk, "share": 100}]},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["conditions"] == "Có biến tần 22 kW"
    assert [author["share"] for author in response.json()["authors"]] == ["100.00"]
    assert response.json()["events"][-1]["action"] == "update"


# Registering where one may


def test_a_district_officer_registers_on_a_unions_behalf(kg):
    response = post(api_client_for(kg.district_officer), "/api/v1/initiatives/", form(kg))

    assert response.status_code == 201
    assert response.json()["unit"]["code"] == "KG-RG-01"


def test_registering_for_another_union_is_not_found(kg):
    response = post(api_client_for(kg.official_a2), "/api/v1/initiatives/", form(kg))

    assert response.status_code == 404
    assert not Initiative.objects.exists()


def test_registering_needs_a_role_that_may_act(kg):
    leader = make_user("lanhdao_kg", unit=kg.province, role="leader")

    response = post(api_client_for(leader), "/api/v1/initiatives/", form(kg))

    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không được đăng ký sáng kiến cho đơn vị này."}


# Deadlines


def test_late_submission_is_refused_until_the_deadline_is_extended(kg):
    # The fixture's deadlines are in April 2021: today, the union is late.
    union_a, province = api_client_for(kg.official_a), api_client_for(kg.province_officer)
    pk = post(union_a, "/api/v1/initiatives/", form(kg)).json()["id"]
    level = kg.programme.levels.get(order=1)
    new_deadline = timezone.localtime(timezone.now() + dt.timedelta(days=7))

    late = post(union_a, f"/api/v1/initiatives/{pk}/submit/")
    extended = post(province, f"/api/v1/programmes/{kg.programme.pk}/extend-deadline/", {
        "level": level.pk, "unit": kg.union_a.pk, "deadline": new_deadline.isoformat(),
        "reason": "Mất điện diện rộng ngày 10/4",
    })  # fmt: skip
    programme = union_a.get(f"/api/v1/programmes/{kg.programme.pk}/").json()
    on_time = post(union_a, f"/api/v1/initiatives/{pk}/submit/")

    assert late.status_code == 400
    assert late.json() == {"non_field_errors": [LATE_MESSAGE]}
    assert extended.status_code == 201
    assert programme["levels"][0]["your_deadline"] == new_deadline.isoformat()
    assert on_time.status_code == 200
    assert on_time.json()["status"] == "submitted"
    assert AuditEntry.objects.filter(action="deadline_extend", actor=kg.province_officer).exists()
    assert AuditEntry.objects.filter(
        action="initiative_submit", object_id=str(pk), actor=kg.official_a
    ).exists()


def test_an_extension_for_union_a_does_not_help_union_a2(kg):
    level = kg.programme.levels.get(order=1)
    deadline_extend(
        actor=None, level=level, unit=kg.union_a,
        deadline=timezone.now() + dt.timedelta(days=7), reason="Mất điện",
    )  # fmt: skip
    initiative = make_initiative(kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))])

    response = post(api_client_for(kg.official_a2), f"/api/v1/initiatives/{initiative.pk}/submit/")

    assert response.status_code == 400


# Who may do what


ROUTES = [
    ("get", "", None),
    ("patch", "", {"title": "Tên mới"}),
    ("post", "submit/", None),
    ("post", "withdraw/", {"reason": "Thử"}),
    ("post", "select/", None),
    ("post", "not-select/", {"reason": "Thử"}),
    ("post", "return/", {"reason": "Thử"}),
    ("post", "forward/", None),
]


@pytest.mark.parametrize(("method", "suffix", "body"), ROUTES)
def test_another_unions_official_gets_404_on_every_initiative_route(kg, method, suffix, body):
    initiative = make_initiative(kg)
    client = api_client_for(kg.official_a2)

    response = getattr(client, method)(
        f"/api/v1/initiatives/{initiative.pk}/{suffix}", body, format="json"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy sáng kiến."}


def test_another_unions_official_gets_404_for_uploads_downloads_and_deletes(kg):
    initiative = make_initiative(kg)
    attachment = services.attachment_add(
        actor=None, initiative=initiative, upload=pdf("ban-mo-ta.pdf")
    )
    client = api_client_for(kg.official_a2)

    uploaded = upload(client, initiative, "ban-mo-ta.pdf", PDF_BYTES)
    downloaded = client.get(f"/api/v1/attachments/{attachment.pk}/download/")
    deleted = client.delete(f"/api/v1/attachments/{attachment.pk}/")

    assert (uploaded.status_code, downloaded.status_code, deleted.status_code) == (404, 404, 404)
    assert uploaded.json() == {"detail": "Không tìm thấy sáng kiến."}
    assert downloaded.json() == {"detail": "Không tìm thấy tệp đính kèm."}
    assert Attachment.objects.count() == 1


def test_the_district_sees_what_reached_it_but_may_not_edit_it(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True)
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    response = api_client_for(kg.district_officer).patch(
        f"/api/v1/initiatives/{initiative.pk}/", {"title": "Tên mới"}, format="json"
    )

    assert response.status_code == 403
    assert response.json()["detail"].startswith("Chỉ công đoàn cơ sở đăng ký sáng kiến")


def test_once_forwarded_the_union_may_no_longer_decide(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True)
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    response = post(api_client_for(kg.official_a), f"/api/v1/initiatives/{initiative.pk}/select/")

    assert response.status_code == 403
    assert response.json()["detail"].startswith("Chỉ đơn vị đang giữ sáng kiến")


@pytest.mark.parametrize(
    ("suffix", "message"),
    [
        ("not-select/", {"reason": ["Hãy ghi lý do không chọn."]}),
        ("return/", {"reason": ["Hãy ghi rõ cần bổ sung, sửa đổi gì."]}),
    ],
)
def test_refusing_or_returning_needs_a_reason(kg, suffix, message):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    response = post(api_client_for(kg.official_a), f"/api/v1/initiatives/{initiative.pk}/{suffix}")

    assert response.status_code == 400
    assert response.json() == message


def test_withdraw_records_the_reason(kg):
    initiative = make_initiative(kg)

    response = post(
        api_client_for(kg.official_a),
        f"/api/v1/initiatives/{initiative.pk}/withdraw/",
        {"reason": "Tác giả chuyển công tác"},
    )

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["events"][-1]["reason"] == "Tác giả chuyển công tác"


# Confidential initiatives


def test_a_confidential_initiative_shows_only_public_fields_to_the_province_officer(kg):
    initiative = make_initiative(kg, confidential=True)
    climb_to_province(kg, initiative)
    client = api_client_for(kg.province_officer)

    detail = client.get(f"/api/v1/initiatives/{initiative.pk}/").json()
    row = client.get("/api/v1/initiatives/").json()["results"][0]

    assert set(detail) == PUBLIC_KEYS
    assert set(row) == PUBLIC_KEYS
    assert detail["benefit_summary"] == "1.200.000.000 đồng/năm"
    assert (detail["field"]["name"], detail["unit"]["code"]) == ("Sản xuất kinh doanh", "KG-RG-01")


def test_a_confidential_initiative_shows_everything_to_its_own_union(kg):
    initiative = make_initiative(kg, confidential=True)
    climb_to_province(kg, initiative)

    detail = api_client_for(kg.official_a).get(f"/api/v1/initiatives/{initiative.pk}/").json()

    assert detail["novelty"] == "Lắp biến tần cho bơm tăng áp, điều khiển theo áp lực mạng."
    assert len(detail["stages"]) == 3


def test_a_confidential_initiatives_files_are_not_found_outside_its_union(kg):
    initiative = make_initiative(kg, confidential=True)
    attachment = services.attachment_add(actor=None, initiative=initiative, upload=pdf("a.pdf"))
    climb_to_province(kg, initiative)

    response = api_client_for(kg.province_officer).get(
        f"/api/v1/attachments/{attachment.pk}/download/"
    )

    assert response.status_code == 404


def test_browsable_api_does_not_leak_a_confidential_initiatives_content(kg):
    # Its edit form is pre-filled from the initiative shown; the content must not be in it.
    initiative = make_initiative(kg, confidential=True)
    climb_to_province(kg, initiative)

    response = api_client_for(kg.province_officer).get(
        f"/api/v1/initiatives/{initiative.pk}/", HTTP_ACCEPT="text/html"
    )

    assert response.status_code == 200
    assert "biến tần" not in response.content.decode()


# Attachments


def test_a_fake_pdf_is_refused_and_nothing_is_stored(kg, tmp_path):
    initiative = make_initiative(kg)

    response = upload(
        api_client_for(kg.official_a), initiative, "xac-nhan.pdf", b"MZ\x90\x00 this is a program"
    )

    assert response.status_code == 400
    assert response.json() == {
        "file": [
            "Tệp “xac-nhan.pdf” không phải PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPEG "
            "(kiểm tra theo nội dung tệp, không theo tên)."
        ]
    }
    assert initiative.attachments.count() == 0
    assert list(tmp_path.rglob("*.*")) == []


def test_download_streams_the_file_to_its_own_union_only(kg):
    initiative = make_initiative(kg)
    union_a = api_client_for(kg.official_a)
    uploaded = upload(union_a, initiative, "bản mô tả.pdf", PDF_BYTES)

    response = union_a.get(uploaded.json()["download_url"])
    elsewhere = api_client_for(kg.official_a2).get(uploaded.json()["download_url"])

    assert uploaded.status_code == 201
    assert uploaded.json()["content_type"] == "application/pdf"
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=UTF-8''b%E1%BA%A3n%20m%C3%B4%20t%E1%BA%A3.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert elsewhere.status_code == 404


def test_download_answers_a_client_that_accepts_onlypdf(kg):
    initiative = make_initiative(kg)
    attachment = services.attachment_add(actor=None, initiative=initiative, upload=pdf("a.pdf"))

    response = api_client_for(kg.official_a).get(
        f"/api/v1/attachments/{attachment.pk}/download/", HTTP_ACCEPT="application/pdf"
    )

    assert response.status_code == 200


def test_delete_removes_a_drafts_file_and_is_logged(kg, tmp_path):
    initiative = make_initiative(kg)
    attachment = services.attachment_add(actor=None, initiative=initiative, upload=pdf("a.pdf"))

    response = api_client_for(kg.official_a).delete(f"/api/v1/attachments/{attachment.pk}/")

    assert response.status_code == 204
    assert initiative.attachments.count() == 0
    assert list(tmp_path.rglob("*.pdf")) == []
    assert initiative.events.filter(action="detach").exists()


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_initiative_list_query_count_does_not_grow_with_rows(
    kg, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        make_initiative(kg)
    client = api_client_for(kg.official_a)

    # Session, user, the funnel's memberships and inherited units (3), count, page, authors,
    # counts.
    with django_assert_max_num_queries(9):
        response = client.get("/api/v1/initiatives/")

    assert response.json()["count"] == rows


# Schema


def test_schema_lists_programme_initiative_and_attachment_paths(db):
    response = APIClient().get("/api/v1/openapi.json")

    schema = response.json()
    assert {
        "/api/v1/programmes/", "/api/v1/programmes/{id}/", "/api/v1/programmes/{id}/launch/",
        "/api/v1/programmes/{id}/extend-deadline/", "/api/v1/programmes/{id}/progress/",
        "/api/v1/initiatives/", "/api/v1/initiatives/{id}/", "/api/v1/initiatives/{id}/submit/",
        "/api/v1/initiatives/{id}/withdraw/", "/api/v1/initiatives/{id}/select/",
        "/api/v1/initiatives/{id}/not-select/", "/api/v1/initiatives/{id}/return/",
        "/api/v1/initiatives/{id}/forward/", "/api/v1/initiatives/{id}/attachments/",
        "/api/v1/attachments/{id}/", "/api/v1/attachments/{id}/download/",
    } <= set(schema["paths"])  # fmt: skip
    assert {"ProgrammeStatusEnum", "InitiativeStatusEnum", "StageStatusEnum"} <= set(
        schema["components"]["schemas"]
    )
