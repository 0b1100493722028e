"""The honouring cycle of the first seed: dossiers, rules, deadline, quota, decision."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.awards.conftest import BEFORE, LATE, SIGNING, AnLao, nominate, pdf
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Award
from thidua.awards.services import decisions, nominations
from thidua.common.models import AuditEntry


def test_the_seed_preset_opens_five_categories_with_their_papers_and_rules(al: AnLao):
    names = list(al.cycle.categories.values_list("order", "award__code"))
    assert names == [(1, "bang-lao-dong-sang-tao"), (2, "giay-khen"), (3, "giay-khen"),
                     (4, "giay-khen"), (5, "giay-khen")]  # fmt: skip
    assert list(al.category(1).rules.values_list("kind", flat=True)) == [
        "union_member",
        "initiative_recognised",
        "benefit_threshold",
        "one_award",
    ]


def test_a_worker_under_80_million_is_refused_the_lao_dong_sang_tao_with_a_plain_reason(al: AnLao):
    with pytest.raises(ValidationError) as refused:
        nominate(al, 1, al.worker, initiative=al.cheap, actor=al.official)
    text = " ".join(refused.value.messages)
    assert "65.000.000 đồng thấp hơn mức 80.000.000 đồng" in text
    assert not al.cycle.nominations.exists()


def test_the_officer_may_override_a_failing_rule_with_a_reason_that_is_audited(al: AnLao):
    nomination = nominate(
        al, 1, al.worker, initiative=al.cheap, actor=al.officer,
        override_reason="Giá trị làm lợi năm 2024 đã được xác nhận bổ sung.",
    )  # fmt: skip
    entry = AuditEntry.objects.get(action="nomination_override", object_id=str(nomination.pk))
    assert entry.reason == "Giá trị làm lợi năm 2024 đã được xác nhận bổ sung."
    assert entry.actor == al.officer
    assert all(check.passes for check in nominations.nomination_checks(nomination))


def test_incomplete_dossier_is_returned_completed_and_accepted(al: AnLao):
    nomination = nominate(al, 1, al.engineer, initiative=al.rich)
    nomination.documents.filter(kind="xac_nhan_lam_loi").delete()
    with pytest.raises(ValidationError, match="Thiếu tài liệu: Xác nhận giá trị làm lợi"):
        nominations.nomination_submit(actor=al.official, nomination=nomination, now=BEFORE)
    nominations.document_add(actor=al.official, nomination=nomination, kind="xac_nhan_lam_loi",
                             upload=pdf())  # fmt: skip
    nominations.nomination_submit(actor=al.official, nomination=nomination, now=BEFORE)
    nominations.nomination_return(
        actor=al.officer, nomination=nomination, reason="Thiếu chữ ký.", now=BEFORE
    )
    nominations.nomination_submit(actor=al.official, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ACCEPTED
    assert list(nomination.events.values_list("action", flat=True)) == [
        "create", "document", "document", "document", "document", "document", "submit",
        "return", "submit", "accept",
    ]  # fmt: skip


def test_a_late_dossier_is_refused_and_the_refusal_recorded(al: AnLao):
    nomination = nominate(al, 4, al.teacher)
    with pytest.raises(ValidationError, match="Đã quá hạn nộp hồ sơ \\(trước ngày 13/7/2024\\)"):
        nominations.nomination_submit(actor=al.school_official, nomination=nomination, now=LATE)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DRAFT
    assert nomination.events.filter(action="late").exists()


def test_signing_takes_the_next_number_and_marks_the_person_awarded(al: AnLao):
    nomination = nominate(al, 1, al.engineer, initiative=al.rich)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    decision = decisions.decision_create(
        actor=al.officer, issuer=al.district, data={"award": Award.objects.get(code="giay-khen"),
                                                    "cycle": al.cycle, "default_amount": 500_000},
    )  # fmt: skip
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])
    decisions.decision_sign(actor=al.leader, decision=decision, signed_on=SIGNING.date(),
                            signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip
    decision.refresh_from_db()
    nomination.refresh_from_db()
    assert decision.symbol == "01/QĐ-LĐLĐ"
    assert nomination.status == NominationStatus.AWARDED


def test_a_district_cannot_issue_the_lao_dong_sang_tao(al: AnLao):
    with pytest.raises(ValidationError, match="không có thẩm quyền"):
        decisions.decision_create(
            actor=al.officer,
            issuer=al.district,
            data={"award": Award.objects.get(code="bang-lao-dong-sang-tao")},
        )


def test_refusals_keep_their_code_so_pages_can_tell_them_apart(al: AnLao):
    with pytest.raises(ValidationError) as refused:
        nominate(al, 1, al.worker, initiative=al.cheap, actor=al.official)
    assert {error.code for error in refused.value.error_list} == {"ineligible"}
