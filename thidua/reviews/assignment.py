"""Automatic assignment of council members (reviewers) to initiatives.

Pure functions, no database: the views load members, initiatives, active assignments and
declared conflicts, call `auto_assign`, then store `Plan.pairs` and show `Plan.shortfalls`.

The assignment is a min-cost flow (as HotCRP does it): every initiative asks for `per_item`
reviewers, every member can take up to `cap`. Successive shortest paths give, in this order:
no conflict and no cap exceeded (hard rules), as many assignments as the council can give,
the most even load (a member's n-th assignment costs more than the (n-1)-th, so piling work on
one member is always dearer than spreading it), and only then expertise. Ties go to the lower
id. The council has a handful of members, so paths are searched over members only;
initiatives appear as the "moves" that let one member hand an initiative to another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from django.utils.translation import gettext as _

CONFLICT_AUTHOR = "author"
CONFLICT_SAME_UNION = "same_union"
CONFLICT_DECLARED = "declared"
CONFLICT_KINDS = (CONFLICT_AUTHOR, CONFLICT_SAME_UNION, CONFLICT_DECLARED)

# Expertise penalties: a member expert in the field, a generalist, a member of another field.
PENALTY_EXPERT = 0
PENALTY_GENERALIST = 1
PENALTY_OTHER_FIELD = 2

_EMPTY_EXISTING: Mapping[int, AbstractSet[int]] = MappingProxyType({})


@dataclass(frozen=True)
class Reviewer:
    id: int
    person: int | None
    unions: frozenset[int]
    fields: frozenset[int] = frozenset()
    cap: int | None = None


@dataclass(frozen=True)
class Item:
    id: int
    field: int
    unions: frozenset[int]
    authors: frozenset[int]


@dataclass(frozen=True)
class Shortfall:
    item: int
    missing: int
    reason: str


@dataclass(frozen=True)
class Plan:
    pairs: list[tuple[int, int]]
    shortfalls: list[Shortfall]
    loads: dict[int, int]


def conflict_kind(
    reviewer: Reviewer, item: Item, *, declared: AbstractSet[tuple[int, int]]
) -> str | None:
    """The kind of conflict of interest (one of CONFLICT_KINDS), or None.

    Authorship is reported before a shared union because it is the graver reason, and both
    before a declaration because they hold whether or not the member declared them."""
    if reviewer.person is not None and reviewer.person in item.authors:
        return CONFLICT_AUTHOR
    if reviewer.unions & item.unions:
        return CONFLICT_SAME_UNION
    if (reviewer.id, item.id) in declared:
        return CONFLICT_DECLARED
    return None


def conflict_label(kind: str) -> str:
    labels = {
        CONFLICT_AUTHOR: _("Là tác giả hoặc đồng tác giả"),
        CONFLICT_SAME_UNION: _("Cùng công đoàn cơ sở với tác giả"),
        CONFLICT_DECLARED: _("Đã khai báo xung đột lợi ích"),
    }
    return labels[kind]


def conflict(
    reviewer: Reviewer, item: Item, *, declared: AbstractSet[tuple[int, int]]
) -> str | None:
    """Why `reviewer` must not review `item` (Vietnamese), or None when they may."""
    kind = conflict_kind(reviewer, item, declared=declared)
    return None if kind is None else conflict_label(kind)


def expertise_penalty(reviewer: Reviewer, item: Item) -> int:
    if item.field in reviewer.fields:
        return PENALTY_EXPERT
    if not reviewer.fields:
        return PENALTY_GENERALIST
    return PENALTY_OTHER_FIELD


def auto_assign(
    *,
    items: Sequence[Item],
    reviewers: Sequence[Reviewer],
    per_item: int = 3,
    existing: Mapping[int, AbstractSet[int]] = _EMPTY_EXISTING,
    declared: AbstractSet[tuple[int, int]] = frozenset(),
) -> Plan:
    """New (item, reviewer) pairs so that each item has `per_item` active reviewers.

    `existing` maps item id -> reviewer ids already actively assigned, for any item of the
    council (not only `items`): they count toward the item's `per_item` and the member's load
    and cap, and are never repeated. Items that cannot be served in full get a Shortfall."""
    _check_unique("item", [item.id for item in items])
    _check_unique("reviewer", [reviewer.id for reviewer in reviewers])
    solver = _Solver(
        items=items,
        reviewers=reviewers,
        per_item=max(per_item, 0),
        existing=existing,
        declared=declared,
    )
    solver.run()
    return Plan(
        pairs=solver.pairs(),
        shortfalls=_shortfalls(
            items=items,
            reviewers=reviewers,
            per_item=per_item,
            existing=existing,
            declared=declared,
            solver=solver,
        ),
        loads={reviewer.id: solver.load[index] for index, reviewer in enumerate(solver.reviewers)},
    )


def _check_unique(what: str, ids: Sequence[int]) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate {what} ids")


_NO_MOVE = 99  # above every real penalty difference (-2..2): "no move between these members"
_NO_ITEM = 99  # above every real penalty: "no item still waiting for this member"


class _Solver:
    """Successive shortest paths from all waiting items at once, over the members.

    State: `assigned[i]` the members newly given to item i; `waiting[a][p]` the items still
    short that member a could take at expertise penalty p, `entry[a]` the lowest such p;
    `moves[a][b][d]` the items member a could hand to member b (b free of conflict with them
    and not yet on them) at expertise change d, `cheapest[a][b]` the lowest such d. Each step
    adds one reviewer along the cheapest path, so after every step the plan is the cheapest
    one of its size and nothing ever needs undoing."""

    def __init__(
        self,
        *,
        items: Sequence[Item],
        reviewers: Sequence[Reviewer],
        per_item: int,
        existing: Mapping[int, AbstractSet[int]],
        declared: AbstractSet[tuple[int, int]],
    ) -> None:
        self.items = sorted(items, key=lambda item: item.id)
        self.reviewers = sorted(reviewers, key=lambda reviewer: reviewer.id)
        size = len(self.reviewers)
        index_of = {reviewer.id: index for index, reviewer in enumerate(self.reviewers)}
        self.load = [0] * size
        for reviewer_ids in existing.values():
            for reviewer_id in reviewer_ids:
                if reviewer_id in index_of:
                    self.load[index_of[reviewer_id]] += 1
        self.cap = [reviewer.cap for reviewer in self.reviewers]
        self.need = [max(per_item - len(existing.get(item.id, ())), 0) for item in self.items]
        # eligible[i]: member index -> expertise penalty, for members free of conflict and
        # not already on the item.
        self.eligible: list[dict[int, int]] = []
        for item in self.items:
            already = existing.get(item.id, frozenset())
            self.eligible.append(
                {
                    a: expertise_penalty(reviewer, item)
                    for a, reviewer in enumerate(self.reviewers)
                    if reviewer.id not in already
                    and conflict_kind(reviewer, item, declared=declared) is None
                }
            )
        self.assigned: list[set[int]] = [set() for _item in self.items]
        self.waiting: list[list[set[int]]] = [[set() for _p in range(3)] for _a in range(size)]
        self.entry = [_NO_ITEM] * size
        self.moves: list[list[list[set[int]]]] = [
            [[set() for _d in range(5)] for _b in range(size)] for _a in range(size)
        ]
        self.cheapest = [[_NO_MOVE] * size for _a in range(size)]
        for i, eligible in enumerate(self.eligible):
            if self.need[i] > 0:
                for a in eligible:
                    self.change_waiting(i, a, present=True)
        # Lexicographic costs: one step of load difference must outweigh any total of
        # expertise penalties, so the unit of load cost exceeds the largest such total.
        self.load_unit = PENALTY_OTHER_FIELD * sum(self.need) + 1

    def has_room(self, a: int) -> bool:
        cap = self.cap[a]
        return cap is None or self.load[a] < cap

    def run(self) -> None:
        # Stopping only when no path is left is what makes the plan as large as possible.
        while self.augment():
            pass

    def augment(self) -> bool:
        """Add one reviewer to some waiting item along the cheapest path; False if none."""
        size = len(self.reviewers)
        unreachable = 1 << 62
        dist = [unreachable if self.entry[a] == _NO_ITEM else self.entry[a] for a in range(size)]
        pred = [-1] * size
        # Bellman-Ford: moves may lower the expertise cost (negative edges), but the
        # shortest-path invariant guarantees there are no negative cycles.
        for _round in range(size):
            changed = False
            for a in range(size):
                if dist[a] == unreachable:
                    continue
                row = self.cheapest[a]
                for b in range(size):
                    step = row[b]
                    if step != _NO_MOVE and dist[a] + step < dist[b]:
                        dist[b] = dist[a] + step
                        pred[b] = a
                        changed = True
            if not changed:
                break
        best: tuple[int, int] | None = None
        for b in range(size):
            if dist[b] != unreachable and self.has_room(b):
                cost = dist[b] + self.load[b] * self.load_unit
                if best is None or cost < best[0]:
                    best = (cost, b)
        if best is None:
            return False
        path = [best[1]]
        while pred[path[-1]] != -1:
            path.append(pred[path[-1]])
            if len(path) > size:
                raise AssertionError("negative cycle in the assignment graph")
        path.reverse()
        # Choose the item and every move before applying any, so all read the same state;
        # the lowest index (id) among equals keeps the plan deterministic.
        first = path[0]
        item = min(self.waiting[first][self.entry[first]])
        hops = [(min(self.moves[a][b][self.cheapest[a][b] + 2]), a, b) for a, b in pairwise(path)]
        self.add(item, first)
        for j, a, b in hops:
            self.remove(j, a)
            self.add(j, b)
        self.need[item] -= 1
        if self.need[item] == 0:
            for a in self.eligible[item]:
                if a not in self.assigned[item]:
                    self.change_waiting(item, a, present=False)
        return True

    def add(self, j: int, a: int) -> None:
        eligible = self.eligible[j]
        self.assigned[j].add(a)
        self.load[a] += 1
        if self.need[j] > 0:
            self.change_waiting(j, a, present=False)
        for b, penalty in eligible.items():
            if b not in self.assigned[j]:
                self.change_move(a, b, penalty - eligible[a], j, present=True)
        for x in self.assigned[j]:
            if x != a:
                self.change_move(x, a, eligible[a] - eligible[x], j, present=False)

    def remove(self, j: int, a: int) -> None:
        eligible = self.eligible[j]
        self.assigned[j].discard(a)
        self.load[a] -= 1
        if self.need[j] > 0:
            self.change_waiting(j, a, present=True)
        for b, penalty in eligible.items():
            if b != a and b not in self.assigned[j]:
                self.change_move(a, b, penalty - eligible[a], j, present=False)
        for x in self.assigned[j]:
            self.change_move(x, a, eligible[a] - eligible[x], j, present=True)

    def change_waiting(self, i: int, a: int, *, present: bool) -> None:
        buckets = self.waiting[a]
        if present:
            buckets[self.eligible[i][a]].add(i)
        else:
            buckets[self.eligible[i][a]].discard(i)
        self.entry[a] = next((p for p in range(3) if buckets[p]), _NO_ITEM)

    def change_move(self, a: int, b: int, delta: int, j: int, *, present: bool) -> None:
        buckets = self.moves[a][b]
        if present:
            buckets[delta + 2].add(j)
        else:
            buckets[delta + 2].discard(j)
        self.cheapest[a][b] = next((d - 2 for d in range(5) if buckets[d]), _NO_MOVE)

    def pairs(self) -> list[tuple[int, int]]:
        return sorted(
            (self.items[i].id, self.reviewers[a].id)
            for i in range(len(self.items))
            for a in self.assigned[i]
        )

    def given(self, i: int) -> int:
        return len(self.assigned[i])


def _shortfalls(
    *,
    items: Sequence[Item],
    reviewers: Sequence[Reviewer],
    per_item: int,
    existing: Mapping[int, AbstractSet[int]],
    declared: AbstractSet[tuple[int, int]],
    solver: _Solver,
) -> list[Shortfall]:
    given = {item.id: solver.given(i) for i, item in enumerate(solver.items)}
    result: list[Shortfall] = []
    for item in sorted(items, key=lambda item: item.id):
        already = existing.get(item.id, frozenset())
        missing = per_item - len(already) - given[item.id]
        if missing <= 0:
            continue
        # Members who could ever be on this item: those without conflict, plus whoever is
        # already assigned (a conflict declared after assignment is the views' business).
        possible = {
            reviewer.id
            for reviewer in reviewers
            if conflict_kind(reviewer, item, declared=declared) is None
        } | set(already)
        if len(possible) >= per_item:
            # Enough members are free of conflict, so the ones not on it must be full.
            reason = _("Các thành viên phù hợp đã đủ số sáng kiến tối đa.")
        elif not reviewers:
            reason = _("Hội đồng chưa có thành viên nào.")
        elif not possible:
            reason = _("Tất cả thành viên đều có xung đột lợi ích.")
        else:
            reason = _("Chỉ có %(n)s thành viên không xung đột lợi ích.") % {"n": len(possible)}
        result.append(Shortfall(item=item.id, missing=missing, reason=reason))
    return result
