"""The council's proposed slate: which scored initiatives go up, with which prize, which are
the top few by value and benefit, and which authors are suggested for media stories.

Pure functions, no database: the views build `Candidate`s from the council's ranking and the
programme's `Rules`, call `propose`, and show every `Line.reason` and `Slate.problems` so the
council sees why each initiative is in or out and which rules could not be met.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thidua.common.vietnamese import money

PRIZES = ("nhat", "nhi", "ba", "kk")


@dataclass(frozen=True)
class Author:
    person: int
    name: str
    consented: bool


@dataclass(frozen=True)
class Candidate:
    item: int
    code: str
    rank: int
    score: float | None
    passed: bool
    fail_reason: str = ""
    field: int = 0
    field_name: str = ""
    unit: int = 0
    unit_name: str = ""
    benefit_value: int | None = None
    authors: tuple[Author, ...] = ()


@dataclass(frozen=True)
class PrizeTier:
    prize: str
    count: int | None = None
    min_score: float | None = None


@dataclass(frozen=True)
class Limit:
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class Rules:
    quota_min: int = 0
    quota_max: int | None = None
    min_score: float | None = None
    field_limits: Mapping[int, Limit] = field(default_factory=dict)
    unit_limits: Mapping[int, Limit] = field(default_factory=dict)
    prizes: tuple[PrizeTier, ...] = ()
    top_n: int = 0
    media_min: int = 3
    media_max: int = 5
    media_min_fields: int = 3
    # Names for limits on fields or units that no candidate carries (an empty field).
    field_names: Mapping[int, str] = field(default_factory=dict)
    unit_names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    item: int
    selected: bool
    prize: str = ""
    top: bool = False
    reason: str = ""


@dataclass(frozen=True)
class MediaPick:
    person: int
    name: str
    field: int
    field_name: str
    items: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Slate:
    lines: list[Line]
    media: list[MediaPick]
    problems: list[str]


def prize_label(key: str) -> str:
    labels = {
        "nhat": _("Giải Nhất"),
        "nhi": _("Giải Nhì"),
        "ba": _("Giải Ba"),
        "kk": _("Giải Khuyến khích"),
    }
    return labels[key]


def format_score(value: float) -> str:
    """87.5 -> '87,5', 90.0 -> '90': Vietnamese decimal comma, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")


def order_key(candidate: Candidate) -> tuple[int, str, int]:
    """The slate's order: the council's rank, then code, so tied ranks read predictably."""
    return (candidate.rank, candidate.code, candidate.item)


def join_codes(codes: Sequence[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B và C'."""
    if len(codes) <= 1:
        return "".join(codes)
    return _("%(first)s và %(last)s") % {"first": ", ".join(codes[:-1]), "last": codes[-1]}


def propose(candidates: Sequence[Candidate], rules: Rules) -> Slate:
    """The proposed slate; every candidate gets one Line, in rank order, with its reason."""
    if len({candidate.item for candidate in candidates}) != len(candidates):
        raise ValueError("duplicate candidate items")
    for tier in rules.prizes:
        if tier.prize not in PRIZES:
            raise ValueError(f"unknown prize {tier.prize!r}")
    builder = _Builder(candidates, rules)
    builder.reserve_minimums()
    builder.fill()
    builder.check_quota()
    builder.award_prizes()
    builder.mark_top()
    media = _media(builder.selected(), rules, builder.problems)
    return Slate(lines=builder.lines(), media=media, problems=builder.problems)


@dataclass(frozen=True)
class Review:
    """An amended slate checked again: the media shortlist from what is selected now, and
    every rule the amended slate breaks."""

    media: list[MediaPick]
    problems: list[str]


def review(
    candidates: Sequence[Candidate],
    rules: Rules,
    *,
    selected: AbstractSet[int],
    prizes: Mapping[int, str],
    top: AbstractSet[int],
) -> Review:
    """Check a slate after the council changed lines by hand: the quota, the field and unit
    limits, the prize counts, the top N, initiatives chosen although they did not qualify; and
    pick the media shortlist again from the initiatives selected now."""
    builder = _Builder(candidates, rules)
    problems = list(builder.problems)
    chosen = [c for c in builder.ordered if c.item in selected]
    count = len(chosen)
    if count < rules.quota_min:
        problems.append(
            _("Đề xuất %(n)s sáng kiến, chưa đủ tối thiểu %(min)s.")
            % {"n": count, "min": rules.quota_min}
        )
    if rules.quota_max is not None and count > rules.quota_max:
        problems.append(
            _("Đề xuất %(n)s sáng kiến, vượt số tối đa %(max)s.")
            % {"n": count, "max": rules.quota_max}
        )
    unfit = [c.code for c in chosen if builder._ineligible(c) is not None]
    if unfit:
        problems.append(
            _("Sáng kiến %(codes)s được đề xuất dù không đạt yêu cầu; hội đồng cần ghi rõ lý do.")
            % {"codes": join_codes(unfit)}
        )
    for group in [*_by_key(builder.fields), *_by_key(builder.units)]:
        held = sum(1 for c in chosen if group.holds(c))
        if held < group.limit.minimum:
            problems.append(
                _("%(group)s có %(n)s sáng kiến được đề xuất, chưa đủ tối thiểu %(min)s.")
                % {"group": group.sentence(), "n": held, "min": group.limit.minimum}
            )
        if group.limit.maximum is not None and held > group.limit.maximum:
            problems.append(
                _("%(group)s có %(n)s sáng kiến được đề xuất, vượt tối đa %(max)s.")
                % {"group": group.sentence(), "n": held, "max": group.limit.maximum}
            )
    for tier in rules.prizes:
        given = sum(1 for item in selected if prizes.get(item) == tier.prize)
        if tier.count is not None and given > tier.count:
            problems.append(
                _("%(prize)s: %(n)s sáng kiến, vượt số lượng quy định %(count)s.")
                % {"prize": prize_label(tier.prize), "n": given, "count": tier.count}
            )
        if tier.min_score is not None:
            low = [
                c.code
                for c in chosen
                if prizes.get(c.item) == tier.prize and (c.score or 0) < tier.min_score
            ]
            if low:
                problems.append(
                    _("%(prize)s trao cho %(codes)s dù dưới mức %(score)s điểm.")
                    % {
                        "prize": prize_label(tier.prize),
                        "codes": join_codes(low),
                        "score": format_score(tier.min_score),
                    }
                )
    marked = len(top & selected)
    if rules.top_n and marked != min(rules.top_n, count):
        problems.append(
            _(
                "Nhóm giá trị làm lợi cao nhất đề nghị cấp trên có %(n)s sáng kiến, "
                "quy định %(top)s."
            )
            % {"n": marked, "top": rules.top_n}
        )
    media = _media(chosen, rules, problems)
    return Review(media=media, problems=problems)


@dataclass(frozen=True)
class _Group:
    """A field or a unit with its limit, named the way the reasons name it."""

    kind: str  # "field" or "unit"
    key: int
    noun: str
    limit: Limit

    @property
    def ref(self) -> tuple[str, int]:
        return (self.kind, self.key)

    def holds(self, candidate: Candidate) -> bool:
        return (candidate.field if self.kind == "field" else candidate.unit) == self.key

    def sentence(self) -> str:
        # The noun opens sentences ("Lĩnh vực …") but sits inside others ("tối thiểu lĩnh vực …").
        return self.noun[:1].upper() + self.noun[1:]


class _Builder:
    def __init__(self, candidates: Sequence[Candidate], rules: Rules) -> None:
        self.rules = rules
        self.ordered = sorted(candidates, key=order_key)
        self.problems: list[str] = []
        self.out: dict[int, str] = {}
        self.notes: dict[int, list[str]] = {}
        self.chosen: list[Candidate] = []
        self.prize: dict[int, str] = {}
        self.top: set[int] = set()
        self.eligible: list[Candidate] = []
        for candidate in self.ordered:
            reason = self._ineligible(candidate)
            if reason is None:
                self.eligible.append(candidate)
            else:
                self.out[candidate.item] = reason
        self.fields = {
            key: _Group(
                kind="field",
                key=key,
                noun=_("lĩnh vực “%(name)s”") % {"name": self._name(key, "field")},
                limit=limit,
            )
            for key, limit in rules.field_limits.items()
        }
        self.units = {
            key: _Group(
                kind="unit",
                key=key,
                noun=_("đơn vị “%(name)s”") % {"name": self._name(key, "unit")},
                limit=limit,
            )
            for key, limit in rules.unit_limits.items()
        }
        self.reserved: dict[int, _Group] = {}
        if rules.quota_max is not None and rules.quota_min > rules.quota_max:
            self.problems.append(
                _("Số lượng đề xuất tối thiểu %(min)s lớn hơn số lượng tối đa %(max)s.")
                % {"min": rules.quota_min, "max": rules.quota_max}
            )

    def _ineligible(self, candidate: Candidate) -> str | None:
        if not candidate.passed:
            if candidate.fail_reason:
                return candidate.fail_reason
            if candidate.score is None:
                return _("Chưa được chấm điểm.")
            return _("Không đạt yêu cầu của tiêu chí chấm điểm.")
        if candidate.score is None:
            return _("Chưa được chấm điểm.")
        cut = self.rules.min_score
        if cut is not None and candidate.score < cut:
            return _("Dưới mức điểm đề xuất %(cut)s.") % {"cut": format_score(cut)}
        return None

    def _name(self, key: int, kind: str) -> str:
        for candidate in self.ordered:
            if kind == "field" and candidate.field == key and candidate.field_name:
                return candidate.field_name
            if kind == "unit" and candidate.unit == key and candidate.unit_name:
                return candidate.unit_name
        names = self.rules.field_names if kind == "field" else self.rules.unit_names
        return names.get(key) or _("mã %(id)s") % {"id": key}

    def _groups(self, candidate: Candidate) -> list[_Group]:
        groups = []
        if candidate.field in self.fields:
            groups.append(self.fields[candidate.field])
        if candidate.unit in self.units:
            groups.append(self.units[candidate.unit])
        return groups

    def reserve_minimums(self) -> None:
        """Set aside, before anything else, the best candidates each minimum needs."""
        quota_max = self.rules.quota_max
        taken: dict[tuple[str, int], int] = {}  # group -> reserved candidates in it
        for group in [*_by_key(self.fields), *_by_key(self.units)]:
            minimum = group.limit.minimum
            if minimum <= 0:
                continue
            members = [candidate for candidate in self.eligible if group.holds(candidate)]
            have = taken.get(group.ref, 0)
            for candidate in members:
                if have >= minimum:
                    break
                if candidate.item in self.reserved:
                    continue
                if quota_max is not None and len(self.reserved) >= quota_max:
                    break
                groups = self._groups(candidate)
                if any(_full(other, taken.get(other.ref, 0)) for other in groups):
                    continue
                self.reserved[candidate.item] = group
                for other in groups:
                    taken[other.ref] = taken.get(other.ref, 0) + 1
                have += 1
            if have < minimum:
                self.problems.append(self._short_message(group, minimum, have, len(members)))

    def _short_message(self, group: _Group, minimum: int, got: int, qualifying: int) -> str:
        if got == qualifying:
            return _(
                "%(group)s cần tối thiểu %(min)s sáng kiến nhưng chỉ có %(n)s sáng kiến đạt."
            ) % {"group": group.sentence(), "min": minimum, "n": qualifying}
        return _(
            "%(group)s cần tối thiểu %(min)s sáng kiến nhưng chỉ chọn được %(got)s "
            "trong %(n)s sáng kiến đạt do vướng các giới hạn tối đa khác."
        ) % {"group": group.sentence(), "min": minimum, "got": got, "n": qualifying}

    def fill(self) -> None:
        """Take eligible candidates in rank order while the quota and the maximums allow,
        keeping room for the reserved ones not yet reached."""
        # A reserved candidate owes its place to the minimum only if rank alone, with no
        # room kept for anyone, would have left it out.
        by_rank = {candidate.item for candidate in self._scan({}).chosen}
        scan = self._scan(self.reserved)
        self.chosen = scan.chosen
        self.out.update(scan.out)
        for candidate in self.chosen:
            group = self.reserved.get(candidate.item)
            if group is not None and candidate.item not in by_rank:
                self._note(
                    candidate, _("được chọn để đủ tối thiểu %(group)s") % {"group": group.noun}
                )
        self._report_boundary_ties(scan.cut_by_quota)

    def _scan(self, reserved: Mapping[int, _Group]) -> _Scan:
        quota_max = self.rules.quota_max
        scan = _Scan()
        ahead_total = len(reserved)
        ahead: dict[tuple[str, int], int] = {}  # group -> reserved candidates not yet reached
        counts: dict[tuple[str, int], int] = {}  # group -> selected so far
        for candidate in self.eligible:
            if candidate.item in reserved:
                for group in self._groups(candidate):
                    ahead[group.ref] = ahead.get(group.ref, 0) + 1
        for candidate in self.eligible:
            groups = self._groups(candidate)
            # Reserved room is counted from the start, so a reserved candidate always fits.
            if candidate.item in reserved:
                ahead_total -= 1
                for group in groups:
                    ahead[group.ref] -= 1
            elif quota_max is not None and len(scan.chosen) + ahead_total >= quota_max:
                scan.cut_by_quota.append(candidate)
                scan.out[candidate.item] = _quota_reason(candidate, quota_max, len(scan.chosen))
                continue
            else:
                full = next(
                    (g for g in groups if _full(g, counts.get(g.ref, 0) + ahead.get(g.ref, 0))),
                    None,
                )
                if full is not None:
                    scan.out[candidate.item] = _("%(group)s đã đủ tối đa %(max)s sáng kiến.") % {
                        "group": full.sentence(),
                        "max": full.limit.maximum,
                    }
                    continue
            scan.chosen.append(candidate)
            for group in groups:
                counts[group.ref] = counts.get(group.ref, 0) + 1
        return scan

    def _report_boundary_ties(self, cut: list[Candidate]) -> None:
        # Rank order then code is a tie-break the council never decided; it must see it.
        cut_ranks = sorted({candidate.rank for candidate in cut})
        for rank in cut_ranks:
            kept = [candidate for candidate in self.chosen if candidate.rank == rank]
            if not kept:
                continue
            tied = sorted([*kept, *(c for c in cut if c.rank == rank)], key=order_key)
            self.problems.append(
                _("Sáng kiến %(codes)s đồng hạng ở ranh giới số lượng; hội đồng cần quyết định.")
                % {"codes": join_codes([candidate.code for candidate in tied])}
            )

    def check_quota(self) -> None:
        quota_min = self.rules.quota_min
        count = len(self.chosen)
        if count >= quota_min:
            return
        if count == len(self.eligible):
            message = _("Chỉ %(n)s sáng kiến đạt, chưa đủ tối thiểu %(min)s.")
        else:
            message = _(
                "Chỉ chọn được %(n)s sáng kiến (trong %(eligible)s sáng kiến đạt) do giới hạn "
                "tối đa theo lĩnh vực, đơn vị; chưa đủ tối thiểu %(min)s."
            )
        self.problems.append(
            message % {"n": count, "eligible": len(self.eligible), "min": quota_min}
        )

    def award_prizes(self) -> None:
        chosen = self.chosen
        position = 0
        for tier in self.rules.prizes:
            start = position
            while position < len(chosen):
                if tier.count is None and tier.min_score is None:
                    break
                if tier.count is not None and position - start >= tier.count:
                    break
                score = chosen[position].score
                if tier.min_score is not None and (score is None or score < tier.min_score):
                    break
                self.prize[chosen[position].item] = tier.prize
                self._note(chosen[position], prize_label(tier.prize))
                position += 1
            boundary = 0 < position < len(chosen) and position > start
            if boundary and chosen[position - 1].rank == chosen[position].rank:
                rank = chosen[position].rank
                tied = [candidate.code for candidate in chosen if candidate.rank == rank]
                self.problems.append(
                    _(
                        "Sáng kiến %(codes)s đồng hạng ở ranh giới %(prize)s; "
                        "hội đồng cần quyết định."
                    )
                    % {"codes": join_codes(tied), "prize": prize_label(tier.prize)}
                )

    def mark_top(self) -> None:
        top_n = self.rules.top_n
        if top_n <= 0:
            return
        if len(self.chosen) < top_n:
            self.problems.append(
                _(
                    "Chỉ có %(n)s sáng kiến được đề xuất, chưa đủ %(top)s sáng kiến có giá trị "
                    "làm lợi cao nhất."
                )
                % {"n": len(self.chosen), "top": top_n}
            )
        by_value = {candidate.item for candidate in sorted(self.chosen, key=_value_key)[:top_n]}
        for candidate in self.chosen:
            if candidate.item not in by_value:
                continue
            self.top.add(candidate.item)
            note = _("thuộc %(n)s sáng kiến có giá trị làm lợi cao nhất") % {"n": top_n}
            if candidate.benefit_value is not None:
                note += _(" (%(value)s/năm)") % {"value": money(candidate.benefit_value)}
            self._note(candidate, note)
        unvalued = [c.code for c in self.chosen if c.item in self.top and c.benefit_value is None]
        if unvalued:
            self.problems.append(
                _(
                    "Sáng kiến %(codes)s vào nhóm giá trị làm lợi cao nhất dù chưa có giá trị "
                    "làm lợi; hội đồng cần kiểm tra."
                )
                % {"codes": join_codes(unvalued)}
            )

    def _note(self, candidate: Candidate, note: str) -> None:
        self.notes.setdefault(candidate.item, []).append(note)

    def selected(self) -> list[Candidate]:
        return list(self.chosen)

    def lines(self) -> list[Line]:
        chosen = {candidate.item for candidate in self.chosen}
        result = []
        for candidate in self.ordered:
            if candidate.item not in chosen:
                result.append(
                    Line(item=candidate.item, selected=False, reason=self.out[candidate.item])
                )
                continue
            head = _("Xếp hạng %(rank)s, đạt %(score)s điểm") % {
                "rank": candidate.rank,
                "score": format_score(candidate.score or 0.0),
            }
            result.append(
                Line(
                    item=candidate.item,
                    selected=True,
                    prize=self.prize.get(candidate.item, ""),
                    top=candidate.item in self.top,
                    reason="; ".join([head, *self.notes.get(candidate.item, [])]) + ".",
                )
            )
        return result


@dataclass
class _Scan:
    chosen: list[Candidate] = field(default_factory=list)
    out: dict[int, str] = field(default_factory=dict)
    cut_by_quota: list[Candidate] = field(default_factory=list)


def _quota_reason(candidate: Candidate, quota_max: int, chosen: int) -> str:
    if chosen >= quota_max:
        return _("Ngoài số lượng đề xuất tối đa %(max)s (xếp hạng %(rank)s).") % {
            "max": quota_max,
            "rank": candidate.rank,
        }
    return _(
        "Các suất còn lại trong số lượng đề xuất tối đa %(max)s dành cho sáng kiến "
        "được chọn để đủ tối thiểu (xếp hạng %(rank)s)."
    ) % {"max": quota_max, "rank": candidate.rank}


def _by_key(groups: Mapping[int, _Group]) -> list[_Group]:
    return [groups[key] for key in sorted(groups)]


def _full(group: _Group, count: int) -> bool:
    maximum = group.limit.maximum
    return maximum is not None and count >= maximum


def _value_key(candidate: Candidate) -> tuple[bool, int, float, tuple[int, str, int]]:
    # Highest value first, unknown value last; then the higher score, then the better rank.
    value = candidate.benefit_value
    return (value is None, -(value or 0), -(candidate.score or 0.0), order_key(candidate))


@dataclass
class _Person:
    person: int
    name: str
    consented: bool
    items: list[Candidate]

    def strength(self) -> tuple[int, tuple[int, str, int], int]:
        return (-len(self.items), order_key(self.items[0]), self.person)


def _media(selected: Sequence[Candidate], rules: Rules, problems: list[str]) -> list[MediaPick]:
    """Authors of selected initiatives to suggest for media stories: one per field first,
    strongest first, so the stories show the breadth of the movement."""
    people: dict[int, _Person] = {}
    for candidate in selected:
        for author in candidate.authors:
            entry = people.setdefault(
                author.person, _Person(author.person, author.name, author.consented, [])
            )
            # Consent belongs to the person; one record without it is enough to hold back.
            entry.consented = entry.consented and author.consented
            if all(mine.item != candidate.item for mine in entry.items):
                entry.items.append(candidate)
    pool = sorted((p for p in people.values() if p.consented), key=_Person.strength)
    withheld = [p for p in people.values() if not p.consented]
    leads: dict[int, _Person] = {}
    for person in pool:
        leads.setdefault(person.items[0].field, person)
    picks = list(leads.values())[: max(rules.media_max, 0)]
    field_leads = {person.person for person in picks}
    wanted = min(rules.media_min, rules.media_max)
    for person in pool:
        if len(picks) >= wanted:
            break
        if all(pick.person != person.person for pick in picks):
            picks.append(person)
    media = [
        _media_pick(person, lead=person.person in field_leads, rules=rules) for person in picks
    ]
    if len(media) < rules.media_min:
        message = _("Chỉ chọn được %(n)s người để tuyên truyền, chưa đủ tối thiểu %(min)s") % {
            "n": len(media),
            "min": rules.media_min,
        }
        if withheld:
            message += _("; %(n)s tác giả chưa đồng ý cho tuyên truyền") % {"n": len(withheld)}
        problems.append(message + ".")
    covered = {pick.field for pick in media}
    if len(covered) < rules.media_min_fields:
        message = _(
            "Những người được chọn để tuyên truyền chỉ thuộc %(n)s lĩnh vực, "
            "chưa đủ tối thiểu %(min)s lĩnh vực"
        ) % {"n": len(covered), "min": rules.media_min_fields}
        elsewhere = [p for p in withheld if p.items[0].field not in covered]
        if elsewhere:
            message += _("; %(n)s tác giả ở lĩnh vực khác chưa đồng ý cho tuyên truyền") % {
                "n": len(elsewhere)
            }
        problems.append(message + ".")
    return media


def _media_pick(person: _Person, *, lead: bool, rules: Rules) -> MediaPick:
    best = person.items[0]
    reason = _("Tác giả của %(n)s sáng kiến được đề xuất, cao nhất xếp hạng %(rank)s") % {
        "n": len(person.items),
        "rank": best.rank,
    }
    if lead:
        reason += _("; tiêu biểu cho lĩnh vực “%(field)s”") % {"field": best.field_name}
    else:
        reason += _("; chọn thêm cho đủ %(min)s người") % {"min": rules.media_min}
    return MediaPick(
        person=person.person,
        name=person.name,
        field=best.field,
        field_name=best.field_name,
        items=tuple(candidate.item for candidate in person.items),
        reason=reason + ".",
    )
