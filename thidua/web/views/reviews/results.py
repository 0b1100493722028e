"""The ranking raw and corrected side by side, each initiative's sheets and its summary for
the authors, the exports, the slate with a reason for every initiative, and the vote."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.reviews import selection, services
from thidua.reviews.enums import (
    Basis,
    SlateStatus,
)
from thidua.reviews.models import (
    Assignment,
    Council,
    SlateLine,
)
from thidua.reviews.permissions import (
    can_manage,
    council_for_user,
)
from thidua.reviews.scoring import agreement_label
from thidua.reviews.selectors import (
    attach_initiatives,
    council_initiatives,
    council_members,
    council_standings,
)
from thidua.spreadsheets import review_exports
from thidua.web.forms import add_service_errors
from thidua.web.review_forms import (
    AmendForm,
    VoteForm,
)
from thidua.web.views.common import paginate
from thidua.web.views.reviews.common import council_context, stream


def _results_council(request: HttpRequest, pk: int) -> Council:
    council = council_for_user(request.user, pk, results=True)
    if council.rubric is None:
        raise PermissionDenied(_("Hội đồng chưa có bộ tiêu chí."))
    return council


@login_required
def ranking(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Raw and corrected rankings side by side; the council chooses which one counts."""
    council = _results_council(request, pk)
    if request.method == "POST":
        if not can_manage(request.user, council):
            raise PermissionDenied
        basis = request.POST.get("basis", "")
        if basis in Basis.values:
            try:
                services.council_update(actor=request.user, council=council, data={"basis": basis})
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Xếp hạng chính thức: %(basis)s.") % {"basis": Basis(basis).label}
                )
        return redirect("web:ranking", pk=council.pk)
    results = council_standings(council)
    order = request.GET.get("theo", council.basis)
    if order not in Basis.values:
        order = council.basis
    rows = results.ordered(order)
    only = request.GET.get("loc", "")
    if only == "xem-lai":
        rows = [r for r in rows if r.result is not None and r.result.disputed]
    page = paginate(request, rows, per_page=100)  # type: ignore[arg-type]
    # Only the initiatives of the page shown are read, however many the council ranks.
    page.object_list = attach_initiatives(list(page.object_list))
    members = council_members(council)
    reviewers = sorted(
        ((members[key], report) for key, report in results.reviewers.items()),
        key=lambda pair: pair[0].pk,
    )
    return render(
        request,
        "web/reviews/ranking.html",
        council_context(
            council,
            request,
            results=results,
            page=page,
            order=order,
            only=only,
            reviewers=reviewers,
            tie_labels=dict(results.tie_breakers),
            criteria=[c for c in results.spec.criteria if c.counted],
            agreement=agreement_label(results.icc),
        ),
    )


@login_required
@require_GET
def initiative_review(request: HttpRequest, pk: int, initiative_pk: int) -> HttpResponseBase:
    """One initiative's sheets in this council, for those who see results; with `?tac-gia=1`
    the summary that can be given to its authors (no reviewer names)."""
    council = _results_council(request, pk)
    initiative = get_object_or_404(council_initiatives(council), pk=initiative_pk)
    summary = review_exports.initiative_summary(council=council, initiative=initiative)
    if request.GET.get("xlsx"):
        return stream(review_exports.InitiativeSummaryWorkbook(summary=summary))
    authors_view = bool(request.GET.get("tac-gia"))
    sheets = (
        []
        if authors_view
        else Assignment.objects.filter(council=council, initiative=initiative)
        .select_related("member__user", "sheet")
        .order_by("assigned_at")
    )
    return render(
        request,
        "web/reviews/initiative_review.html",
        council_context(
            council,
            request,
            initiative=initiative,
            summary=summary,
            sheets=sheets,
            authors_view=authors_view,
            criteria=list(council.rubric.criteria.all()) if council.rubric else [],
        ),
    )


@login_required
@require_GET
def council_export(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = _results_council(request, pk)
    return stream(review_exports.CouncilWorkbook(council=council))


@login_required
@require_GET
def slate_view(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _slate_page(request, _results_council(request, pk))


def _slate_page(
    request: HttpRequest, council: Council, vote_form: VoteForm | None = None
) -> HttpResponse:
    slate = council.slates.exclude(status=SlateStatus.SUPERSEDED).first()
    lines: Any = []
    counts: dict[str, int] = {}
    if slate is not None:
        lines = slate.lines.select_related("initiative__field", "initiative__unit").order_by(
            "rank", "initiative__code"
        )
        show = request.GET.get("loc", "")
        if show == "chon":
            lines = lines.filter(selected=True)
        elif show == "khong":
            lines = lines.filter(selected=False)
        elif show == "sua":
            lines = [line for line in lines if line.amended]
        elif show == "giai":
            lines = lines.exclude(prize="")
        counts = {
            "selected": slate.lines.filter(selected=True).count(),
            "top": slate.lines.filter(top=True).count(),
            "total": slate.lines.count(),
        }
        for key in selection.PRIZES:
            counts[key] = slate.lines.filter(prize=key).count()
    page = paginate(request, lines, per_page=100)
    return render(
        request,
        "web/reviews/slate.html",
        council_context(
            council,
            request,
            slate=slate,
            page=page,
            counts=counts,
            show=request.GET.get("loc", ""),
            prizes=[(key, selection.prize_label(key)) for key in selection.PRIZES],
            media=slate.media.select_related("person", "field") if slate else [],
            votes=slate.votes.prefetch_related("present__user") if slate else [],
            vote_form=vote_form or VoteForm(council=council),
            amend_form=AmendForm(),
        ),
    )


@login_required
@require_POST
def slate_propose(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    try:
        slate = services.slate_propose(actor=request.user, council=council)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã lập đề xuất lần %(n)s: %(count)s sáng kiến được đề xuất.")
            % {"n": slate.number, "count": slate.lines.filter(selected=True).count()},
        )
    return redirect("web:slate", pk=council.pk)


@login_required
def slate_amend(request: HttpRequest, pk: int, line_pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    line = get_object_or_404(
        SlateLine.objects.filter(slate__council=council).select_related("initiative", "slate"),
        pk=line_pk,
    )
    form = AmendForm(
        request.POST or None,
        initial={"selected": line.selected, "prize": line.prize, "top": line.top},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.slate_amend(
                actor=request.user,
                line=line,
                selected=data["selected"],
                prize=data["prize"],
                top=data["top"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã sửa đề xuất cho %(code)s.") % {"code": line.initiative.code}
            )
            return redirect(reverse("web:slate", args=[council.pk]) + "?loc=sua")
    return render(
        request,
        "web/reviews/amend.html",
        council_context(council, request, form=form, line=line),
    )


@login_required
@require_http_methods(["GET", "POST"])
def slate_vote(request: HttpRequest, pk: int) -> HttpResponseBase:
    council = council_for_user(request.user, pk, manage=True)
    if request.method == "GET":
        # A refused vote is shown at this address; reloading it or switching the language
        # lands here by GET: back to the slate.
        return redirect("web:slate", pk=council.pk)
    slate = council.slates.filter(status=SlateStatus.DRAFT).first()
    if slate is None:
        messages.error(request, _("Không có đề xuất nào đang chờ biểu quyết."))
        return redirect("web:slate", pk=council.pk)
    form = VoteForm(request.POST, council=council)
    if not form.is_valid():
        # The page again with what was typed and each mistake next to its field.
        messages.error(request, _("Chưa ghi được biểu quyết: xem các lỗi ở phần Biểu quyết."))
        return _slate_page(request, council, vote_form=form)
    data = form.cleaned_data
    try:
        vote = services.slate_vote(
            actor=request.user,
            slate=slate,
            method=data["method"],
            present=list(data["present"]),
            in_favour=data["in_favour"],
            against=data["against"],
            abstain=data["abstain"],
            note=data["note"],
            place=data["place"],
            held_at=data["held_at"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        messages.error(request, _("Chưa ghi được biểu quyết: xem các lỗi ở phần Biểu quyết."))
        return _slate_page(request, council, vote_form=form)
    else:
        if vote.passed:
            messages.success(
                request,
                _(
                    "Đề xuất được thông qua (%(yes)s/%(total)s thành viên đồng ý). "
                    "Kết quả đã ghi vào từng sáng kiến."
                )
                % {"yes": vote.in_favour, "total": vote.members_total},
            )
        else:
            messages.warning(
                request,
                _(
                    "Đề xuất chưa được thông qua: %(yes)s/%(total)s đồng ý, "
                    "cần %(threshold)s tổng số thành viên."
                )
                % {
                    "yes": vote.in_favour,
                    "total": vote.members_total,
                    "threshold": council.threshold_text,
                },
            )
    return redirect("web:slate", pk=council.pk)
