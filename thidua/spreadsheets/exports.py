"""Exports and templates: one workbook layout for both. The data sheet (headers, then rows),
a guide "Hướng dẫn" explaining each column, and "Danh mục" with the allowed values that the
data sheet's drop-down lists point at. An export is a template with rows in it, so an
exported file can be edited and imported back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from django.utils import translation
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.orgs.permissions import Cap, has_cap_somewhere, people_for_user, today
from thidua.spreadsheets.base import Column, SheetSpec, SpreadsheetDocument
from thidua.spreadsheets.selectors import people_for_export, units_for_export
from thidua.spreadsheets.sheets import PERSON_SHEET, UNIT_SHEET

GUIDE_TITLE = "Hướng dẫn"
LISTS_TITLE = "Danh mục"
DATE_FORMAT = "DD/MM/YYYY"
BOLD = Font(bold=True)


def people_spec_for(user: Any) -> SheetSpec:
    """The ID number column only for those who may see personal data somewhere."""
    if has_cap_somewhere(user, Cap.VIEW_PERSONAL_DATA):
        return PERSON_SHEET
    return PERSON_SHEET.without("id_number")


class SheetDocument(SpreadsheetDocument):
    """A workbook for one SheetSpec; subclasses give the rows (none for a template)."""

    # The guide and the lists of allowed values, for files meant to be filled in and imported.
    with_guide = True
    # Told the number of rows written so far, as they are written: a background job's progress.
    progress: Callable[[int], object] | None = None

    def __init__(self, *, spec: SheetSpec) -> None:
        self.spec = spec

    def rows(self) -> Iterable[dict[str, Any]]:
        return []

    def row_count(self) -> int:
        """How many rows `rows()` yields, counted in one query before writing."""
        return 0

    def render(self, out: IO[bytes]) -> None:
        # The workbook is Vietnamese whatever the page's language (see base.py).
        with translation.override("vi"):
            self._render(out)

    def _render(self, out: IO[bytes]) -> None:
        # write_only streams rows to disk as they come: an export of a whole province
        # does not sit in memory.
        workbook = Workbook(write_only=True)
        data = workbook.create_sheet(self.spec.title)
        guide = workbook.create_sheet(GUIDE_TITLE) if self.with_guide else None
        if self.with_guide:
            self._write_lists(workbook.create_sheet(LISTS_TITLE), data)
        for index, column in enumerate(self.spec.columns, start=1):
            data.column_dimensions[get_column_letter(index)].width = column.width
        data.freeze_panes = "A2"
        data.append([self._bold(data, column.header) for column in self.spec.columns])
        for written, values in enumerate(self.rows(), start=1):
            data.append([self._cell(data, column, values) for column in self.spec.columns])
            if self.progress is not None:
                self.progress(written)
        if guide is not None:
            self._write_guide(guide)
        workbook.save(out)

    @staticmethod
    def _bold(sheet: Any, value: str) -> Cell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = BOLD
        return cell

    @staticmethod
    def _cell(sheet: Any, column: Column, values: dict[str, Any]) -> Any:
        value = column.to_cell(values.get(column.field))
        number_format = DATE_FORMAT if column.is_date else column.number_format
        if not number_format or value is None:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    def _write_lists(self, lists: Any, data: Any) -> None:
        """One column of allowed values per choice column, and a drop-down on the data sheet
        pointing at it (a range, since labels contain commas)."""
        with_choices = [
            (index, column)
            for index, column in enumerate(self.spec.columns, start=1)
            if column.choices
        ]
        longest = max((len(column.choices) for _, column in with_choices), default=0)
        lists.append([self._bold(lists, column.header) for _, column in with_choices])
        for position in range(longest):
            lists.append(
                [str(column.choices[position]) if position < len(column.choices) else None
                 for _, column in with_choices]
            )  # fmt: skip
        for list_index, (data_index, column) in enumerate(with_choices, start=1):
            lists.column_dimensions[get_column_letter(list_index)].width = column.width
            list_letter, data_letter = get_column_letter(list_index), get_column_letter(data_index)
            last = len(column.choices) + 1
            source = f"{quote_sheetname(LISTS_TITLE)}!${list_letter}$2:${list_letter}${last}"
            validation = DataValidation(type="list", formula1=source, allow_blank=True)
            validation.add(f"{data_letter}2:{data_letter}1048576")
            data.data_validations.append(validation)

    def _write_guide(self, guide: Any) -> None:
        wrap = Alignment(wrap_text=True, vertical="top")
        for letter, width in zip("ABCD", (22, 10, 70, 50), strict=True):
            guide.column_dimensions[letter].width = width
        guide.append([self._bold(guide, f"Hướng dẫn nhập danh sách {self.spec.what}")])
        for line in (
            f"Ghi mỗi {self.spec.what} trên một dòng của trang “{self.spec.title}”, từ dòng 2; "
            "dòng 1 là tên cột, không sửa tên cột. Có thể bỏ các cột không bắt buộc.",
            "Khi nhập, thidua kiểm tra cả tệp và cho xem trước những gì sẽ thay đổi. "
            "Nếu có một dòng lỗi thì không ghi gì cả.",
        ):
            guide.append([line])
        guide.append([])
        guide.append(
            [self._bold(guide, name) for name in ("Cột", "Bắt buộc", "Cách ghi", "Giá trị")]
        )
        for column in self.spec.columns:
            cells = [column.header, "Có" if column.required else "", column.help,
                     "; ".join(str(choice) for choice in column.choices)]  # fmt: skip
            row = []
            for value in cells:
                cell = WriteOnlyCell(guide, value=value)
                cell.alignment = wrap
                row.append(cell)
            guide.append(row)


class UnitTemplate(SheetDocument):
    name = "mau-nhap-don-vi"

    def __init__(self, *, user: Any) -> None:
        super().__init__(spec=UNIT_SHEET)


class PersonTemplate(SheetDocument):
    name = "mau-nhap-nguoi"

    def __init__(self, *, user: Any) -> None:
        super().__init__(spec=people_spec_for(user))


class UnitExport(SheetDocument):
    def __init__(self, *, user: Any) -> None:
        super().__init__(spec=UNIT_SHEET)
        self.user = user
        self.name = f"thidua-don-vi-{today():%Y%m%d}"

    def row_count(self) -> int:
        return units_for_export(user=self.user).count()

    def rows(self) -> Iterator[dict[str, Any]]:
        for unit in units_for_export(user=self.user).iterator(chunk_size=2000):
            yield {column.field: getattr(unit, column.field) for column in self.spec.columns}


class PersonExport(SheetDocument):
    def __init__(self, *, user: Any) -> None:
        super().__init__(spec=people_spec_for(user))
        self.user = user
        self.name = f"thidua-nguoi-{today():%Y%m%d}"

    def row_count(self) -> int:
        return people_for_user(self.user, Cap.VIEW_PEOPLE).count()

    def rows(self) -> Iterator[dict[str, Any]]:
        for person in people_for_export(user=self.user).iterator(chunk_size=2000):
            yield {
                "id": person.pk, "full_name": person.full_name, "gender": person.gender,
                "date_of_birth": person.date_of_birth, "position": person.position,
                "unit_code": person.unit.code, "education_level": person.education_level,
                "member_category": person.member_category,
                "is_union_member": person.is_union_member, "phone": person.phone,
                "email": person.email,
                "id_number": person.id_number if person.may_see_id_number else "",  # type: ignore[attr-defined]
            }  # fmt: skip
