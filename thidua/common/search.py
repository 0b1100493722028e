"""Diacritic-free search over a folded column, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from django.db.models import Q

from thidua.common.vietnamese import search_terms


def word_prefix_q(field: str, query: str) -> Q:
    """Rows where every word of `query` (folded) starts a word of `field` (already folded):
    "nguyen van a" finds "Nguyễn Văn A" and "Nguyễn Văn Anh", not "Nguyễn Văn Bảo"."""
    condition = Q()
    for term in search_terms(query):
        condition &= Q(**{f"{field}__startswith": term}) | Q(**{f"{field}__contains": " " + term})
    return condition
