"""The award order's rules, on plain rows (no database): higher awards first, then the cycle's
order of categories, then the rank; those who declined are not called, a substitute is called
with the honouree's name; batches as large as the stage, each with its presenter."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from thidua.common.vietnamese import name_sort_key
from thidua.events import award_order
from thidua.events.award_order import Honouree, award_rank

GIAY_KHEN_HUYEN = ("Giấy khen của Liên đoàn Lao động huyện An Lão", award_rank(2, 6))
BANG_KHEN_TP = ("Bằng khen của Liên đoàn Lao động thành phố Hải Phòng", award_rank(1, 7))
BANG_KHEN_TLD = ("Bằng khen của Tổng Liên đoàn Lao động Việt Nam", award_rank(0, 8))
LDG = ("Lao động giỏi tiêu biểu năm 2023", 2)
CBCD = ("Cán bộ công đoàn tiêu biểu năm 2023", 3)
CONTEST = ("Đoàn viên đạt giải cấp thành phố", 1)


def row(
    pk: int,
    name: str,
    *,
    award: tuple[str, tuple[int, int]] = GIAY_KHEN_HUYEN,
    group: tuple[str, int] = LDG,
    line: tuple[int, ...] = (9, 0, 0),
    unit: str = "",
    rsvp: str = "pending",
    substitute: str = "",
) -> Honouree:
    return Honouree(
        pk=pk,
        name=name,
        sort_key=name_sort_key(name),
        position="Công nhân",
        unit_name=unit,
        award_name=award[0],
        award_rank=award[1],
        group_name=group[0],
        group_rank=group[1],
        line_rank=line,
        citation=f"Đồng chí {name}.",
        rsvp=rsvp,
        substitute=substitute,
    )


def names(rows: list[Honouree]) -> list[str]:
    return [r.name for r in rows]


def test_the_higher_bodys_award_comes_first():
    rows = [
        row(1, "Bùi Văn Toàn", award=GIAY_KHEN_HUYEN),
        row(2, "Lê Văn Hùng", award=BANG_KHEN_TP),
        row(3, "Ngô Thị Chi", award=BANG_KHEN_TLD),
    ]

    ordered = award_order.sort_honourees(rows, ["award"])

    assert names(ordered) == ["Ngô Thị Chi", "Lê Văn Hùng", "Bùi Văn Toàn"]


def test_at_one_level_the_catalogues_higher_form_comes_first():
    # The catalogue lists a level's forms from the lower to the higher.
    assert award_rank(0, 9) < award_rank(0, 8)  # Bằng LĐST before Bằng khen của TLĐ
    assert award_rank(1, 7) < award_rank(2, 6)  # the province's before the district's


def test_within_an_award_groups_follow_the_cycles_order_of_categories():
    rows = [
        row(1, "Phạm Thị Nga", group=CBCD),
        row(2, "Bùi Văn Toàn", group=LDG),
        row(3, "Trần Văn Bình", group=CONTEST),
    ]

    ordered = award_order.sort_honourees(rows, ["award", "category", "rank"])

    assert names(ordered) == ["Trần Văn Bình", "Bùi Văn Toàn", "Phạm Thị Nga"]


def test_the_rank_puts_a_first_prize_before_a_second_then_the_decisions_order():
    rows = [
        row(1, "Nguyễn Thị Lan", line=(2, 0, 1)),  # Giải Nhì, first line
        row(2, "Bùi Văn Toàn", line=(1, 0, 2)),  # Giải Nhất, second line
        row(3, "Đỗ Văn An", line=(9, 0, 3)),  # no prize, third line
        row(4, "Lê Thị Mai", line=(9, 0, 4)),
    ]

    ordered = award_order.sort_honourees(rows, ["rank"])

    assert names(ordered) == ["Bùi Văn Toàn", "Nguyễn Thị Lan", "Đỗ Văn An", "Lê Thị Mai"]


def test_unit_then_name_sorts_by_workplace_then_given_name():
    rows = [
        row(1, "Trần Văn Bình", unit="Trường THPT An Lão"),
        row(2, "Nguyễn Thị Lan", unit="Công ty Cơ khí"),
        row(3, "Bùi Văn An", unit="Trường THPT An Lão"),
    ]

    ordered = award_order.sort_honourees(rows, ["unit", "name"])

    assert names(ordered) == ["Nguyễn Thị Lan", "Bùi Văn An", "Trần Văn Bình"]


def test_ties_keep_the_decisions_order():
    rows = [row(1, "Vũ Văn Ba", line=(9, 0, 2)), row(2, "An Văn Bốn", line=(9, 0, 1))]

    assert names(award_order.sort_honourees(rows, ["award"])) == ["An Văn Bốn", "Vũ Văn Ba"]


def test_those_who_declined_are_not_called_and_a_substitute_is_called_with_the_honouree():
    rows = [
        row(1, "Bùi Văn Toàn", line=(9, 0, 1), rsvp="declined"),
        row(2, "Nguyễn Thị Lan", line=(9, 0, 2), rsvp="substitute",
            substitute="Lê Văn Nam, Phó Giám đốc"),
        row(3, "Trần Văn Bình", line=(9, 0, 3), rsvp="accepted"),
    ]  # fmt: skip

    order = award_order.build(rows, keys=["rank"], stage_size=10, presenters=[])

    called = [c.honouree.called_as for c in order.batches[0].people]
    assert called == ["Nguyễn Thị Lan (Lê Văn Nam, Phó Giám đốc nhận thay)", "Trần Văn Bình"]
    assert names(order.declined) == ["Bùi Văn Toàn"]
    assert order.count == 2


def test_batches_hold_as_many_as_the_stage_and_batch_n_gets_presenter_n():
    rows = [row(i, f"Người {i}", line=(9, 0, i)) for i in range(1, 8)]

    order = award_order.build(
        rows, keys=["rank"], stage_size=3, presenters=["Phạm Thị Nga", "Đỗ Văn Thành"]
    )

    assert [len(b.people) for b in order.batches] == [3, 3, 1]
    assert [b.presenter for b in order.batches] == ["Phạm Thị Nga", "Đỗ Văn Thành", ""]
    assert [c.number for c in order.batches[1].people] == [4, 5, 6]
    assert "đồng chí Phạm Thị Nga lên trao thưởng" in order.batches[0].presenter_call
    assert "…" in order.batches[2].presenter_call


def test_with_the_award_first_each_call_hands_over_one_form_of_award():
    rows = [row(1, "Trần Văn Bình", award=BANG_KHEN_TP)] + [
        row(i, f"Người {i}", line=(9, 0, i)) for i in range(2, 5)
    ]

    split = award_order.build(rows, keys=["award", "rank"], stage_size=3, presenters=[])
    mixed = award_order.build(rows, keys=["rank", "award"], stage_size=3, presenters=[])

    assert [[c.honouree.name for c in b.people] for b in split.batches] == [
        ["Trần Văn Bình"],
        ["Người 2", "Người 3", "Người 4"],
    ]
    assert [c.number for b in split.batches for c in b.people] == [1, 2, 3, 4]
    assert [len(b.people) for b in mixed.batches] == [3, 1]  # the stage size alone


def test_a_batch_heading_names_the_award_and_the_groups_the_mc_reads():
    rows = [row(1, "Trần Văn Bình", group=CONTEST), row(2, "Bùi Văn Toàn", group=LDG)]

    batch = award_order.build(rows, keys=["category"], stage_size=5, presenters=[]).batches[0]

    assert batch.heading == (
        "Lượt 1: Giấy khen của Liên đoàn Lao động huyện An Lão — nhóm Đoàn viên đạt giải cấp "
        "thành phố; nhóm Lao động giỏi tiêu biểu năm 2023"
    )
    assert batch.call.endswith("nhận Giấy khen của Liên đoàn Lao động huyện An Lão:")


@pytest.mark.parametrize("keys", [[], ["award", "award"], ["award", "height"], [None]], ids=str)
def test_order_keys_are_known_keys_each_once(keys):
    with pytest.raises(ValidationError):
        award_order.clean_keys(keys)


@pytest.mark.parametrize("size", [0, 51, "5", True, None])
def test_the_stage_holds_one_to_fifty(size):
    with pytest.raises(ValidationError, match="từ 1 đến 50"):
        award_order.clean_stage_size(size)
