"""What can be imported and exported. Each kind has its own named routes
(`spreadsheets:unit_export`, `spreadsheets:person_import`...), so every URL is greppable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import pgettext_lazy

from thidua.orgs.permissions import Cap
from thidua.spreadsheets import services
from thidua.spreadsheets.base import ImportReport, SpreadsheetDocument
from thidua.spreadsheets.exports import PersonExport, PersonTemplate, UnitExport, UnitTemplate
from thidua.spreadsheets.forms import InitiativeUploadForm, UploadForm
from thidua.spreadsheets.initiative_exports import InitiativeExport, InitiativeTemplate
from thidua.spreadsheets.initiative_import import initiative_import_args, initiatives_import


def no_import_args(user: Any, options: Mapping[str, str]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class SheetKind:
    slug: str  # "unit" or "person": the prefix of its route names
    title: Any  # "đơn vị", "người": lazy, what the pages call the rows of this kind
    view_cap: Cap  # to export
    manage_cap: Cap  # to download the template and import
    template: Callable[..., SpreadsheetDocument]
    export: Callable[..., SpreadsheetDocument]
    run_import: Callable[..., ImportReport]
    # From the options the upload page was given (the programme, what to do after importing)
    # to run_import's own arguments, through the access funnels; units and people take none.
    import_args: Callable[[Any, Mapping[str, str]], dict[str, Any]] = no_import_args
    upload_form: Callable[..., UploadForm] = UploadForm
    listed: bool = True  # a card of its own on the index page (initiatives: one per programme)

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
    # Per programme (?chuong_trinh=), and authors not found become people of their union.
    "initiative": SheetKind(
        slug="initiative", title=pgettext_lazy("what a sheet lists", "sáng kiến"),
        view_cap=Cap.VIEW_PEOPLE, manage_cap=Cap.MANAGE_PEOPLE,
        template=InitiativeTemplate, export=InitiativeExport, run_import=initiatives_import,
        import_args=initiative_import_args, upload_form=InitiativeUploadForm, listed=False,
    ),
}  # fmt: skip
