"""Those honoured at the conference come from the signed decision, never typed twice: linking
the decision, fetching its lines as delegates (groups in the cycle's order, the award as the
decision names it, a citation for the MC), and fetching again after the staff edited, a line
was revoked or the decision was unlinked."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.awards.conftest import BEFORE, SIGNING, AnLao, al, nominate  # noqa: F401
from tests.events.conftest import Conference, conf  # noqa: F401  conf is a fixture
from tests.factories import make_event, make_person
from thidua.awards.enums import ContestLevel, Prize
from thidua.awards.models import Award, Decision
from thidua.awards.services import decisions, nominations
from thidua.common.models import AuditEntry
from thidua.events import honourees, services
from thidua.events.enums import GroupKind
from thidua.events.models import Guest, GuestGroup

CONTEST = "Hội thi giáo viên dạy giỏi cấp thành phố năm học 2022–2023"


def signed_decision(al: AnLao, *, sign: bool = True) -> Decision:
    """Giấy khen of LĐLĐ huyện An Lão for four people of the 2023 cycle, listed as the
    officer added them: two Lao động giỏi (group 4), the district's chair (group 5), a
    teacher with a city First prize (group 3)."""
    accepted = []
    for order, person, extra in (
        (4, al.worker, {"summary": "hoàn thành xuất sắc nhiệm vụ năm 2023"}),
        (4, al.engineer, {}),
        (5, al.chair, {}),
        (
            3,
            al.teacher,
            {
                "contest": CONTEST,
                "contest_level": ContestLevel.SECTOR,
                "prize": Prize.FIRST,
                "achievement_year": 2023,
                "summary": f"Đạt Giải Nhất {CONTEST}.",
            },
        ),
    ):
        nomination = nominate(al, order, person, **extra)
        nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
        accepted.append(
            nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
        )
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": al.cycle},
    )
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=accepted)
    if not sign:
        return decision
    return decisions.decision_sign(
        actor=al.leader,
        decision=decision,
        signed_on=SIGNING.date(),
        signer_name="Phạm Thị Nga",
        now=SIGNING,
    )


def linked(conf: Conference, *, sync: bool = True) -> Decision:
    decision = signed_decision(conf.al)
    honourees.event_decision_link(actor=conf.district_officer, event=conf.event, decision=decision)
    if sync:
        honourees.honourees_sync(actor=conf.district_officer, event=conf.event)
    return decision


def honouree_names(conf: Conference) -> dict[str, list[str]]:
    return {
        group.name: [guest.name for guest in group.guests.all()]
        for group in honourees.honouree_groups(conf.event)
    }


# --- the decisions offered and linked -------------------------------------------------------------


def test_the_cycles_signed_decision_is_offered_and_a_draft_is_not(conf):
    signed = signed_decision(conf.al)
    draft = decisions.decision_create(
        actor=conf.al.officer,
        issuer=conf.al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": conf.al.cycle},
    )

    offered = list(honourees.decisions_to_link(conf.district_officer, conf.event))

    assert offered == [signed]
    assert draft not in offered


def test_a_decision_of_another_district_is_not_offered(conf):
    signed_decision(conf.al)
    theirs = make_event(conf.al.other_district, actor=conf.other_officer)

    assert list(honourees.decisions_to_link(conf.other_officer, theirs)) == []


def test_a_draft_cannot_be_linked(conf):
    draft = signed_decision(conf.al, sign=False)

    with pytest.raises(ValidationError, match="Chỉ trao được quyết định đã ký"):
        honourees.event_decision_link(actor=conf.district_officer, event=conf.event, decision=draft)


def test_linking_and_unlinking_are_audited_once(conf):
    decision = signed_decision(conf.al)

    first = honourees.event_decision_link(
        actor=conf.district_officer, event=conf.event, decision=decision
    )
    again = honourees.event_decision_link(
        actor=conf.district_officer, event=conf.event, decision=decision
    )
    gone = honourees.event_decision_unlink(
        actor=conf.district_officer, event=conf.event, decision=decision
    )

    assert (first, again, gone) == (True, False, True)
    actions = list(
        AuditEntry.objects.filter(action__startswith="event_decision").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["event_decision_link", "event_decision_unlink"]


def test_a_closed_conference_takes_no_new_decision(conf):
    from thidua.events import services

    decision = signed_decision(conf.al)
    services.event_close(actor=conf.district_officer, event=conf.event)

    with pytest.raises(ValidationError, match="Hội nghị đã kết thúc"):
        honourees.event_decision_link(
            actor=conf.district_officer, event=conf.event, decision=decision
        )


# --- the sync -------------------------------------------------------------------------------------


def test_every_line_becomes_a_delegate_in_the_group_the_decision_lists_in_the_cycles_order(conf):
    linked(conf)

    assert honouree_names(conf) == {
        "Đoàn viên đạt giải Quốc gia, giải Nhất, Nhì cấp thành phố trong các cuộc thi do các "
        "ngành tổ chức": ["Trần Văn Bình"],
        "Lao động giỏi tiêu biểu năm 2023": ["Bùi Văn Toàn", "Nguyễn Thị Lan"],
        "Cán bộ công đoàn tiêu biểu năm 2023": ["Phạm Thị Nga"],
    }
    orders = list(
        GuestGroup.objects.filter(event=conf.event, kind=GroupKind.HONOUREE)
        .order_by("order")
        .values_list("order", flat=True)
    )
    assert orders == [1, 2, 3]


def test_a_delegate_carries_the_award_the_unit_the_contacts_and_a_citation(conf):
    conf.al.worker.email = "toan.bv@example.vn"
    conf.al.worker.phone = "0912345678"
    conf.al.worker.save(update_fields=["email", "phone"])
    linked(conf)

    toan = Guest.objects.get(name="Bùi Văn Toàn")

    assert toan.is_honouree and toan.person == conf.al.worker
    assert (toan.position, toan.unit_name) == (
        "Tổ trưởng tổ cơ điện",
        "Công đoàn Công ty TNHH Cơ khí An Lão",
    )
    assert (toan.email, toan.phone) == ("toan.bv@example.vn", "0912345678")
    assert toan.award_name == "Giấy khen của Liên đoàn Lao động huyện An Lão"
    assert toan.citation == (
        "Đồng chí Bùi Văn Toàn, Tổ trưởng tổ cơ điện, Công đoàn Công ty TNHH Cơ khí An Lão: "
        "Hoàn thành xuất sắc nhiệm vụ năm 2023."
    )


def test_fetching_again_adds_nothing_and_keeps_the_staffs_citation(conf):
    linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")
    honourees.honouree_update(
        actor=conf.district_officer, guest=toan, data={"citation": "Lời giới thiệu đã sửa."}
    )

    again = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert (again.added, again.removed, again.changed) == ([], [], False)
    assert Guest.objects.filter(decision_line__isnull=False).count() == 4
    toan.refresh_from_db()
    assert toan.citation == "Lời giới thiệu đã sửa."
    assert AuditEntry.objects.filter(action="honourees_sync").count() == 1


def test_a_revoked_award_leaves_the_list_at_the_next_fetch(conf):
    decision = linked(conf)
    line = decision.lines.get(name="Nguyễn Thị Lan")
    decisions.line_revoke(actor=conf.al.leader, line=line, reason="Kê khai không đúng.")

    result = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert result.removed == ["Nguyễn Thị Lan"]
    assert not Guest.objects.filter(name="Nguyễn Thị Lan").exists()


def test_an_unlinked_decision_takes_its_honourees_and_their_empty_groups_away(conf):
    decision = linked(conf)
    honourees.event_decision_unlink(
        actor=conf.district_officer, event=conf.event, decision=decision
    )

    result = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert sorted(result.removed) == sorted(
        ["Bùi Văn Toàn", "Nguyễn Thị Lan", "Phạm Thị Nga", "Trần Văn Bình"]
    )
    assert not GuestGroup.objects.filter(event=conf.event, kind=GroupKind.HONOUREE).exists()
    assert GuestGroup.objects.filter(event=conf.event, kind=GroupKind.GUEST).count() == 6


def test_someone_already_checked_in_stays_flagged_when_their_award_is_revoked(conf):
    decision = linked(conf)
    lan = Guest.objects.get(name="Nguyễn Thị Lan")
    lan.present_at = timezone.now()
    lan.save(update_fields=["present_at"])
    decisions.line_revoke(
        actor=conf.al.leader, line=decision.lines.get(name="Nguyễn Thị Lan"), reason="Sai."
    )

    result = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert (result.removed, result.flagged) == ([], ["Nguyễn Thị Lan"])
    lan = Guest.objects.select_related("decision_line").get(pk=lan.pk)
    assert "đã bị thu hồi" in honourees.honouree_flag(lan, {decision.pk})


def test_someone_already_invited_stays_with_their_sent_log_but_is_not_called_on_stage(conf):
    decision = linked(conf)
    Guest.objects.filter(name="Nguyễn Thị Lan").update(invited_at=timezone.now())
    decisions.line_revoke(
        actor=conf.al.leader, line=decision.lines.get(name="Nguyễn Thị Lan"), reason="Sai."
    )

    result = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert (result.removed, result.flagged) == ([], ["Nguyễn Thị Lan"])
    called = [
        c.honouree.name
        for batch in honourees.event_award_order(conf.event).batches
        for c in batch.people
    ]
    assert "Nguyễn Thị Lan" not in called
    assert len(called) == 3


def test_a_new_line_of_a_second_decision_is_added_to_its_group(conf):
    linked(conf)
    newcomer = make_person("Đinh Văn Nam", unit=conf.al.cokhi, position="Công nhân hàn")
    second = decisions.decision_create(
        actor=conf.al.officer,
        issuer=conf.al.district,
        data={"award": Award.objects.get(code="giay-khen")},
    )
    decisions.line_add(
        actor=conf.al.officer,
        decision=second,
        person=newcomer,
        data={"group": "Lao động giỏi tiêu biểu năm 2023", "achievement": "Thợ hàn giỏi."},
    )
    second = decisions.decision_sign(
        actor=conf.al.leader, decision=second, signed_on=SIGNING.date(), signer_name="Phạm Thị Nga"
    )
    honourees.event_decision_link(actor=conf.district_officer, event=conf.event, decision=second)

    result = honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    assert result.added == ["Đinh Văn Nam"]
    assert honouree_names(conf)["Lao động giỏi tiêu biểu năm 2023"] == [
        "Bùi Văn Toàn",
        "Nguyễn Thị Lan",
        "Đinh Văn Nam",
    ]


def test_a_line_without_a_group_goes_to_a_group_named_after_the_award(conf):
    decision = decisions.decision_create(
        actor=conf.al.officer,
        issuer=conf.al.district,
        data={"award": Award.objects.get(code="giay-khen")},
    )
    decisions.line_add(
        actor=conf.al.officer,
        decision=decision,
        collective=conf.al.cokhi,
        data={"achievement": "tổ chức tốt phong trào thi đua"},
    )
    decision = decisions.decision_sign(
        actor=conf.al.leader,
        decision=decision,
        signed_on=SIGNING.date(),
        signer_name="Phạm Thị Nga",
    )
    honourees.event_decision_link(actor=conf.district_officer, event=conf.event, decision=decision)

    honourees.honourees_sync(actor=conf.district_officer, event=conf.event)

    guest = Guest.objects.get(decision_line__isnull=False)
    assert guest.group.name == "Giấy khen của Liên đoàn Lao động huyện An Lão"
    assert guest.citation == (
        "Tập thể Công đoàn Công ty TNHH Cơ khí An Lão: Tổ chức tốt phong trào thi đua."
    )


# --- the staff's edits ----------------------------------------------------------------------------


def test_the_staff_edit_the_citation_and_contacts_but_not_the_name(conf):
    linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")

    changes = honourees.honouree_update(
        actor=conf.district_officer,
        guest=toan,
        data={"citation": "Anh Toàn.", "phone": "0900 000 001", "name": "Người khác"},
    )

    toan.refresh_from_db()
    assert set(changes) == {"citation", "phone"}
    assert (toan.name, toan.citation, toan.phone) == ("Bùi Văn Toàn", "Anh Toàn.", "0900 000 001")
    assert AuditEntry.objects.filter(action="honouree_update").count() == 1


def test_a_blank_citation_is_written_again_from_the_decision(conf):
    linked(conf)
    toan = Guest.objects.get(name="Bùi Văn Toàn")
    original = toan.citation
    honourees.honouree_update(actor=None, guest=toan, data={"citation": "Khác."})

    honourees.honouree_update(actor=None, guest=toan, data={"citation": "  "})

    toan.refresh_from_db()
    assert toan.citation == original


def test_an_invited_guest_is_not_edited_as_an_honouree(conf):
    from thidua.events import services

    group = conf.event.guest_groups.first()
    guest = services.guest_add(actor=None, group=group, data={"name": "Nguyễn Văn Hòa"})

    with pytest.raises(ValidationError, match="không phải người được khen thưởng"):
        honourees.honouree_update(actor=None, guest=guest, data={"citation": "…"})


# --- pure wording ---------------------------------------------------------------------------------


def test_a_position_is_split_at_the_persons_unit():
    assert honourees.split_position("Kỹ sư, Công ty A", "Công ty A") == ("Kỹ sư", "Công ty A")
    assert honourees.split_position("Công ty A", "Công ty A") == ("", "Công ty A")
    assert honourees.split_position("Giáo viên Trường B", "Công ty A") == (
        "Giáo viên Trường B",
        "",
    )


def test_a_citation_reads_as_one_sentence():
    assert (
        honourees.citation_text(
            name="Nguyễn Văn A",
            position="Tổ trưởng",
            unit_name="Công ty X",
            achievement="có sáng kiến “Cải tiến đồ gá”;",
            collective=False,
        )
        == "Đồng chí Nguyễn Văn A, Tổ trưởng, Công ty X: Có sáng kiến “Cải tiến đồ gá”."
    )
    assert (
        honourees.citation_text(
            name="Nguyễn Văn A", position="", unit_name="", achievement="", collective=False
        )
        == "Đồng chí Nguyễn Văn A."
    )


def test_an_invited_guest_who_is_honoured_becomes_one_delegate_the_honouree(conf):
    chairs = conf.event.guest_groups.get(kind=GroupKind.GUEST, order=4)
    services.guest_add(actor=None, group=chairs, data={}, person=conf.al.chair)
    services.guest_add(actor=None, group=chairs, data={}, person=conf.cokhi_chair)

    linked(conf)

    assert Guest.objects.filter(group__event=conf.event, person=conf.al.chair).count() == 1
    assert Guest.objects.get(group__event=conf.event, person=conf.al.chair).is_honouree
    assert [(g.name, g.order) for g in chairs.guests.all()] == [("Nguyễn Văn Hải", 1)]
    assert AuditEntry.objects.filter(action="honourees_sync").get().changes["guests_moved"] == [
        [conf.al.chair.full_name],
        None,
    ]


def test_an_honoured_guest_already_invited_stays_for_the_staff_to_settle(conf):
    chairs = conf.event.guest_groups.get(kind=GroupKind.GUEST, order=4)
    guest = services.guest_add(actor=None, group=chairs, data={}, person=conf.al.chair)
    Guest.objects.filter(pk=guest.pk).update(invited_at=timezone.now())

    linked(conf)

    assert Guest.objects.filter(group__event=conf.event, person=conf.al.chair).count() == 2
