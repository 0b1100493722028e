"""Automatic reviewer assignment: hard rules (conflicts, caps) never bend; coverage, then
balance, then expertise are as good as the council allows."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import replace
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.reviews.assignment import (
    CONFLICT_AUTHOR,
    CONFLICT_DECLARED,
    CONFLICT_SAME_UNION,
    Item,
    Plan,
    Reviewer,
    Shortfall,
    auto_assign,
    conflict,
    conflict_kind,
    expertise_penalty,
)

NO_DECLARATIONS: frozenset[tuple[int, int]] = frozenset()


def member(reviewer_id: int, **changes) -> Reviewer:
    """A council member who shares nothing with any test item unless told."""
    plain = Reviewer(
        id=reviewer_id, person=1000 + reviewer_id, unions=frozenset({1000 + reviewer_id})
    )
    return replace(plain, **changes)


def initiative(item_id: int, **changes) -> Item:
    plain = Item(
        id=item_id,
        field=1,
        unions=frozenset({2000 + item_id}),
        authors=frozenset({3000 + item_id}),
    )
    return replace(plain, **changes)


def load_spread(plan: Plan) -> int:
    return max(plan.loads.values()) - min(plan.loads.values())


# --- conflicts of interest ---------------------------------------------------------------


def test_conflict_author_is_the_reason_for_an_author():
    reviewer = member(1, person=7)
    item = initiative(10, authors=frozenset({7, 8}))

    assert conflict(reviewer, item, declared=NO_DECLARATIONS) == "Là tác giả hoặc đồng tác giả"
    assert conflict_kind(reviewer, item, declared=NO_DECLARATIONS) == CONFLICT_AUTHOR


def test_conflict_same_union_is_the_reason_for_a_member_of_an_authors_union():
    reviewer = member(1, unions=frozenset({5, 6}))
    item = initiative(10, unions=frozenset({6}))

    assert conflict(reviewer, item, declared=NO_DECLARATIONS) == "Cùng công đoàn cơ sở với tác giả"
    assert conflict_kind(reviewer, item, declared=NO_DECLARATIONS) == CONFLICT_SAME_UNION


def test_conflict_declared_is_the_reason_for_a_confirmed_declaration():
    reviewer = member(1)
    item = initiative(10)

    assert conflict(reviewer, item, declared={(1, 10)}) == "Đã khai báo xung đột lợi ích"
    assert conflict_kind(reviewer, item, declared={(1, 10)}) == CONFLICT_DECLARED


def test_conflict_authorship_is_reported_before_union_and_declaration():
    reviewer = member(1, person=7, unions=frozenset({6}))
    item = initiative(10, authors=frozenset({7}), unions=frozenset({6}))

    assert conflict_kind(reviewer, item, declared={(1, 10)}) == CONFLICT_AUTHOR


def test_conflict_is_none_for_an_unrelated_member():
    assert conflict(member(1), initiative(10), declared={(1, 11), (2, 10)}) is None


def test_conflict_member_without_a_person_is_never_an_author():
    reviewer = member(1, person=None)

    assert conflict_kind(reviewer, initiative(10), declared=NO_DECLARATIONS) is None


# --- auto_assign: examples ----------------------------------------------------------------


def test_auto_assign_gives_every_item_three_reviewers_with_even_load():
    reviewers = [member(r) for r in range(1, 8)]
    items = [initiative(i) for i in range(1, 15)]

    plan = auto_assign(items=items, reviewers=reviewers)

    assert Counter(item for item, _reviewer in plan.pairs) == dict.fromkeys(range(1, 15), 3)
    assert plan.loads == dict.fromkeys(range(1, 8), 6)
    assert plan.shortfalls == []


def test_auto_assign_never_gives_an_initiative_to_its_author_or_union():
    reviewers = [member(1, person=7), member(2, unions=frozenset({9})), member(3), member(4)]
    items = [initiative(10, authors=frozenset({7}), unions=frozenset({9}))]

    plan = auto_assign(items=items, reviewers=reviewers)

    assert plan.pairs == [(10, 3), (10, 4)]
    assert plan.shortfalls == [
        Shortfall(item=10, missing=1, reason="Chỉ có 2 thành viên không xung đột lợi ích.")
    ]


def test_auto_assign_skips_declared_conflicts():
    reviewers = [member(1), member(2)]

    plan = auto_assign(items=[initiative(10)], reviewers=reviewers, per_item=1, declared={(1, 10)})

    assert plan.pairs == [(10, 2)]


def test_auto_assign_prefers_experts_then_generalists_then_other_fields():
    reviewers = [
        member(1, fields=frozenset({2})),
        member(2),
        member(3, fields=frozenset({1})),
    ]

    plan = auto_assign(items=[initiative(10, field=1)], reviewers=reviewers, per_item=2)

    assert plan.pairs == [(10, 2), (10, 3)]


def test_auto_assign_balances_load_before_expertise():
    # Member 1 is the only expert in field 1, but six items cannot all go to one member of
    # three while the other two sit idle.
    reviewers = [member(1, fields=frozenset({1})), member(2), member(3)]
    items = [initiative(i, field=1) for i in range(1, 7)]

    plan = auto_assign(items=items, reviewers=reviewers, per_item=1)

    assert plan.loads == {1: 2, 2: 2, 3: 2}


def test_auto_assign_gives_the_expert_the_items_of_their_field_at_equal_load():
    reviewers = [member(1, fields=frozenset({1})), member(2, fields=frozenset({2}))]
    items = [initiative(10, field=2), initiative(11, field=1)]

    plan = auto_assign(items=items, reviewers=reviewers, per_item=1)

    assert plan.pairs == [(10, 2), (11, 1)]


def test_auto_assign_never_exceeds_a_cap_and_says_why_an_item_is_short():
    reviewers = [member(1, cap=1), member(2, cap=1)]
    items = [initiative(10), initiative(11)]

    plan = auto_assign(items=items, reviewers=reviewers, per_item=2)

    # One initiative fully reviewed is worth more than two half-reviewed ones.
    assert plan.pairs == [(10, 1), (10, 2)]
    assert plan.loads == {1: 1, 2: 1}
    assert plan.shortfalls == [
        Shortfall(item=11, missing=2, reason="Các thành viên phù hợp đã đủ số sáng kiến tối đa.")
    ]


def test_auto_assign_hands_an_item_over_so_no_item_is_stranded():
    # Only member 1 is free of conflict for item 11 (member 2 is its author), so item 10
    # goes to member 2 even though member 1 has the lower id.
    reviewers = [member(1, cap=1), member(2, person=50, cap=1)]
    items = [initiative(10), initiative(11, authors=frozenset({50}))]

    plan = auto_assign(items=items, reviewers=reviewers, per_item=1)

    assert plan.pairs == [(10, 2), (11, 1)]
    assert plan.shortfalls == []


def test_auto_assign_serves_the_item_of_the_members_field_when_members_run_out():
    reviewers = [member(1, fields=frozenset({2}), cap=1)]
    items = [initiative(10, field=1), initiative(11, field=2)]

    plan = auto_assign(items=items, reviewers=reviewers, per_item=1)

    assert plan.pairs == [(11, 1)]
    assert [s.item for s in plan.shortfalls] == [10]


def test_auto_assign_leaves_the_higher_id_short_when_nothing_else_decides():
    reviewers = [member(1, cap=1)]

    plan = auto_assign(items=[initiative(11), initiative(10)], reviewers=reviewers, per_item=1)

    assert plan.pairs == [(10, 1)]
    assert [s.item for s in plan.shortfalls] == [11]


def test_auto_assign_counts_existing_assignments_toward_item_and_load():
    reviewers = [member(1), member(2), member(3)]
    # Item 99 is not being assigned now, but member 1 is already reviewing it.
    existing = {10: frozenset({1, 2}), 99: frozenset({1})}

    plan = auto_assign(items=[initiative(10)], reviewers=reviewers, existing=existing)

    assert plan.pairs == [(10, 3)]
    assert plan.loads == {1: 2, 2: 1, 3: 1}


def test_auto_assign_counts_existing_assignments_toward_caps():
    reviewers = [member(1, cap=1), member(2)]

    plan = auto_assign(
        items=[initiative(10), initiative(11)],
        reviewers=reviewers,
        per_item=1,
        existing={99: frozenset({1})},
    )

    assert plan.pairs == [(10, 2), (11, 2)]


def test_auto_assign_explains_an_item_everyone_conflicts_with():
    reviewers = [member(1, unions=frozenset({5})), member(2, unions=frozenset({5}))]

    plan = auto_assign(items=[initiative(10, unions=frozenset({5}))], reviewers=reviewers)

    assert plan.shortfalls == [
        Shortfall(item=10, missing=3, reason="Tất cả thành viên đều có xung đột lợi ích.")
    ]


def test_auto_assign_without_members_explains_every_item():
    plan = auto_assign(items=[initiative(10)], reviewers=[])

    assert plan == Plan(
        pairs=[],
        shortfalls=[Shortfall(item=10, missing=3, reason="Hội đồng chưa có thành viên nào.")],
        loads={},
    )


def test_auto_assign_without_items_reports_current_loads():
    plan = auto_assign(items=[], reviewers=[member(1)], existing={99: frozenset({1})})

    assert plan == Plan(pairs=[], shortfalls=[], loads={1: 1})


def test_auto_assign_a_provincial_council_of_seven_for_a_thousand_initiatives():
    reviewers = [member(r, fields=frozenset({r % 7}) if r % 3 else frozenset()) for r in range(7)]
    items = [initiative(i, field=i % 7) for i in range(1000)]

    plan = auto_assign(items=items, reviewers=reviewers)

    assert len(plan.pairs) == 3000
    assert sorted(plan.loads.values()) == [428, 428, 428, 429, 429, 429, 429]
    assert plan.shortfalls == []


# --- auto_assign: properties over arbitrary small councils -------------------------------


SMALL_IDS = st.integers(min_value=0, max_value=7)
FIELDS = st.integers(min_value=0, max_value=3)


@st.composite
def councils(
    draw, *, caps=True, conflicts=True, existing=True, crowded=False, members=10, proposals=40
):
    """Up to 10 members and 40 initiatives sharing a few persons, unions and fields; a crowded
    council has many initiatives and members with small caps, so members run out of room."""
    per_item = draw(st.integers(min_value=1, max_value=4))
    some = st.frozensets(SMALL_IDS, max_size=2) if conflicts else st.just(frozenset())
    person = (st.none() | SMALL_IDS) if conflicts else st.none()
    cap = (st.none() | st.integers(min_value=0, max_value=15)) if caps else st.none()
    if crowded:
        cap = st.integers(min_value=0, max_value=8)
    members = draw(
        st.lists(
            st.tuples(person, some, st.frozensets(FIELDS, max_size=2), cap),
            min_size=4 if crowded else 0,
            max_size=members,
        )
    )
    reviewers = [
        Reviewer(id=r, person=p, unions=u, fields=f, cap=c)
        for r, (p, u, f, c) in enumerate(members, start=1)
    ]
    proposals = draw(
        st.lists(st.tuples(FIELDS, some, some), min_size=20 if crowded else 0, max_size=proposals)
    )
    items = [
        Item(id=i, field=f, unions=u, authors=a) for i, (f, u, a) in enumerate(proposals, start=100)
    ]
    ids = [r.id for r in reviewers]
    item_ids = [i.id for i in items]
    current: dict[int, frozenset[int]] = {}
    declared: frozenset[tuple[int, int]] = frozenset()
    if ids and items:
        if existing:
            on = st.frozensets(st.sampled_from(ids), min_size=1, max_size=per_item)
            current = draw(st.dictionaries(st.sampled_from(item_ids), on, max_size=15))
        if conflicts:
            pairs = st.tuples(st.sampled_from(ids), st.sampled_from(item_ids))
            declared = draw(st.frozensets(pairs, max_size=10))
    return {
        "items": items,
        "reviewers": reviewers,
        "per_item": per_item,
        "existing": current,
        "declared": declared,
    }


Node = tuple[str, int]


def max_coverage(council) -> int:
    """The most new pairs any plan could make: a textbook max flow, source -> item (what it
    still needs) -> reviewer (one, if allowed) -> sink (the reviewer's remaining room)."""
    per_item, existing, declared = council["per_item"], council["existing"], council["declared"]
    items, reviewers = council["items"], council["reviewers"]
    load = Counter(r for ids in existing.values() for r in ids)
    source: Node = ("source", 0)
    sink: Node = ("sink", 0)
    capacity: dict[Node, dict[Node, int]] = {source: {}, sink: {}}

    def edge(tail: Node, head: Node, amount: int) -> None:
        capacity.setdefault(tail, {})[head] = amount
        capacity.setdefault(head, {}).setdefault(tail, 0)

    for i in items:
        edge(source, ("item", i.id), max(per_item - len(existing.get(i.id, ())), 0))
        for r in reviewers:
            if r.id not in existing.get(i.id, ()) and conflict(r, i, declared=declared) is None:
                edge(("item", i.id), ("reviewer", r.id), 1)
    for r in reviewers:
        room = per_item * len(items) if r.cap is None else max(r.cap - load[r.id], 0)
        edge(("reviewer", r.id), sink, room)

    flow = 0
    while True:
        parent: dict[Node, Node] = {source: source}
        queue = deque([source])
        while queue and sink not in parent:
            node = queue.popleft()
            for head, left in capacity[node].items():
                if left > 0 and head not in parent:
                    parent[head] = node
                    queue.append(head)
        if sink not in parent:
            return flow
        node = sink
        while node != source:
            capacity[parent[node]][node] -= 1
            capacity[node][parent[node]] += 1
            node = parent[node]
        flow += 1


@settings(max_examples=150, deadline=None)
@given(councils())
def test_auto_assign_never_makes_a_conflicted_or_repeated_pair(council):
    plan = auto_assign(**council)

    by_id = {r.id: r for r in council["reviewers"]}
    items = {i.id: i for i in council["items"]}
    assert [
        pair
        for pair in plan.pairs
        if conflict(by_id[pair[1]], items[pair[0]], declared=council["declared"]) is not None
    ] == []
    assert len(set(plan.pairs)) == len(plan.pairs)
    assert [pair for pair in plan.pairs if pair[1] in council["existing"].get(pair[0], ())] == []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_auto_assign_never_exceeds_a_cap_or_per_item(council):
    plan = auto_assign(**council)

    before = Counter(r for ids in council["existing"].values() for r in ids)
    after = before + Counter(r for _item, r in plan.pairs)
    assert plan.loads == {r.id: after[r.id] for r in council["reviewers"]}
    assert [r.id for r in council["reviewers"] if r.cap is not None and after[r.id] > r.cap] == [
        r.id for r in council["reviewers"] if r.cap is not None and before[r.id] > r.cap
    ]
    per_item = Counter(item for item, _r in plan.pairs)
    assert [
        i.id
        for i in council["items"]
        if per_item[i.id] + len(council["existing"].get(i.id, ())) > council["per_item"]
    ] == []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_auto_assign_explains_exactly_the_items_left_short(council):
    plan = auto_assign(**council)

    given_now = Counter(item for item, _r in plan.pairs)
    gaps = {
        i.id: council["per_item"] - given_now[i.id] - len(council["existing"].get(i.id, ()))
        for i in council["items"]
    }
    assert {s.item: s.missing for s in plan.shortfalls} == {
        item: gap for item, gap in gaps.items() if gap > 0
    }
    assert all(s.reason for s in plan.shortfalls)


@settings(max_examples=150, deadline=None)
@given(councils())
def test_auto_assign_makes_as_many_pairs_as_any_plan_could(council):
    plan = auto_assign(**council)

    assert len(plan.pairs) == max_coverage(council)


@settings(max_examples=100, deadline=None)
@given(councils(crowded=True))
def test_auto_assign_makes_as_many_pairs_as_any_plan_could_when_members_run_out(council):
    plan = auto_assign(**council)

    assert len(plan.pairs) == max_coverage(council)


@settings(max_examples=150, deadline=None)
@given(councils(caps=False, conflicts=False, existing=False))
def test_auto_assign_without_caps_or_conflicts_serves_all_evenly(council):
    plan = auto_assign(**council)

    if len(council["reviewers"]) >= council["per_item"]:
        assert Counter(item for item, _r in plan.pairs) == {
            i.id: council["per_item"] for i in council["items"]
        }
        if council["reviewers"]:
            assert load_spread(plan) <= 1


@settings(max_examples=150, deadline=None)
@given(councils(existing=False))
def test_auto_assign_no_swap_between_two_items_improves_expertise(council):
    # Swapping reviewers between two items keeps every load, so if it were allowed and
    # lowered the expertise penalty, the plan would not be the best at its balance.
    plan = auto_assign(**council)

    by_id = {r.id: r for r in council["reviewers"]}
    items = {i.id: i for i in council["items"]}
    on = set(plan.pairs)

    def fits(item_id: int, reviewer_id: int) -> bool:
        free = conflict(by_id[reviewer_id], items[item_id], declared=council["declared"]) is None
        return free and (item_id, reviewer_id) not in on

    def cost(item_id: int, reviewer_id: int) -> int:
        return expertise_penalty(by_id[reviewer_id], items[item_id])

    improving = [
        (first, second)
        for first in plan.pairs
        for second in plan.pairs
        if first[0] != second[0]
        and first[1] != second[1]
        and fits(first[0], second[1])
        and fits(second[0], first[1])
        and cost(first[0], second[1]) + cost(second[0], first[1]) < cost(*first) + cost(*second)
    ]
    assert improving == []


def plan_cost(pairs, council) -> tuple[int, int, int]:
    """What the goals rank, best lowest: more pairs, then even load, then expertise."""
    by_id = {r.id: r for r in council["reviewers"]}
    items = {i.id: i for i in council["items"]}
    load = Counter(r for ids in council["existing"].values() for r in ids if r in by_id)
    load.update(r for _item, r in pairs)
    return (
        -len(pairs),
        sum(n * n for n in load.values()),
        sum(expertise_penalty(by_id[r], items[i]) for i, r in pairs),
    )


def best_cost_by_trying_every_plan(council) -> tuple[int, int, int]:
    by_id = {r.id: r for r in council["reviewers"]}
    existing = council["existing"]
    before = Counter(r for ids in existing.values() for r in ids)
    allowed = [
        (i.id, r.id)
        for i in council["items"]
        for r in council["reviewers"]
        if r.id not in existing.get(i.id, ())
        and conflict(r, i, declared=council["declared"]) is None
    ]
    costs = []
    for size in range(len(allowed) + 1):
        for pairs in combinations(allowed, size):
            per_item = Counter(i for i, _r in pairs) + Counter(
                {i: len(ids) for i, ids in existing.items()}
            )
            loads = before + Counter(r for _i, r in pairs)
            if any(per_item[i] > council["per_item"] for i, _r in pairs):
                continue
            if any(by_id[r].cap is not None and loads[r] > by_id[r].cap for _i, r in pairs):
                continue
            costs.append(plan_cost(pairs, council))
    return min(costs)


@settings(max_examples=100, deadline=None)
@given(councils(members=3, proposals=4))
def test_auto_assign_is_the_best_plan_by_coverage_then_balance_then_expertise(council):
    plan = auto_assign(**council)

    assert plan_cost(plan.pairs, council) == best_cost_by_trying_every_plan(council)


@settings(max_examples=100, deadline=None)
@given(councils())
def test_auto_assign_is_deterministic(council):
    first = auto_assign(**council)

    second = auto_assign(
        items=list(reversed(council["items"])),
        reviewers=list(reversed(council["reviewers"])),
        per_item=council["per_item"],
        existing=dict(council["existing"]),
        declared=set(council["declared"]),
    )

    assert first == second
