"""What the council pages share."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpRequest

from thidua.reviews.models import (
    Council,
)
from thidua.reviews.permissions import (
    can_manage,
    can_see_results,
)
from thidua.spreadsheets.base import SpreadsheetDocument


def council_context(council: Council, request: HttpRequest, **extra: Any) -> dict[str, Any]:
    """What every council page needs: the council, its programme, what the user may do."""
    return {
        "council": council,
        "programme": council.level.programme,
        "can_manage": can_manage(request.user, council),
        "can_see_results": can_see_results(request.user, council),
        "nav_active": "councils",
        **extra,
    }


def stream(document: SpreadsheetDocument) -> FileResponse:
    """A generated spreadsheet as a download."""
    return FileResponse(
        document.rendered(),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
