"""Competition ranking by score, with the council's tie-breakers in turn."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

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
