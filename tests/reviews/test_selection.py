"""The proposed slate: every rule the council set is met when it can be, every rule that
cannot be met is named with its numbers, and every initiative carries the reason it is in or
out."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.reviews.selection import (
    PRIZES,
    Author,
    Candidate,
    Limit,
    Line,
    MediaPick,
    PrizeTier,
    Rules,
    Slate,
    format_score,
    order_key,
    prize_label,
    propose,
    review,
)

FIELD_NAMES = {1: "Y tế", 2: "Giáo dục", 3: "Xây dựng", 4: "Cơ khí", 5: "Nông nghiệp"}
UNIT_NAMES = {1: "LĐLĐ huyện An Lão", 2: "Công đoàn ngành Y tế", 3: "LĐLĐ quận Lê Chân"}


def candidate(item: int, **changes) -> Candidate:
    """Passed, ranked by id, scored 100 - rank, in field 1 and unit 1 unless told."""
    plain = Candidate(
        item=item,
        code=f"SK-{item:04d}",
        rank=item,
        score=100.0 - item,
        passed=True,
        field=1,
        field_name=FIELD_NAMES[1],
        unit=1,
        unit_name=UNIT_NAMES[1],
    )
    field = changes.get("field", plain.field)
    unit = changes.get("unit", plain.unit)
    named = replace(
        plain, field_name=FIELD_NAMES.get(field, ""), unit_name=UNIT_NAMES.get(unit, "")
    )
    return replace(named, **changes)


def rules(**changes) -> Rules:
    """No media shortlist unless told, so other rules are seen on their own."""
    return replace(Rules(media_min=0, media_max=0, media_min_fields=0), **changes)


def selected_items(slate: Slate) -> list[int]:
    return [line.item for line in slate.lines if line.selected]


def line_of(slate: Slate, item: int) -> Line:
    return next(line for line in slate.lines if line.item == item)


def author(person: int, *, consented: bool = True) -> Author:
    return Author(person=person, name=f"Người {person}", consented=consented)


# --- labels and formats ------------------------------------------------------------------


def test_prize_label_names_each_prize():
    assert [prize_label(key) for key in PRIZES] == [
        "Giải Nhất",
        "Giải Nhì",
        "Giải Ba",
        "Giải Khuyến khích",
    ]


@pytest.mark.parametrize(
    ("value", "text"), [(87.5, "87,5"), (90.0, "90"), (87.25, "87,25"), (66.666, "66,67")]
)
def test_format_score_uses_the_vietnamese_decimal_comma(value, text):
    assert format_score(value) == text


# --- eligibility -------------------------------------------------------------------------


def test_propose_leaves_out_failed_unscored_and_below_cut_with_their_reasons():
    candidates = [
        candidate(1, passed=False, fail_reason="Tiêu chí 2 dưới mức tối thiểu."),
        candidate(2, score=None, passed=False),
        candidate(3, score=None),
        candidate(4, score=69.5),
        candidate(5, score=70.0),
    ]

    slate = propose(candidates, rules(min_score=70.0))

    assert [line.reason for line in slate.lines] == [
        "Tiêu chí 2 dưới mức tối thiểu.",
        "Chưa được chấm điểm.",
        "Chưa được chấm điểm.",
        "Dưới mức điểm đề xuất 70.",
        "Xếp hạng 5, đạt 70 điểm.",
    ]
    assert selected_items(slate) == [5]


def test_propose_gives_rank_and_score_as_the_reason_for_a_selected_line():
    slate = propose([candidate(12, score=87.5)], rules())

    assert slate.lines == [Line(item=12, selected=True, reason="Xếp hạng 12, đạt 87,5 điểm.")]


def test_propose_lists_lines_in_rank_order_whatever_the_input_order():
    candidates = [candidate(3), candidate(1), candidate(2)]

    slate = propose(candidates, rules())

    assert [line.item for line in slate.lines] == [1, 2, 3]


def test_propose_rejects_an_unknown_prize():
    with pytest.raises(ValueError, match="unknown prize"):
        propose([candidate(1)], rules(prizes=(PrizeTier(prize="vang", count=1),)))


# --- quota and limits --------------------------------------------------------------------


def test_propose_stops_at_the_quota_maximum_and_says_so():
    candidates = [candidate(i) for i in range(1, 5)]

    slate = propose(candidates, rules(quota_max=2))

    assert selected_items(slate) == [1, 2]
    assert line_of(slate, 3).reason == "Ngoài số lượng đề xuất tối đa 2 (xếp hạng 3)."
    assert slate.problems == []


def test_propose_skips_a_field_at_its_maximum_and_fills_from_below():
    candidates = [candidate(1), candidate(2), candidate(3, field=2)]

    slate = propose(candidates, rules(quota_max=2, field_limits={1: Limit(maximum=1)}))

    assert selected_items(slate) == [1, 3]
    assert line_of(slate, 2).reason == "Lĩnh vực “Y tế” đã đủ tối đa 1 sáng kiến."


def test_propose_skips_a_unit_at_its_maximum():
    candidates = [candidate(1), candidate(2), candidate(3, unit=2)]

    slate = propose(candidates, rules(unit_limits={1: Limit(maximum=1)}))

    assert selected_items(slate) == [1, 3]
    assert line_of(slate, 2).reason == "Đơn vị “LĐLĐ huyện An Lão” đã đủ tối đa 1 sáng kiến."


def test_propose_brings_in_a_lower_ranked_initiative_to_meet_a_field_minimum():
    candidates = [candidate(1), candidate(2), candidate(3), candidate(4, field=2, score=61.25)]

    slate = propose(candidates, rules(quota_max=3, field_limits={2: Limit(minimum=1)}))

    assert selected_items(slate) == [1, 2, 4]
    assert line_of(slate, 4).reason == (
        "Xếp hạng 4, đạt 61,25 điểm; được chọn để đủ tối thiểu lĩnh vực “Giáo dục”."
    )
    assert line_of(slate, 3).reason == (
        "Các suất còn lại trong số lượng đề xuất tối đa 3 dành cho sáng kiến được chọn để đủ "
        "tối thiểu (xếp hạng 3)."
    )


def test_propose_does_not_credit_the_minimum_for_initiatives_rank_alone_selects():
    candidates = [candidate(1, field=2), candidate(2)]

    slate = propose(candidates, rules(quota_max=2, field_limits={2: Limit(minimum=1)}))

    assert line_of(slate, 1).reason == "Xếp hạng 1, đạt 99 điểm."


def test_propose_reports_a_field_minimum_that_too_few_initiatives_meet():
    candidates = [candidate(i) for i in range(1, 4)] + [candidate(4, passed=False)]

    slate = propose(candidates, rules(field_limits={1: Limit(minimum=5)}))

    assert selected_items(slate) == [1, 2, 3]
    assert slate.problems == [
        "Lĩnh vực “Y tế” cần tối thiểu 5 sáng kiến nhưng chỉ có 3 sáng kiến đạt."
    ]


def test_propose_names_an_empty_field_from_the_rules():
    slate = propose(
        [candidate(1)],
        rules(field_limits={5: Limit(minimum=1)}, field_names={5: "Nông nghiệp"}),
    )

    assert slate.problems == [
        "Lĩnh vực “Nông nghiệp” cần tối thiểu 1 sáng kiến nhưng chỉ có 0 sáng kiến đạt."
    ]


def test_propose_reports_a_minimum_blocked_by_another_maximum():
    candidates = [candidate(1, field=2), candidate(2, field=2), candidate(3)]
    limits = rules(field_limits={2: Limit(minimum=2)}, unit_limits={1: Limit(maximum=1)})

    slate = propose(candidates, limits)

    assert selected_items(slate) == [1]
    assert slate.problems == [
        "Lĩnh vực “Giáo dục” cần tối thiểu 2 sáng kiến nhưng chỉ chọn được 1 trong 2 sáng kiến "
        "đạt do vướng các giới hạn tối đa khác."
    ]


def test_propose_reports_a_unit_minimum_that_cannot_be_met():
    slate = propose([candidate(1)], rules(unit_limits={2: Limit(minimum=2)}))

    assert slate.problems == [
        "Đơn vị “mã 2” cần tối thiểu 2 sáng kiến nhưng chỉ có 0 sáng kiến đạt."
    ]


def test_propose_reports_how_many_qualify_when_the_quota_minimum_cannot_be_met():
    candidates = [candidate(i) for i in range(1, 61)] + [
        candidate(i, passed=False, fail_reason="Không đạt.") for i in range(61, 81)
    ]

    slate = propose(candidates, rules(quota_min=75, quota_max=120))

    assert len(selected_items(slate)) == 60
    assert slate.problems == ["Chỉ 60 sáng kiến đạt, chưa đủ tối thiểu 75."]


def test_propose_says_when_maximums_keep_the_slate_below_the_quota_minimum():
    candidates = [candidate(i) for i in range(1, 5)]

    slate = propose(candidates, rules(quota_min=3, field_limits={1: Limit(maximum=2)}))

    assert slate.problems == [
        "Chỉ chọn được 2 sáng kiến (trong 4 sáng kiến đạt) do giới hạn tối đa theo lĩnh vực, "
        "đơn vị; chưa đủ tối thiểu 3."
    ]


def test_propose_flags_a_tie_cut_by_the_quota_for_the_council_to_decide():
    candidates = [candidate(1), candidate(2), candidate(3, rank=2), candidate(4)]

    slate = propose(candidates, rules(quota_max=2))

    assert selected_items(slate) == [1, 2]
    assert slate.problems == [
        "Sáng kiến SK-0002 và SK-0003 đồng hạng ở ranh giới số lượng; hội đồng cần quyết định."
    ]


def test_propose_keeps_quiet_about_ties_entirely_inside_the_quota():
    candidates = [candidate(1), candidate(2, rank=1), candidate(3)]

    slate = propose(candidates, rules(quota_max=2))

    assert slate.problems == []


# --- prizes and the top by value ---------------------------------------------------------


def test_propose_awards_count_tiers_in_rank_order():
    candidates = [candidate(i) for i in range(1, 8)]
    tiers = (
        PrizeTier(prize="nhat", count=1),
        PrizeTier(prize="nhi", count=2),
        PrizeTier(prize="ba", count=3),
    )

    slate = propose(candidates, rules(prizes=tiers))

    assert [line.prize for line in slate.lines] == ["nhat", "nhi", "nhi", "ba", "ba", "ba", ""]
    assert line_of(slate, 1).reason == "Xếp hạng 1, đạt 99 điểm; Giải Nhất."


def test_propose_awards_a_score_tier_until_the_first_line_below_it():
    candidates = [candidate(1, score=95), candidate(2, score=91), candidate(3, score=89)]
    tiers = (PrizeTier(prize="nhat", count=1), PrizeTier(prize="nhi", min_score=90))

    slate = propose(candidates, rules(prizes=tiers))

    assert [line.prize for line in slate.lines] == ["nhat", "nhi", ""]


def test_propose_never_awards_a_prize_to_an_initiative_left_out():
    candidates = [candidate(1, passed=False, fail_reason="Không đạt."), candidate(2)]

    slate = propose(candidates, rules(prizes=(PrizeTier(prize="nhat", count=1),)))

    assert [line.prize for line in slate.lines] == ["", "nhat"]


def test_propose_flags_a_tie_split_by_a_prize_boundary():
    candidates = [candidate(1), candidate(2, rank=1), candidate(3)]

    slate = propose(candidates, rules(prizes=(PrizeTier(prize="nhat", count=1),)))

    assert slate.problems == [
        "Sáng kiến SK-0001 và SK-0002 đồng hạng ở ranh giới Giải Nhất; hội đồng cần quyết định."
    ]


def test_propose_marks_the_top_by_value_then_score_then_rank():
    candidates = [
        candidate(1, benefit_value=None),
        candidate(2, benefit_value=500_000_000),
        candidate(3, benefit_value=1_200_000_000),
        candidate(4, benefit_value=500_000_000),
    ]

    slate = propose(candidates, rules(top_n=2))

    assert [line.item for line in slate.lines if line.top] == [2, 3]
    assert line_of(slate, 3).reason == (
        "Xếp hạng 3, đạt 97 điểm; thuộc 2 sáng kiến có giá trị làm lợi cao nhất "
        "(1.200.000.000 đồng/năm)."
    )


def test_propose_reports_too_few_initiatives_for_the_top():
    slate = propose([candidate(1, benefit_value=10)], rules(top_n=4))

    assert slate.problems == [
        "Chỉ có 1 sáng kiến được đề xuất, chưa đủ 4 sáng kiến có giá trị làm lợi cao nhất."
    ]


def test_propose_flags_a_top_initiative_without_a_value():
    slate = propose([candidate(1, benefit_value=10), candidate(2)], rules(top_n=2))

    assert slate.problems == [
        "Sáng kiến SK-0002 vào nhóm giá trị làm lợi cao nhất dù chưa có giá trị làm lợi; "
        "hội đồng cần kiểm tra."
    ]


# --- media shortlist ---------------------------------------------------------------------


def test_propose_picks_one_author_per_field_strongest_first():
    candidates = [
        candidate(1, field=1, authors=(author(10),)),
        candidate(2, field=1, authors=(author(11),)),
        candidate(3, field=2, authors=(author(12),)),
        candidate(4, field=3, authors=(author(13),)),
    ]

    slate = propose(candidates, rules(media_min=3, media_max=5, media_min_fields=3))

    assert [pick.person for pick in slate.media] == [10, 12, 13]
    assert slate.media[0] == MediaPick(
        person=10,
        name="Người 10",
        field=1,
        field_name="Y tế",
        items=(1,),
        reason="Tác giả của 1 sáng kiến được đề xuất, cao nhất xếp hạng 1; "
        "tiêu biểu cho lĩnh vực “Y tế”.",
    )
    assert slate.problems == []


def test_propose_counts_initiatives_before_rank_in_a_persons_strength():
    candidates = [
        candidate(1, authors=(author(10),)),
        candidate(2, authors=(author(11),)),
        candidate(3, authors=(author(11),)),
    ]

    slate = propose(candidates, rules(media_min=1, media_max=1, media_min_fields=1))

    assert [(pick.person, pick.items) for pick in slate.media] == [(11, (2, 3))]


def test_propose_tops_up_to_the_media_minimum_when_fields_run_out():
    candidates = [
        candidate(1, authors=(author(10),)),
        candidate(2, authors=(author(11),)),
        candidate(3, authors=(author(12),)),
        candidate(4, field=2, authors=(author(13),)),
    ]

    slate = propose(candidates, rules(media_min=3, media_max=5, media_min_fields=3))

    assert [pick.person for pick in slate.media] == [10, 13, 11]
    assert slate.media[2].reason == (
        "Tác giả của 1 sáng kiến được đề xuất, cao nhất xếp hạng 2; chọn thêm cho đủ 3 người."
    )
    assert slate.problems == [
        "Những người được chọn để tuyên truyền chỉ thuộc 2 lĩnh vực, chưa đủ tối thiểu 3 lĩnh vực."
    ]


def test_propose_never_picks_an_author_who_did_not_consent_and_says_it_matters():
    candidates = [
        candidate(1, authors=(author(10),)),
        candidate(2, field=2, authors=(author(11, consented=False),)),
        candidate(3, field=3, authors=(author(12, consented=False),)),
    ]

    slate = propose(candidates, rules(media_min=3, media_max=5, media_min_fields=3))

    assert [pick.person for pick in slate.media] == [10]
    assert slate.problems == [
        "Chỉ chọn được 1 người để tuyên truyền, chưa đủ tối thiểu 3; "
        "2 tác giả chưa đồng ý cho tuyên truyền.",
        "Những người được chọn để tuyên truyền chỉ thuộc 1 lĩnh vực, chưa đủ tối thiểu 3 lĩnh vực; "
        "2 tác giả ở lĩnh vực khác chưa đồng ý cho tuyên truyền.",
    ]


def test_propose_only_suggests_authors_of_selected_initiatives():
    candidates = [
        candidate(1, authors=(author(10),)),
        candidate(2, passed=False, fail_reason="Không đạt.", authors=(author(11),)),
    ]

    slate = propose(candidates, rules(media_min=1, media_max=5, media_min_fields=1))

    assert [pick.person for pick in slate.media] == [10]


# --- a provincial council ----------------------------------------------------------------


PROVINCIAL_FIELDS = (
    "Y tế",
    "Giáo dục",
    "Xây dựng",
    "Cơ khí",
    "Điện – điện tử",
    "Hành chính",
    "Nông nghiệp",
)


def provincial_candidates() -> list[Candidate]:
    """1,000 initiatives over 7 fields and 3 units, one in ten failed, some ties; the
    agricultural ones (field 7) all rank below the rest."""
    result = []
    for index in range(1000):
        item = index + 1
        field = 7 if index >= 860 else index % 6 + 1
        result.append(
            Candidate(
                item=item,
                code=f"HP-{item:04d}",
                rank=item - (item % 50 == 2),
                score=round(100 - index * 0.07, 2),
                passed=index % 10 != 9,
                fail_reason="" if index % 10 != 9 else "Không đạt điểm tối thiểu tiêu chí 1.",
                field=field,
                field_name=PROVINCIAL_FIELDS[field - 1],
                unit=index % 3 + 1,
                unit_name=UNIT_NAMES[index % 3 + 1],
                benefit_value=(index * 7919) % 1000 * 1_000_000,
                authors=(Author(person=item, name=f"Tác giả {item}", consented=index % 4 != 1),),
            )
        )
    return result


def test_propose_a_provincial_slate_of_120_from_1000_initiatives():
    candidates = provincial_candidates()
    council_rules = Rules(
        quota_min=75,
        quota_max=120,
        field_limits={7: Limit(minimum=20), 1: Limit(maximum=15)},
        prizes=(
            PrizeTier(prize="nhat", count=3),
            PrizeTier(prize="nhi", count=6),
            PrizeTier(prize="ba", count=10),
        ),
        top_n=4,
    )

    slate = propose(candidates, council_rules)

    by_item = {c.item: c for c in candidates}
    selected = [by_item[line.item] for line in slate.lines if line.selected]
    fields = Counter(c.field for c in selected)
    assert len(selected) == 120
    assert (fields[1], fields[7]) == (15, 20)
    agricultural = [line for line in slate.lines if line.selected and by_item[line.item].field == 7]
    assert [
        "được chọn để đủ tối thiểu lĩnh vực “Nông nghiệp”" in line.reason for line in agricultural
    ] == [True] * 20
    assert Counter(line.prize for line in slate.lines if line.selected) == {
        "nhat": 3,
        "nhi": 6,
        "ba": 10,
        "": 101,
    }
    top = [by_item[line.item] for line in slate.lines if line.top]
    highest = sorted((c.benefit_value or 0 for c in selected), reverse=True)[:4]
    assert sorted((c.benefit_value or 0 for c in top), reverse=True) == highest
    assert 3 <= len(slate.media) <= 5
    assert len({pick.field for pick in slate.media}) >= 3
    assert slate.problems == []


# --- properties over arbitrary small councils --------------------------------------------


TENTHS = st.integers(min_value=0, max_value=1000).map(lambda tenths: tenths / 10)
# Most candidates of a real council are scored and pass; the rest are there to be left out.
MOSTLY_SCORED = st.one_of(TENTHS, TENTHS, TENTHS, st.none())
MOSTLY_PASSED = st.sampled_from([True, True, True, False])
LIMITS = st.tuples(st.integers(0, 4), st.none() | st.integers(0, 6)).map(lambda t: Limit(*t))


@st.composite
def councils(draw):
    """Up to 30 candidates in any order over 4 fields and 3 units, sharing 12 authors, with
    quotas, limits (also on an empty field 5), prizes, a top N and a media shortlist."""
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(1, 30),
                MOSTLY_SCORED,
                MOSTLY_PASSED,
                st.integers(1, 4),
                st.integers(1, 3),
                st.none() | st.integers(0, 20),
                st.lists(st.tuples(st.integers(1, 12), st.booleans()), max_size=3),
            ),
            max_size=30,
        )
    )
    candidates = [
        Candidate(
            item=item,
            code=f"SK-{item:03d}",
            rank=rank,
            score=score,
            passed=passed,
            fail_reason="" if item % 2 else "Không đạt.",
            field=field,
            field_name=f"Lĩnh vực {field}",
            unit=unit,
            unit_name=f"Đơn vị {unit}",
            benefit_value=None if value is None else value * 100_000_000,
            authors=tuple(Author(person, f"Tác giả {person}", yes) for person, yes in people),
        )
        for item, (rank, score, passed, field, unit, value, people) in enumerate(rows, start=1)
    ]
    tiers = st.lists(
        st.tuples(st.sampled_from(PRIZES), st.none() | st.integers(0, 4), st.none() | TENTHS),
        max_size=4,
    )
    council_rules = Rules(
        quota_min=draw(st.integers(0, 25)),
        quota_max=draw(st.none() | st.integers(0, 25)),
        min_score=draw(st.none() | st.integers(0, 500).map(lambda tenths: tenths / 10)),
        field_limits=draw(st.dictionaries(st.integers(1, 5), LIMITS, max_size=3)),
        unit_limits=draw(st.dictionaries(st.integers(1, 3), LIMITS, max_size=2)),
        prizes=tuple(PrizeTier(*tier) for tier in draw(tiers)),
        top_n=draw(st.integers(0, 5)),
        media_min=draw(st.integers(0, 5)),
        media_max=draw(st.integers(0, 6)),
        media_min_fields=draw(st.integers(0, 4)),
        field_names={key: f"Lĩnh vực {key}" for key in range(1, 6)},
        unit_names={key: f"Đơn vị {key}" for key in range(1, 4)},
    )
    return candidates, council_rules


def eligible(c: Candidate, council_rules: Rules) -> bool:
    cut = council_rules.min_score
    return c.passed and c.score is not None and (cut is None or c.score >= cut)


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_gives_every_candidate_one_line_in_rank_order_with_a_reason(council):
    candidates, council_rules = council

    slate = propose(candidates, council_rules)

    assert [line.item for line in slate.lines] == [
        c.item for c in sorted(candidates, key=order_key)
    ]
    assert [line.item for line in slate.lines if not line.reason] == []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_selects_only_eligible_within_quota_and_maximums(council):
    candidates, council_rules = council

    slate = propose(candidates, council_rules)

    by_item = {c.item: c for c in candidates}
    chosen = [by_item[item] for item in selected_items(slate)]
    if council_rules.quota_max is not None:
        assert len(chosen) <= council_rules.quota_max
    assert [c.item for c in chosen if not eligible(c, council_rules)] == []
    fields = Counter(c.field for c in chosen)
    units = Counter(c.unit for c in chosen)
    assert [
        key
        for key, limit in council_rules.field_limits.items()
        if limit.maximum is not None and fields[key] > limit.maximum
    ] == []
    assert [
        key
        for key, limit in council_rules.unit_limits.items()
        if limit.maximum is not None and units[key] > limit.maximum
    ] == []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_reports_every_minimum_it_does_not_meet(council):
    candidates, council_rules = council

    slate = propose(candidates, council_rules)

    by_item = {c.item: c for c in candidates}
    chosen = [by_item[item] for item in selected_items(slate)]
    if len(chosen) < council_rules.quota_min:
        assert [p for p in slate.problems if f"tối thiểu {council_rules.quota_min}." in p] != []
    fields = Counter(c.field for c in chosen)
    for key, limit in council_rules.field_limits.items():
        if fields[key] < limit.minimum:
            wanted = f"Lĩnh vực “Lĩnh vực {key}” cần tối thiểu {limit.minimum} sáng kiến"
            assert [p for p in slate.problems if p.startswith(wanted)] != []
    units = Counter(c.unit for c in chosen)
    for key, limit in council_rules.unit_limits.items():
        if units[key] < limit.minimum:
            wanted = f"Đơn vị “Đơn vị {key}” cần tối thiểu {limit.minimum} sáng kiến"
            assert [p for p in slate.problems if p.startswith(wanted)] != []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_gives_prizes_and_top_marks_only_to_selected_lines_within_limits(council):
    candidates, council_rules = council

    slate = propose(candidates, council_rules)

    assert [line.item for line in slate.lines if line.prize and not line.selected] == []
    assert [line.item for line in slate.lines if line.top and not line.selected] == []
    assert len([line for line in slate.lines if line.top]) <= council_rules.top_n
    prizes = Counter(line.prize for line in slate.lines if line.prize)
    for key in PRIZES:
        counts = [tier.count for tier in council_rules.prizes if tier.prize == key]
        if counts and None not in counts:
            assert prizes[key] <= sum(c for c in counts if c is not None)


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_suggests_distinct_consenting_authors_of_selected_initiatives(council):
    candidates, council_rules = council

    slate = propose(candidates, council_rules)

    by_item = {c.item: c for c in candidates}
    chosen = [by_item[item] for item in selected_items(slate)]
    consenting = {a.person for c in chosen for a in c.authors if a.consented} - {
        a.person for c in chosen for a in c.authors if not a.consented
    }
    people = [pick.person for pick in slate.media]
    assert len(people) <= council_rules.media_max
    assert len(set(people)) == len(people)
    assert [person for person in people if person not in consenting] == []
    for pick in slate.media:
        assert [item for item in pick.items if item not in selected_items(slate)] == []
    if len(people) < council_rules.media_min:
        assert [p for p in slate.problems if "người để tuyên truyền, chưa đủ" in p] != []
    if len({pick.field for pick in slate.media}) < council_rules.media_min_fields:
        assert [p for p in slate.problems if p.startswith("Những người được chọn")] != []


@settings(max_examples=150, deadline=None)
@given(councils())
def test_propose_is_deterministic(council):
    candidates, council_rules = council

    assert propose(candidates, council_rules) == propose(list(reversed(candidates)), council_rules)


# --- an amended slate, checked again ---------------------------------------------------------


def test_review_of_an_untouched_proposal_finds_nothing_wrong():
    candidates = [candidate(item) for item in range(1, 6)]
    laws = rules(quota_min=2, quota_max=3, prizes=(PrizeTier("nhat", count=1),), top_n=1)
    slate = propose(candidates, laws)

    checked = review(
        candidates,
        laws,
        selected=set(selected_items(slate)),
        prizes={line.item: line.prize for line in slate.lines if line.prize},
        top={line.item for line in slate.lines if line.top},
    )

    assert checked.problems == []


def test_review_names_every_rule_an_amendment_breaks():
    candidates = [candidate(item) for item in range(1, 6)] + [
        candidate(6, passed=False, fail_reason="Tổng điểm dưới 50.")
    ]
    laws = rules(quota_max=3, prizes=(PrizeTier("nhat", count=1),), top_n=2)

    checked = review(
        candidates, laws, selected={1, 2, 3, 6}, prizes={1: "nhat", 2: "nhat"}, top={1}
    )

    assert checked.problems == [
        "Đề xuất 4 sáng kiến, vượt số tối đa 3.",
        "Hội đồng đề xuất SK-0006 dù không đạt yêu cầu của bộ tiêu chí (lý do ghi ở từng dòng).",
        "Giải Nhất: 2 sáng kiến, vượt số lượng quy định 1.",
        "Nhóm giá trị làm lợi cao nhất đề nghị cấp trên có 1 sáng kiến, quy định 2.",
    ]


def test_review_picks_the_media_shortlist_from_what_is_selected_now():
    candidates = [
        candidate(1, authors=(author(10),)),
        candidate(2, field=2, authors=(author(20),)),
    ]
    laws = rules(media_min=1, media_max=2, media_min_fields=1)

    checked = review(candidates, laws, selected={2}, prizes={}, top=set())

    assert [pick.person for pick in checked.media] == [20]


def test_review_notes_a_prize_place_an_amendment_left_empty():
    candidates = [candidate(item) for item in range(1, 5)]
    laws = rules(prizes=(PrizeTier("nhat", count=1), PrizeTier("nhi", count=2)))

    checked = review(
        candidates, laws, selected={1, 2, 3, 4}, prizes={1: "nhat", 2: "nhi"}, top=set()
    )

    assert checked.problems == ["Giải Nhì: 1 sáng kiến, ít hơn số lượng quy định 2."]
