"""Commendation through the API, on the An Lão cycle of tests/awards/conftest.py: the district
federation runs it, the Cơ khí and THPT unions send dossiers, Kiến Thụy is another district."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.awards.conftest import (  # noqa: F401  al and clock are fixtures
    BEFORE,
    LATE,
    PDF,
    SIGNING,
    AnLao,
    al,
    clock,
    nominate,
)
from thidua.awards.models import Award, Decision
from thidua.awards.services import decisions, nominations
from thidua.common.models import AuditEntry
from thidua.orgs.enums import Tier

LAO_DONG_SANG_TAO = ["to_trinh", "bao_cao", "cong_nhan_sang_kien", "xac_nhan_lam_loi"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post(client, url, body=None):
    return client.post(url, body or {}, format="json")


def patch(client, url, body):
    return client.patch(url, body, format="json")


def upload(client, nomination_id, kind, name="ho-so.pdf"):
    return client.post(
        f"/api/v1/nominations/{nomination_id}/documents/",
        {"kind": kind, "file": SimpleUploadedFile(name, PDF)},
        format="multipart",
    )


def dossier(al: AnLao, order: int, person, **fields):
    return {
        "cycle": al.cycle.pk,
        "category": al.category(order).pk,
        "unit": person.unit_id,
        "person": person.pk,
        "summary": "Hoàn thành xuất sắc nhiệm vụ năm 2023.",
        **fields,
    }


def giay_khen() -> Award:
    return Award.objects.get(code="giay-khen")


def accepted(al: AnLao, order: int, person, **data):
    nomination = nominate(al, order, person, **data)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    return nomination


def draft_decision(al: AnLao, *nominated) -> Decision:
    decision = decisions.decision_create(
        actor=al.officer, issuer=al.district,
        data={"award": giay_khen(), "cycle": al.cycle, "default_amount": 500_000},
    )  # fmt: skip
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=nominated)
    return decision


# The An Lão cycle, end to end


def test_an_lao_cycle_from_rule_change_to_revoked_award(al, clock):
    clock.set(BEFORE)
    officer, leader = api_client_for(al.officer), api_client_for(al.leader)
    official, outsider = api_client_for(al.official), api_client_for(al.outsider_official)
    category = al.category(1)
    threshold = category.rules.get(kind="benefit_threshold")
    rules_url = f"/api/v1/cycles/{al.cycle.pk}/categories/{category.pk}/rules/"

    changed = patch(officer, f"{rules_url}{threshold.pk}/", {"basis": "QĐ 999/QĐ-TLĐ, Điều 16"})
    refused = post(
        official, "/api/v1/nominations/", dossier(al, 1, al.worker, initiative=al.cheap.pk)
    )
    reason = "Giá trị làm lợi năm 2024 đã được xác nhận bổ sung."
    overridden = post(officer, "/api/v1/nominations/", dossier(
        al, 1, al.worker, initiative=al.cheap.pk, override_reason=reason,
    ))  # fmt: skip
    created = post(
        official, "/api/v1/nominations/", dossier(al, 1, al.engineer, initiative=al.rich.pk)
    )
    pk = created.json()["id"]
    url = f"/api/v1/nominations/{pk}/"
    uploads = [upload(official, pk, kind).status_code for kind in LAO_DONG_SANG_TAO]
    clock.set(LATE)
    late = post(official, url + "submit/")
    clock.set(BEFORE)
    steps = [
        post(official, url + "submit/"),
        post(officer, url + "return/", {"reason": "Bổ sung chữ ký của Chủ tịch công đoàn."}),
        post(official, url + "submit/"),
        post(officer, url + "accept/"),
    ]

    assert changed.status_code == 200
    assert changed.json()["basis"] == "QĐ 999/QĐ-TLĐ, Điều 16"
    assert AuditEntry.objects.filter(action="rule_update", actor=al.officer).exists()
    assert refused.status_code == 400
    assert "65.000.000 đồng thấp hơn mức 80.000.000 đồng" in " ".join(
        refused.json()["non_field_errors"]
    )
    assert overridden.status_code == 201
    override = AuditEntry.objects.get(
        action="nomination_override", object_id=str(overridden.json()["id"])
    )
    assert (override.actor, override.reason) == (al.officer, reason)
    failing = [check for check in overridden.json()["checks"] if not check["ok"]]
    assert [(c["kind"], c["passes"], c["override"]["reason"]) for c in failing] == [
        ("benefit_threshold", True, reason)
    ]
    assert created.status_code == 201
    assert uploads == [201] * 4
    assert late.status_code == 400
    assert late.json()["non_field_errors"][0].startswith(
        "Đã quá hạn nộp hồ sơ (trước ngày 13/7/2024)."
    )
    assert [step.status_code for step in steps] == [200] * 4
    detail = officer.get(url).json()
    assert detail["status"] == "accepted"
    assert detail["missing_documents"] == []
    assert [event["action"] for event in detail["events"]] == [
        "create", "document", "document", "document", "document", "late", "submit", "return",
        "submit", "accept",
    ]  # fmt: skip

    clock.set(SIGNING)
    drafted = post(officer, "/api/v1/decisions/", {
        "issuer": al.district.pk, "award": giay_khen().pk, "cycle": al.cycle.pk,
        "default_amount": 500_000,
    })  # fmt: skip
    decision_url = f"/api/v1/decisions/{drafted.json()['id']}/"
    listed = post(officer, decision_url + "lines/", {"nominations": [pk]})
    signed = post(leader, decision_url + "sign/", {
        "signed_on": SIGNING.date().isoformat(), "signer_name": "Phạm Thị Nga",
    })  # fmt: skip
    published = post(officer, decision_url + "publish/")
    line = published.json()["lines"][0]
    official_sees = official.get(decision_url)
    official_signs = post(official, decision_url + "sign/", {"signed_on": "2024-07-18"})
    revoked = post(officer, decision_url + f"lines/{line['id']}/revoke/", {
        "reason": "Khai không đúng giá trị làm lợi.", "basis": "QĐ 05/QĐ-LĐLĐ",
    })  # fmt: skip
    history = officer.get("/api/v1/award-history/", {"q": "nguyen thi lan"})

    assert drafted.status_code == 201
    assert drafted.json()["subject"].startswith("Về việc tặng Giấy khen")
    assert listed.status_code == 201
    assert [(row["name"], row["amount"]) for row in listed.json()["lines"]] == [
        ("Nguyễn Thị Lan", 500_000)
    ]
    assert signed.status_code == 200
    assert signed.json()["symbol"] == "01/QĐ-LĐLĐ"
    assert officer.get(url).json()["status"] == "revoked"  # awarded, then revoked
    assert published.json()["status"] == "published"
    assert official_sees.status_code == 200
    assert official_signs.status_code == 403
    assert revoked.status_code == 200
    assert revoked.json()["lines"][0]["revoke_reason"] == "Khai không đúng giá trị làm lợi."
    assert [
        (row["name"], row["decision"]["symbol"], row["award"]["code"], row["is_revoked"])
        for row in history.json()["results"]
    ] == [("Nguyễn Thị Lan", "01/QĐ-LĐLĐ", "giay-khen", True)]
    assert outsider.get(url).status_code == 404
    assert outsider.get(decision_url).status_code == 404


# Catalogue and cycles


def test_catalogue_keeps_titles_apart_from_forms(al):
    client = api_client_for(al.official)

    titles = client.get("/api/v1/awards/", {"kind": "title"}).json()["results"]
    giay = client.get(f"/api/v1/awards/{giay_khen().pk}/").json()

    assert {row["kind_display"] for row in titles} == {"Danh hiệu thi đua"}
    assert giay["labelled"] == "Hình thức khen thưởng: Giấy khen"
    assert giay["issuer_tiers"] == [Tier.UPPER, Tier.GRASSROOTS]


def test_cycle_detail_shows_the_five_categories_and_who_runs_it(al):
    as_officer = api_client_for(al.officer).get(f"/api/v1/cycles/{al.cycle.pk}/").json()
    as_official = api_client_for(al.official).get(f"/api/v1/cycles/{al.cycle.pk}/").json()

    assert [c["award"]["code"] for c in as_officer["categories"]] == [
        "bang-lao-dong-sang-tao", "giay-khen", "giay-khen", "giay-khen", "giay-khen",
    ]  # fmt: skip
    assert as_officer["categories"][0]["required_documents"] == LAO_DONG_SANG_TAO
    assert (as_officer["can_run"], as_official["can_run"]) == (True, False)


def test_a_programme_has_one_cycle_and_only_its_officers_open_it(al):
    body = {
        "programme": al.programme.pk, "name": "Đợt 2", "achievement_year": 2023,
        "deadline": "2024-08-01T00:00:00+07:00",
    }  # fmt: skip

    again = post(api_client_for(al.officer), "/api/v1/cycles/", body)
    by_official = post(api_client_for(al.official), "/api/v1/cycles/", body)
    by_outsider = post(api_client_for(al.outsider_official), "/api/v1/cycles/", body)

    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Chương trình này đã có đợt xét khen thưởng."]}
    assert by_official.status_code == 403
    assert by_outsider.status_code == 404


def test_officer_extends_the_deadline_for_one_union_so_its_late_dossier_goes_through(al, clock):
    nomination = nominate(al, 4, al.teacher)
    clock.set(LATE)
    officer, school = api_client_for(al.officer), api_client_for(al.school_official)

    extended = post(officer, f"/api/v1/cycles/{al.cycle.pk}/extend/", {
        "unit": al.school.pk, "deadline": "2024-07-15T17:00:00+07:00",
        "reason": "Trường đang thi tốt nghiệp.",
    })  # fmt: skip
    by_school = post(school, f"/api/v1/cycles/{al.cycle.pk}/extend/", {
        "deadline": "2024-07-20T17:00:00+07:00", "reason": "Xin gia hạn.",
    })  # fmt: skip
    submitted = post(school, f"/api/v1/nominations/{nomination.pk}/submit/")

    assert extended.status_code == 201
    assert extended.json()["unit"]["name"] == "Công đoàn Trường THPT An Lão"
    assert by_school.status_code == 403
    assert submitted.status_code == 200
    assert submitted.json()["deadline"] == "2024-07-15T17:00:00+07:00"


def test_officer_adds_and_removes_a_category_and_a_rule(al):
    client = api_client_for(al.officer)
    base = f"/api/v1/cycles/{al.cycle.pk}/categories/"

    created = post(client, base, {
        "name": "Tập thể tiêu biểu", "recipient": "collective", "award": giay_khen().pk,
        "required_documents": ["to_trinh"], "quota_per_unit": 1, "order": 6,
    })  # fmt: skip
    category = created.json()["id"]
    bad_rule = post(client, f"{base}{category}/rules/", {
        "kind": "date_window", "params": {"from": "2023-12-31", "to": "2023-01-01"},
    })  # fmt: skip
    rule = post(client, f"{base}{category}/rules/", {
        "kind": "date_window", "params": {"from": "2023-01-01", "to": "2023-12-31"},
    })  # fmt: skip
    listed = client.get(f"{base}{category}/rules/")
    renamed = patch(client, f"{base}{category}/", {"name": "Tập thể lao động tiêu biểu"})
    rule_removed = client.delete(f"{base}{category}/rules/{rule.json()['id']}/")
    removed = client.delete(f"{base}{category}/")

    assert created.status_code == 201
    assert created.json()["award"]["code"] == "giay-khen"
    assert bad_rule.status_code == 400
    assert bad_rule.json() == {"non_field_errors": ["Ngày kết thúc phải sau ngày bắt đầu."]}
    assert rule.status_code == 201
    assert [row["kind"] for row in listed.json()] == ["date_window"]
    assert renamed.json()["name"] == "Tập thể lao động tiêu biểu"
    assert (rule_removed.status_code, removed.status_code) == (204, 204)
    assert not al.cycle.categories.filter(pk=category).exists()


def test_a_category_with_dossiers_cannot_be_deleted(al):
    nominate(al, 4, al.teacher)

    response = api_client_for(al.officer).delete(
        f"/api/v1/cycles/{al.cycle.pk}/categories/{al.category(4).pk}/"
    )

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Nhóm đã có hồ sơ đề nghị, không xóa được."]}


def test_rule_parameters_of_the_wrong_shape_are_refused_not_crashed(al):
    category = al.category(1)

    response = post(
        api_client_for(al.officer),
        f"/api/v1/cycles/{al.cycle.pk}/categories/{category.pk}/rules/",
        {"kind": "benefit_threshold", "params": {"by_category": [80_000_000]}},
    )

    assert response.status_code == 400
    assert response.json() == {"params": ["“by_category” phải là một đối tượng {khóa: giá trị}."]}


def test_grassroots_official_reads_the_rules_but_cannot_change_them(al):
    client = api_client_for(al.official)
    category = al.category(4)
    url = f"/api/v1/cycles/{al.cycle.pk}/categories/{category.pk}/rules/"

    read = client.get(url)
    written = post(client, url, {"kind": "union_member"})

    assert [row["kind"] for row in read.json()] == ["union_member"]
    assert written.status_code == 403


def test_stats_count_dossiers_sent_by_category_and_unit(al):
    accepted(al, 1, al.engineer, initiative=al.rich)
    nominate(al, 4, al.teacher)  # a draft: not sent, not counted

    stats = api_client_for(al.officer).get(f"/api/v1/cycles/{al.cycle.pk}/stats/").json()

    assert (stats["total"]["nominated"], stats["total"]["accepted"]) == (1, 1)
    assert [(row["label"], row["nominated"]) for row in stats["by_unit"]] == [
        ("Công đoàn Công ty TNHH Cơ khí An Lão", 1)
    ]


# Nominations


def test_nomination_list_filters_and_counts_by_status(al):
    sent = accepted(al, 1, al.engineer, initiative=al.rich)
    nominate(al, 4, al.worker)
    nominate(al, 4, al.teacher)
    client = api_client_for(al.officer)

    everything = client.get("/api/v1/nominations/", {"cycle": al.cycle.pk})
    drafts = client.get("/api/v1/nominations/", {"status": "draft", "unit": al.cokhi.pk})
    searched = client.get("/api/v1/nominations/", {"q": "tu dong hoa"})

    assert everything.json()["count"] == 3
    assert everything.json()["counts"] == {
        "draft": 2, "submitted": 0, "returned": 0, "accepted": 1, "rejected": 0,
        "withdrawn": 0, "awarded": 0, "revoked": 0,
    }  # fmt: skip
    assert [row["nominee_name"] for row in drafts.json()["results"]] == ["Bùi Văn Toàn"]
    assert [row["id"] for row in searched.json()["results"]] == [sent.pk]


def test_a_union_does_not_see_another_unions_dossiers(al):
    nominate(al, 4, al.teacher)
    mine = nominate(al, 4, al.worker)

    rows = api_client_for(al.official).get("/api/v1/nominations/").json()["results"]

    assert [row["id"] for row in rows] == [mine.pk]


def test_a_union_cannot_nominate_for_another_union(al):
    response = post(api_client_for(al.official), "/api/v1/nominations/", dossier(al, 4, al.teacher))

    assert response.status_code == 404


def test_an_official_cannot_override_a_rule(al, clock):
    clock.set(BEFORE)
    response = post(api_client_for(al.official), "/api/v1/nominations/", dossier(
        al, 1, al.worker, initiative=al.cheap.pk, override_reason="Xin xét đặc cách.",
    ))  # fmt: skip

    assert response.status_code == 400
    assert response.json()["non_field_errors"][-1] == (
        "Chỉ cán bộ thi đua của Liên đoàn Lao động huyện An Lão được xét ngoại lệ điều kiện."
    )


def test_a_draft_is_changed_and_its_rules_run_again(al):
    nomination = nominate(al, 1, al.engineer, initiative=al.rich)
    client = api_client_for(al.official)

    changed = patch(client, f"/api/v1/nominations/{nomination.pk}/", {"summary": "Đã sửa."})
    to_cheap = patch(client, f"/api/v1/nominations/{nomination.pk}/", {"initiative": al.cheap.pk})

    assert changed.status_code == 200
    assert changed.json()["summary"] == "Đã sửa."
    assert to_cheap.status_code == 400
    assert "Lan" in " ".join(to_cheap.json()["initiative"])


def test_the_officer_overrides_a_rule_a_submitted_dossier_now_fails(al):
    nomination = nominate(al, 4, al.teacher)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    al.teacher.is_union_member = False
    al.teacher.save(update_fields=["is_union_member"])
    url = f"/api/v1/nominations/{nomination.pk}/"
    officer = api_client_for(al.officer)

    refused = post(officer, url + "accept/")
    by_school = post(api_client_for(al.school_official), url + "override/", {"reason": "Mới"})
    overridden = post(officer, url + "override/", {"reason": "Đã nộp đơn gia nhập công đoàn."})
    accepted_now = post(officer, url + "accept/")

    assert refused.status_code == 400
    assert "chưa là đoàn viên" in " ".join(refused.json()["non_field_errors"])
    assert by_school.status_code == 403
    assert overridden.json()["checks"][0]["override"]["by"] == str(al.officer)
    assert accepted_now.json()["status"] == "accepted"


def test_only_the_running_unit_reviews_a_dossier(al):
    nomination = nominate(al, 4, al.teacher)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)

    response = post(
        api_client_for(al.school_official), f"/api/v1/nominations/{nomination.pk}/accept/"
    )

    assert response.status_code == 403


def test_documents_download_through_the_funnel_and_go_while_the_dossier_is_open(al):
    nomination = nominate(al, 4, al.teacher)
    document = nomination.documents.get(kind="to_trinh")
    url = f"/api/v1/nominations/{nomination.pk}/documents/{document.pk}/"

    downloaded = api_client_for(al.officer).get(url)
    by_other_union = api_client_for(al.official).get(url)
    by_outsider = api_client_for(al.outsider_official).get(url)
    removed = api_client_for(al.school_official).delete(url)
    detail = api_client_for(al.school_official).get(f"/api/v1/nominations/{nomination.pk}/")

    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF
    assert downloaded["Content-Type"] == "application/pdf"
    assert (by_other_union.status_code, by_outsider.status_code) == (404, 404)
    assert removed.status_code == 204
    assert [row["kind"] for row in detail.json()["missing_documents"]] == ["to_trinh"]


def test_a_file_that_is_not_a_document_is_refused(al):
    nomination = nominate(al, 4, al.teacher)

    response = api_client_for(al.school_official).post(
        f"/api/v1/nominations/{nomination.pk}/documents/",
        {"kind": "bao_cao", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "không phải" in response.json()["non_field_errors"][0]


# Decisions


def test_a_district_cannot_issue_the_lao_dong_sang_tao(al):
    response = post(api_client_for(al.officer), "/api/v1/decisions/", {
        "issuer": al.district.pk,
        "award": Award.objects.get(code="bang-lao-dong-sang-tao").pk,
    })  # fmt: skip

    assert response.status_code == 400
    assert "không có thẩm quyền" in response.json()["non_field_errors"][0]


def test_the_districts_leader_signs_but_does_not_draft_its_decisions(al):
    response = post(api_client_for(al.leader), "/api/v1/decisions/", {
        "issuer": al.district.pk, "award": giay_khen().pk,
    })  # fmt: skip

    assert response.status_code == 403


def test_a_draft_is_seen_by_the_issuers_staff_only(al):
    decision = draft_decision(al, accepted(al, 1, al.engineer, initiative=al.rich))

    as_leader = api_client_for(al.leader).get(f"/api/v1/decisions/{decision.pk}/")
    as_official = api_client_for(al.official).get(f"/api/v1/decisions/{decision.pk}/")

    assert as_leader.status_code == 200
    assert (as_leader.json()["can_manage"], as_leader.json()["can_sign"]) == (False, True)
    assert "comments" not in as_leader.json()
    assert as_official.status_code == 404


def test_lines_by_hand_are_changed_and_removed_while_the_decision_is_a_draft(al):
    decision = draft_decision(al)
    client = api_client_for(al.officer)
    url = f"/api/v1/decisions/{decision.pk}/"

    added = post(client, url + "lines/", {"person": al.chair.pk, "achievement": "Chỉ đạo tốt."})
    line = added.json()["lines"][0]
    changed = patch(client, url + f"lines/{line['id']}/", {"amount": 1_000_000})
    removed = client.delete(url + f"lines/{line['id']}/")

    assert added.status_code == 201
    assert (line["name"], line["position"]) == (
        "Phạm Thị Nga", "Chủ tịch, Liên đoàn Lao động huyện An Lão",
    )  # fmt: skip
    assert changed.json()["lines"][0]["amount"] == 1_000_000
    assert removed.status_code == 204
    assert not decision.lines.exists()


def test_a_dossier_not_yet_accepted_cannot_be_listed(al):
    nomination = nominate(al, 4, al.teacher)
    decision = draft_decision(al)

    response = post(
        api_client_for(al.officer),
        f"/api/v1/decisions/{decision.pk}/lines/",
        {"nominations": [nomination.pk]},
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Hồ sơ của Trần Văn Bình chưa được tiếp nhận là hợp lệ."]
    }


def test_a_decision_open_for_comment_cannot_be_signed_before_the_window_ends(al, clock):
    decision = draft_decision(al, accepted(al, 1, al.engineer, initiative=al.rich))
    clock.set(SIGNING)
    url = f"/api/v1/decisions/{decision.pk}/"

    opened = post(api_client_for(al.officer), url + "comment/", {
        "until": "2024-07-25T17:00:00+07:00",
    })  # fmt: skip
    signed = post(api_client_for(al.leader), url + "sign/", {
        "signed_on": "2024-07-18", "signer_name": "Phạm Thị Nga",
    })  # fmt: skip

    assert opened.json()["status"] == "comment"
    assert signed.status_code == 400
    assert signed.json()["non_field_errors"][0].startswith("Đang trong thời gian lấy ý kiến")


def test_a_decision_under_comment_goes_back_to_draft_with_a_reason(al, clock):
    decision = draft_decision(al, accepted(al, 1, al.engineer, initiative=al.rich))
    clock.set(SIGNING)
    url = f"/api/v1/decisions/{decision.pk}/"
    post(api_client_for(al.officer), url + "comment/", {"until": "2024-07-25T17:00:00+07:00"})

    silent = post(api_client_for(al.officer), url + "draft/", {"reason": ""})
    back = post(api_client_for(al.officer), url + "draft/", {"reason": "Sửa thành tích."})

    assert silent.status_code == 400
    assert back.json()["status"] == "draft"


def test_decision_list_filters_by_status_and_year(al):
    first = draft_decision(al, accepted(al, 1, al.engineer, initiative=al.rich))
    decisions.decision_sign(actor=al.leader, decision=first, signed_on=SIGNING.date(),
                            signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip
    draft_decision(al)
    client = api_client_for(al.officer)

    signed = client.get("/api/v1/decisions/", {"status": "signed", "year": "2024"})
    everything = client.get("/api/v1/decisions/", {"issuer": al.district.pk})

    assert [(row["symbol"], row["line_count"]) for row in signed.json()["results"]] == [
        ("01/QĐ-LĐLĐ", 1)
    ]
    assert everything.json()["count"] == 2


# History


def test_history_shows_the_awards_of_people_in_scope_filtered_by_unit_and_year(al):
    decision = draft_decision(al, accepted(al, 1, al.engineer, initiative=al.rich))
    decisions.decision_sign(actor=al.leader, decision=decision, signed_on=SIGNING.date(),
                            signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip
    before_publishing = api_client_for(al.official).get("/api/v1/award-history/")
    decisions.decision_publish(actor=al.officer, decision=decision)

    as_union = api_client_for(al.official).get("/api/v1/award-history/")
    by_unit = api_client_for(al.officer).get("/api/v1/award-history/", {"unit": al.school.pk})
    by_year = api_client_for(al.officer).get("/api/v1/award-history/", {"year": 2023})
    as_outsider = api_client_for(al.outsider_official).get("/api/v1/award-history/")

    assert before_publishing.json()["count"] == 0  # signed, not yet announced to the union
    assert [row["name"] for row in as_union.json()["results"]] == ["Nguyễn Thị Lan"]
    assert by_unit.json()["count"] == 0
    assert by_year.json()["count"] == 0
    assert as_outsider.json()["count"] == 0


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_nomination_list_query_count_does_not_grow_with_rows(
    al, django_assert_max_num_queries, rows
):
    people = [al.worker, al.engineer, al.teacher]
    for person in people[:rows]:
        nominate(al, 4, person)
    client = api_client_for(al.officer)

    # Session, user, the units whose cycles they run (memberships, predecessors in two), their
    # scope (memberships, paths), count, page, counts.
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/nominations/")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_decision_list_query_count_does_not_grow_with_rows(al, django_assert_max_num_queries, rows):
    for _ in range(rows):
        draft_decision(al)
    client = api_client_for(al.officer)

    # Session, user, the scope of published decisions (memberships, paths), the issuers (their
    # memberships, paths, units below, predecessors in two), count, page.
    with django_assert_max_num_queries(11):
        response = client.get("/api/v1/decisions/")

    assert response.json()["count"] == rows


# Schema


def test_schema_lists_the_commendation_paths(db):
    paths = APIClient().get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/awards/", "/api/v1/cycles/{id}/categories/{category_pk}/rules/{rule_pk}/",
        "/api/v1/cycles/{id}/stats/", "/api/v1/nominations/{id}/return/",
        "/api/v1/nominations/{id}/documents/{document_pk}/", "/api/v1/decisions/{id}/sign/",
        "/api/v1/decisions/{id}/lines/{line_pk}/revoke/", "/api/v1/award-history/",
    } <= set(paths)  # fmt: skip
