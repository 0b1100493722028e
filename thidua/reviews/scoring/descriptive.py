"""The sheet every statistic reads, and the descriptive statistics over totals."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

METHODS = ("mean", "median", "trimmed")

Key = tuple[int, int]
"""(item, reviewer): one sheet."""


@dataclass(frozen=True)
class Sheet:
    item: int
    reviewer: int
    total: float
    criteria: Mapping[str, float] = field(default_factory=dict)


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


def _check_unique(sheets: Sequence[Sheet]) -> None:
    keys = {(sheet.item, sheet.reviewer) for sheet in sheets}
    if len(keys) == len(sheets):
        return
    seen: set[Key] = set()
    for sheet in sheets:
        key = (sheet.item, sheet.reviewer)
        if key in seen:
            raise ValueError(f"reviewer {sheet.reviewer} has two sheets for item {sheet.item}")
        seen.add(key)
