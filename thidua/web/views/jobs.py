"""Việc nền: the background jobs a user started (imports, exports), each with a progress bar
that updates, its result or its error, and a retry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.documents.permissions import batches_for_user
from thidua.jobs import services
from thidua.jobs.enums import JobStatus
from thidua.jobs.permissions import is_owner, job_for_user, sees_traceback
from thidua.jobs.registry import result_page_for
from thidua.jobs.selectors import jobs_list

NAV = "jobs"
PER_PAGE = 50


@login_required
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(jobs_list(user=request.user), PER_PAGE).get_page(request.GET.get("trang"))
    # Certificates printed in batches are background work too; they keep their own pages.
    batches = batches_for_user(request.user).filter(requested_by_id=request.user.pk)[:10]
    context = {"page": page, "batches": batches, "nav_active": NAV}
    return render(request, "web/jobs/list.html", context)


@login_required
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's page; htmx asks for its progress card alone, every second while it runs."""
    job = job_for_user(request.user, pk)
    template = "web/jobs/_progress.html" if request.htmx else "web/jobs/detail.html"  # type: ignore[attr-defined]
    context = {
        "job": job,
        "owner": is_owner(request.user, job),
        "retryable": services.job_retryable(job) and is_owner(request.user, job),
        "show_traceback": sees_traceback(request.user),
        "problems": job.result.get("problems", []),
        "nav_active": NAV,
    }
    # A kind with a page of its own for its result (an import's preview, to confirm).
    result_page = result_page_for(job.kind)
    if result_page is not None and job.status == JobStatus.DONE:
        context = {**context, **result_page.context(request, job)}
        context["result_template"] = result_page.template
    return render(request, template, context)


@login_required
@require_GET
def job_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = job_for_user(request.user, pk)
    if not is_owner(request.user, job):
        raise PermissionDenied(_("Chỉ người đã yêu cầu việc này được tải tệp."))
    if job.status != JobStatus.DONE or not job.result_file:
        raise Http404(_("Việc này chưa có tệp."))
    if not default_storage.exists(job.result_file.name):
        raise Http404(_("Tệp đã bị xoá; hãy tạo lại."))
    filename = job.result_file.name.rsplit("/", 1)[-1]
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=filename)


@login_required
@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = job_for_user(request.user, pk)
    if not is_owner(request.user, job):
        raise PermissionDenied(_("Chỉ người đã yêu cầu việc này được chạy lại."))
    try:
        services.job_retry(actor=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã cho chạy lại."))
    return redirect("web:job_detail", job.pk)
