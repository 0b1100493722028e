"""Those honoured at a conference (section III.1 of the plan): the signed decisions handed over
on the day and the review councils whose confirmed result is awarded there, and one delegate
for every award in the decisions' lists and every prize of the councils' results, never typed
twice.

- The organiser links the issued decisions (Quyết định khen thưởng, signed or published): those
  of the cycles the conference honours, and other issued decisions the user sees whose issuer is
  the organiser or a unit above or below it.
- `honourees_sync` turns every line that stands (not revoked) into a delegate, in an honouree
  group named as the decision lists the line ("Lao động giỏi tiêu biểu năm 2023"), with the
  award as the decision names it and the sentence the master of ceremonies reads. Running it
  again adds only the new lines, changes nothing the staff edited, and takes off those whose
  award was revoked or whose decision was unlinked, unless they were already checked in: those
  stay, flagged (`honouree_flag`).
- The organiser also links review councils (Hội đồng xét chọn sáng kiến) with a confirmed
  result: every selected initiative with a prize is one delegate (its authors, the main author
  first), in a group named after the prize ("Giải Nhất", …), kept, removed and flagged by the
  same rules when the council is unlinked or a new confirmed result no longer selects it.
- Honourees are not typed or renamed by hand: the staff edit only the citation and how to reach
  them (email, phone).

Writes are atomic and audited under the organiser's path; callers fetch the conference through
thidua.events.permissions.event_for_user(manage=True) first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.awards.enums import DecisionStatus, Prize
from thidua.awards.models import Category, Decision, DecisionLine
from thidua.awards.permissions import decisions_for_user
from thidua.common.audit import audit_record, model_update
from thidua.common.vietnamese import fold, money
from thidua.events import award_order
from thidua.events.enums import GroupKind, Rsvp
from thidua.events.models import Event, Guest, GuestGroup
from thidua.initiatives.models import Authorship
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on, subtree_unit_ids, unit_current_path
from thidua.reviews.enums import SlateStatus
from thidua.reviews.models import Council, Slate, SlateLine
from thidua.reviews.permissions import councils_for_user
from thidua.reviews.selection import prize_label

ISSUED = [DecisionStatus.SIGNED, DecisionStatus.PUBLISHED]
CONTACT_FIELDS = ["citation", "email", "phone"]
# Where a line's group is not one of the cycle's categories: after those that are.
NO_CATEGORY = 10_000
PRIZE_RANK = {prize.value: index for index, prize in enumerate(Prize)}
# A review council's prizes (reviews.selection.PRIZES) as the awards' prizes.
SLATE_PRIZES = {
    "nhat": Prize.FIRST,
    "nhi": Prize.SECOND,
    "ba": Prize.THIRD,
    "kk": Prize.CONSOLATION,
}
# Prize groups come after the groups of the decisions' categories, the higher prize first.
PRIZE_GROUP = NO_CATEGORY + 1


def _path(event: Event) -> str:
    return unit_current_path(event.organiser)


def _require_open(event: Event) -> None:
    if event.is_closed:
        raise ValidationError(_("Hội nghị đã kết thúc: không đổi danh sách được khen thưởng."))


# --- the decisions --------------------------------------------------------------------------------


def related_issuer_ids(organiser: Unit) -> set[int]:
    """The organiser, the units above it and those below it (on its last day if it ended)."""
    day = timezone.localdate()
    if organiser.ended_on is not None and day >= organiser.ended_on:
        day = organiser.ended_on - dt.timedelta(days=1)
    above = {unit.pk for unit in ancestors_on(organiser, day)}
    below = set(subtree_unit_ids(organiser).values_list("unit_id", flat=True))
    return {organiser.pk, *above, *below}


def decisions_to_link(user: Any, event: Event) -> QuerySet[Decision]:
    """Issued decisions the conference may hand over: those of its cycles, and those the user
    sees (awards' funnel) issued by the organiser or a unit above or below it. Latest first."""
    visible = decisions_for_user(user).filter(issuer_id__in=related_issuer_ids(event.organiser))
    return (
        Decision.objects.filter(status__in=ISSUED)
        .filter(Q(cycle__in=event.cycles.all()) | Q(pk__in=visible.values("pk")))
        .select_related("issuer", "award", "cycle")
        .annotate(n_lines=Count("lines", filter=Q(lines__revoked_at__isnull=True)))
        .order_by("-signed_on", "-id")
    )


def linked_decisions(event: Event) -> list[Decision]:
    """The decisions the conference hands over, by date of signing, with the number of awards
    that stand in each (`n_lines`)."""
    return list(
        event.decisions.select_related("issuer", "award")
        .annotate(n_lines=Count("lines", filter=Q(lines__revoked_at__isnull=True)))
        .order_by("signed_on", "id")
    )


@transaction.atomic
def event_decision_link(*, actor: Any, event: Event, decision: Decision) -> bool:
    """Hand `decision` over at the conference (the caller offers it from decisions_to_link()).
    Returns whether it was newly linked. Side effects: the link, audit (event_decision_link)."""
    _require_open(event)
    if not decision.is_issued:
        raise ValidationError(
            _("Chỉ trao được quyết định đã ký: “%(decision)s” chưa ký.") % {"decision": decision}
        )
    if event.decisions.filter(pk=decision.pk).exists():
        return False
    event.decisions.add(decision)
    audit_record(
        actor=actor,
        action="event_decision_link",
        obj=event,
        changes={"decisions": [None, decision.title]},
        unit_path=_path(event),
    )
    return True


@transaction.atomic
def event_decision_unlink(*, actor: Any, event: Event, decision: Decision) -> bool:
    """Stop handing `decision` over; its honourees go at the next honourees_sync(). Returns
    whether it was linked. Side effects: the link removed, audit (event_decision_unlink)."""
    _require_open(event)
    if not event.decisions.filter(pk=decision.pk).exists():
        return False
    event.decisions.remove(decision)
    audit_record(
        actor=actor,
        action="event_decision_unlink",
        obj=event,
        changes={"decisions": [decision.title, None]},
        unit_path=_path(event),
    )
    return True


# --- the review councils' selections -------------------------------------------------------------


def confirmed_slate(council: Council) -> Slate | None:
    """The council's result: its latest confirmed slate (None before the vote)."""
    return council.slates.filter(status=SlateStatus.CONFIRMED).order_by("-number").first()


def _confirmed_slate_ids(councils: Iterable[int]) -> list[int]:
    latest: dict[int, tuple[int, int]] = {}
    council_ids = list(councils)
    if not council_ids:
        return []
    rows = Slate.objects.filter(council_id__in=council_ids, status=SlateStatus.CONFIRMED)
    for pk, council_id, number in rows.values_list("pk", "council_id", "number"):
        if council_id not in latest or number > latest[council_id][0]:
            latest[council_id] = (number, pk)
    return [pk for _, pk in latest.values()]


def councils_to_link(user: Any, event: Event) -> QuerySet[Council]:
    """Review councils whose result the conference may award: those the user sees (reviews'
    funnel) with a confirmed result. Latest decided first."""
    decided = Slate.objects.filter(status=SlateStatus.CONFIRMED).values("council_id")
    return (
        councils_for_user(user)
        .filter(pk__in=decided)
        .select_related("unit", "level__programme")
        .order_by("-decision_date", "-id")
    )


def _prized(slate_ids: Iterable[int]) -> QuerySet[SlateLine]:
    ids = list(slate_ids)
    if not ids:
        return SlateLine.objects.none()
    return SlateLine.objects.filter(slate_id__in=ids, selected=True).exclude(prize="")


def linked_councils(event: Event) -> list[Council]:
    """The councils whose result the conference awards, with the number of prizes in their
    confirmed result (`n_prizes`)."""
    councils = list(event.councils.select_related("unit").order_by("name", "id"))
    counts: dict[int, int] = {}
    if councils:
        slate_ids = _confirmed_slate_ids(council.pk for council in councils)
        for council_id in _prized(slate_ids).values_list("slate__council_id", flat=True):
            counts[council_id] = counts.get(council_id, 0) + 1
    for council in councils:
        council.n_prizes = counts.get(council.pk, 0)  # type: ignore[attr-defined]
    return councils


@transaction.atomic
def event_council_link(*, actor: Any, event: Event, council: Council) -> bool:
    """Award `council`'s confirmed result at the conference (the caller offers it from
    councils_to_link()). Returns whether it was newly linked. Side effects: the link, audit
    (event_council_link)."""
    _require_open(event)
    if confirmed_slate(council) is None:
        raise ValidationError(
            _("“%(council)s” chưa biểu quyết thông qua kết quả.") % {"council": council.name}
        )
    if event.councils.filter(pk=council.pk).exists():
        return False
    event.councils.add(council)
    audit_record(
        actor=actor,
        action="event_council_link",
        obj=event,
        changes={"councils": [None, council.name]},
        unit_path=_path(event),
    )
    return True


@transaction.atomic
def event_council_unlink(*, actor: Any, event: Event, council: Council) -> bool:
    """Stop awarding `council`'s result; its honourees go at the next honourees_sync().
    Returns whether it was linked. Side effects: the link removed, audit (event_council_unlink)."""
    _require_open(event)
    if not event.councils.filter(pk=council.pk).exists():
        return False
    event.councils.remove(council)
    audit_record(
        actor=actor,
        action="event_council_unlink",
        obj=event,
        changes={"councils": [council.name, None]},
        unit_path=_path(event),
    )
    return True


def standing_selections(event: Event) -> QuerySet[SlateLine]:
    """The prizes the conference awards: the selected lines with a prize of the linked
    councils' confirmed results."""
    return _prized(_confirmed_slate_ids(event.councils.values_list("pk", flat=True)))


def prize_words(prize: str) -> str:
    """ "nhat" -> "Giải Nhất", in Vietnamese whatever the page's language (it is stored)."""
    with translation.override("vi"):
        return str(prize_label(prize))


def prize_rank(prize: str) -> int:
    """Where a council's prize comes: Giải Nhất before Giải Nhì, …"""
    award = SLATE_PRIZES.get(prize)
    return PRIZE_RANK[award.value] if award is not None else len(PRIZE_RANK)


# --- what a line says on the day (pure) -----------------------------------------------------------


def _sentence_end(text: str) -> str:
    text = " ".join(text.split()).rstrip(";,")
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def citation_text(
    *, name: str, position: str, unit_name: str, achievement: str, collective: bool
) -> str:
    """The sentence the master of ceremonies reads: "Đồng chí Bùi Văn Toàn, Tổ trưởng tổ cơ
    điện, Công đoàn Công ty TNHH Cơ khí An Lão: Hoàn thành xuất sắc nhiệm vụ năm 2023." A
    collective is read as "Tập thể …"."""
    who = ("Tập thể " if collective else "Đồng chí ") + name
    about = ", ".join(part for part in (who, position, unit_name) if part)
    achievement = " ".join(achievement.split())
    if not achievement:
        return _sentence_end(about)
    return f"{about}: {_sentence_end(achievement[:1].upper() + achievement[1:])}"


def split_position(line_position: str, unit_name: str) -> tuple[str, str]:
    """A line's "chức vụ, đơn vị" as the decision wrote it, split at the person's unit:
    ("Tổ trưởng, Công đoàn X", "Công đoàn X") -> ("Tổ trưởng", "Công đoàn X"). A position that
    does not end with the unit is kept whole."""
    text = " ".join(line_position.split())
    if unit_name and text == unit_name:
        return "", unit_name
    if unit_name and text.endswith(", " + unit_name):
        return text[: -len(unit_name) - 2].strip(), unit_name
    return text, ""


def award_words(decision: Decision) -> str:
    """The award as the MC names it: "Giấy khen của Liên đoàn Lao động huyện An Lão", "Bằng
    khen của Liên đoàn Lao động thành phố Hải Phòng", "Bằng khen của Tổng Liên đoàn Lao động
    Việt Nam" (a name that already says whose is kept)."""
    award = decision.award
    if award.short_name:
        return award.name_for(decision.issuer)
    if " của " in award.name:
        return award.name
    return f"{award.name} của {decision.issuer.name}"


@dataclass(frozen=True)
class LineFacts:
    """What a delegate takes from their line (and the person's record)."""

    name: str
    position: str
    unit_name: str
    email: str
    phone: str
    award_name: str
    citation: str
    group_name: str


def line_facts(line: DecisionLine) -> LineFacts:
    """A line's delegate: name, position and unit as the decision lists them (the unit from the
    person's record when the line names it), contacts from the person's record, the award as
    the issuer names it, the citation, and the group the decision lists the line in (the award,
    when the decision has no groups)."""
    decision = line.decision
    person = line.person
    collective = line.collective_id is not None or (
        line.nomination is not None and line.nomination.person_id is None
    )
    if person is not None:
        position, unit_name = split_position(line.position, person.unit.name)
    elif collective:
        position = ""
        unit_name = line.position if line.position != line.name else ""
    else:
        position, unit_name = " ".join(line.position.split()), ""
    award_name = award_words(decision)
    return LineFacts(
        name=line.name,
        position=position[:200],
        unit_name=unit_name[:255],
        email=person.email if person is not None else "",
        phone=person.phone if person is not None else "",
        award_name=award_name[:300],
        citation=citation_text(
            name=line.name,
            position=position,
            unit_name=unit_name,
            achievement=line.achievement,
            collective=collective,
        ),
        group_name=(" ".join(line.group.split()).rstrip(";.") or award_name)[:300],
    )


def selection_facts(line: SlateLine) -> tuple[LineFacts, Any]:
    """A prize's delegate and the person invited for it: the initiative's authors (the main
    author first, their position and contacts), its unit, the prize with the council's name,
    and the citation: "Sáng kiến “…”, làm lợi 1.200.000.000 đồng/năm." Grouped by the prize."""
    initiative = line.initiative
    authors = [authorship.person for authorship in initiative.authorships.all()]
    main = authors[0] if authors else None
    label = prize_words(line.prize)
    citation = f"Sáng kiến “{' '.join(initiative.title.split())}”"
    if initiative.benefit_value:
        citation += f", làm lợi {money(initiative.benefit_value)}/năm"
    facts = LineFacts(
        name=", ".join(person.full_name for person in authors)[:120] or initiative.title[:120],
        position=(main.position if main is not None else "")[:200],
        unit_name=initiative.unit.name[:255],
        email=main.email if main is not None else "",
        phone=main.phone if main is not None else "",
        award_name=f"{label} – {line.slate.council.name}"[:300],
        citation=citation + ".",
        group_name=label,
    )
    return facts, main


def _selection_lines(event: Event) -> list[SlateLine]:
    return list(
        standing_selections(event)
        .select_related("slate__council", "initiative__unit")
        .prefetch_related(
            Prefetch(
                "initiative__authorships",
                Authorship.objects.select_related("person").order_by("order", "id"),
            )
        )
        .order_by("slate__council__name", "slate__council_id", "rank", "id")
    )


def _prize_group_rank(prize: str, group_name: str) -> tuple[Any, ...]:
    return (PRIZE_GROUP + prize_rank(prize), (0, 0), group_name)


# --- the sync -------------------------------------------------------------------------------------


@dataclass
class SyncResult:
    """What honourees_sync() did: the names added and removed, and those who stay although
    their award no longer stands, because they were checked in."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)
    # Invited guests who turn out to be honoured: one delegate each, in III.1.
    moved: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.moved)


def _lines(event: Event) -> list[DecisionLine]:
    return list(
        DecisionLine.objects.filter(decision__in=event.decisions.all())
        .select_related(
            "decision__award",
            "decision__issuer",
            "person__unit",
            "nomination__category",
        )
        .order_by("decision__signed_on", "decision_id", "order", "sort_key", "id")
    )


def _category_orders(event: Event, lines: Iterable[DecisionLine]) -> dict[str, int]:
    """Group name (folded) -> the order of the cycle's category of that name."""
    cycle_ids = {line.decision.cycle_id for line in lines if line.decision.cycle_id}
    cycle_ids |= set(event.cycles.values_list("pk", flat=True))
    orders: dict[str, int] = {}
    for name, order in Category.objects.filter(cycle_id__in=cycle_ids).values_list("name", "order"):
        key = fold(" ".join(name.split()).rstrip(";."))
        orders[key] = min(order, orders.get(key, order))
    return orders


def _group_rank(line: DecisionLine, group_name: str, categories: dict[str, int]) -> tuple[Any, ...]:
    """Where a line's group comes: its category's order in the cycle (from the dossier, or by
    the group's name), then the award (higher first), then the name."""
    if line.nomination is not None and line.nomination.category_id:
        order = line.nomination.category.order
    else:
        order = categories.get(fold(group_name), NO_CATEGORY)
    decision = line.decision
    return (order, award_order.award_rank(decision.issuer.tier, decision.award.order), group_name)


@dataclass(frozen=True)
class _New:
    """A delegate to add: from a decision's line or a council's prize."""

    facts: LineFacts
    person: Any
    rank: tuple[Any, ...]
    decision_line: DecisionLine | None = None
    slate_line: SlateLine | None = None


def _keep_or_remove(
    guests: Mapping[int | None, Guest], standing: set[int], result: SyncResult
) -> set[int | None]:
    """Remove the delegates whose award no longer stands, unless invited, answered or checked
    in (kept, flagged). Returns the keys of those removed."""
    removed: set[int | None] = set()
    for key, guest in guests.items():
        if key in standing:
            continue
        if guest.present_at is not None or guest.invited_at is not None or guest.rsvp_at:
            # Invited, answered or checked in: the sent log and the answer stay, flagged.
            result.flagged.append(guest.name)
            continue
        result.removed.append(guest.name)
        guest.delete()
        removed.add(key)
    return removed


def _carry_over(
    guests: dict[int | None, Guest], prizes: list[SlateLine]
) -> dict[int | None, Guest]:
    """A council that votes its result again makes new lines: a delegate whose initiative keeps
    the same prize from the same council moves to the new line, as the staff keep them."""
    standing = {prize.pk for prize in prizes}
    taken = set(guests)
    same = {(p.slate.council_id, p.initiative_id, p.prize): p for p in prizes}
    for key, guest in list(guests.items()):
        old = guest.slate_line
        if key in standing or old is None:
            continue
        new = same.get((old.slate.council_id, old.initiative_id, old.prize))
        if new is None or new.pk in taken:
            continue
        guest.slate_line = new
        guest.save(update_fields=["slate_line"])
        taken.add(new.pk)
        del guests[key]
        guests[new.pk] = guest
    return guests


@transaction.atomic
def honourees_sync(*, actor: Any, event: Event) -> SyncResult:
    """Bring the honourees in line with the linked decisions and councils: one delegate for
    every line that stands, in the honouree group of the line's group (created as needed, groups
    ordered by the cycle's categories, then award), and one for every prize of the councils'
    confirmed results, in the group of the prize (after those, the higher prize first).
    Delegates already there are left as the staff keep them; those whose line was revoked or
    whose decision was unlinked, and those whose prize is no longer in the council's confirmed
    result or whose council was unlinked, are removed, unless already invited, answered or
    checked in (kept, flagged, never called on stage). Honouree groups left empty are removed.

    Side effects: delegates and honouree groups added and removed, one audit entry
    (honourees_sync) naming them when something changed."""
    _require_open(event)
    Event.objects.select_for_update().filter(pk=event.pk).first()  # one sync at a time
    result = SyncResult()
    standing = [line for line in _lines(event) if not line.is_revoked]
    prizes = _selection_lines(event)
    mine = Guest.objects.filter(group__event=event).order_by("group__order", "order", "id")
    by_decision = {g.decision_line_id: g for g in mine.filter(decision_line__isnull=False)}
    by_selection = _carry_over(
        {
            g.slate_line_id: g
            for g in mine.filter(slate_line__isnull=False).select_related("slate_line__slate")
        },
        prizes,
    )
    for gone in _keep_or_remove(by_decision, {line.pk for line in standing}, result):
        del by_decision[gone]
    for gone in _keep_or_remove(by_selection, {line.pk for line in prizes}, result):
        del by_selection[gone]

    groups = {
        fold(group.name): group for group in event.guest_groups.filter(kind=GroupKind.HONOUREE)
    }
    categories = _category_orders(event, standing)
    new: list[_New] = []
    for line in standing:
        if line.pk not in by_decision:
            facts = line_facts(line)
            rank = _group_rank(line, facts.group_name, categories)
            new.append(_New(facts, line.person, rank, decision_line=line))
    for prize in prizes:
        if prize.pk not in by_selection:
            facts, person = selection_facts(prize)
            rank = _prize_group_rank(prize.prize, facts.group_name)
            new.append(_New(facts, person, rank, slate_line=prize))
    wanted: dict[str, tuple[Any, ...]] = {}
    for item in new:
        key = fold(item.facts.group_name)
        if key not in groups and (key not in wanted or item.rank < wanted[key]):
            wanted[key] = item.rank
    if wanted:
        _add_groups(event, groups, wanted, [item.facts for item in new])
    next_order: dict[int, int] = {
        row["group_id"]: row["top"] or 0
        for row in Guest.objects.filter(group__in=list(groups.values()))
        .values("group_id")
        .annotate(top=Max("order"))
    }
    _take_over_guests(event, [item.person for item in new], result)
    for item in new:
        facts = item.facts
        group = groups[fold(facts.group_name)]
        next_order[group.pk] = next_order.get(group.pk, 0) + 1
        guest = Guest(
            group=group,
            order=next_order[group.pk],
            person=item.person,
            decision_line=item.decision_line,
            slate_line=item.slate_line,
            name=facts.name,
            position=facts.position,
            unit_name=facts.unit_name,
            email=facts.email,
            phone=facts.phone,
            award_name=facts.award_name,
            citation=facts.citation,
        )
        guest.full_clean(exclude=["person"])
        guest.save()
        result.added.append(guest.name)
    removed_groups = _drop_empty_groups(event)
    _renumber_honouree_groups(event, categories)
    if result.changed or removed_groups:
        audit_record(
            actor=actor,
            action="honourees_sync",
            obj=event,
            changes={
                "honourees_added": [None, result.added],
                "honourees_removed": [result.removed, None],
                **({"guests_moved": [result.moved, None]} if result.moved else {}),
                **({"groups_removed": [removed_groups, None]} if removed_groups else {}),
            },
            unit_path=_path(event),
        )
    return result


def _take_over_guests(event: Event, honoured: list[Any], result: SyncResult) -> None:
    """A person on the guest list (a union chair, say) who is honoured is one delegate, the
    honouree: their guest row goes, unless it has already been used (invited, answered or
    checked in), when both stay for the staff to settle. `honoured`: the people (or None)."""
    people = {person.pk for person in honoured if person is not None}
    if not people:
        return
    unused = Guest.objects.filter(
        group__event=event,
        group__kind=GroupKind.GUEST,
        person_id__in=people,
        invited_at__isnull=True,
        rsvp=Rsvp.PENDING,
        present_at__isnull=True,
    ).select_related("group")
    for guest in unused.order_by("group__order", "order"):
        result.moved.append(guest.name)
        group = guest.group
        guest.delete()
        for position, row in enumerate(group.guests.order_by("order", "id"), start=1):
            if row.order != position:
                row.order = position
                row.save(update_fields=["order"])


def _add_groups(
    event: Event,
    groups: dict[str, GuestGroup],
    wanted: Mapping[str, tuple[Any, ...]],
    new: list[LineFacts],
) -> None:
    names = {fold(facts.group_name): facts.group_name for facts in new}
    top = event.guest_groups.filter(kind=GroupKind.HONOUREE).aggregate(top=Max("order"))["top"]
    for index, key in enumerate(sorted(wanted, key=lambda k: wanted[k]), start=1):
        group = GuestGroup(
            event=event, kind=GroupKind.HONOUREE, name=names[key], order=(top or 0) + index
        )
        group.full_clean()
        group.save()
        groups[key] = group


def _drop_empty_groups(event: Event) -> list[str]:
    empty = list(
        event.guest_groups.filter(kind=GroupKind.HONOUREE)
        .annotate(n=Count("guests"))
        .filter(n=0)
        .order_by("order")
    )
    for group in empty:
        group.delete()
    return [group.name for group in empty]


def _renumber_honouree_groups(event: Event, categories: dict[str, int]) -> None:
    """Honouree groups 1, 2, … in the cycle's order of categories (then award, then name),
    then the councils' prizes (the higher first)."""
    groups = list(
        event.guest_groups.filter(kind=GroupKind.HONOUREE).prefetch_related(
            Prefetch(
                "guests",
                Guest.objects.filter(
                    Q(decision_line__isnull=False) | Q(slate_line__isnull=False)
                ).select_related(
                    "decision_line__decision__award",
                    "decision_line__decision__issuer",
                    "decision_line__nomination__category",
                    "slate_line",
                ),
            )
        )
    )

    def rank(group: GuestGroup) -> tuple[Any, ...]:
        ranks = [
            _group_rank(guest.decision_line, group.name, categories)
            for guest in group.guests.all()
            if guest.decision_line is not None
        ] + [
            _prize_group_rank(guest.slate_line.prize, group.name)
            for guest in group.guests.all()
            if guest.slate_line is not None
        ]
        return (min(ranks) if ranks else (NO_CATEGORY,), group.order, group.pk)

    for position, group in enumerate(sorted(groups, key=rank), start=1):
        if group.order != position:
            group.order = position
            group.save(update_fields=["order"])


# --- the staff's edits ----------------------------------------------------------------------------


def _honouree(guest: Guest) -> Guest:
    if not guest.is_honouree:
        raise ValidationError(
            _("“%(name)s” là khách mời, không phải người được khen thưởng.") % {"name": guest.name}
        )
    return guest


def _source_citation(guest: Guest) -> str:
    """The citation as the delegate's decision line or council prize writes it."""
    if guest.slate_line_id is not None:
        prize = (
            SlateLine.objects.select_related("slate__council", "initiative__unit")
            .prefetch_related(
                Prefetch(
                    "initiative__authorships",
                    Authorship.objects.select_related("person").order_by("order", "id"),
                )
            )
            .get(pk=guest.slate_line_id)
        )
        return selection_facts(prize)[0].citation
    line = DecisionLine.objects.select_related(
        "decision__award", "decision__issuer", "person__unit", "nomination"
    ).get(pk=guest.decision_line_id or 0)
    return line_facts(line).citation


@transaction.atomic
def honouree_update(*, actor: Any, guest: Guest, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Change what the staff may change of an honouree: the citation read on stage, the email
    and the phone (only the fields in `data`; the rest comes from the decision or the council's
    result). A blank citation is written again from the decision's line or the prize.

    Side effects: the delegate, audit (honouree_update) when something changed."""
    _honouree(guest)
    values: dict[str, Any] = {}
    for name in CONTACT_FIELDS:
        if name in data:
            text = str(data.get(name) or "")
            values[name] = text.strip() if name == "citation" else " ".join(text.split())
    if "citation" in values and not values["citation"]:
        values["citation"] = _source_citation(guest)
    return model_update(
        instance=guest,
        data=values,
        actor=actor,
        action="honouree_update",
        unit_path=_path(guest.group.event),
    )


# --- reads ----------------------------------------------------------------------------------------


def honouree_groups(event: Event) -> list[GuestGroup]:
    """The honouree groups in their order, each with its delegates (prefetched with their line,
    in their order)."""
    return list(
        event.guest_groups.filter(kind=GroupKind.HONOUREE)
        .order_by("order", "id")
        .prefetch_related(
            Prefetch(
                "guests",
                Guest.objects.select_related(
                    "decision_line__decision", "slate_line__slate__council"
                ).order_by("order", "id"),
            )
        )
    )


def honouree_flag(guest: Guest, linked: set[int], prizes: Iterable[int] = ()) -> str:
    """Why an honouree kept on the list no longer stands ("" when they do): their award was
    revoked, or their decision is no longer handed over; their prize is no longer in the
    council's confirmed result, or the council no longer awarded there. `linked`: the linked
    decisions' ids; `prizes`: the standing prizes' ids (standing_selections())."""
    if guest.slate_line_id is not None:
        if guest.slate_line_id in set(prizes):
            return ""
        return _(
            "Giải không còn trong kết quả đã thông qua của hội đồng, hoặc hội đồng không còn trao "
            "tại hội nghị; đã gửi giấy mời hoặc đã điểm danh nên vẫn giữ trong danh sách."
        )
    line = guest.decision_line
    if line is None:
        return ""
    if line.revoked_at is not None:
        return _("Khen thưởng đã bị thu hồi; đã điểm danh nên vẫn giữ trong danh sách.")
    if line.decision_id not in linked:
        return _(
            "Quyết định không còn trao tại hội nghị; đã điểm danh nên vẫn giữ trong danh sách."
        )
    return ""


def pending_lines(event: Event) -> int:
    """How many standing lines of the linked decisions and prizes of the linked councils have
    no delegate yet (the page asks to fetch them)."""
    decisions = (
        DecisionLine.objects.filter(decision__in=event.decisions.all(), revoked_at__isnull=True)
        .exclude(delegates__group__event=event)
        .count()
    )
    prizes = standing_selections(event)
    if not prizes.query.is_empty():
        decisions += prizes.exclude(delegates__group__event=event).count()
    return decisions


def _stage_row(
    guest: Guest, award_rank: tuple[int, int], line_rank: tuple[Any, ...]
) -> award_order.Honouree:
    return award_order.Honouree(
        pk=guest.pk,
        name=guest.name,
        sort_key=guest.sort_key,
        position=guest.position,
        unit_name=guest.unit_name,
        award_name=guest.award_name,
        award_rank=award_rank,
        group_name=guest.group.name,
        group_rank=guest.group.order,
        line_rank=line_rank,
        citation=guest.citation,
        rsvp=guest.rsvp,
        substitute=(
            ", ".join(p for p in (guest.substitute_name, guest.substitute_position) if p)
            if guest.rsvp == Rsvp.SUBSTITUTE
            else ""
        ),
        present=guest.present_at is not None,
    )


def stage_rows(event: Event) -> list[award_order.Honouree]:
    """Every honouree of the conference as the award order sorts them (award_order.Honouree):
    those of the decisions, then the councils' prizes (a prize ranks by the prize, the council
    by its unit's tier), in two queries."""
    rows = []
    delegates = (
        Guest.objects.filter(group__event=event, decision_line__isnull=False)
        .select_related(
            "group",
            "decision_line__decision__award",
            "decision_line__decision__issuer",
            "decision_line__nomination",
        )
        .order_by("group__order", "order", "id")
    )
    linked = list(event.decisions.order_by("signed_on", "id").values_list("pk", flat=True))
    for guest in delegates:
        line = guest.decision_line
        assert line is not None  # noqa: S101 - filtered above
        decision = line.decision
        if line.is_revoked or decision.pk not in linked:
            continue  # kept on the list (flagged), never called on stage
        prize = line.nomination.prize if line.nomination is not None else ""
        rank = (
            PRIZE_RANK.get(prize, len(PRIZE_RANK)),
            linked.index(decision.pk) if decision.pk in linked else len(linked),
            line.order,
        )
        rows.append(
            _stage_row(
                guest, award_order.award_rank(decision.issuer.tier, decision.award.order), rank
            )
        )
    standing = set(standing_selections(event).values_list("pk", flat=True))
    if not standing:
        return rows
    winners = (
        Guest.objects.filter(group__event=event, slate_line_id__in=standing)
        .select_related("group", "slate_line__slate__council__unit")
        .order_by("group__order", "order", "id")
    )
    councils = list(event.councils.order_by("name", "id").values_list("pk", flat=True))
    for guest in winners:
        won = guest.slate_line
        assert won is not None  # noqa: S101 - filtered above
        council = won.slate.council
        rank = (
            prize_rank(won.prize),
            len(linked) + (councils.index(council.pk) if council.pk in councils else 0),
            won.rank,
        )
        rows.append(_stage_row(guest, award_order.award_rank(council.unit.tier, 0), rank))
    return rows


def event_award_order(event: Event) -> award_order.Order:
    """The conference's award order: its honourees sorted by its keys, cut into batches of the
    stage's size, each with its presenter (award_order.build)."""
    from thidua.events.models import lines as text_lines

    return award_order.build(
        stage_rows(event),
        keys=list(event.award_order or []),
        stage_size=event.stage_size,
        presenters=text_lines(event.presenters),
    )
