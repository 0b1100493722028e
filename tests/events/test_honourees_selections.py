"""Seed 004: the provincial council gives its prizes to initiatives, honoured at the provincial
ceremony. The organiser links the council whose result was voted through; the sync brings one
delegate per prized initiative (its authors, the main author first), grouped by prize, never
typed twice, and takes them off again when the council is unlinked or a new confirmed result
no longer selects them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for
from tests.factories import make_event, make_unit, make_user
from tests.reviews.conftest import (  # noqa: F401  cw and kg are fixtures
    SCORING_DAY,
    CouncilWorld,
    cw,
    da_nang_points,
    kg,
)
from thidua.events import honourees
from thidua.events.enums import GroupKind
from thidua.events.models import Event, Guest
from thidua.reviews import services
from thidua.reviews.enums import SlateStatus, VoteMethod
from thidua.reviews.models import Assignment, Slate, SlateLine


def decide(cw: CouncilWorld) -> Slate:
    """Score everything, propose the slate and vote it through (4 of 5): the result."""
    services.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    order = {item.pk: index for index, item in enumerate(cw.items)}
    for assignment in Assignment.objects.filter(council=cw.council, status="active"):
        money = assignment.initiative.benefit_value is not None
        services.sheet_save(
            actor=assignment.member.user,
            assignment=assignment,
            points=da_nang_points(25 + order[assignment.initiative_id], 20, 21 if money else 15),
            submit=True,
            now=SCORING_DAY,
        )
    slate = services.slate_propose(actor=None, council=cw.council)
    services.slate_vote(
        actor=cw.secretary_user,
        slate=slate,
        method=VoteMethod.SECRET,
        present=list(cw.council.members.filter(active=True)),
        in_favour=4,
        against=1,
    )
    slate.refresh_from_db()
    assert slate.status == SlateStatus.CONFIRMED
    return slate


def ceremony(cw: CouncilWorld) -> Event:
    return make_event(
        cw.kg.province, actor=cw.kg.province_officer, title="Lễ tôn vinh sáng kiến năm 2021"
    )


def prized(slate: Slate) -> list[SlateLine]:
    return list(
        slate.lines.filter(selected=True).exclude(prize="").select_related("initiative__unit")
    )


def honoured(event: Event) -> list[tuple[str, str]]:
    return [
        (guest.group.name, guest.name)
        for guest in Guest.objects.filter(group__event=event, slate_line__isnull=False)
        .select_related("group")
        .order_by("group__order", "order")
    ]


@pytest.fixture
def decided(cw: CouncilWorld) -> tuple[CouncilWorld, Slate, Event]:
    slate = decide(cw)
    event = ceremony(cw)
    officer = cw.kg.province_officer
    honourees.event_council_link(actor=officer, event=event, council=cw.council)
    return cw, slate, event


def test_only_councils_that_voted_their_result_can_be_linked(cw):
    event = ceremony(cw)
    officer = cw.kg.province_officer

    assert list(honourees.councils_to_link(officer, event)) == []
    with pytest.raises(ValidationError):
        honourees.event_council_link(actor=officer, event=event, council=cw.council)
    decide(cw)
    assert list(honourees.councils_to_link(officer, event)) == [cw.council]


def test_the_sync_brings_one_delegate_per_prize_with_its_authors_grouped_by_prize(decided):
    cw, slate, event = decided
    first, second = sorted(prized(slate), key=lambda line: line.prize != "nhat")

    result = honourees.honourees_sync(actor=cw.kg.province_officer, event=event)

    groups = list(event.guest_groups.filter(kind=GroupKind.HONOUREE).order_by("order"))
    assert [group.name for group in groups] == ["Giải Nhất", "Giải Nhì"]
    winner = Guest.objects.get(slate_line=first)
    authors = [a.person for a in first.initiative.authorships.order_by("order", "id")]
    assert winner.name == ", ".join(person.full_name for person in authors)
    assert winner.person == authors[0]
    assert winner.unit_name == first.initiative.unit.name
    assert winner.award_name == "Giải Nhất – Hội đồng xét duyệt sáng kiến cấp tỉnh"
    assert winner.citation.startswith(f"Sáng kiến “{first.initiative.title}”")
    if first.initiative.benefit_value:
        assert "làm lợi " in winner.citation and " đồng/năm." in winner.citation
    assert winner.is_honouree
    assert Guest.objects.get(slate_line=second).group == groups[1]
    assert len(result.added) == 2
    assert honourees.pending_lines(event) == 0


def test_running_the_sync_again_adds_nothing(decided):
    cw, _, event = decided
    honourees.honourees_sync(actor=cw.kg.province_officer, event=event)
    before = honoured(event)

    again = honourees.honourees_sync(actor=cw.kg.province_officer, event=event)

    assert not again.changed
    assert honoured(event) == before


def test_unlinking_the_council_takes_its_prizes_off_the_list(decided):
    cw, _, event = decided
    officer = cw.kg.province_officer
    honourees.honourees_sync(actor=officer, event=event)

    honourees.event_council_unlink(actor=officer, event=event, council=cw.council)
    result = honourees.honourees_sync(actor=officer, event=event)

    assert honoured(event) == []
    assert len(result.removed) == 2
    assert not event.guest_groups.filter(kind=GroupKind.HONOUREE).exists()


def reconfirm_without(slate: Slate, line: SlateLine) -> Slate:
    """The council's result voted again, `line` no longer selected: a new confirmed slate."""
    slate.status = SlateStatus.SUPERSEDED
    slate.save(update_fields=["status"])
    new = Slate.objects.create(
        council=slate.council,
        number=slate.number + 1,
        basis=slate.basis,
        status=SlateStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    for old in slate.lines.all():
        dropped = old.pk == line.pk
        SlateLine.objects.create(
            slate=new,
            initiative=old.initiative,
            rank=old.rank,
            selected=old.selected and not dropped,
            prize="" if dropped else old.prize,
        )
    return new


def test_a_prize_no_longer_in_the_new_confirmed_result_goes(decided):
    cw, slate, event = decided
    officer = cw.kg.province_officer
    honourees.honourees_sync(actor=officer, event=event)
    second = next(line for line in prized(slate) if line.prize == "nhi")
    first = next(line for line in prized(slate) if line.prize == "nhat")

    reconfirm_without(slate, second)
    result = honourees.honourees_sync(actor=officer, event=event)

    kept = Guest.objects.get(group__event=event)
    assert [group for group, _ in honoured(event)] == ["Giải Nhất"]
    assert kept.slate_line is not None and kept.slate_line.initiative == first.initiative
    assert kept.slate_line.slate.number == 2  # moved to the new result, as the staff keep it
    assert (len(result.removed), result.added) == (1, [])


def test_an_invited_winner_no_longer_selected_stays_flagged_and_off_the_stage(decided):
    cw, slate, event = decided
    officer = cw.kg.province_officer
    honourees.honourees_sync(actor=officer, event=event)
    second = next(line for line in prized(slate) if line.prize == "nhi")
    Guest.objects.filter(slate_line=second).update(invited_at=timezone.now())

    reconfirm_without(slate, second)
    result = honourees.honourees_sync(actor=officer, event=event)

    kept = Guest.objects.get(slate_line=second)
    standing = set(honourees.standing_selections(event).values_list("pk", flat=True))
    assert kept.name in result.flagged
    assert honourees.honouree_flag(kept, set(), standing)
    assert kept.pk not in {row.pk for row in honourees.stage_rows(event)}


def test_the_award_order_calls_the_first_prize_before_the_second(decided):
    cw, _, event = decided
    honourees.honourees_sync(actor=cw.kg.province_officer, event=event)
    event.award_order = ["rank"]
    event.save(update_fields=["award_order"])

    order = honourees.event_award_order(event)

    called = [c.honouree.award_name for batch in order.batches for c in batch.people]
    assert [name.split(" – ")[0] for name in called] == ["Giải Nhất", "Giải Nhì"]


def test_another_unions_officer_sees_neither_the_conference_nor_the_council(decided):
    cw, _, event = decided
    other = make_unit("Liên đoàn Lao động tỉnh An Giang", code="AG", kind="ldld_tinh")
    officer = make_user("thidua_ag", unit=other, role="officer")
    client = client_for(officer)

    link = client.post(
        reverse("web:event_council_link", args=[event.pk]), {"council": cw.council.pk}
    )
    unlink = client.post(reverse("web:event_council_unlink", args=[event.pk, cw.council.pk]))
    api = client.get(f"/api/v1/events/{event.pk}/councils/")

    assert (link.status_code, unlink.status_code, api.status_code) == (404, 404, 404)
    own = make_event(other, actor=officer, title="Hội nghị của tỉnh An Giang")
    assert list(honourees.councils_to_link(officer, own)) == []
