"""Statistics over reviewers' sheets: aggregation, reviewer bias, agreement and ranking.

Floats only; money never passes through here.

Two corrections for reviewer bias are offered, besides ``"none"``:

``"standardise"``
    The classic choice (as in Evalato and most award platforms): each reviewer's totals become
    z-scores against that reviewer's own mean and spread, then are put back on the pooled mean
    and spread of all totals. It corrects both level and scale, but it assumes every reviewer saw
    an equally good batch: a reviewer who happened to draw weak initiatives is pushed up.

``"offset"`` (the default)
    An additive two-way model, total = item effect + reviewer bias + noise, fitted by
    alternating least squares. Because each item's effect is estimated from all its reviewers,
    a reviewer's bias is measured on the same initiatives others scored, so a weak batch is not
    mistaken for harshness. It keeps the rubric's scale (only levels move), which is what a
    council reading "72 points" expects. It is the recommended default for the usual design of
    about three reviewers per initiative with random assignment, where the item-reviewer graph
    is well connected. It does not correct a reviewer who uses a narrower or wider range, and a
    reviewer with only a few sheets gets a noisy bias (no shrinkage is applied). Biases are only
    comparable within a connected group of reviewers and items.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

CORRECTIONS = ("none", "standardise", "offset")
METHODS = ("mean", "median", "trimmed")

Key = tuple[int, int]
"""(item, reviewer): one sheet."""


@dataclass(frozen=True)
class Sheet:
    item: int
    reviewer: int
    total: float
    criteria: Mapping[str, float] = field(default_factory=dict)


# -- Descriptive statistics ------------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    data = list(values)
    return statistics.fmean(data) if data else None


def median(values: Iterable[float]) -> float | None:
    data = list(values)
    return float(statistics.median(data)) if data else None


def trimmed_mean(values: Iterable[float], *, proportion: float = 0.2) -> float | None:
    """Mean after cutting floor(n × proportion) values from each end; plain mean when n < 3."""
    if not 0 <= proportion < 0.5:
        raise ValueError("proportion must be in [0, 0.5)")
    data = sorted(values)
    if len(data) < 3:
        return mean(data)
    cut = math.floor(len(data) * proportion)
    return statistics.fmean(data[cut : len(data) - cut])


def spread(values: Iterable[float]) -> tuple[float | None, float | None]:
    """(sample standard deviation, max − min); a single value has spread (0.0, 0.0)."""
    data = list(values)
    if not data:
        return None, None
    sd = statistics.stdev(data) if len(data) >= 2 else 0.0
    return sd, max(data) - min(data)


def central(values: Iterable[float], *, method: str) -> float | None:
    """The method's central value: one of :data:`METHODS`."""
    if method == "mean":
        return mean(values)
    if method == "median":
        return median(values)
    if method == "trimmed":
        # As councils do it by hand: drop the single highest and lowest sheet (from 3 sheets on).
        data = sorted(values)
        return mean(data[1:-1] if len(data) >= 3 else data)
    raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")


# -- Bias corrections ------------------------------------------------------------------------


def _check_unique(sheets: Sequence[Sheet]) -> None:
    seen: set[Key] = set()
    for sheet in sheets:
        key = (sheet.item, sheet.reviewer)
        if key in seen:
            raise ValueError(f"reviewer {sheet.reviewer} has two sheets for item {sheet.item}")
        seen.add(key)


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def standard_scores(sheets: Sequence[Sheet]) -> dict[Key, float]:
    """Each total as a z-score within its reviewer's totals.

    A reviewer with one sheet, or the same total on every sheet, scores 0 throughout: there is
    no spread of theirs to measure against, so they are only shifted to the common level.
    """
    _check_unique(sheets)
    by_reviewer: dict[int, list[Sheet]] = defaultdict(list)
    for sheet in sheets:
        by_reviewer[sheet.reviewer].append(sheet)
    scores: dict[Key, float] = {}
    for own in by_reviewer.values():
        totals = [sheet.total for sheet in own]
        centre = statistics.fmean(totals)
        sd = statistics.stdev(totals) if len(totals) >= 2 else 0.0
        for sheet in own:
            scores[sheet.item, sheet.reviewer] = (sheet.total - centre) / sd if sd > 0 else 0.0
    return scores


def standardise(sheets: Sequence[Sheet], *, low: float, high: float) -> dict[Key, float]:
    """Per-reviewer z-scores put back on the pooled mean and spread of all totals, clamped."""
    if not sheets:
        return {}
    totals = [sheet.total for sheet in sheets]
    pooled_mean = statistics.fmean(totals)
    pooled_sd = statistics.stdev(totals) if len(totals) >= 2 else 0.0
    return {
        key: _clamp(pooled_mean + z * pooled_sd, low, high)
        for key, z in standard_scores(sheets).items()
    }


def reviewer_offsets(sheets: Sequence[Sheet], *, iterations: int = 50) -> dict[int, float]:
    """Reviewer biases of the additive model total = item + bias + noise, centred at zero.

    The centre is weighted by sheet counts, so the corrected totals stay on the average
    reviewer's level. Items with one sheet carry no information about bias and do not move it.
    """
    _check_unique(sheets)
    if not sheets:
        return {}
    by_item: dict[int, list[Sheet]] = defaultdict(list)
    by_reviewer: dict[int, list[Sheet]] = defaultdict(list)
    for sheet in sheets:
        by_item[sheet.item].append(sheet)
        by_reviewer[sheet.reviewer].append(sheet)
    bias = dict.fromkeys(by_reviewer, 0.0)
    effect: dict[int, float] = {}
    for _round in range(iterations):
        for item, own in by_item.items():
            effect[item] = statistics.fmean(s.total - bias[s.reviewer] for s in own)
        fitted = {
            reviewer: statistics.fmean(s.total - effect[s.item] for s in own)
            for reviewer, own in by_reviewer.items()
        }
        centre = sum(fitted[r] * len(own) for r, own in by_reviewer.items()) / len(sheets)
        fitted = {reviewer: value - centre for reviewer, value in fitted.items()}
        change = max(abs(fitted[r] - bias[r]) for r in bias)
        bias = fitted
        if change < 1e-12:
            break
    return bias


def offset_correct(
    sheets: Sequence[Sheet], *, low: float, high: float, iterations: int = 50
) -> dict[Key, float]:
    """Each total minus its reviewer's bias (see :func:`reviewer_offsets`), clamped."""
    bias = reviewer_offsets(sheets, iterations=iterations)
    return {
        (sheet.item, sheet.reviewer): _clamp(sheet.total - bias[sheet.reviewer], low, high)
        for sheet in sheets
    }


def correct(
    sheets: Sequence[Sheet], *, correction: str, low: float, high: float
) -> dict[Key, float]:
    """Corrected totals by the named correction: one of :data:`CORRECTIONS`."""
    if correction == "none":
        _check_unique(sheets)
        return {(sheet.item, sheet.reviewer): sheet.total for sheet in sheets}
    if correction == "standardise":
        return standardise(sheets, low=low, high=high)
    if correction == "offset":
        return offset_correct(sheets, low=low, high=high)
    raise ValueError(f"unknown correction {correction!r}; expected one of {CORRECTIONS}")


# -- Aggregation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    item: int
    sheets: int
    raw: float | None
    corrected: float | None
    criteria: dict[str, float]
    sd: float | None
    range: float | None
    disputed: bool


def aggregate(
    sheets: Sequence[Sheet],
    *,
    method: str = "mean",
    correction: str = "offset",
    low: float,
    high: float,
    dispute_threshold: float,
) -> dict[int, ItemResult]:
    """One result per item that has sheets.

    ``criteria`` holds the raw mean of each criterion; corrections apply to totals only, since a
    reviewer's bias is measured on totals. An item is disputed when its reviewers' raw totals
    lie more than ``dispute_threshold`` apart.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")
    corrected = correct(sheets, correction=correction, low=low, high=high)
    by_item: dict[int, list[Sheet]] = defaultdict(list)
    for sheet in sheets:
        by_item[sheet.item].append(sheet)
    results: dict[int, ItemResult] = {}
    for item, own in by_item.items():
        totals = [sheet.total for sheet in own]
        sd, width = spread(totals)
        results[item] = ItemResult(
            item=item,
            sheets=len(own),
            raw=central(totals, method=method),
            corrected=central((corrected[item, sheet.reviewer] for sheet in own), method=method),
            criteria=_criterion_means(own),
            sd=sd,
            range=width,
            disputed=width is not None and width > dispute_threshold,
        )
    return results


def _criterion_means(sheets: Sequence[Sheet]) -> dict[str, float]:
    values: dict[str, list[float]] = defaultdict(list)
    for sheet in sheets:
        for code, value in sheet.criteria.items():
            values[code].append(value)
    return {code: statistics.fmean(own) for code, own in values.items()}


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


# -- Ranking ---------------------------------------------------------------------------------

CRITERION_PREFIX = "criterion:"
TIE_BREAKERS: tuple[str, ...] = ("benefit_value", "submitted_at", CRITERION_PREFIX + "<code>")
"""Accepted tie-breaker keys; the last is a pattern, e.g. ``"criterion:tinh_moi"``."""


@dataclass(frozen=True)
class RankInput:
    item: int
    score: float | None
    benefit_value: int | None = None
    criteria: Mapping[str, float] = field(default_factory=dict)
    submitted_at: datetime | None = None
    code: str = ""


@dataclass(frozen=True)
class Ranked:
    item: int
    position: int
    decided_by: str | None


# A sort key part: (0, value) sorts before (1,), which is where missing values go.
_Part = tuple[int, float] | tuple[int, datetime] | tuple[int]


def _criterion_code(key: str) -> str | None:
    if key.startswith(CRITERION_PREFIX) and len(key) > len(CRITERION_PREFIX):
        return key[len(CRITERION_PREFIX) :]
    return None


def _key_part(key: str) -> Callable[[RankInput], _Part]:
    if key == "benefit_value":
        return lambda e: (0, -float(e.benefit_value)) if e.benefit_value is not None else (1,)
    if key == "submitted_at":
        return lambda e: (0, e.submitted_at) if e.submitted_at is not None else (1,)
    code = _criterion_code(key)
    if code is not None:

        def by_criterion(entry: RankInput) -> _Part:
            value = entry.criteria.get(code)
            return (0, -round(value, 2)) if value is not None else (1,)

        return by_criterion
    raise ValueError(f"unknown tie-breaker {key!r}; expected one of {TIE_BREAKERS}")


def tie_breaker_label(key: str, criterion_names: Mapping[str, str]) -> str:
    """What a tie-breaker rewards, in words for the results table."""
    if key == "benefit_value":
        return _("giá trị làm lợi cao hơn")
    if key == "submitted_at":
        return _("nộp sớm hơn")
    code = _criterion_code(key)
    if code is not None:
        return _("điểm “%(name)s” cao hơn") % {"name": criterion_names.get(code, code)}
    raise ValueError(f"unknown tie-breaker {key!r}; expected one of {TIE_BREAKERS}")


def rank(entries: Sequence[RankInput], *, tie_breakers: Sequence[str]) -> list[Ranked]:
    """Competition ranking (1, 2, 2, 4) by score, then each tie-breaker in turn.

    Scores are compared at two decimals so float noise cannot split a tie. Items without a
    score come after every scored item. Items equal on everything share a position and are
    listed by code.
    """
    parts = [_key_part(key) for key in tie_breakers]

    def score_part(entry: RankInput) -> _Part:
        return (0, -round(entry.score, 2)) if entry.score is not None else (1,)

    def keys(entry: RankInput) -> list[_Part]:
        return [score_part(entry), *(part(entry) for part in parts)]

    keyed = sorted(
        ((keys(e), e) for e in entries), key=lambda pair: (pair[0], pair[1].code, pair[1].item)
    )
    ranked: list[Ranked] = []
    previous: list[_Part] | None = None
    position = 0
    for index, (current, entry) in enumerate(keyed):
        decided_by: str | None = None
        if previous is None or current != previous:
            position = index + 1
        if previous is not None and current[0] == previous[0]:
            for key, mine, theirs in zip(tie_breakers, current[1:], previous[1:], strict=True):
                if mine != theirs:
                    decided_by = key
                    break
        ranked.append(Ranked(item=entry.item, position=position, decided_by=decided_by))
        previous = current
    return ranked
