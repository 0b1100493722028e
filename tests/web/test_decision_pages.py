"""Decision pages in the web UI: the draft from accepted dossiers, the public comment window,
the signature with its number from the register, revocation, award history and statistics."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.awards.conftest import BEFORE, VN, AnLao, al, clock, nominate  # noqa: F401
from tests.conftest import client_for
from thidua.awards.enums import DecisionStatus, NominationStatus
from thidua.awards.models import Award, Comment, Decision, Nomination
from thidua.awards.services import decisions, nominations
from thidua.common.models import AuditEntry
from thidua.orgs.models import Person

COMMENT_START = dt.datetime(2024, 7, 15, 9, 0, tzinfo=VN)
COMMENT_END = dt.datetime(2024, 7, 17, 17, 0, tzinfo=VN)
AFTER_COMMENT = dt.datetime(2024, 7, 18, 15, 0, tzinfo=VN)


def _accepted(al: AnLao, *people: Person) -> list[Nomination]:
    """Lao động giỏi tiêu biểu (category 4) dossiers, sent and accepted before the deadline."""
    result = []
    for person in people:
        nomination = nominate(al, 4, person)
        nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
        nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
        result.append(nomination)
    return result


def _giay_khen() -> Award:
    return Award.objects.get(code="giay-khen")


def _draft(al: AnLao, *people: Person) -> Decision:
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={"award": _giay_khen(), "cycle": al.cycle, "default_amount": 500_000},
    )
    decisions.lines_add_nominations(
        actor=al.officer, decision=decision, nominations=_accepted(al, *people)
    )
    return decision


def _signed(al: AnLao, *people: Person) -> Decision:
    decision = _draft(al, *people)
    return decisions.decision_sign(
        actor=al.leader,
        decision=decision,
        signed_on=dt.date(2024, 7, 18),
        signer_name="Phạm Thị Nga",
        now=AFTER_COMMENT,
    )


def _form(al: AnLao, **changes: Any) -> dict[str, Any]:
    data = {
        "issuer": al.district.pk,
        "award": _giay_khen().pk,
        "cycle": al.cycle.pk,
        "subject": "",
        "basis": "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
        "sign_mode": "TM.",
        "sign_body": "BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Phạm Thị Nga",
        "default_amount": "500.000",
    }
    data.update(changes)
    return data


def test_an_officer_drafts_adds_accepted_dossiers_and_signs_a_numbered_decision(al):
    worker, engineer = _accepted(al, al.worker, al.engineer)
    client = client_for(al.officer)

    created = client.post(reverse("web:decision_create"), _form(al))
    decision = Decision.objects.get()
    draft_page = client.get(reverse("web:decision_detail", args=[decision.pk]))
    client.post(
        reverse("web:decision_lines_add", args=[decision.pk]),
        {"nominations": [worker.pk, engineer.pk]},
    )
    client.post(
        reverse("web:decision_sign", args=[decision.pk]),
        {"signed_on": "2024-07-18", "signer_name": "Phạm Thị Nga"},
    )
    page = client.get(reverse("web:decision_detail", args=[decision.pk]))

    assert created.status_code == 302
    assert decision.default_amount == 500_000
    assert decision.subject.startswith("Về việc tặng Giấy khen")
    assert "Chưa cấp số (dự thảo)" in draft_page.content.decode()
    assert "Thêm từ hồ sơ hợp lệ" in draft_page.content.decode()
    text = page.content.decode()
    assert "Số: 01/QĐ-LĐLĐ" in text
    assert "An Lão, ngày 18 tháng 7 năm 2024" in text
    assert "Bùi Văn Toàn" in text and "Nguyễn Thị Lan" in text
    assert "1.000.000 đồng" in text and "Một triệu đồng" in text
    worker.refresh_from_db()
    assert worker.status == NominationStatus.AWARDED


def test_a_leader_signs_a_grassroots_official_may_not_and_an_outsider_sees_nothing(al):
    decision = _draft(al, al.worker)
    sign_url = reverse("web:decision_sign", args=[decision.pk])
    signature = {"signed_on": "2024-07-18", "signer_name": "Phạm Thị Nga"}

    outsider = client_for(al.outsider_official).post(sign_url, signature)
    hidden_draft = client_for(al.official).get(reverse("web:decision_detail", args=[decision.pk]))
    signed = client_for(al.leader).post(sign_url, signature)
    decisions.decision_publish(actor=al.officer, decision=decision)
    # Published, the decision is shown to the worker's union, which still may not act on it.
    official = client_for(al.official)
    seen = official.get(reverse("web:decision_detail", args=[decision.pk]))
    refused = official.post(sign_url, signature)
    line = decision.lines.get()
    revoke = official.post(
        reverse("web:line_revoke", args=[decision.pk, line.pk]), {"reason": "Thử"}
    )

    assert outsider.status_code == 404
    assert hidden_draft.status_code == 404
    assert signed.status_code == 302
    decision.refresh_from_db()
    assert decision.symbol == "01/QĐ-LĐLĐ"
    assert seen.status_code == 200
    assert refused.status_code == 403
    assert revoke.status_code == 403


def test_a_district_cannot_pick_the_bang_lao_dong_sang_tao(al):
    client = client_for(al.officer)
    award = Award.objects.get(code="bang-lao-dong-sang-tao")

    form = client.get(reverse("web:decision_create") + f"?issuer={al.district.pk}")
    response = client.post(reverse("web:decision_create"), _form(al, award=award.pk))

    offered = [str(option) for option in form.context["form"]["award"].field.choices]
    assert 'label="Danh hiệu thi đua"' in form.content.decode()
    assert 'label="Hình thức khen thưởng"' in form.content.decode()
    assert not any("Bằng Lao động sáng tạo" in option for option in offered)
    assert response.status_code == 200
    assert "không có thẩm quyền quyết định hình thức khen thưởng" in response.content.decode()
    assert not Decision.objects.exists()


def test_the_public_comment_window_needs_no_login_and_holds_the_signature(al, clock):
    decision = _draft(al, al.worker, al.engineer)
    officer = client_for(al.officer)
    clock.set(COMMENT_START)
    officer.post(
        reverse("web:decision_comment_open", args=[decision.pk]), {"until": "2024-07-17T17:00"}
    )
    decision.refresh_from_db()
    public_url = reverse("web:public_comment", args=[decision.public_token])
    anonymous = Client()

    page = anonymous.get(public_url)
    sent = anonymous.post(
        public_url,
        {"author": "Đoàn Văn Minh", "contact": "0912 345 678", "body": "Đề nghị bổ sung."},
    )
    refused = officer.post(
        reverse("web:decision_sign", args=[decision.pk]),
        {"signed_on": "2024-07-15", "signer_name": "Phạm Thị Nga"},
    )
    decision.refresh_from_db()
    status_while_open = decision.status
    clock.set(AFTER_COMMENT)
    closed = anonymous.get(public_url)
    late = anonymous.post(public_url, {"author": "Muộn", "body": "Góp ý muộn."})
    signed = officer.post(
        reverse("web:decision_sign", args=[decision.pk]),
        {"signed_on": "2024-07-18", "signer_name": "Phạm Thị Nga"},
    )
    detail = officer.get(reverse("web:decision_detail", args=[decision.pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Bùi Văn Toàn" in text and "Tổ trưởng tổ cơ điện" in text
    assert "500.000" not in text  # no amounts, no personal data on the public page
    assert "Gửi ý kiến" in text
    assert sent.status_code == 302
    assert list(Comment.objects.values_list("author", "body")) == [
        ("Đoàn Văn Minh", "Đề nghị bổ sung.")
    ]
    assert "Đang trong thời gian lấy ý kiến (đến 17:00 17/07/2024)" in refused.content.decode()
    assert status_while_open == DecisionStatus.COMMENT
    assert "Đã hết thời gian lấy ý kiến." in closed.content.decode()
    assert "Gửi ý kiến" not in closed.content.decode()
    assert late.status_code == 200
    assert Comment.objects.count() == 1
    assert signed.status_code == 302
    assert "Số: 01/QĐ-LĐLĐ" in detail.content.decode()
    assert "Đoàn Văn Minh" in detail.content.decode()


def test_a_made_up_token_is_not_found(al):
    _draft(al, al.worker)

    response = Client().get(reverse("web:public_comment", args=["khong-co-that-1234567"]))

    assert response.status_code == 404


def test_revoking_keeps_the_line_and_the_person_history_shows_why(al):
    decision = _signed(al, al.worker, al.engineer)
    line = decision.lines.get(person=al.worker)
    client = client_for(al.officer)

    response = client.post(
        reverse("web:line_revoke", args=[decision.pk, line.pk]),
        {"reason": "Khai không đúng thành tích.", "basis": "Quyết định số 60/QĐ-LĐLĐ"},
    )
    detail = client.get(reverse("web:decision_detail", args=[decision.pk]))
    person = client.get(reverse("web:person_detail", args=[al.worker.pk]))
    unit = client.get(reverse("web:unit_detail", args=[al.cokhi.pk]))

    assert response.status_code == 302
    assert decision.lines.count() == 2
    assert "Đã thu hồi" in detail.content.decode()
    text = person.content.decode()
    assert "Khen thưởng" in text and "Hình thức khen thưởng: Giấy khen" in text
    assert "Đã thu hồi" in text and "Khai không đúng thành tích." in text
    assert "01/QĐ-LĐLĐ" in unit.content.decode()


def test_history_is_searchable_without_diacritics(al):
    _signed(al, al.worker, al.engineer)
    client = client_for(al.officer)

    response = client.get(reverse("web:award_history"), {"q": "bui van toan"})

    assert [line.name for line in response.context["page"]] == ["Bùi Văn Toàn"]
    assert "Nguyễn Thị Lan" not in response.content.decode()


def test_the_register_continues_from_a_paper_book(al):
    client = client_for(al.officer)

    client.post(
        reverse("web:register"),
        {"issuer": al.district.pk, "type_code": "QĐ", "year": 2024, "last_number": 51},
    )
    decision = _signed(al, al.worker)
    page = client.get(reverse("web:register"), {"nam": 2024})

    assert decision.symbol == "52/QĐ-LĐLĐ"
    assert "52/QĐ-LĐLĐ" in page.content.decode()
    assert client_for(al.leader).get(reverse("web:register")).status_code == 403


def test_cycle_statistics_count_sent_accepted_and_awarded(al):
    _signed(al, al.worker)
    _accepted(al, al.teacher)
    client = client_for(al.officer)

    response = client.get(reverse("web:cycle_stats", args=[al.cycle.pk]))

    stats = response.context["stats"]
    assert (stats.total.nominated, stats.total.accepted, stats.total.awarded) == (2, 2, 1)
    assert [row.label for row in stats.by_unit] == [
        "Công đoàn Công ty TNHH Cơ khí An Lão",
        "Công đoàn Trường THPT An Lão",
    ]
    assert "Trần Văn Bình" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_decision_list_query_count_does_not_grow_with_rows(
    al, count, django_assert_max_num_queries
):
    for _ in range(count):
        decisions.decision_create(
            actor=al.officer, issuer=al.district, data={"award": _giay_khen()}
        )
    client = client_for(al.officer)

    # The issuer funnel (view and issue roles) costs a fixed dozen; rows add nothing.
    with django_assert_max_num_queries(18):
        response = client.get(reverse("web:decision_list"))

    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_award_history_query_count_does_not_grow_with_rows(
    al, count, django_assert_max_num_queries
):
    _signed(al, *[al.worker, al.engineer, al.teacher][:count])
    client = client_for(al.officer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("web:award_history"))

    assert len(response.context["page"]) == count


def test_lines_are_added_by_hand_edited_removed_and_the_draft_edited(al):
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={"award": _giay_khen(), "default_amount": 300_000},
    )
    client = client_for(al.officer)
    add_url = reverse("web:line_add", args=[decision.pk])

    search = client.get(add_url, {"q": "tran van binh"})
    client.post(add_url, {"person": al.teacher.pk, "achievement": "Giáo viên dạy giỏi."})
    client.post(add_url, {"collective": f"{al.school.code} – {al.school.name}", "amount": ""})
    outsider = client.post(add_url, {"person": al.outsider.pk})
    teacher_line = decision.lines.get(person=al.teacher)
    client.post(
        reverse("web:line_edit", args=[decision.pk, teacher_line.pk]),
        {"name": teacher_line.name, "position": teacher_line.position, "amount": "700.000",
         "achievement": "Giáo viên dạy giỏi cấp thành phố."},
    )  # fmt: skip
    school_line = decision.lines.get(collective=al.school)
    client.post(reverse("web:line_remove", args=[decision.pk, school_line.pk]))
    client.post(
        reverse("web:decision_edit", args=[decision.pk]),
        {"award": _giay_khen().pk, "subject": "Về việc tặng Giấy khen năm 2023",
         "sign_mode": "", "signer_title": "CHỦ TỊCH", "default_amount": "1,2 triệu"},
    )  # fmt: skip

    assert "Trần Văn Bình" in search.content.decode()
    assert outsider.status_code == 200 and "Lê Văn Hùng" not in outsider.content.decode()
    teacher_line.refresh_from_db()
    assert (teacher_line.amount, teacher_line.achievement) == (
        700_000,
        "Giáo viên dạy giỏi cấp thành phố.",
    )
    assert teacher_line.position == "Giáo viên, Công đoàn Trường THPT An Lão"
    assert list(decision.lines.values_list("name", flat=True)) == ["Trần Văn Bình"]
    decision.refresh_from_db()
    assert (decision.subject, decision.sign_mode, decision.default_amount) == (
        "Về việc tặng Giấy khen năm 2023",
        "",
        1_200_000,
    )


def test_publishing_shows_the_decision_to_the_union_of_the_people_in_it(al):
    decision = _signed(al, al.worker)
    official = client_for(al.official)

    before = official.get(reverse("web:decision_list"))
    client_for(al.officer).post(reverse("web:decision_publish", args=[decision.pk]))
    after = official.get(reverse("web:decision_list"))
    history = official.get(reverse("web:award_history"))

    assert list(before.context["page"]) == []
    assert [d.pk for d in after.context["page"]] == [decision.pk]
    assert [line.name for line in history.context["page"]] == ["Bùi Văn Toàn"]


@pytest.mark.parametrize("count", [1, 3])
def test_person_page_awards_query_count_does_not_grow_with_rows(
    al, count, django_assert_max_num_queries
):
    for year in range(count):
        decision = decisions.decision_create(
            actor=al.officer, issuer=al.district, data={"award": _giay_khen()}
        )
        decisions.line_add(actor=al.officer, decision=decision, person=al.worker, data={})
        decisions.decision_sign(
            actor=al.officer, decision=decision, signed_on=dt.date(2022 + year, 5, 1),
            signer_name="Phạm Thị Nga",
        )  # fmt: skip
    client = client_for(al.officer)

    with django_assert_max_num_queries(15):
        response = client.get(reverse("web:person_detail", args=[al.worker.pk]))

    assert len(response.context["awards"]) == count


DECISION_ROUTES = [
    "decision_detail", "decision_edit", "decision_lines_add", "line_add", "decision_comment_open",
    "decision_sign", "decision_publish", "decision_export",
]  # fmt: skip
LINE_ROUTES = ["line_edit", "line_remove", "line_revoke"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_outsider_gets_404_on_every_route_about_the_district_s_decision(al, method):
    decision = _signed(al, al.worker)
    line = decision.lines.get()
    client = client_for(al.outsider_official)
    urls = [reverse(f"web:{name}", args=[decision.pk]) for name in DECISION_ROUTES]
    urls += [reverse(f"web:{name}", args=[decision.pk, line.pk]) for name in LINE_ROUTES]
    urls += [
        reverse("web:cycle_stats", args=[al.cycle.pk]),
        reverse("web:cycle_stats_export", args=[al.cycle.pk]),
    ]

    # A route that does not take the method answers 405 whoever asks, which reveals nothing.
    answers = {url: getattr(client, method)(url).status_code for url in urls}
    lists = {
        name: client.get(reverse(f"web:{name}"))
        for name in ("decision_list", "award_history", "award_history_export")
    }

    assert set(answers.values()) == {404, 405}, answers
    assert list(lists["decision_list"].context["page"]) == []
    assert list(lists["award_history"].context["page"]) == []
    assert client.get(reverse("web:register")).status_code == 403


def test_the_officer_stops_the_comment_window_to_amend_the_list(al, clock):
    decision = _draft(al, al.worker, al.engineer)
    officer = client_for(al.officer)
    clock.set(COMMENT_START)
    officer.post(
        reverse("web:decision_comment_open", args=[decision.pk]), {"until": "2024-07-17T17:00"}
    )
    detail = officer.get(reverse("web:decision_detail", args=[decision.pk])).content.decode()

    stopped = officer.post(
        reverse("web:decision_back_to_draft", args=[decision.pk]),
        {"reason": "Bổ sung một cá nhân theo góp ý."},
    )

    decision.refresh_from_db()
    assert "Dừng lấy ý kiến để sửa danh sách" in detail
    assert stopped.status_code == 302
    assert decision.status == DecisionStatus.DRAFT
    entry = AuditEntry.objects.get(action="decision_back_to_draft")
    assert entry.reason == "Bổ sung một cá nhân theo góp ý."


def test_the_public_page_takes_a_few_comments_from_one_address_then_asks_to_wait(al, clock):
    decision = _draft(al, al.worker)
    clock.set(COMMENT_START)
    decisions.decision_open_comment(
        actor=al.officer, decision=decision, until=dt.datetime(2024, 7, 17, 17, tzinfo=VN),
        now=COMMENT_START,
    )  # fmt: skip
    decision.refresh_from_db()
    url = reverse("web:public_comment", args=[decision.public_token])
    anonymous = Client()

    answers = [
        anonymous.post(url, {"author": f"Người {n}", "body": "Góp ý."}).status_code
        for n in range(6)
    ]

    assert answers == [302] * 5 + [200]
    assert Comment.objects.filter(decision=decision).count() == 5
