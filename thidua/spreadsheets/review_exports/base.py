"""The base of the council workbooks: several sheets, each a header row and its rows, and the
small helpers their columns and cells share."""

from __future__ import annotations

import abc
import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.reviews import selection
from thidua.reviews.enums import CouncilRole
from thidua.reviews.rubrics import CriterionSpec
from thidua.spreadsheets.base import (
    Column,
    SheetSpec,
    SpreadsheetDocument,
    cell_value,
    in_vietnamese,
)
from thidua.spreadsheets.exports import BOLD, DATE_FORMAT

DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
POINTS_FORMAT = "0.00"
# Text in columns at least this wide (comments, reasons) wraps inside its cell.
WRAP_WIDTH = 40
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Table:
    """One worksheet: `spec`'s headers on row 1, a row per mapping, then `after` (notes, one
    list of cells a line) below a blank line."""

    spec: SheetSpec
    rows: Iterable[Mapping[str, Any]]
    after: Sequence[Sequence[Any]] = ()
    validations: Sequence[DataValidation] = ()


class TablesDocument(SpreadsheetDocument):
    """A report of several sheets. Subclasses give the tables."""

    @abc.abstractmethod
    def tables(self) -> Iterator[Table]:
        """The sheets in order; read lazily, while the workbook is written."""

    def render(self, out: IO[bytes]) -> None:
        # The workbook is Vietnamese whatever the page's language (see thidua/spreadsheets/base.py).
        with translation.override("vi"):
            workbook = Workbook(write_only=True)
            for table in self.tables():
                _write_table(workbook, table)
            workbook.save(out)


def _write_table(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(table.spec.title)
    for index, column in enumerate(table.spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, column.header) for column in table.spec.columns])
    for values in table.rows:
        sheet.append(
            [_cell(sheet, column, values.get(column.field)) for column in table.spec.columns]
        )
    if table.after:
        sheet.append([])
        for line in table.after:
            sheet.append([_note_cell(sheet, value) for value in line])
    for validation in table.validations:
        sheet.data_validations.append(validation)


def _bold(sheet: Any, value: Any) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = BOLD
    cell.alignment = WRAP  # the headers of narrow number columns are long
    return cell


def _note_cell(sheet: Any, value: Any) -> Any:
    if not isinstance(value, dt.datetime):
        return cell_value(value)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATETIME_FORMAT
    return cell


def _cell(sheet: Any, column: Column, value: Any) -> Any:
    value = column.to_cell(value)
    number_format = DATE_FORMAT if column.is_date else column.number_format
    wrap = isinstance(value, str) and column.width >= WRAP_WIDTH
    if value is None or not (number_format or wrap):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP
    return cell


def points(value: float | Decimal | None) -> float | None:
    """Scores as numbers with two decimals at most; what cannot be a number is left out."""
    if value is None:
        return None
    number = float(value)
    return round(number, 2) if math.isfinite(number) else None


def local_time(value: dt.datetime | None) -> dt.datetime | None:
    """Excel has no time zones: the local time of Asia/Ho_Chi_Minh, as people read it."""
    return None if value is None else timezone.localtime(value).replace(tzinfo=None)


def t_value(value: float | None) -> Any:
    if value is None or math.isfinite(value):
        return points(value)
    return "∞" if value > 0 else "-∞"


def report_column(
    header: str,
    field: str,
    *,
    width: int = 14,
    number_format: str = "",
    to_cell: Any = cell_value,
) -> Column:
    """A column of a report: written, never read back."""
    return Column(
        header, field, _not_read, width=width, number_format=number_format, to_cell=to_cell
    )


def _not_read(value: Any) -> Any:  # pragma: no cover - reports are not imported
    return value


def score_column(header: str, field: str, *, width: int = 12) -> Column:
    return report_column(header, field, width=width, number_format=POINTS_FORMAT, to_cell=points)


def when_column(header: str, field: str) -> Column:
    return report_column(header, field, width=17, number_format=DATETIME_FORMAT, to_cell=local_time)


def role_name(role: str) -> str:
    return in_vietnamese(CouncilRole(role).label) if role in CouncilRole.values else role


def prize_name(key: str) -> str:
    return selection.prize_label(key) if key in selection.PRIZES else key


def criterion_header(criterion: CriterionSpec) -> str:
    """'Tính mới (tối đa 40)'; a weight other than 1 and a criterion left out of the total
    are said too, since the total would not add up otherwise."""
    extra = [f"tối đa {criterion.max_points}"]
    if criterion.weight != 1:
        extra.append(f"hệ số {criterion.weight.normalize():f}".replace(".", ","))
    if not criterion.counted:
        extra.append("không tính vào tổng")
    return f"{criterion.name} ({', '.join(extra)})"


def criterion_field(code: str) -> str:
    return f"criterion:{code}"
