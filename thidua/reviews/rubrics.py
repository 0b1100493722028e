"""Scoring rubrics (thang điểm) of initiative review councils, and the rules a sheet must obey.

A rubric is plain data: the criteria with their maximum points, optional band hints, a pass mark
and grade classes. The presets transcribe local rules; a council may copy one and edit it.
Everything here is pure: no database, no request.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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


# -- Presets ---------------------------------------------------------------------------------

_UNVERIFIED = "chưa xác minh, cần điều chỉnh theo quy định địa phương"

PRESETS: dict[str, RubricSpec] = {
    "da_nang": RubricSpec(
        name="Đà Nẵng – QĐ 465/QĐ-SGDĐT (ngành giáo dục)",
        description=(
            "Đạt khi tổng điểm từ 50 trở lên và mỗi tiêu chí từ 10 điểm trở lên. "
            "Loại A: từ 85 điểm, tính mới từ 30; loại B: 70–84 điểm, tính mới từ 20; "
            "loại C: 50–69 điểm, tính mới từ 10."
        ),
        criteria=(
            CriterionSpec(
                code="tinh_moi",
                name="Tính mới",
                max_points=40,
                minimum=10,
                bands=(
                    Band(31, 40, "Hoàn toàn mới, chưa từng được áp dụng"),
                    Band(21, 30, "Cải tiến lớn so với giải pháp đã có"),
                    Band(11, 20, "Cải tiến một phần giải pháp đã có"),
                    Band(0, 10, "Ít điểm mới"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=30,
                minimum=10,
                bands=(
                    Band(21, 30, "Áp dụng rộng rãi trong toàn ngành"),
                    Band(11, 20, "Áp dụng được ở đơn vị và một số đơn vị khác"),
                    Band(0, 10, "Chỉ áp dụng trong phạm vi hẹp tại đơn vị"),
                ),
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả (lợi ích)",
                max_points=30,
                minimum=10,
                needs_money_for_top_band=True,
                bands=(
                    Band(21, 30, "Có giá trị làm lợi tính được bằng tiền"),
                    Band(11, 20, "Hiệu quả rõ rệt nhưng chưa tính được bằng tiền"),
                    Band(0, 10, "Hiệu quả thấp"),
                ),
            ),
        ),
        pass_mark=Decimal(50),
        classes=(
            GradeClass("A", Decimal(85), "tinh_moi", 30),
            GradeClass("B", Decimal(70), "tinh_moi", 20),
            GradeClass("C", Decimal(50), "tinh_moi", 10),
        ),
    ),
    "son_la": RubricSpec(
        name="Sơn La – Mẫu số 03",
        description=(
            "Tiêu chí tính mới theo Mẫu số 03. Điểm tối đa 35 của “Khả năng áp dụng” và 35 của "
            f"“Hiệu quả” là giả định ({_UNVERIFIED})."
        ),
        criteria=(
            CriterionSpec(
                code="tinh_moi",
                name="Tính mới",
                max_points=30,
                bands=(
                    Band(27, 30, "Hoàn toàn mới"),
                    Band(21, 26, "Mới, có cải tiến lớn"),
                    Band(16, 20, "Có cải tiến một phần"),
                    Band(1, 15, "Ít điểm mới"),
                    Band(0, 0, "Sao chép"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=35,
                description=f"Điểm tối đa giả định ({_UNVERIFIED}).",
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả",
                max_points=35,
                description=f"Điểm tối đa giả định ({_UNVERIFIED}).",
            ),
        ),
        pass_mark=Decimal(50),
    ),
    "thai_nguyen": RubricSpec(
        name="Thái Nguyên – cuộc thi sáng tạo",
        description=(
            "Hội đồng chấm ba tiêu chí (tối đa 80 điểm) và xếp hạng; điểm bình chọn của công chúng "
            "được hiển thị nhưng không cộng vào điểm của hội đồng."
        ),
        criteria=(
            # The source gives points only; the bands are suggested hints for the sheet.
            CriterionSpec(
                code="tinh_sang_tao",
                name="Tính sáng tạo",
                max_points=20,
                bands=(
                    Band(16, 20, "Hoàn toàn mới, có tính đột phá"),
                    Band(11, 15, "Cải tiến đáng kể so với cách làm cũ"),
                    Band(6, 10, "Cải tiến một phần"),
                    Band(0, 5, "Ít điểm mới"),
                ),
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả kinh tế – xã hội",
                max_points=30,
                bands=(
                    Band(21, 30, "Hiệu quả lớn, có số liệu chứng minh"),
                    Band(11, 20, "Hiệu quả rõ rệt"),
                    Band(0, 10, "Hiệu quả thấp hoặc chưa chứng minh được"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=30,
                bands=(
                    Band(21, 30, "Áp dụng rộng rãi trong tỉnh, trong ngành"),
                    Band(11, 20, "Áp dụng được ở nhiều đơn vị"),
                    Band(0, 10, "Chỉ áp dụng tại đơn vị"),
                ),
            ),
            CriterionSpec(
                code="binh_chon",
                name="Bình chọn của công chúng",
                max_points=20,
                counted=False,
                description="Do công chúng bình chọn, không do hội đồng chấm.",
            ),
        ),
    ),
}


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


# -- Text forms of bands and classes ---------------------------------------------------------

_BAND_LINE = re.compile(r"^(\d+)\s*(?:[-–—]\s*(\d+))?\s*[:.]?\s*(.*)$")
_CLASS_LINE = re.compile(
    r"^(?P<label>[^:]+?)\s*:\s*(?P<total>\d+(?:[.,]\d+)?)"
    r"(?:\s*;\s*(?P<code>[A-Za-z_][\w]*)\s*(?:>=|≥)\s*(?P<minimum>\d+))?$"
)


def _band_range(band: Band) -> str:
    return str(band.low) if band.low == band.high else f"{band.low}–{band.high}"


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
