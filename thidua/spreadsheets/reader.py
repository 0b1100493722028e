"""Reading an uploaded workbook: is it really an xlsx, which column is which, and what each
cell says. No database: every problem found here is about the file alone.

A cell parser takes the raw value openpyxl gives (str, int, float, bool, datetime) and
returns the typed value or raises CellError with a message in the user's language. Choice
labels are matched in Vietnamese, the workbook's language (see base.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from thidua.common.vietnamese import fold
from thidua.spreadsheets.base import (
    KEEP,
    CellError,
    Column,
    Problem,
    SheetSpec,
    header_key,
    in_vietnamese,
    too_big,
)
from thidua.spreadsheets.parsing import clean_text

Source = str | os.PathLike[str] | IO[bytes]

NOT_XLSX = gettext_noop(
    "Tệp không phải là tệp Excel .xlsx. Hãy mở tệp bằng Excel và lưu lại "
    "với kiểu “Excel Workbook (*.xlsx)”."
)
# The import is written by a background job; its preview (a dry run) still runs in the
# request, which this bounds: 10,000 rows, a district's year of initiatives, check in seconds.
MAX_ROWS = 10_000
# A zip that inflates beyond this is not a list of people: refuse it before parsing.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
HEADER_SEARCH_ROWS = 10


class FileRejected(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


# --- cell parsers ------------------------------------------------------------------------


def _plain_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        raise CellError(_("Ô này cần chữ, không phải ngày tháng."))
    return clean_text(str(value))


def text(max_length: int, *, collapse: bool = False) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        result = _plain_text(value)
        if collapse:
            result = " ".join(result.split())
        if len(result) > max_length:
            raise CellError(
                _("Dài quá %(max)s ký tự (hiện có %(length)s).")
                % {"max": max_length, "length": len(result)}
            )
        return result

    return parse


def code(validator: Callable[[str], None], max_length: int) -> Callable[[Any], str]:
    """A code checked by the model's own validator, so the message is the model's."""

    def parse(value: Any) -> str:
        result = text(max_length)(value)
        try:
            validator(result)
        except ValidationError as exc:
            raise CellError(" ".join(exc.messages)) from None
        return result

    return parse


def phone(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        # Excel drops the leading zero of a phone number typed as a number: 912345678.
        return "0" + digits if len(digits) == 9 else digits
    return text(32)(value)


def email(value: Any) -> str:
    result = text(254)(value)
    try:
        validate_email(result)
    except ValidationError:
        raise CellError(
            _("“%(value)s” không phải là địa chỉ thư điện tử hợp lệ.") % {"value": result}
        ) from None
    return result


def id_number(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A CCCD typed as a number loses its leading zeros (the province code starts with
        # 0); the number always has 12 digits, so the zeros can be put back.
        result = str(int(value)).zfill(12)
    else:
        result = _plain_text(value).replace(" ", "")
    if not re.fullmatch(r"\d{12}", result):
        raise CellError(_("Số CCCD gồm đúng 12 chữ số."))
    return result


def whole_number(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        raise CellError(_("“%(value)s” không phải là một mã số.") % {"value": value})
    if number <= 0:
        raise CellError(_("“%(value)s” không phải là một mã số.") % {"value": value})
    return number


_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


NOT_A_DATE = gettext_noop(
    "“%(value)s” không phải là ngày; hãy ghi theo dạng ngày/tháng/năm, ví dụ 28/07/1990."
)


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        raw = clean_text(value)
        if match := _DMY.fullmatch(raw):
            day, month, year = (int(part) for part in match.groups())
        elif match := _ISO.fullmatch(raw):
            year, month, day = (int(part) for part in match.groups())
        else:
            raise CellError(_(NOT_A_DATE) % {"value": raw})
        try:
            result = dt.date(year, month, day)
        except ValueError:
            raise CellError(
                _(
                    "“%(value)s” không phải là ngày có thật; hãy ghi theo dạng ngày/tháng/năm, "
                    "ví dụ 28/07/1990."
                )
                % {"value": raw}
            ) from None
        if year < 1900:
            raise CellError(
                _("Năm %(year)s không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 28/07/1990.")
                % {"year": year}
            )
        return result
    raise CellError(_(NOT_A_DATE) % {"value": value})


def past_date(value: Any) -> dt.date:
    result = date(value)
    if result > timezone.localdate():
        raise CellError(_("Ngày này ở sau ngày hôm nay."))
    return result


def _choice_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def choice(
    choices: type[TextChoices], aliases: Mapping[str, str] | None = None
) -> Callable[[Any], str]:
    """A choice by its Vietnamese label or its code, whatever the case and diacritics;
    `aliases` adds the short forms people write (e.g. 'CĐCS', 'Thạc sỹ')."""

    # Built at the first cell, not at import: the labels are lazy, and the Vietnamese ones
    # can only be had once translations are loaded.
    @functools.cache
    def table() -> tuple[dict[str, str], str]:
        keys: dict[str, str] = {}
        for value, label in choices.choices:
            keys[_choice_key(in_vietnamese(label))] = str(value)
            keys[_choice_key(str(value))] = str(value)
        for alias, value in (aliases or {}).items():
            keys[_choice_key(alias)] = value
        return keys, "; ".join(in_vietnamese(label) for label in choices.labels)

    def parse(value: Any) -> str:
        raw = _plain_text(value)
        keys, allowed = table()
        try:
            return keys[_choice_key(raw)]
        except KeyError:
            raise CellError(
                _("“%(value)s” không có trong danh sách; chọn một trong: %(allowed)s.")
                % {"value": raw, "allowed": allowed}
            ) from None

    return parse


_YES = {"co", "x", "1", "true", "yes", "dung", "la doan vien"}
_NO = {"khong", "0", "false", "no", "sai", "khong phai"}


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    key = _choice_key(_plain_text(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(_("“%(value)s” không hợp lệ; ghi “Có” hoặc “Không”.") % {"value": value})


# --- the file ----------------------------------------------------------------------------


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    values: dict[str, Any]  # field -> parsed value, for the columns present and readable
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Sheet:
    spec: SheetSpec
    rows: list[SheetRow]
    warnings: list[str] = field(default_factory=list)
    letters: dict[str, str] = field(default_factory=dict)  # field -> column letter

    def problem(self, row: int, field_name: str, message: str) -> Problem:
        return Problem(
            message=message, row=row, column=self.spec.column(field_name).header,
            letter=self.letters.get(field_name, ""),
        )  # fmt: skip


def _check_file(handle: IO[bytes], max_bytes: int) -> None:
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    if size == 0:
        raise FileRejected([Problem(_("Tệp rỗng, không có dữ liệu."))])
    if size > max_bytes:
        raise FileRejected([Problem(too_big(size, max_bytes))])
    signature = handle.read(4)
    handle.seek(0)
    if signature != b"PK\x03\x04":
        raise FileRejected([Problem(_(NOT_XLSX))])
    try:
        with zipfile.ZipFile(handle) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise FileRejected([Problem(_(NOT_XLSX))]) from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileRejected([Problem(_("Tệp có quá nhiều dữ liệu khi giải nén; hãy chia nhỏ tệp."))])
    handle.seek(0)


def _match_headers(
    spec: SheetSpec, header: tuple[Any, ...], header_row: int
) -> tuple[dict[int, Column], list[Problem], list[str]]:
    by_key = {key: column for column in spec.columns for key in column.keys}
    found: dict[int, Column] = {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    ignored: list[str] = []
    for index, cell in enumerate(header):
        name = "" if cell is None else str(cell).strip()
        if not name:
            continue
        column = by_key.get(header_key(name.rstrip("*")))
        if column is None:
            ignored.append(name)
            continue
        if column.field in seen:
            first, second = get_column_letter(seen[column.field] + 1), get_column_letter(index + 1)
            problems.append(
                Problem(
                    _("Cột “%(column)s” xuất hiện hai lần (cột %(first)s và cột %(second)s).")
                    % {"column": column.header, "first": first, "second": second},
                    row=header_row,
                )
            )
            continue
        seen[column.field] = index
        found[index] = column
    missing = [c.header for c in spec.columns if c.required and c.field not in seen]
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        problems.append(
            Problem(_("Thiếu cột bắt buộc: %(names)s. Hãy dùng tệp mẫu.") % {"names": names})
        )
    warnings = (
        [_("Bỏ qua các cột không dùng: %(names)s.") % {"names": ", ".join(ignored)}]
        if ignored
        else []
    )
    return found, problems, warnings


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_row(
    number: int, cells: tuple[Any, ...], columns: dict[int, Column], sheet: Sheet
) -> SheetRow:
    row = SheetRow(number=number, values={})
    for index, column in columns.items():
        value = cells[index] if index < len(cells) else None
        if _is_blank(value):
            if column.required:
                row.problems.append(
                    sheet.problem(number, column.field, _("Ô này không được để trống."))
                )
            elif column.blank is not KEEP:
                row.values[column.field] = column.blank
            continue
        try:
            row.values[column.field] = column.parse(value)
        except CellError as exc:
            row.problems.append(sheet.problem(number, column.field, str(exc)))
    return row


def _rows(worksheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    # read-only worksheets yield filler rows for gaps, so counting gives Excel's row numbers
    for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
        yield number, tuple(cells)


def read_sheet(source: Source, spec: SheetSpec, *, max_bytes: int) -> Sheet:
    """Read the sheet named like `spec.title` (else the first sheet). Raises FileRejected
    when the file cannot be used at all; problems with single cells stay on their rows."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            return _read_handle(handle, spec, max_bytes)
    return _read_handle(source, spec, max_bytes)


def _read_handle(handle: IO[bytes], spec: SheetSpec, max_bytes: int) -> Sheet:
    _check_file(handle, max_bytes)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, XML errors)
        raise FileRejected([Problem(_(NOT_XLSX))]) from None
    try:
        return _read_workbook(workbook, spec)
    finally:
        workbook.close()


def _read_workbook(workbook: Any, spec: SheetSpec) -> Sheet:
    worksheets = workbook.worksheets
    if not worksheets:
        raise FileRejected([Problem(_("Tệp không có trang tính nào."))])
    worksheet = next(
        (ws for ws in worksheets if header_key(ws.title) == header_key(spec.title)), worksheets[0]
    )
    rows = _rows(worksheet)
    header_row, header = 0, ()
    for number, cells in rows:
        if any(not _is_blank(cell) for cell in cells):
            header_row, header = number, cells
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if not header:
        raise FileRejected(
            [Problem(_("Trang tính “%(title)s” không có dữ liệu.") % {"title": worksheet.title})]
        )
    columns, problems, warnings = _match_headers(spec, header, header_row)
    if problems:
        raise FileRejected(problems)
    sheet = Sheet(
        spec=spec,
        rows=[],
        warnings=warnings,
        letters={column.field: get_column_letter(index + 1) for index, column in columns.items()},
    )
    for number, cells in rows:
        if all(_is_blank(cell) for cell in cells):
            continue
        if len(sheet.rows) >= MAX_ROWS:
            raise FileRejected(
                [
                    Problem(
                        _("Tệp có quá nhiều dòng; mỗi lần nhập tối đa %(max)s dòng.")
                        % {"max": MAX_ROWS}
                    )
                ]
            )
        sheet.rows.append(_read_row(number, cells, columns, sheet))
    if not sheet.rows:
        raise FileRejected(
            [
                Problem(
                    _("Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng %(row)s).")
                    % {"row": header_row}
                )
            ]
        )
    return sheet


def data_rows_at_least(source: Source, limit: int) -> int:
    """How many non-blank rows follow the header in the workbook's largest sheet, counting no
    further than `limit` + 1: enough to tell a long file from a short one without reading it
    all (nor running any check). A file that cannot be read counts 0 (the preview says why)."""
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, XML errors)
        return 0
    try:
        most = 0
        for worksheet in workbook.worksheets:
            filled = 0
            for _number, cells in _rows(worksheet):
                if any(not _is_blank(cell) for cell in cells):
                    filled += 1
                    if filled > limit + 1:
                        break
            most = max(most, filled - 1)
        return min(most, limit + 1)
    finally:
        workbook.close()
