"""Reviewers whose totals sit apart from their co-reviewers', and agreement (ICC, alpha)."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from thidua.reviews.scoring.descriptive import Sheet, _check_unique, mean

# -- Reviewers who sit apart -----------------------------------------------------------------


@dataclass(frozen=True)
class ReviewerReport:
    reviewer: int
    sheets: int
    mean_offset: float | None
    t: float | None
    flagged: bool
    compared: int = 0
    """Sheets on items someone else also scored: the ones the offset is measured on."""


def reviewer_reports(
    sheets: Sequence[Sheet], *, min_offset: float, t_threshold: float = 3.0
) -> dict[int, ReviewerReport]:
    """How far each reviewer's totals sit from their co-reviewers' on the same items.

    Flagged when the mean difference is at least ``min_offset`` points and consistent enough
    (|t| ≥ ``t_threshold``) not to be a few unlucky items. Differences that never vary give an
    infinite t, so any large enough offset is flagged.
    """
    _check_unique(sheets)
    by_item: dict[int, list[Sheet]] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    for sheet in sheets:
        by_item[sheet.item].append(sheet)
        counts[sheet.reviewer] += 1
    differences: dict[int, list[float]] = defaultdict(list)
    for own in by_item.values():
        if len(own) < 2:
            continue
        whole = sum(sheet.total for sheet in own)
        for sheet in own:
            others = (whole - sheet.total) / (len(own) - 1)
            differences[sheet.reviewer].append(sheet.total - others)
    reports: dict[int, ReviewerReport] = {}
    for reviewer, count in counts.items():
        diffs = differences.get(reviewer, [])
        offset = mean(diffs)
        t = _t_statistic(diffs)
        reports[reviewer] = ReviewerReport(
            reviewer=reviewer,
            sheets=count,
            mean_offset=offset,
            t=t,
            flagged=(
                offset is not None
                and t is not None
                and abs(offset) >= min_offset
                and abs(t) >= t_threshold
            ),
            compared=len(diffs),
        )
    return reports


def _t_statistic(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    centre = statistics.fmean(values)
    sd = statistics.stdev(values)
    if sd == 0:
        return math.copysign(math.inf, centre) if centre != 0 else 0.0
    return centre / (sd / math.sqrt(len(values)))


# -- Agreement between reviewers -------------------------------------------------------------


def _groups(sheets: Sequence[Sheet]) -> list[list[float]]:
    by_item: dict[int, list[float]] = defaultdict(list)
    for sheet in sheets:
        by_item[sheet.item].append(sheet.total)
    return [totals for totals in by_item.values() if len(totals) >= 2]


def icc1(sheets: Sequence[Sheet]) -> float | None:
    """One-way random-effects ICC(1) of single totals, for unequal numbers of sheets per item.

    Items with one sheet say nothing about agreement and are left out.
    """
    groups = _groups(sheets)
    count = len(groups)
    if count < 2:
        return None
    sizes = [len(group) for group in groups]
    total = sum(sizes)
    grand = sum(sum(group) for group in groups) / total
    between = sum(len(g) * (statistics.fmean(g) - grand) ** 2 for g in groups) / (count - 1)
    within = sum((value - statistics.fmean(g)) ** 2 for g in groups for value in g) / (
        total - count
    )
    k0 = (total - sum(n * n for n in sizes) / total) / (count - 1)
    denominator = between + (k0 - 1) * within
    if denominator == 0:
        return None
    return (between - within) / denominator


def krippendorff_alpha_interval(sheets: Sequence[Sheet]) -> float | None:
    """Krippendorff's alpha with the interval metric; items with one sheet are not pairable."""
    groups = _groups(sheets)
    values = [value for group in groups for value in group]
    n = len(values)
    if n < 2:
        return None

    def squared_differences(data: Sequence[float]) -> float:
        # Σ over ordered pairs i ≠ j of (v_i − v_j)², without the quadratic loop.
        return 2 * (len(data) * sum(v * v for v in data) - sum(data) ** 2)

    observed = sum(squared_differences(g) / (len(g) - 1) for g in groups) / n
    expected = squared_differences(values) / (n * (n - 1))
    if expected <= 0:
        return None
    return 1 - observed / expected


def agreement_label(value: float | None) -> str:
    """A reading of ICC or alpha after Koo & Li (2016)."""
    if value is None:
        return _("Chưa đủ dữ liệu")
    if value < 0.5:
        return _("kém")
    if value < 0.75:
        return _("trung bình")
    if value <= 0.9:
        return _("tốt")
    return _("rất tốt")
