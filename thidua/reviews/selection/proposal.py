"""Proposing a slate: the builder that reserves minimums, fills the quota and awards prizes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thidua.common.vietnamese import money
from thidua.reviews.selection.media import _media
from thidua.reviews.selection.model import (
    PRIZES,
    Candidate,
    Limit,
    Line,
    Rules,
    Slate,
    format_score,
    join_codes,
    order_key,
    prize_label,
)


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
