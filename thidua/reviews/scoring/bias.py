"""Corrections for reviewer bias (standardise, offset) and the aggregation of sheets per item."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from thidua.reviews.scoring.descriptive import (
    METHODS,
    Key,
    Sheet,
    _check_unique,
    central,
    spread,
)

CORRECTIONS = ("none", "standardise", "offset")


# -- Bias corrections ------------------------------------------------------------------------


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
