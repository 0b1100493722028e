"""The slate's plain data: candidates, rules, lines and media picks, with their labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

PRIZES = ("nhat", "nhi", "ba", "kk")


@dataclass(frozen=True)
class Author:
    person: int
    name: str
    consented: bool


@dataclass(frozen=True)
class Candidate:
    item: int
    code: str
    rank: int
    score: float | None
    passed: bool
    fail_reason: str = ""
    field: int = 0
    field_name: str = ""
    unit: int = 0
    unit_name: str = ""
    benefit_value: int | None = None
    authors: tuple[Author, ...] = ()


@dataclass(frozen=True)
class PrizeTier:
    prize: str
    count: int | None = None
    min_score: float | None = None


@dataclass(frozen=True)
class Limit:
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class Rules:
    quota_min: int = 0
    quota_max: int | None = None
    min_score: float | None = None
    field_limits: Mapping[int, Limit] = field(default_factory=dict)
    unit_limits: Mapping[int, Limit] = field(default_factory=dict)
    prizes: tuple[PrizeTier, ...] = ()
    top_n: int = 0
    media_min: int = 3
    media_max: int = 5
    media_min_fields: int = 3
    # Names for limits on fields or units that no candidate carries (an empty field).
    field_names: Mapping[int, str] = field(default_factory=dict)
    unit_names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    item: int
    selected: bool
    prize: str = ""
    top: bool = False
    reason: str = ""


@dataclass(frozen=True)
class MediaPick:
    person: int
    name: str
    field: int
    field_name: str
    items: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Slate:
    lines: list[Line]
    media: list[MediaPick]
    problems: list[str]


def prize_label(key: str) -> str:
    labels = {
        "nhat": _("Giải Nhất"),
        "nhi": _("Giải Nhì"),
        "ba": _("Giải Ba"),
        "kk": _("Giải Khuyến khích"),
    }
    return labels[key]


def format_score(value: float) -> str:
    """87.5 -> '87,5', 90.0 -> '90': Vietnamese decimal comma, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")


def order_key(candidate: Candidate) -> tuple[int, str, int]:
    """The slate's order: the council's rank, then code, so tied ranks read predictably."""
    return (candidate.rank, candidate.code, candidate.item)


def join_codes(codes: Sequence[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B và C'."""
    if len(codes) <= 1:
        return "".join(codes)
    return _("%(first)s và %(last)s") % {"first": ", ".join(codes[:-1]), "last": codes[-1]}
