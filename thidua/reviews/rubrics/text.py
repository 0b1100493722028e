"""Text forms of bands and classes, as the rubric form reads and writes them."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from thidua.reviews.rubrics.model import Band, GradeClass, _band_range

_BAND_LINE = re.compile(r"^(\d+)\s*(?:[-–—]\s*(\d+))?\s*[:.]?\s*(.*)$")
_CLASS_LINE = re.compile(
    r"^(?P<label>[^:]+?)\s*:\s*(?P<total>\d+(?:[.,]\d+)?)"
    r"(?:\s*;\s*(?P<code>[A-Za-z_][\w]*)\s*(?:>=|≥)\s*(?P<minimum>\d+))?$"
)


def parse_bands(text: str, *, max_points: int) -> tuple[Band, ...]:
    """Read bands written one a line ("27–30: Hoàn toàn mới"), returned highest first.

    Raises ValueError naming the offending line.
    """
    bands: list[Band] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _BAND_LINE.match(line)
        if match is None:
            raise ValueError(_line_error(number, line, _("cần dạng “27–30: Hoàn toàn mới”.")))
        low = int(match[1])
        high = int(match[2]) if match[2] is not None else low
        label = match[3].strip()
        if not label:
            raise ValueError(_line_error(number, line, _("thiếu mô tả mức điểm.")))
        if low > high:
            raise ValueError(_line_error(number, line, _("điểm đầu lớn hơn điểm cuối.")))
        if high > max_points:
            raise ValueError(
                _line_error(
                    number,
                    line,
                    _("vượt quá điểm tối đa %(max)d của tiêu chí.") % {"max": max_points},
                )
            )
        for other in bands:
            if low <= other.high and other.low <= high:
                raise ValueError(
                    _line_error(
                        number,
                        line,
                        _("trùng khoảng điểm với mức %(other)s.") % {"other": _band_range(other)},
                    )
                )
        bands.append(Band(low, high, label))
    return tuple(sorted(bands, key=lambda band: band.high, reverse=True))


def format_bands(bands: Sequence[Band]) -> str:
    """The text :func:`parse_bands` reads, one band a line."""
    return "\n".join(f"{_band_range(band)}: {band.label}" for band in bands)


def parse_classes(text: str, *, codes: Collection[str] | None = None) -> tuple[GradeClass, ...]:
    """Read grade classes written best first, one a line ("A: 85" or "A: 85; tinh_moi >= 30").

    With ``codes``, a class may only name those criteria. Raises ValueError naming the line.
    """
    classes: list[GradeClass] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _CLASS_LINE.match(line)
        if match is None:
            raise ValueError(
                _line_error(number, line, _("cần dạng “A: 85” hoặc “A: 85; tinh_moi >= 30”."))
            )
        label = match["label"]
        if any(grade.label == label for grade in classes):
            raise ValueError(
                _line_error(number, line, _("loại “%(label)s” đã có.") % {"label": label})
            )
        code = match["code"]
        if code is not None and codes is not None and code not in codes:
            raise ValueError(
                _line_error(number, line, _("không có tiêu chí “%(code)s”.") % {"code": code})
            )
        try:
            min_total = Decimal(match["total"].replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
            raise ValueError(_line_error(number, line, _("điểm không hợp lệ."))) from error
        minimum = int(match["minimum"]) if match["minimum"] is not None else None
        classes.append(GradeClass(label, min_total, code, minimum))
    return tuple(classes)


def format_classes(classes: Sequence[GradeClass]) -> str:
    """The text :func:`parse_classes` reads, one class a line."""
    lines = []
    for grade in classes:
        line = f"{grade.label}: {_exact(grade.min_total)}"
        if grade.criterion_code is not None:
            line += f"; {grade.criterion_code} >= {grade.criterion_min}"
        lines.append(line)
    return "\n".join(lines)


def _exact(value: Decimal) -> str:
    # Unlike format_points, never rounds: the text must read back as the same class.
    return f"{value.normalize():f}".replace(".", ",")


def _line_error(number: int, line: str, problem: str) -> str:
    return _("Dòng %(number)d (“%(line)s”): %(problem)s") % {
        "number": number,
        "line": line,
        "problem": problem,
    }
