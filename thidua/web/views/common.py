"""Small helpers shared by the HTML views."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from thidua.orgs.permissions import today


def requested_day(request: HttpRequest, name: str = "ngay") -> dt.date:
    """The date a page is viewed at (?ngay=YYYY-MM-DD); today when absent or malformed."""
    raw = request.GET.get(name, "")
    try:
        return dt.date.fromisoformat(raw) if raw else today()
    except ValueError:
        return today()


def paginate(request: HttpRequest, rows: QuerySet[Any], per_page: int = 50) -> Page[Any]:
    return Paginator(rows, per_page).get_page(request.GET.get("trang"))
