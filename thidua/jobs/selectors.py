"""Reads of jobs shared by the pages and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from thidua.jobs.models import Job
from thidua.jobs.permissions import jobs_for_user


def jobs_list(*, user: Any) -> QuerySet[Job]:
    """The jobs `user` sees, newest first, with who started them."""
    return jobs_for_user(user).select_related("created_by", "unit").order_by("-created_at", "-id")
