"""What can be imported and exported. Each kind has its own named routes
(`spreadsheets:unit_export`, `spreadsheets:person_import`...), so every URL is greppable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import pgettext_lazy

from thidua.orgs.permissions import Cap
from thidua.spreadsheets import services
from thidua.spreadsheets.base import ImportReport, SpreadsheetDocument
from thidua.spreadsheets.exports import PersonExport, PersonTemplate, UnitExport, UnitTemplate


@dataclass(frozen=True)
class SheetKind:
    slug: str  # "unit" or "person": the prefix of its route names
    title: Any  # "đơn vị", "người": lazy, what the pages call the rows of this kind
    view_cap: Cap  # to export
    manage_cap: Cap  # to download the template and import
    template: Callable[..., SpreadsheetDocument]
    export: Callable[..., SpreadsheetDocument]
    run_import: Callable[..., ImportReport]

    @property
    def template_url(self) -> str:
        return f"spreadsheets:{self.slug}_template"

    @property
    def export_url(self) -> str:
        return f"spreadsheets:{self.slug}_export"

    @property
    def import_url(self) -> str:
        return f"spreadsheets:{self.slug}_import"


KINDS = {
    "unit": SheetKind(
        slug="unit", title=pgettext_lazy("what a sheet lists", "đơn vị"),
        view_cap=Cap.VIEW_UNITS, manage_cap=Cap.MANAGE_UNITS,
        template=UnitTemplate, export=UnitExport, run_import=services.units_import,
    ),
    "person": SheetKind(
        slug="person", title=pgettext_lazy("what a sheet lists", "người"),
        view_cap=Cap.VIEW_PEOPLE, manage_cap=Cap.MANAGE_PEOPLE,
        template=PersonTemplate, export=PersonExport, run_import=services.people_import,
    ),
}  # fmt: skip
