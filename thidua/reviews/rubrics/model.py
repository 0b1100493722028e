"""Rubrics as plain data, and the rules a sheet and an (aggregated) score must obey."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Band:
    """A hint on the sheet: points from ``low`` to ``high`` (inclusive) mean ``label``."""

    low: int
    high: int
    label: str

    def __contains__(self, points: object) -> bool:
        return isinstance(points, int) and self.low <= points <= self.high


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    name: str
    max_points: int
    description: str = ""
    weight: Decimal = Decimal(1)
    minimum: int | None = None
    counted: bool = True
    needs_money_for_top_band: bool = False
    bands: tuple[Band, ...] = ()

    @property
    def top_band(self) -> Band | None:
        """The highest band, whatever order the bands were written in."""
        return max(self.bands, key=lambda band: (band.high, band.low), default=None)


@dataclass(frozen=True)
class GradeClass:
    """A grade reached from ``min_total`` upward, optionally also needing one criterion's points."""

    label: str
    min_total: Decimal
    criterion_code: str | None = None
    criterion_min: int | None = None


@dataclass(frozen=True)
class RubricSpec:
    name: str
    criteria: tuple[CriterionSpec, ...]
    description: str = ""
    pass_mark: Decimal | None = None
    classes: tuple[GradeClass, ...] = ()

    @property
    def max_total(self) -> Decimal:
        return sum((c.weight * c.max_points for c in self.criteria if c.counted), start=Decimal(0))

    @property
    def by_code(self) -> dict[str, CriterionSpec]:
        return {criterion.code: criterion for criterion in self.criteria}


def rubric_problems(rubric: RubricSpec) -> list[str]:
    """Inconsistencies an editing form should refuse; empty when the rubric is usable.

    The dataclasses themselves accept anything, so a rubric already saved can always be read.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for criterion in rubric.criteria:
        if criterion.code in seen:
            problems.append(_("Mã tiêu chí “%(code)s” bị trùng.") % {"code": criterion.code})
        seen.add(criterion.code)
        if criterion.max_points < 0:
            problems.append(_("Điểm tối đa của tiêu chí “%(name)s” bị âm.") % _named(criterion))
        if criterion.minimum is not None and not 0 <= criterion.minimum <= criterion.max_points:
            problems.append(
                _("Điểm tối thiểu của tiêu chí “%(name)s” phải từ 0 đến %(max)d.")
                % _named(criterion)
            )
        if criterion.minimum is not None and not criterion.counted:
            problems.append(
                _("Tiêu chí “%(name)s” không tính vào tổng nên không thể có điểm tối thiểu.")
                % _named(criterion)
            )
        for band in criterion.bands:
            if not 0 <= band.low <= band.high <= criterion.max_points:
                problems.append(
                    _("Mức điểm %(band)s của tiêu chí “%(name)s” nằm ngoài 0–%(max)d.")
                    % {**_named(criterion), "band": _band_range(band)}
                )
    for grade in rubric.classes:
        if (grade.criterion_code is None) != (grade.criterion_min is None):
            problems.append(
                _("Loại “%(label)s” cần cả mã tiêu chí lẫn điểm tối thiểu, hoặc bỏ cả hai.")
                % {"label": grade.label}
            )
        elif grade.criterion_code is not None and grade.criterion_code not in seen:
            problems.append(
                _("Loại “%(label)s” dùng tiêu chí “%(code)s” không có trong thang điểm.")
                % {"label": grade.label, "code": grade.criterion_code}
            )
    return problems


def _named(criterion: CriterionSpec) -> dict[str, str | int]:
    return {"name": criterion.name, "max": criterion.max_points}


def _band_range(band: Band) -> str:
    return str(band.low) if band.low == band.high else f"{band.low}–{band.high}"


# -- Sheets ----------------------------------------------------------------------------------


def sheet_problems(
    rubric: RubricSpec, points: Mapping[str, int | None], *, has_money_value: bool
) -> list[str]:
    """Why a reviewer's sheet cannot be saved as complete; empty when it can."""
    problems: list[str] = []
    for criterion in rubric.criteria:
        value = points.get(criterion.code)
        if value is None:
            if criterion.counted:
                problems.append(_("Chưa chấm tiêu chí “%(name)s”.") % {"name": criterion.name})
            continue
        if not 0 <= value <= criterion.max_points:
            problems.append(
                _("Điểm tiêu chí “%(name)s” phải từ 0 đến %(max)d, không thể là %(value)d.")
                % {"name": criterion.name, "max": criterion.max_points, "value": value}
            )
            continue
        top = criterion.top_band
        if criterion.needs_money_for_top_band and not has_money_value and top and value in top:
            problems.append(
                _(
                    "Mức điểm %(band)s của tiêu chí “%(name)s” chỉ dành cho sáng kiến có giá trị "
                    "làm lợi tính được bằng tiền."
                )
                % {"band": _band_range(top), "name": criterion.name}
            )
    known = rubric.by_code
    for code in points:
        if code not in known:
            problems.append(_("Không có tiêu chí “%(code)s” trong thang điểm.") % {"code": code})
    return problems


def sheet_total(rubric: RubricSpec, points: Mapping[str, int | None]) -> Decimal:
    """Weighted total over counted criteria; a criterion not yet scored adds nothing."""
    return sum(
        (c.weight * (points.get(c.code) or 0) for c in rubric.criteria if c.counted),
        start=Decimal(0),
    )


@dataclass(frozen=True)
class Outcome:
    passed: bool
    grade: str | None
    reasons: tuple[str, ...]


def outcome(
    rubric: RubricSpec, total: Decimal | float, criteria: Mapping[str, Decimal | float]
) -> Outcome:
    """Apply the pass mark, per-criterion minimums and grade classes to (aggregated) scores.

    A failed item gets no grade, and ``reasons`` says why it failed.
    """
    score = _decimal(total)
    values = {code: _decimal(value) for code, value in criteria.items()}
    reasons: list[str] = []
    if rubric.pass_mark is not None and score < rubric.pass_mark:
        reasons.append(
            _("Tổng điểm %(total)s thấp hơn điểm đạt %(mark)s.")
            % {"total": format_points(score), "mark": format_points(rubric.pass_mark)}
        )
    for criterion in rubric.criteria:
        if criterion.minimum is None:
            continue
        value = values.get(criterion.code)
        if value is None:
            reasons.append(
                _("Chưa có điểm tiêu chí “%(name)s” để so với mức tối thiểu %(minimum)d.")
                % {"name": criterion.name, "minimum": criterion.minimum}
            )
        elif value < criterion.minimum:
            reasons.append(
                _("Tiêu chí “%(name)s” đạt %(value)s, thấp hơn mức tối thiểu %(minimum)d.")
                % {
                    "name": criterion.name,
                    "value": format_points(value),
                    "minimum": criterion.minimum,
                }
            )
    if reasons:
        return Outcome(passed=False, grade=None, reasons=tuple(reasons))
    return Outcome(passed=True, grade=_grade(rubric.classes, score, values), reasons=())


def _grade(
    classes: Sequence[GradeClass], score: Decimal, values: Mapping[str, Decimal]
) -> str | None:
    for grade in classes:
        if score < grade.min_total:
            continue
        if grade.criterion_code is not None and grade.criterion_min is not None:
            value = values.get(grade.criterion_code)
            if value is None or value < grade.criterion_min:
                continue
        return grade.label
    return None


def _decimal(value: Decimal | float) -> Decimal:
    if isinstance(value, Decimal):
        return value
    # Means over reviewers carry float noise (49.99999999 for 50); six places is far below
    # anything a rubric can express, so rounding there cannot change a real verdict.
    return Decimal(repr(round(float(value), 6)))


def format_points(value: Decimal | float) -> str:
    """Points the Vietnamese way: "50", "72,5", "72,33"."""
    number = _decimal(value).quantize(Decimal("0.01"))
    text = f"{number:f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
