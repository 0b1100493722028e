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


MAX_ID = 2_147_483_647  # the largest key PostgreSQL's integer and SQLite's take alike


def id_param(raw: str | None) -> int | None:
    """A number from the address bar (a filter's id), or None when it is not a usable one:
    a typo or a made-up number filters nothing instead of failing."""
    raw = (raw or "").strip()
    if not raw.isdigit() or len(raw) > 10:
        return None
    number = int(raw)
    return number if 0 < number <= MAX_ID else None
