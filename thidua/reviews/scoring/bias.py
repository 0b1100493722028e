"""Corrections for reviewer bias (standardise, offset) and the aggregation of sheets per item."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thidua.reviews.scoring.descriptive import METHODS, Key, Sheet, _check_unique

CORRECTIONS = ("none", "standardise", "offset")

# Spreads below this are rounding noise on equal totals: such a reviewer scored all alike.
_FLAT = 1e-9


# -- Bias corrections ------------------------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


class _Table:
    """The sheets as arrays: each sheet's item and reviewer as indexes into ``items`` and
    ``reviewers`` (both in order of first appearance, as the dictionaries returned keep them)
    and its total. Hundreds of thousands of sheets are aggregated in array operations rather
    than one Python call per sheet."""

    def __init__(self, sheets: Sequence[Sheet]) -> None:
        self.items, self.item_ix = _indexed([sheet.item for sheet in sheets])
        self.reviewers, self.reviewer_ix = _indexed([sheet.reviewer for sheet in sheets])
        self.totals = np.fromiter((sheet.total for sheet in sheets), float, len(sheets))
        self.per_item = np.bincount(self.item_ix, minlength=len(self.items))
        self.per_reviewer = np.bincount(self.reviewer_ix, minlength=len(self.reviewers))

    def item_sums(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return _sums(self.item_ix, values, len(self.items))

    def reviewer_sums(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return _sums(self.reviewer_ix, values, len(self.reviewers))


def _sums(
    index: npt.NDArray[np.intp], values: npt.NDArray[np.float64], size: int
) -> npt.NDArray[np.float64]:
    """The values added up by index (numpy's bincount with weights)."""
    return np.bincount(index, weights=values, minlength=size).astype(np.float64, copy=False)


def _indexed(ids: list[int]) -> tuple[list[int], npt.NDArray[np.intp]]:
    """The distinct ids in order of first appearance, and each position's index into them."""
    values = np.asarray(ids, dtype=np.int64)
    if not len(values):
        return [], np.zeros(0, dtype=np.intp)
    distinct, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    position = np.empty(len(order), dtype=np.intp)
    position[order] = np.arange(len(order))
    return [int(v) for v in distinct[order]], position[inverse.reshape(-1)]


def _z_scores(table: _Table) -> npt.NDArray[np.float64]:
    """Each total against its reviewer's own mean and spread; 0 where they scored all alike."""
    centre, sd = _reviewer_sd(table)
    spread_of = sd[table.reviewer_ix]
    z = np.zeros(len(table.totals))
    spread_out = spread_of > _FLAT
    z[spread_out] = (table.totals - centre[table.reviewer_ix])[spread_out] / spread_of[spread_out]
    return z


def _reviewer_sd(table: _Table) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Each reviewer's mean total and sample standard deviation (0 with fewer than 2 sheets)."""
    centre = table.reviewer_sums(table.totals) / table.per_reviewer
    squares = table.reviewer_sums((table.totals - centre[table.reviewer_ix]) ** 2)
    many = table.per_reviewer >= 2
    sd = np.zeros(len(table.reviewers))
    sd[many] = np.sqrt(squares[many] / (table.per_reviewer[many] - 1))
    return centre, sd


def standard_scores(sheets: Sequence[Sheet]) -> dict[Key, float]:
    """Each total as a z-score within its reviewer's totals.

    A reviewer with one sheet, or the same total on every sheet, scores 0 throughout: there is
    no spread of theirs to measure against, so they are only shifted to the common level.
    """
    _check_unique(sheets)
    table = _Table(sheets)
    return _keyed(sheets, _z_scores(table))


def standardise(sheets: Sequence[Sheet], *, low: float, high: float) -> dict[Key, float]:
    """Per-reviewer z-scores put back on the pooled mean and spread of all totals, clamped."""
    _check_unique(sheets)
    return _keyed(sheets, _corrected(_Table(sheets), correction="standardise", low=low, high=high))


def reviewer_offsets(sheets: Sequence[Sheet], *, iterations: int = 50) -> dict[int, float]:
    """Reviewer biases of the additive model total = item + bias + noise, centred at zero.

    The centre is weighted by sheet counts, so the corrected totals stay on the average
    reviewer's level. Items with one sheet carry no information about bias and do not move it.
    Fitted by alternating least squares until no bias moves by more than 10⁻¹².
    """
    _check_unique(sheets)
    if not sheets:
        return {}
    table = _Table(sheets)
    return dict(zip(table.reviewers, _offsets(table, iterations).tolist(), strict=True))


def _offsets(table: _Table, iterations: int) -> npt.NDArray[np.float64]:
    bias = np.zeros(len(table.reviewers))
    count = len(table.totals)
    for _round in range(iterations):
        effect = table.item_sums(table.totals - bias[table.reviewer_ix]) / table.per_item
        fitted = table.reviewer_sums(table.totals - effect[table.item_ix]) / table.per_reviewer
        fitted -= float(np.dot(fitted, table.per_reviewer)) / count
        change = float(np.max(np.abs(fitted - bias)))
        bias = fitted
        if change < 1e-12:
            break
    return bias


def offset_correct(
    sheets: Sequence[Sheet], *, low: float, high: float, iterations: int = 50
) -> dict[Key, float]:
    """Each total minus its reviewer's bias (see :func:`reviewer_offsets`), clamped."""
    _check_unique(sheets)
    table = _Table(sheets)
    return _keyed(sheets, _offset_corrected(table, low=low, high=high, iterations=iterations))


def correct(
    sheets: Sequence[Sheet], *, correction: str, low: float, high: float
) -> dict[Key, float]:
    """Corrected totals by the named correction: one of :data:`CORRECTIONS`."""
    if correction not in CORRECTIONS:
        raise ValueError(f"unknown correction {correction!r}; expected one of {CORRECTIONS}")
    _check_unique(sheets)
    return _keyed(sheets, _corrected(_Table(sheets), correction=correction, low=low, high=high))


def _keyed(sheets: Sequence[Sheet], values: npt.NDArray[np.float64]) -> dict[Key, float]:
    return {
        (sheet.item, sheet.reviewer): value
        for sheet, value in zip(sheets, values.tolist(), strict=True)
    }


def _offset_corrected(
    table: _Table, *, low: float, high: float, iterations: int = 50
) -> npt.NDArray[np.float64]:
    if not len(table.totals):
        return table.totals
    bias = _offsets(table, iterations)
    return np.clip(table.totals - bias[table.reviewer_ix], low, high)


def _corrected(
    table: _Table, *, correction: str, low: float, high: float
) -> npt.NDArray[np.float64]:
    """Each sheet's corrected total, in the sheets' order."""
    if correction == "none":
        return table.totals.copy()
    if correction == "offset":
        return _offset_corrected(table, low=low, high=high)
    # standardise
    if not len(table.totals):
        return table.totals
    z = _z_scores(table)
    pooled_mean = statistics.fmean(table.totals.tolist())
    pooled_sd = statistics.stdev(table.totals.tolist()) if len(table.totals) >= 2 else 0.0
    return np.clip(pooled_mean + z * pooled_sd, low, high)


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
    """One result per item that has sheets, in the order the items first appear.

    ``criteria`` holds the raw mean of each criterion; corrections apply to totals only, since a
    reviewer's bias is measured on totals. An item is disputed when its reviewers' raw totals
    lie more than ``dispute_threshold`` apart.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")
    if correction not in CORRECTIONS:
        raise ValueError(f"unknown correction {correction!r}; expected one of {CORRECTIONS}")
    _check_unique(sheets)
    if not sheets:
        return {}
    table = _Table(sheets)
    corrected = _corrected(table, correction=correction, low=low, high=high)
    raw_sorted = _Sorted(table, table.totals)
    raw = raw_sorted.central(method)
    central_corrected = _Sorted(table, corrected).central(method)
    sd, width = raw_sorted.spread()
    criteria = _criterion_means(sheets, table)
    return {
        item: ItemResult(
            item=item,
            sheets=count,
            raw=raw_value,
            corrected=corrected_value,
            criteria=means,
            sd=sd_value,
            range=width_value,
            disputed=width_value > dispute_threshold,
        )
        for item, count, raw_value, corrected_value, means, sd_value, width_value in zip(
            table.items,
            table.per_item.tolist(),
            raw.tolist(),
            central_corrected.tolist(),
            criteria,
            sd.tolist(),
            width.tolist(),
            strict=True,
        )
    }


class _Sorted:
    """One value per sheet, sorted within each item: the items' central values and spreads."""

    def __init__(self, table: _Table, values: npt.NDArray[np.float64]) -> None:
        self.table = table
        order = np.lexsort((values, table.item_ix))
        self.values = values[order]
        self.items = table.item_ix[order]
        self.starts = np.concatenate(([0], np.cumsum(table.per_item)[:-1]))

    def _rows(self, size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
        """The items with ``size`` sheets, and their values as a matrix (one sorted row each)."""
        items = np.flatnonzero(self.table.per_item == size)
        return items, self.values[self.starts[items][:, None] + np.arange(size)]

    def central(self, method: str) -> npt.NDArray[np.float64]:
        per_item = self.table.per_item
        if method == "mean":
            return _sums(self.items, self.values, len(per_item)) / per_item
        result = np.empty(len(per_item))
        for size in np.unique(per_item).tolist():
            items, rows = self._rows(size)
            if method == "median":
                middle = size // 2
                result[items] = (
                    rows[:, middle] if size % 2 else (rows[:, middle - 1] + rows[:, middle]) / 2
                )
            else:  # trimmed: drop the single highest and lowest sheet, from 3 sheets on
                result[items] = (rows[:, 1:-1] if size >= 3 else rows).mean(axis=1)
        return result

    def spread(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """(sample standard deviation, max − min) of each item's values; one value: (0, 0)."""
        per_item = self.table.per_item
        means = _sums(self.items, self.values, len(per_item)) / per_item
        squares = _sums(self.items, (self.values - means[self.items]) ** 2, len(per_item))
        sd = np.zeros(len(per_item))
        many = per_item >= 2
        sd[many] = np.sqrt(squares[many] / (per_item[many] - 1))
        width = self.values[self.starts + per_item - 1] - self.values[self.starts]
        return sd, width


def _criterion_means(sheets: Sequence[Sheet], table: _Table) -> list[dict[str, float]]:
    """Each item's raw mean of every criterion its sheets score, in the order of first use."""
    codes: dict[str, int] = {}
    layouts: dict[tuple[str, ...], list[int]] = {}
    for index, sheet in enumerate(sheets):
        layout = tuple(sheet.criteria)
        rows = layouts.get(layout)
        if rows is None:
            rows = layouts[layout] = []
            for code in layout:
                codes.setdefault(code, len(codes))
        rows.append(index)
    points = np.full((len(sheets), len(codes)), np.nan)
    for layout, rows in layouts.items():
        if layout:
            columns = [codes[code] for code in layout]
            points[np.ix_(rows, columns)] = [list(sheets[i].criteria.values()) for i in rows]
    present = ~np.isnan(points)
    means: list[list[float]] = []
    counts: list[list[float]] = []
    for column in range(len(codes)):
        count = table.item_sums(present[:, column].astype(float))
        total = table.item_sums(np.where(present[:, column], points[:, column], 0.0))
        counts.append(count.tolist())
        means.append(np.divide(total, count, out=np.zeros_like(total), where=count > 0).tolist())
    names = list(codes)
    return [
        {
            names[column]: means[column][item]
            for column in range(len(names))
            if counts[column][item] > 0
        }
        for item in range(len(table.items))
    ]
