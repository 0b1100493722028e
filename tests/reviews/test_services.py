"""The council's rules, proved through its services: who may score what, when, and what a
vote does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.initiatives.conftest import kg  # noqa: F401
from tests.reviews.conftest import (
    AFTER_DEADLINE,
    COUNCIL_DEADLINE,
    SCORING_DAY,
    CouncilWorld,
    cw,  # noqa: F401
    da_nang_points,
)
from thidua.common.models import AuditEntry
from thidua.initiatives.enums import StageStatus, Status
from thidua.reviews import services
from thidua.reviews.enums import (
    AssignmentStatus,
    ConflictStatus,
    CouncilStatus,
    SheetStatus,
    SlateStatus,
    VoteMethod,
)
from thidua.reviews.models import Assignment
from thidua.reviews.selectors import council_results, next_assignment


def _score_everything(cw: CouncilWorld) -> None:
    """Every assignment scored: initiative i gets 60 + 5·i, give or take the reviewer."""
    order = {item.pk: index for index, item in enumerate(cw.items)}
    for assignment in Assignment.objects.filter(council=cw.council, status="active"):
        index = order[assignment.initiative_id]
        money = assignment.initiative.benefit_value is not None
        services.sheet_save(
            actor=assignment.member.user,
            assignment=assignment,
            points=da_nang_points(25 + index, 20, 21 if money else 15),
            comment="Đạt yêu cầu",
            submit=True,
            now=SCORING_DAY,
        )


def test_auto_assignment_never_gives_a_member_their_own_unions_initiatives(cw):
    plan = services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)

    theirs = Assignment.objects.filter(member=cw.reviewer_from_a)
    assert not theirs.filter(initiative__unit=cw.kg.union_a).exists()
    assert plan.shortfalls == []
    per_item = {
        item.pk: Assignment.objects.filter(initiative=item, status="active").count()
        for item in cw.items
    }
    assert set(per_item.values()) == {2}


def test_manual_assignment_across_a_conflict_is_refused_with_the_reason(cw):
    with pytest.raises(ValidationError) as error:
        services.assignment_add(
            actor=None, council=cw.council, seat=cw.reviewer_from_a, initiative=cw.items[0]
        )

    assert "Cùng công đoàn cơ sở với tác giả" in error.value.messages[0]


def test_reassigning_keeps_the_ended_assignment_on_record(cw):
    first = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )

    second = services.assignment_reassign(
        actor=None, assignment=first, seat=cw.reviewer_3, reason="Bận công tác"
    )

    first.refresh_from_db()
    assert (first.status, first.end_reason) == (AssignmentStatus.REMOVED, "Bận công tác")
    assert second.member == cw.reviewer_3
    assert Assignment.objects.filter(initiative=cw.items[2]).count() == 2


def test_a_sheet_needs_every_criterion_to_be_submitted_but_not_to_be_saved(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )

    draft = services.sheet_save(
        actor=None, assignment=assignment, points={"tinh_moi": 30}, submit=False, now=SCORING_DAY
    )
    with pytest.raises(ValidationError) as error:
        services.sheet_save(
            actor=None, assignment=assignment, points={"tinh_moi": 30}, submit=True, now=SCORING_DAY
        )

    assert draft.status == SheetStatus.DRAFT
    assert any("Chưa chấm" in message for message in error.value.messages)


def test_the_benefit_top_band_needs_a_money_value(cw):
    no_money = cw.items[1]
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=no_money
    )

    with pytest.raises(ValidationError) as error:
        services.sheet_save(
            actor=None,
            assignment=assignment,
            points=da_nang_points(30, 20, 25),
            submit=True,
            now=SCORING_DAY,
        )

    assert "bằng tiền" in error.value.messages[0]


def test_scores_after_the_deadline_are_refused_until_the_secretary_reopens(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    points = da_nang_points(30, 20, 25)

    with pytest.raises(ValidationError) as late:
        services.sheet_save(
            actor=None, assignment=assignment, points=points, submit=True, now=AFTER_DEADLINE
        )
    services.council_reopen(
        actor=cw.secretary_user,
        council=cw.council,
        until=AFTER_DEADLINE + dt.timedelta(days=2),
        reason="Hai thành viên đi công tác",
        now=AFTER_DEADLINE,
    )
    sheet = services.sheet_save(
        actor=None, assignment=assignment, points=points, submit=True, now=AFTER_DEADLINE
    )

    assert "Đã hết hạn chấm điểm" in late.value.messages[0]
    assert sheet.status == SheetStatus.SUBMITTED
    assert cw.council.deadline == COUNCIL_DEADLINE


def test_declaring_a_conflict_withdraws_the_sheet_and_confirming_keeps_it_out(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    services.sheet_save(
        actor=None,
        assignment=assignment,
        points=da_nang_points(30, 20, 25),
        submit=True,
        now=SCORING_DAY,
    )

    conflict = services.conflict_declare(
        actor=cw.member_user, assignment=assignment, reason="Tác giả là em rể tôi"
    )
    services.conflict_decide(actor=cw.secretary_user, conflict=conflict, confirm=True)

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.WITHDRAWN
    assert conflict.status == ConflictStatus.CONFIRMED
    assert council_results(cw.council).sheets == 0
    with pytest.raises(ValidationError):
        services.assignment_add(
            actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
        )
    assert AuditEntry.objects.filter(action="conflict_declare").count() == 1


def test_a_rejected_conflict_brings_the_assignment_back(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    conflict = services.conflict_declare(
        actor=cw.member_user, assignment=assignment, reason="Từng học cùng lớp"
    )

    services.conflict_decide(
        actor=cw.secretary_user, conflict=conflict, confirm=False, note="Không đủ căn cứ"
    )

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACTIVE


def test_save_and_next_picks_the_initiative_that_most_needs_reviews(cw):
    a = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    b = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[3]
    )
    other = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_3, initiative=cw.items[2]
    )
    services.sheet_save(
        actor=None, assignment=other, points=da_nang_points(30, 20, 25), submit=True,
        now=SCORING_DAY,
    )  # fmt: skip

    assert next_assignment(cw.reviewer_2) == b
    assert next_assignment(cw.reviewer_2, after=b.pk) == a


def test_the_slate_gives_a_reason_for_every_initiative_and_respects_the_quota(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)

    slate = services.slate_propose(actor=cw.secretary_user, council=cw.council)

    lines = list(slate.lines.order_by("rank"))
    assert len(lines) == 5
    assert all(line.reason for line in lines)
    assert 2 <= sum(line.selected for line in lines) <= 3
    assert [line.prize for line in lines if line.prize] == ["nhat", "nhi"]
    assert sum(line.top for line in lines) == 1


def test_a_vote_below_two_thirds_leaves_the_slate_a_draft(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    members = list(cw.council.members.filter(active=True))

    vote = services.slate_vote(
        actor=cw.secretary_user,
        slate=slate,
        method=VoteMethod.HANDS,
        present=members,
        in_favour=3,  # 3 of 5 members: less than 2/3
        against=2,
    )

    slate.refresh_from_db()
    assert not vote.passed
    assert slate.status == SlateStatus.DRAFT


def test_a_confirmed_slate_decides_each_initiative_at_the_level(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    members = list(cw.council.members.filter(active=True))
    out = slate.lines.filter(selected=False).select_related("initiative").first()
    assert out is not None

    services.slate_vote(
        actor=cw.secretary_user,
        slate=slate,
        method=VoteMethod.SECRET,
        present=members,
        in_favour=4,
        against=1,
    )

    cw.council.refresh_from_db()
    slate.refresh_from_db()
    assert (slate.status, cw.council.status) == (SlateStatus.CONFIRMED, CouncilStatus.DECIDED)
    chosen = {line.initiative_id for line in slate.lines.filter(selected=True)}
    for item in cw.items:
        item.refresh_from_db()
        stage = item.stages.get(level__order=3)
        expected = StageStatus.SELECTED if item.pk in chosen else StageStatus.NOT_SELECTED
        assert stage.status == expected
    out.initiative.refresh_from_db()
    assert out.initiative.status == Status.NOT_SELECTED
    assert out.initiative.events.last().reason == out.reason


def test_amending_the_slate_needs_a_reason_and_is_kept(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    line = slate.lines.filter(selected=False).first()
    assert line is not None

    with pytest.raises(ValidationError):
        services.slate_amend(actor=None, line=line, selected=True, prize="", reason=" ")
    services.slate_amend(
        actor=None, line=line, selected=True, prize="", reason="Hội đồng thống nhất bổ sung"
    )

    line.refresh_from_db()
    assert line.selected and not line.proposed_selected and line.amended
    assert line.amend_reason == "Hội đồng thống nhất bổ sung"


def test_the_rubric_cannot_change_once_a_sheet_is_in(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    services.sheet_save(
        actor=None, assignment=assignment, points=da_nang_points(30, 20, 25), submit=True,
        now=SCORING_DAY,
    )  # fmt: skip
    assert cw.council.rubric is not None

    with pytest.raises(ValidationError):
        services.rubric_update(actor=None, rubric=cw.council.rubric, spec=cw.council.rubric.spec())


def test_vote_threshold_counts_all_members_not_only_those_present():
    assert services.vote_passes(in_favour=5, members_total=7, numerator=2, denominator=3)
    assert not services.vote_passes(in_favour=4, members_total=7, numerator=2, denominator=3)
    assert not services.vote_passes(in_favour=6, members_total=7, numerator=90, denominator=100)
    assert services.vote_passes(in_favour=7, members_total=7, numerator=90, denominator=100)


def test_a_sheet_with_an_unknown_criterion_or_a_fraction_is_refused(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )

    with pytest.raises(ValidationError) as unknown:
        services.sheet_save(
            actor=None, assignment=assignment, points={"tinh_moii": 30}, submit=False,
            now=SCORING_DAY,
        )  # fmt: skip
    with pytest.raises(ValidationError) as fraction:
        services.sheet_save(
            actor=None, assignment=assignment, points={"tinh_moi": 30.5}, submit=False,
            now=SCORING_DAY,
        )  # fmt: skip

    assert "Không có tiêu chí “tinh_moii”" in unknown.value.messages[0]
    assert "phải là số nguyên" in fraction.value.messages[0]


def test_a_wrong_vote_threshold_is_refused_in_vietnamese(cw):
    with pytest.raises(ValidationError) as error:
        services.council_update(
            actor=None, council=cw.council, data={"vote_numerator": 4, "vote_denominator": 3}
        )

    assert "phân số" in error.value.messages[0]


def test_an_initiative_amended_out_is_decided_with_the_councils_reason(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    line = slate.lines.filter(selected=True).select_related("initiative").first()
    assert line is not None
    services.slate_amend(
        actor=None, line=line, selected=False, prize="", reason="Trùng với sáng kiến năm 2020"
    )

    services.slate_vote(
        actor=None,
        slate=slate,
        method=VoteMethod.HANDS,
        present=list(cw.council.members.filter(active=True)),
        in_favour=5,
        against=0,
    )

    line.initiative.refresh_from_db()
    assert line.initiative.status == Status.NOT_SELECTED
    assert line.initiative.events.last().reason == "Trùng với sáng kiến năm 2020"


def _decided(cw: CouncilWorld) -> None:
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    services.slate_vote(
        actor=None,
        slate=slate,
        method=VoteMethod.HANDS,
        present=list(cw.council.members.filter(active=True)),
        in_favour=5,
        against=0,
    )
    cw.council.refresh_from_db()


def test_a_decided_council_keeps_its_result_but_may_correct_its_name(cw):
    _decided(cw)

    services.council_update(actor=None, council=cw.council, data={"decision_number": "46/QĐ"})
    with pytest.raises(ValidationError) as settings:
        services.council_update(actor=None, council=cw.council, data={"correction": "none"})
    with pytest.raises(ValidationError):
        services.member_remove(actor=None, seat=cw.reviewer_2, reason="Nghỉ hưu")
    with pytest.raises(ValidationError):
        services.assignment_end(
            actor=None,
            assignment=Assignment.objects.filter(council=cw.council).first(),  # type: ignore[arg-type]
            reason="Đổi người",
        )

    assert "đã biểu quyết" in settings.value.messages[0]
    assert cw.council.decision_number == "46/QĐ"


def test_proposing_again_keeps_the_councils_amendments(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    first = services.slate_propose(actor=None, council=cw.council)
    out = first.lines.filter(selected=False).first()
    assert out is not None
    services.slate_amend(actor=None, line=out, selected=True, prize="", reason="Hội đồng bổ sung")

    second = services.slate_propose(actor=None, council=cw.council)

    again = second.lines.get(initiative_id=out.initiative_id)
    assert (again.selected, again.proposed_selected) == (True, False)
    assert again.amend_reason == "Hội đồng bổ sung"


def test_reasons_are_written_in_vietnamese_whatever_the_proposers_language(cw):
    from django.utils import translation

    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)

    with translation.override("en"):
        slate = services.slate_propose(actor=None, council=cw.council)

    assert all("hạng" in line.reason for line in slate.lines.all())
    assert not any("Rank" in line.reason for line in slate.lines.all())


def test_an_amendment_breaking_a_rule_is_listed_before_the_vote(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)
    second = slate.lines.get(prize="nhi")

    services.slate_amend(actor=None, line=second, selected=True, prize="nhat", reason="Xuất sắc")

    slate.refresh_from_db()
    assert any("Giải Nhất: 2 sáng kiến, vượt số lượng quy định 1" in p for p in slate.problems)


def test_a_slate_drawn_before_every_sheet_is_in_says_so(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    first = Assignment.objects.filter(council=cw.council).first()
    assert first is not None
    services.sheet_save(
        actor=None, assignment=first, points=da_nang_points(30, 20, 25), submit=True,
        now=SCORING_DAY,
    )  # fmt: skip

    slate = services.slate_propose(actor=None, council=cw.council)

    assert "Còn 9 lượt chấm chưa nộp phiếu" in slate.problems[0]
    unscored = slate.lines.exclude(initiative_id=first.initiative_id)
    assert all(line.sheets == 0 and line.raw_rank is None for line in unscored)


def test_a_submitted_sheet_is_revised_only_by_submitting_it_again_complete(cw):
    (assignment,) = [
        services.assignment_add(
            actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
        )
    ]
    services.sheet_save(
        actor=None, assignment=assignment, points=da_nang_points(30, 20, 25), submit=True,
        now=SCORING_DAY,
    )  # fmt: skip

    with pytest.raises(ValidationError) as draft:
        services.sheet_save(
            actor=None, assignment=assignment, points={"tinh_moi": 30}, submit=False,
            now=SCORING_DAY,
        )  # fmt: skip
    revised = services.sheet_save(
        actor=None, assignment=assignment, points=da_nang_points(35, 20, 25), submit=True,
        now=SCORING_DAY,
    )  # fmt: skip

    assert "Phiếu đã nộp" in draft.value.messages[0]
    assert revised.total == 80


def test_while_the_council_scores_the_level_is_not_decided_by_hand(cw):
    from thidua.initiatives import services as initiatives

    with pytest.raises(ValidationError) as decide:
        initiatives.initiative_decide(actor=None, initiative=cw.items[0], selected=True)
    with pytest.raises(ValidationError) as give_back:
        initiatives.initiative_return(actor=None, initiative=cw.items[0], reason="Thiếu hồ sơ")

    assert "hội đồng biểu quyết" in decide.value.messages[0]
    assert "đã bắt đầu chấm" in give_back.value.messages[0]


def test_a_rubric_another_council_uses_is_not_rewritten(cw):
    assert cw.council.rubric is not None
    other_unit = cw.kg.district
    services.council_create(
        actor=None,
        level=cw.council.level,
        unit=other_unit,
        data={"name": "Hội đồng khác", "rubric": cw.council.rubric},
    )

    with pytest.raises(ValidationError) as error:
        services.rubric_update(
            actor=None, rubric=cw.council.rubric, spec=cw.council.rubric.spec(), council=cw.council
        )

    assert "hội đồng khác" in error.value.messages[0]


def test_a_refused_council_leaves_no_rubric_behind(cw):
    rubrics_before = cw.kg.programme.rubrics.count()

    with pytest.raises(ValidationError):
        services.council_create(
            actor=None,
            level=cw.council.level,
            unit=cw.kg.province,  # it already has a council at this level
            data={"name": "Hội đồng thứ hai"},
            preset="son_la",
        )

    assert cw.kg.programme.rubrics.count() == rubrics_before


def test_a_member_does_not_confirm_their_own_declaration(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.secretary, initiative=cw.items[2]
    )
    conflict = services.conflict_declare(
        actor=cw.secretary_user, assignment=assignment, reason="Người thân"
    )

    with pytest.raises(ValidationError):
        services.conflict_decide(actor=cw.secretary_user, conflict=conflict, confirm=True)


def test_a_rejected_conflict_does_not_bring_back_a_member_who_left(cw):
    assignment = services.assignment_add(
        actor=None, council=cw.council, seat=cw.reviewer_2, initiative=cw.items[2]
    )
    conflict = services.conflict_declare(
        actor=cw.member_user, assignment=assignment, reason="Từng học cùng lớp"
    )
    services.member_remove(actor=None, seat=cw.reviewer_2, reason="Chuyển công tác")

    services.conflict_decide(actor=cw.secretary_user, conflict=conflict, confirm=False, note="Xa")

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.WITHDRAWN


def test_no_vote_while_an_initiative_is_unscored_unless_the_council_says_why(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    unscored = Assignment.objects.filter(council=cw.council, initiative=cw.items[4])
    for assignment in unscored:
        services.assignment_end(actor=None, assignment=assignment, reason="Đổi người")
    slate = services.slate_propose(actor=None, council=cw.council)
    members = list(cw.council.members.filter(active=True))
    line = slate.lines.get(initiative=cw.items[4])

    with pytest.raises(ValidationError) as refused:
        services.slate_vote(
            actor=None, slate=slate, method=VoteMethod.HANDS, present=members, in_favour=5,
            against=0,
        )  # fmt: skip
    services.slate_amend(
        actor=None, line=line, selected=False, prize="", reason="Hồ sơ không đủ để chấm"
    )
    vote = services.slate_vote(
        actor=None, slate=slate, method=VoteMethod.HANDS, present=members, in_favour=5, against=0
    )

    assert cw.items[4].code in refused.value.messages[0]
    assert any("chưa có phiếu chấm nào" in problem for problem in slate.problems)
    assert vote.passed


def test_a_meeting_in_the_future_is_refused(cw):
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score_everything(cw)
    slate = services.slate_propose(actor=None, council=cw.council)

    with pytest.raises(ValidationError) as error:
        services.slate_vote(
            actor=None,
            slate=slate,
            method=VoteMethod.HANDS,
            present=list(cw.council.members.filter(active=True)),
            in_favour=5,
            against=0,
            held_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        )

    assert "không ở tương lai" in error.value.messages[0]


@pytest.mark.parametrize("count", [1, 3])
def test_importing_assignments_reads_the_council_once(cw, count, django_assert_max_num_queries):
    seats = [cw.reviewer_2, cw.reviewer_3, cw.chair]
    rows = [
        (number + 2, cw.items[2].code, seat.user.username)
        for number, seat in enumerate(seats[:count])
    ]

    with django_assert_max_num_queries(20):
        created = services.assignments_import(actor=None, council=cw.council, rows=rows)

    assert created == count
