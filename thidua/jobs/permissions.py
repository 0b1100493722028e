"""Who sees which job (decision 0003's funnel, decision 0011): everyone sees the jobs they
started; the administrators of a unit (those who read its audit log) also see the jobs about
units in its subtree, to follow and explain them. Only the one who started a job, or a
superuser, downloads its file or runs it again: the file holds what *they* may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.jobs.models import Job
from thidua.orgs.permissions import Cap, has_cap_somewhere, units_for_user


def jobs_for_user(user: Any) -> QuerySet[Job]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Job.objects.none()
    if user.is_superuser:
        return Job.objects.all()
    mine = Q(created_by=user)
    if has_cap_somewhere(user, Cap.VIEW_AUDIT):
        mine |= Q(unit__in=units_for_user(user, Cap.VIEW_AUDIT))
    return Job.objects.filter(mine)


def job_for_user(user: Any, pk: Any) -> Job:
    try:
        return jobs_for_user(user).select_related("created_by", "unit").get(pk=int(pk))
    except (Job.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy việc nền.")) from None


def is_owner(user: Any, job: Job) -> bool:
    """Whether `user` may download the job's file and run it again."""
    return bool(user.is_superuser or (job.created_by_id and job.created_by_id == user.pk))


def sees_traceback(user: Any) -> bool:
    return bool(user.is_superuser or user.is_staff)
