"""Vietnamese formatting in templates: dates, money, names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext

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


@register.filter
def so(value: int | None) -> str:
    """12.500"""
    return vietnamese.thousands(int(value)) if value is not None else ""


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced, for pagination links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


@register.filter
def gio_ngay(value: dt.datetime | None) -> str:
    """17:00 ngày 10/04/2021, in Vietnam time."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return gettext("%(time)s ngày %(day)s") % {
        "time": f"{local:%H:%M}",
        "day": f"{local:%d/%m/%Y}",
    }


@register.filter
def gio_ngay_chu(value: dt.datetime | None) -> str:
    """14h00 ngày 23 tháng 7 năm 2024, in Vietnam time."""
    return vietnamese.time_in_words(timezone.localtime(value)) if value else ""


@register.filter
def thu(value: dt.datetime | dt.date | None) -> str:
    """The day of the week: thứ ba (of a moment, in Vietnam time)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return vietnamese.weekday_name(value)


@register.filter
def lay(mapping: Any, key: Any) -> Any:
    """mapping[key] in a template."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def thao_tac(action: str) -> str:
    """The audit log's action code as words: "unit_merge" -> "Sáp nhập đơn vị"."""
    from thidua.web.views.accounts import ACTION_LABELS

    return str(ACTION_LABELS.get(action, action))


@register.filter
def getfield(form: Any, name: str) -> Any:
    """A form's bound field by name (for forms whose fields are built at run time)."""
    try:
        return form[name]
    except KeyError:
        return None


@register.filter
def words(text: str) -> list[str]:
    return str(text).split()


@register.filter
def han_nop(deadline: Any) -> str:
    """A dossier deadline as plans write it: "trước ngày 13/7/2024" or "17:00 ngày 8/12/2026"."""
    from thidua.awards.services.common import deadline_text

    return deadline_text(deadline) if deadline else ""
