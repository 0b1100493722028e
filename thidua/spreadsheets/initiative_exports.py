"""Initiative workbooks: a filtered list, exactly as the web list shows it, and the import
template of one programme."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from django.utils.text import slugify

from thidua.campaigns.models import Programme
from thidua.initiatives.models import Initiative
from thidua.initiatives.permissions import PUBLIC_FIELDS, can_see_content, initiatives_for_user
from thidua.initiatives.selectors import InitiativeFilters, initiative_list
from thidua.orgs.permissions import today
from thidua.spreadsheets.exports import SheetDocument
from thidua.spreadsheets.initiative_sheets import EXPORT_SHEET, import_sheet

# What a confidential initiative shows to those who may not read it in full.
# The benefit is public (as its summary) even for a confidential initiative.
PUBLIC_COLUMNS = frozenset({"number", "benefit_value", *PUBLIC_FIELDS})


def initiative_row(number: int, initiative: Initiative) -> dict[str, Any]:
    level, holder = initiative.current_level, initiative.current_unit
    return {
        "number": number, "code": initiative.code, "title": initiative.title,
        "authors": [(a.person.full_name, a.share) for a in initiative.authorships.all()],
        "unit": initiative.unit.name, "field": initiative.field.name,
        "solution_kind": initiative.solution_kind, "benefit_value": initiative.benefit_value,
        "first_applied_on": initiative.first_applied_on, "status": initiative.status,
        "current_level": level.name if level else "", "current_unit": holder.name if holder else "",
    }  # fmt: skip


class InitiativeExport(SheetDocument):
    """The list in the order shown, one sheet, no guide: a report, not a file to import."""

    with_guide = False

    def __init__(self, *, user: Any, filters: InitiativeFilters) -> None:
        super().__init__(spec=EXPORT_SHEET)
        self.user = user
        self.filters = filters
        self.name = f"thidua-sang-kien-{today():%Y%m%d}"

    def row_count(self) -> int:
        return initiative_list(
            initiatives=initiatives_for_user(self.user), filters=self.filters
        ).count()

    def rows(self) -> Iterator[dict[str, Any]]:
        rows = initiative_list(initiatives=initiatives_for_user(self.user), filters=self.filters)
        # Each chunk brings its authors in one more query, whatever the number of rows.
        for number, initiative in enumerate(rows.iterator(chunk_size=2000), start=1):
            values = initiative_row(number, initiative)
            if not can_see_content(self.user, initiative):
                values = {name: value for name, value in values.items() if name in PUBLIC_COLUMNS}
            yield values


class InitiativeTemplate(SheetDocument):
    def __init__(self, *, programme: Programme) -> None:
        super().__init__(spec=import_sheet(programme))
        self.name = f"mau-nhap-sang-kien-{slugify(programme.code)}"


def initiatives_export(*, user: Any, filters: InitiativeFilters) -> IO[bytes]:
    """The initiatives `user` sees, filtered as the web list filters them, as an xlsx in a
    rewound temporary file (closing it deletes it)."""
    return InitiativeExport(user=user, filters=filters).rendered()
