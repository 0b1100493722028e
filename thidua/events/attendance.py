"""Reads of the conference's day: the live count by group (invited, confirmed, declined,
present, and those who came without an invitation, counted apart), the search the check-in
page runs (a name without diacritics, a unit, or the code printed under the invitation's QR
code), and the attendance report with who came and who did not, group by group.

Callers fetch the conference through thidua.events.permissions.event_for_user first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from thidua.common.search import word_prefix_q
from thidua.common.vietnamese import fold, search_terms
from thidua.events.enums import GroupKind, Rsvp
from thidua.events.models import CODE_ALPHABET, Event, Guest, GuestGroup

CONFIRMED = [Rsvp.ACCEPTED, Rsvp.SUBSTITUTE]
SEARCH_LIMIT = 30
# A code typed from the invitation is looked up from this many characters on.
CODE_MIN = 4


@dataclass(frozen=True)
class Counts:
    """Invited, confirmed (accepted or sending a substitute), declined and present count the
    delegates on the list; those who came without an invitation are `walk_ins`, present all."""

    invited: int = 0
    confirmed: int = 0
    declined: int = 0
    present: int = 0
    walk_ins: int = 0

    @property
    def present_total(self) -> int:
        return self.present + self.walk_ins

    @property
    def absent(self) -> int:
        return self.invited - self.present

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            invited=self.invited + other.invited,
            confirmed=self.confirmed + other.confirmed,
            declined=self.declined + other.declined,
            present=self.present + other.present,
            walk_ins=self.walk_ins + other.walk_ins,
        )


def total(counts: Iterable[Counts]) -> Counts:
    result = Counts()
    for item in counts:
        result = result + item
    return result


def count_guests(guests: Iterable[Guest]) -> Counts:
    """The counts of a list of delegates, as the live count gets them from the database."""
    invited = confirmed = declined = present = walk_ins = 0
    for guest in guests:
        if guest.walk_in:
            walk_ins += 1
            continue
        invited += 1
        confirmed += guest.rsvp in CONFIRMED
        declined += guest.rsvp == Rsvp.DECLINED
        present += guest.present_at is not None
    return Counts(invited, confirmed, declined, present, walk_ins)


def _kind_first(group: GuestGroup) -> tuple[int, int, int]:
    """Section III's order: those honoured (III.1) first, then the invited guests (III.2)."""
    return (0 if group.kind == GroupKind.HONOUREE else 1, group.order, group.pk)


@dataclass(frozen=True)
class GroupCounts:
    group: GuestGroup
    counts: Counts


@dataclass(frozen=True)
class LiveCounts:
    groups: list[GroupCounts]
    honourees: Counts
    guests: Counts

    @property
    def total(self) -> Counts:
        return self.honourees + self.guests


def live_counts(event: Event) -> LiveCounts:
    """The counts by group in one query, for the check-in page polled every few seconds."""
    own = Q(guests__walk_in=False)
    groups = event.guest_groups.annotate(
        n_invited=Count("guests", filter=own),
        n_confirmed=Count("guests", filter=own & Q(guests__rsvp__in=CONFIRMED)),
        n_declined=Count("guests", filter=own & Q(guests__rsvp=Rsvp.DECLINED)),
        n_present=Count("guests", filter=own & Q(guests__present_at__isnull=False)),
        n_walk_ins=Count("guests", filter=Q(guests__walk_in=True)),
    )
    rows = [
        GroupCounts(
            group=group,
            counts=Counts(
                invited=group.n_invited,
                confirmed=group.n_confirmed,
                declined=group.n_declined,
                present=group.n_present,
                walk_ins=group.n_walk_ins,
            ),
        )
        for group in sorted(groups, key=_kind_first)
    ]
    return LiveCounts(
        groups=rows,
        honourees=total(r.counts for r in rows if r.group.kind == GroupKind.HONOUREE),
        guests=total(r.counts for r in rows if r.group.kind != GroupKind.HONOUREE),
    )


# --- the search -----------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    """A code as printed or read aloud, typed on a phone: 'ab3k 7mnp-2q' -> 'AB3K7MNP2Q'
    (letters and digits only, upper case)."""
    return "".join(char for char in text if char.isalnum()).upper()


def looks_like_code(text: str) -> bool:
    code = normalise_code(text)
    return len(code) >= CODE_MIN and all(char in CODE_ALPHABET for char in code)


def words_match(text: str, query: str) -> bool:
    """Every word of `query` starts a word of `text`, both without diacritics (as
    common.search.word_prefix_q does in the database)."""
    words = fold(text).split()
    return all(any(word.startswith(term) for word in words) for term in search_terms(query))


def _delegates(event: Event) -> Q:
    return Q(group__event=event)


def delegates_search(event: Event, query: str, *, limit: int = SEARCH_LIMIT) -> list[Guest]:
    """Delegates of `event` whose name (or their substitute's, or their unit's) has every word
    of `query` as a word start, without diacritics ("nguyen van" finds "Nguyễn Văn Hải"), or
    whose check-in code starts with `query` (any case, spaces ignored); names in Vietnamese
    order."""
    if not fold(query):
        return []
    found = Q(pk__in=[])
    found |= word_prefix_q("name_folded", query)
    # The substitute's name and the unit are not folded in the database: a conference has a few
    # hundred delegates, read once.
    others = (
        Guest.objects.filter(_delegates(event))
        .exclude(unit_name="", substitute_name="")
        .values_list("pk", "unit_name", "substitute_name")
    )
    matched = [
        pk
        for pk, unit_name, substitute in others
        if words_match(unit_name, query) or (substitute and words_match(substitute, query))
    ]
    if matched:
        found |= Q(pk__in=matched)
    if looks_like_code(query):
        found |= Q(checkin_code__startswith=normalise_code(query))
    return list(
        Guest.objects.filter(_delegates(event))
        .filter(found)
        .select_related("group", "present_by")
        .order_by("sort_key", "id")[:limit]
    )


def delegate_by_code(event: Event, code: str) -> Guest | None:
    """The delegate of `event` whose invitation carries `code` (the QR code's), or None."""
    normalised = normalise_code(code)
    if not normalised:
        return None
    return (
        Guest.objects.filter(_delegates(event), checkin_code=normalised)
        .select_related("group", "present_by", "decision_line__decision__award")
        .first()
    )


# --- the report -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupAttendance:
    group: GuestGroup
    counts: Counts
    present: list[Guest] = field(default_factory=list)
    absent: list[Guest] = field(default_factory=list)
    walk_ins: list[Guest] = field(default_factory=list)

    @property
    def is_honouree(self) -> bool:
        return self.group.kind == GroupKind.HONOUREE


@dataclass(frozen=True)
class AttendanceReport:
    groups: list[GroupAttendance]

    def _of(self, honouree: bool) -> list[GroupAttendance]:
        return [row for row in self.groups if row.is_honouree == honouree]

    @property
    def honouree_groups(self) -> list[GroupAttendance]:
        return self._of(True)

    @property
    def guest_groups(self) -> list[GroupAttendance]:
        return self._of(False)

    @property
    def honourees(self) -> Counts:
        return total(row.counts for row in self.honouree_groups)

    @property
    def guests(self) -> Counts:
        return total(row.counts for row in self.guest_groups)

    @property
    def total(self) -> Counts:
        return self.honourees + self.guests

    @property
    def honourees_absent(self) -> list[Guest]:
        """Those honoured who did not come: their award goes to their unit."""
        return [guest for row in self.honouree_groups for guest in row.absent]

    @property
    def walk_ins(self) -> list[Guest]:
        return [guest for row in self.groups for guest in row.walk_ins]


def group_attendance(group: GuestGroup, guests: list[Guest]) -> GroupAttendance:
    """One group's counts and lists (names in Vietnamese order)."""
    ordered = sorted(guests, key=lambda guest: (guest.sort_key, guest.pk))
    return GroupAttendance(
        group=group,
        counts=count_guests(ordered),
        present=[g for g in ordered if not g.walk_in and g.present_at is not None],
        absent=[g for g in ordered if not g.walk_in and g.present_at is None],
        walk_ins=[g for g in ordered if g.walk_in],
    )


def attendance_report(event: Event) -> AttendanceReport:
    """Who was invited, who answered yes, who came and who did not, group by group (III.1
    honourees first, then III.2 guests), in two queries."""
    groups = event.guest_groups.prefetch_related(
        Prefetch("guests", Guest.objects.select_related("present_by").order_by("sort_key", "id"))
    )
    return AttendanceReport(
        groups=[
            group_attendance(group, list(group.guests.all()))
            for group in sorted(groups, key=_kind_first)
        ]
    )
