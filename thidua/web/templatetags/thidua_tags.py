"""Vietnamese formatting in templates: dates, money, names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from thidua.common import vietnamese

register = template.Library()


@register.filter
def ngay(value: dt.date | None) -> str:
    """12/06/2024"""
    return vietnamese.date_short(value)


@register.filter
def ngay_chu(value: dt.date | None) -> str:
    """ngày 12 tháng 6 năm 2024"""
    return vietnamese.date_in_words(value) if value else ""


@register.filter
def dong(value: int | None) -> str:
    """1.200.000.000 đồng"""
    return vietnamese.money(int(value)) if value is not None else ""


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced, for pagination links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()
