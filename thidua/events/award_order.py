"""The award order (thứ tự trao thưởng): in what order honourees come on stage, in batches of
as many as the stage holds, each batch with the words the master of ceremonies reads and the
leader who presents it. Pure functions over plain rows (honourees.stage_rows() builds them), so
the rules are tested without a database.

The rules:
- Those who declined the invitation are not called; the one sent in their place is called with
  the honouree's name and "(… nhận thay)". Everyone else is called, answered or not.
- Honourees are sorted by the keys the organiser chose, in that order (enums.OrderKey):
  the award (the higher body's award first; at one level, the catalogue's higher form first),
  the category (the honouree group's order, as the cycle lists its categories), the rank (the
  prize won, then the order of the decision and of its line), the unit, the name (Vietnamese
  order: given name first). Ties keep the decision's order.
- They are cut into batches of `stage_size`; batch N is presented by presenter line N (none:
  the MC names the presenter on the day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.common.vietnamese import fold
from thidua.events.enums import OrderKey, Rsvp

MAX_STAGE = 50


def award_rank(issuer_tier: int, catalogue_order: int) -> tuple[int, int]:
    """The higher award first: the issuer's tier (0 central, 1 province, 2 upper, 3
    grassroots), then the catalogue's order reversed (awards.catalogue lists each level's
    titles and forms from the lower to the higher: Giấy khen, then Bằng khen, …)."""
    return (int(issuer_tier), -int(catalogue_order))


@dataclass(frozen=True)
class Honouree:
    """One honouree as the award order sees them."""

    pk: int
    name: str
    sort_key: str
    position: str
    unit_name: str
    award_name: str
    award_rank: tuple[int, int]
    group_name: str
    group_rank: int
    line_rank: tuple[int, ...]  # prize, decision, line
    citation: str
    rsvp: str = Rsvp.PENDING.value
    substitute: str = ""  # "Name, position" of the one sent in their place
    present: bool = False

    @property
    def declined(self) -> bool:
        return self.rsvp == Rsvp.DECLINED

    @property
    def called_as(self) -> str:
        """The name the MC reads: the honouree's, with the substitute's after it."""
        if self.substitute:
            return _("%(name)s (%(substitute)s nhận thay)") % {
                "name": self.name,
                "substitute": self.substitute,
            }
        return self.name

    @property
    def where(self) -> str:
        return ", ".join(part for part in (self.position, self.unit_name) if part)


def clean_keys(keys: Sequence[Any]) -> list[str]:
    """The organiser's keys checked: known keys (enums.OrderKey), each once, at least one."""
    known = set(OrderKey.values)
    cleaned: list[str] = []
    for key in keys:
        if not isinstance(key, str) or key not in known:
            raise ValidationError(
                {"award_order": _("“%(key)s” không phải tiêu chí sắp xếp.") % {"key": key}}
            )
        if key in cleaned:
            raise ValidationError({"award_order": _("Mỗi tiêu chí sắp xếp chỉ chọn một lần.")})
        cleaned.append(key)
    if not cleaned:
        raise ValidationError({"award_order": _("Hãy chọn ít nhất một tiêu chí sắp xếp.")})
    return cleaned


def clean_stage_size(size: Any) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_STAGE:
        raise ValidationError(
            {"stage_size": _("Mỗi lượt từ 1 đến %(most)s người.") % {"most": MAX_STAGE}}
        )
    return size


def _key(row: Honouree, key: str) -> tuple[Any, ...]:
    if key == OrderKey.AWARD:
        return (row.award_rank, row.award_name)
    if key == OrderKey.CATEGORY:
        return (row.group_rank, row.group_name)
    if key == OrderKey.RANK:
        return row.line_rank
    if key == OrderKey.UNIT:
        return (fold(row.unit_name),)
    return (row.sort_key,)


def sort_honourees(rows: Sequence[Honouree], keys: Sequence[str]) -> list[Honouree]:
    """`rows` in the order of `keys`; ties in the decision's order (group, rank), then name."""
    return sorted(
        rows,
        key=lambda row: (
            *(_key(row, key) for key in keys),
            (row.group_rank,),
            row.line_rank,
            (row.sort_key, row.pk),
        ),
    )


@dataclass(frozen=True)
class Called:
    number: int  # from 1, across the whole ceremony
    honouree: Honouree


@dataclass(frozen=True)
class Batch:
    number: int
    presenter: str
    people: list[Called]

    @property
    def awards(self) -> list[str]:
        return list(dict.fromkeys(c.honouree.award_name for c in self.people))

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(c.honouree.group_name for c in self.people))

    @property
    def heading(self) -> str:
        """ "Lượt 1: Giấy khen của Liên đoàn Lao động huyện An Lão — nhóm Lao động giỏi tiêu
        biểu năm 2023"."""
        groups = "; ".join(_("nhóm %(name)s") % {"name": name} for name in self.groups)
        return _("Lượt %(number)s: %(awards)s — %(groups)s") % {
            "number": self.number,
            "awards": "; ".join(self.awards),
            "groups": groups,
        }

    @property
    def call(self) -> str:
        """What the MC says to call them up."""
        return _(
            "Xin trân trọng kính mời các đồng chí có tên sau đây lên sân khấu nhận %(awards)s:"
        ) % {"awards": "; ".join(self.awards)}

    @property
    def presenter_call(self) -> str:
        if not self.presenter:
            return _("Trân trọng kính mời đồng chí … lên trao thưởng (người dẫn giới thiệu).")
        return _("Trân trọng kính mời đồng chí %(presenter)s lên trao thưởng.") % {
            "presenter": self.presenter
        }


@dataclass(frozen=True)
class Order:
    batches: list[Batch]
    declined: list[Honouree]  # not called

    @property
    def count(self) -> int:
        return sum(len(batch.people) for batch in self.batches)


def batches(
    rows: Sequence[Honouree],
    stage_size: int,
    presenters: Sequence[str],
    *,
    by_award: bool = False,
) -> list[Batch]:
    """`rows` (already sorted) cut into batches of at most `stage_size`; with `by_award`, a new
    batch also starts where the form of award changes (one form per call: the MC names it, a
    presenter of that level hands it over). Batch N gets presenter N."""
    size = max(1, stage_size)
    runs: list[list[Honouree]] = []
    for row in rows:
        last = runs[-1] if runs else None
        if (
            last is None
            or len(last) >= size
            or (by_award and last[-1].award_name != row.award_name)
        ):
            runs.append([row])
        else:
            last.append(row)
    result = []
    called = 0
    for number, run in enumerate(runs, start=1):
        people = []
        for row in run:
            called += 1
            people.append(Called(number=called, honouree=row))
        result.append(
            Batch(
                number=number,
                presenter=presenters[number - 1] if number <= len(presenters) else "",
                people=people,
            )
        )
    return result


def build(
    rows: Sequence[Honouree], *, keys: Sequence[str], stage_size: int, presenters: Sequence[str]
) -> Order:
    """The award order: those who did not decline, sorted by `keys` and cut into batches; the
    declined listed apart (in the same order)."""
    ordered = sort_honourees(rows, [key for key in keys if key in OrderKey.values])
    return Order(
        batches=batches(
            [r for r in ordered if not r.declined],
            stage_size,
            presenters,
            by_award=bool(keys) and keys[0] == OrderKey.AWARD,
        ),
        declined=[r for r in ordered if r.declined],
    )
