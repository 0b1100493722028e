"""What a decision may hold, and what stays true of a dossier once it is in one."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.awards.conftest import BEFORE, SIGNING, AnLao, nominate
from thidua.awards import eligibility
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Award, Decision, Nomination
from thidua.awards.services import decisions, nominations


def _accepted(al: AnLao, order: int, person, **data) -> Nomination:
    nomination = nominate(al, order, person, **data)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    return nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)


def _decision(al: AnLao, code: str = "giay-khen", issuer=None, cycle=True) -> Decision:
    return decisions.decision_create(
        actor=al.officer,
        issuer=issuer or al.district,
        data={"award": Award.objects.get(code=code), "cycle": al.cycle if cycle else None},
    )


def test_a_union_cannot_issue_a_decision_from_the_federations_cycle(al: AnLao):
    with pytest.raises(ValidationError, match="không lập quyết định từ đợt này"):
        _decision(al, issuer=al.cokhi)


def test_dossiers_go_only_into_a_decision_of_their_cycle(al: AnLao):
    nomination = _accepted(al, 4, al.worker)
    without_cycle = _decision(al, cycle=False)

    with pytest.raises(ValidationError, match="Hãy chọn đợt xét của quyết định"):
        decisions.lines_add_nominations(
            actor=al.officer, decision=without_cycle, nominations=[nomination]
        )


def test_a_title_decision_takes_no_dossier_proposing_a_form(al: AnLao):
    nomination = _accepted(al, 4, al.worker)  # group 4 proposes a Giấy khen
    title = _decision(al, code="lao-dong-gioi")

    with pytest.raises(ValidationError, match="Hồ sơ đề nghị một hình thức khen thưởng"):
        decisions.lines_add_nominations(actor=al.officer, decision=title, nominations=[nomination])


def test_an_award_for_individuals_is_not_given_to_a_collective(al: AnLao):
    title = _decision(al, code="lao-dong-gioi")

    with pytest.raises(ValidationError, match="chỉ khen cá nhân"):
        decisions.line_add(actor=al.officer, decision=title, collective=al.cokhi, data={})


def test_a_dossier_in_a_decision_is_not_returned_and_the_signature_checks_each_one(al: AnLao):
    nomination = _accepted(al, 4, al.worker)
    decision = _decision(al)
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])

    with pytest.raises(ValidationError, match="Hồ sơ đã có trong một quyết định"):
        nominations.nomination_return(actor=al.officer, nomination=nomination, reason="Sửa.")
    Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.WITHDRAWN)
    with pytest.raises(ValidationError, match="không còn ở tình trạng hợp lệ"):
        decisions.decision_sign(actor=al.leader, decision=decision, signed_on=SIGNING.date(),
                                signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip


def test_an_override_covers_what_was_overridden_not_a_changed_dossier(al: AnLao):
    nomination = nominate(
        al, 1, al.worker, initiative=al.cheap, actor=al.officer,
        override_reason="Giá trị làm lợi năm 2024 đã được xác nhận bổ sung.",
    )  # fmt: skip
    cheaper = al.cheap
    cheaper.benefit_value = 20_000_000
    cheaper.save(update_fields=["benefit_value"])

    checks = {c.rule.kind: c for c in nominations.nomination_checks(nomination)}
    with pytest.raises(ValidationError, match=r"20\.000\.000 đồng thấp hơn"):
        nominations.nomination_submit(actor=al.official, nomination=nomination, now=BEFORE)
    assert not checks["benefit_threshold"].passes


def test_a_person_without_a_member_category_gets_no_threshold_by_default():
    outcome = eligibility.benefit_threshold(
        {}, eligibility.Facts(member_category="", benefit_value=90_000_000, has_initiative=True)
    )
    assert not outcome.ok
    assert outcome.message.startswith("Chưa ghi đối tượng của người được đề nghị")


def test_revoking_an_award_marks_the_dossier_revoked(al: AnLao):
    nomination = _accepted(al, 4, al.worker)
    decision = _decision(al)
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])
    decisions.decision_sign(actor=al.leader, decision=decision, signed_on=SIGNING.date(),
                            signer_name="Phạm Thị Nga", now=SIGNING)  # fmt: skip

    decisions.line_revoke(actor=al.officer, line=decision.lines.get(), reason="Khai không đúng.")

    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.REVOKED
    assert decision.lines.get().revoke_reason == "Khai không đúng."


def test_a_federation_officer_does_not_sign_in_a_unions_name(al: AnLao):
    from thidua.awards.permissions import can_issue, can_sign

    assert can_sign(al.leader, al.district)
    assert not can_sign(al.officer, al.cokhi)
    assert not can_issue(al.officer, al.cokhi)
