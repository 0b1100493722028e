"""The vocabulary shared by every sheet: columns, sheet specs, problems, import reports, and
the one base that every generated spreadsheet subclasses.

A SheetSpec says, once, how a kind of row looks in Excel: its Vietnamese headers, how a cell
is read (`parse`) and written (`to_cell`), and how a value is shown in the import preview
(`display`). The reader, the exports and the templates all work from it, so a file exported
today imports back unchanged.

A workbook is Vietnamese whatever language the page is shown in: headers, choice labels, yes/no
and the guide sheet are not translated, so a file exported by one user imports for any other
(and the preview, which describes the file's cells, speaks the file's language). Messages
about the file (problems, warnings) are translated.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import IO, Any

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.common.vietnamese import date_short, fold

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Keep:
    """The value of an empty cell that means "leave as it is" (new rows get the default)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = Keep()


def in_vietnamese(text: Any) -> str:
    """A translatable text (a choice label) as the workbook writes it: its Vietnamese source."""
    with translation.override("vi"):
        return str(text)


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the user as is."""


def header_key(text: str) -> str:
    """Headers match whatever the case, diacritics, spaces and punctuation:
    'MÃ ĐƠN VỊ', 'ma don vi' and 'Mã đơn vị:' are one header."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def file_size(size: int) -> str:
    """2097152 -> '2 MB', 1572864 -> '1,5 MB', 1000 -> '1 KB' (the decimal mark of the
    language in use: a comma in Vietnamese, a point in English)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    megabytes = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
    return megabytes.replace(".", str(formats.get_format("DECIMAL_SEPARATOR"))) + " MB"


def too_big(size: int, limit: int) -> str:
    return _("Tệp quá lớn (%(size)s); tối đa %(limit)s.") % {
        "size": file_size(size),
        "limit": file_size(limit),
    }


def display_value(value: Any) -> str:
    if value is None or value is KEEP:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.date):
        return date_short(value)
    return str(value)


def cell_value(value: Any) -> Any:
    """What an export writes: dates stay dates (Excel shows them as dates), yes/no in words."""
    if value is None or value is KEEP:
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return value


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    parse: Callable[[Any], Any]
    required: bool = False  # the column must be in the file and the cell filled
    blank: Any = ""  # the value of an empty cell in an optional column
    aliases: tuple[str, ...] = ()
    help: str = ""
    # allowed labels (lazy choice labels are written in Vietnamese), for the guide and the
    # drop-down list
    choices: tuple[Any, ...] = ()
    width: int = 18
    is_date: bool = False
    number_format: str = ""  # how Excel shows a number, e.g. "#,##0" for đồng
    to_cell: Callable[[Any], Any] = cell_value
    display: Callable[[Any], str] = display_value

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(header_key(name) for name in (self.header, *self.aliases))


@dataclass(frozen=True)
class SheetSpec:
    title: str  # the worksheet's name, e.g. "Người"
    what: str  # what a row is, in a sentence: "người", "đơn vị"
    columns: tuple[Column, ...]

    def column(self, field_name: str) -> Column:
        for column in self.columns:
            if column.field == field_name:
                return column
        raise KeyError(field_name)

    def has(self, field_name: str) -> bool:
        return any(column.field == field_name for column in self.columns)

    def without(self, *field_names: str) -> SheetSpec:
        return replace(self, columns=tuple(c for c in self.columns if c.field not in field_names))

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: a row (Excel's row number) and column when it is about
    a cell, neither when it is about the whole file."""

    message: str
    row: int | None = None
    column: str = ""
    letter: str = ""

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("Dòng %(row)s") % {"row": self.row})
        if self.column:
            column = _("cột “%(column)s”") % {"column": self.column}
            where.append(column + (f" ({self.letter})" if self.letter else ""))
        return (", ".join(where) + ": " if where else "") + self.message


@dataclass(frozen=True)
class Change:
    column: str
    before: str
    after: str


CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
ACTION_LABELS = {
    CREATE: gettext_lazy("Thêm mới"),
    UPDATE: gettext_lazy("Cập nhật"),
    UNCHANGED: gettext_lazy("Không đổi"),
}


@dataclass(frozen=True)
class RowOutcome:
    row: int
    action: str  # CREATE, UPDATE or UNCHANGED
    label: str  # who or what the row is, for the preview
    changes: tuple[Change, ...] = ()

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class ImportReport:
    """What an import did, or would do: one outcome per data row, every problem found, and
    whether it was written. Nothing is written when there is any problem."""

    what: str
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # What else the import adds on the way (new people for authors not found), one line each;
    # part of the plan the user confirms.
    additions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import was asked to do
    applied: bool = False
    rejected: bool = False  # the file itself is unusable (not xlsx, empty, columns missing)
    stale: bool = False  # the data changed since the preview the user confirmed

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.rows if outcome.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def fingerprint(self) -> str:
        """A digest of the planned changes: confirming a preview applies exactly what it
        showed, or nothing."""
        plan = [
            [o.row, o.action, o.label, [[c.column, c.before, c.after] for c in o.changes]]
            for o in self.rows
        ]
        if self.additions:
            plan.append(["+", *self.additions])
        return hashlib.sha256(json.dumps(plan, ensure_ascii=False).encode()).hexdigest()


class SpreadsheetDocument(abc.ABC):
    """One generated spreadsheet. Views choose one, let it render into a file and stream it."""

    extension = "xlsx"
    content_type = XLSX_CONTENT_TYPE
    name = "bang-tinh"  # the file name without extension; ASCII so every browser keeps it

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.extension}"

    @abc.abstractmethod
    def render(self, out: IO[bytes]) -> None:
        """Write the whole file to `out`."""

    def rendered(self) -> IO[bytes]:
        """The whole file in a temporary file on disk, rewound; closing it deletes it."""
        out = tempfile.TemporaryFile()  # noqa: SIM115 - the caller reads and closes it
        self.render(out)
        out.seek(0)
        return out


def cells_in_order(columns: Iterable[Column], values: dict[str, Any]) -> list[Any]:
    return [column.to_cell(values.get(column.field)) for column in columns]
