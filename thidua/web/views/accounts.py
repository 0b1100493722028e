"""Accounts and their roles at units, for administrators; and the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from thidua.common.vietnamese import fold
from thidua.orgs import services
from thidua.orgs.models import Membership
from thidua.orgs.permissions import (
    Cap,
    audit_for_user,
    require_cap_somewhere,
    units_for_user,
    user_for_user,
    users_for_user,
)
from thidua.web.forms import MembershipForm, UserCreateForm, add_service_errors
from thidua.web.views.common import paginate


@login_required
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.MANAGE_USERS)
    query = request.GET.get("q", "").strip()
    users = users_for_user(request.user).prefetch_related("memberships__unit").order_by("username")
    if query:
        users = users.filter(username__icontains=query) | users.filter(full_name__icontains=query)
    return render(
        request,
        "web/user_list.html",
        {
            "page": paginate(request, users),
            "query": query,
            "nav_active": "users",
        },
    )


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.MANAGE_USERS)
    units = units_for_user(request.user, Cap.MANAGE_USERS)
    form = UserCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.user,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                password=data["password"] or None,
            )
            services.membership_add(
                actor=request.user, user=user, unit=data["unit"], role=data["role"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not data["password"] and data["email"]:
                services.user_send_password_link(
                    actor=request.user,
                    user=user,
                    domain=request.get_host(),
                    use_https=request.is_secure(),
                )
                messages.info(
                    request, _("Đã gửi thư đặt mật khẩu tới %(email)s.") % {"email": data["email"]}
                )
            messages.success(
                request, _("Đã tạo tài khoản “%(username)s”.") % {"username": user.username}
            )
            return redirect("web:user_detail", pk=user.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "title": _("Tạo tài khoản"),
            "submit": _("Tạo tài khoản"),
            "nav_active": "users",
        },
    )


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = user_for_user(request.user, pk)
    units = units_for_user(request.user, Cap.MANAGE_USERS)
    form = MembershipForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_add(
                actor=request.user,
                user=target,
                unit=form.cleaned_data["unit"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã thêm vai trò."))
            return redirect("web:user_detail", pk=target.pk)
    unit_ids = set(units.values_list("pk", flat=True).filter(memberships__user=target))
    memberships = [
        (membership, membership.unit_id in unit_ids)
        for membership in target.memberships.select_related("unit")
    ]
    return render(
        request,
        "web/user_detail.html",
        {
            "target": target,
            "memberships": memberships,
            "form": form,
            "nav_active": "users",
        },
    )


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    target = user_for_user(request.user, pk)
    membership = Membership.objects.filter(
        pk=membership_pk, user=target, unit__in=units_for_user(request.user, Cap.MANAGE_USERS)
    ).first()
    if membership is None:
        raise Http404(_("Không tìm thấy vai trò này."))
    services.membership_remove(actor=request.user, membership=membership)
    messages.success(request, _("Đã bỏ vai trò."))
    return redirect("web:user_detail", pk=target.pk)


@login_required
@require_POST
def user_toggle_active(request: HttpRequest, pk: int) -> HttpResponse:
    target = user_for_user(request.user, pk)
    if target.pk == request.user.pk:
        messages.error(request, _("Bạn không thể tự khóa tài khoản của mình."))
    else:
        try:
            services.user_update(
                actor=request.user, user=target, data={"is_active": not target.is_active}
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Đã mở khóa tài khoản.") if target.is_active else _("Đã khóa tài khoản.")
            )
    return redirect("web:user_detail", pk=target.pk)


@login_required
@require_POST
def user_send_reset(request: HttpRequest, pk: int) -> HttpResponse:
    target = user_for_user(request.user, pk)
    try:
        services.user_send_password_link(
            actor=request.user,
            user=target,
            domain=request.get_host(),
            use_https=request.is_secure(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Đã gửi thư đặt lại mật khẩu tới %(email)s.") % {"email": target.email}
        )
    return redirect("web:user_detail", pk=target.pk)


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    require_cap_somewhere(request.user, Cap.VIEW_AUDIT)
    entries = audit_for_user(request.user).select_related("actor")
    query = request.GET.get("q", "").strip()
    if query:
        entries = entries.filter(object_repr__icontains=query) | entries.filter(
            object_repr__icontains=fold(query)
        )
    action = request.GET.get("thao_tac", "")
    if action:
        entries = entries.filter(action=action)
    return render(
        request,
        "web/audit_log.html",
        {
            "page": paginate(request, entries),
            "query": query,
            "action": action,
            "actions": ACTION_LABELS,
            "nav_active": "audit",
        },
    )


ACTION_LABELS = {
    "unit_create": gettext_lazy("Thêm đơn vị"),
    "unit_update": gettext_lazy("Sửa đơn vị"),
    "unit_move": gettext_lazy("Chuyển đơn vị"),
    "unit_merge": gettext_lazy("Sáp nhập đơn vị"),
    "unit_dissolve": gettext_lazy("Giải thể đơn vị"),
    "person_create": gettext_lazy("Thêm người"),
    "person_update": gettext_lazy("Sửa thông tin người"),
    "person_move_on_merge": gettext_lazy("Chuyển người khi sáp nhập"),
    "user_create": gettext_lazy("Tạo tài khoản"),
    "user_update": gettext_lazy("Sửa tài khoản"),
    "membership_add": gettext_lazy("Thêm vai trò"),
    "membership_remove": gettext_lazy("Bỏ vai trò"),
    "user_password_link": gettext_lazy("Gửi liên kết đặt mật khẩu"),
    "programme_create": gettext_lazy("Tạo chương trình thi đua"),
    "programme_update": gettext_lazy("Sửa chương trình thi đua"),
    "programme_launch": gettext_lazy("Phát động chương trình"),
    "programme_close": gettext_lazy("Kết thúc chương trình"),
    "level_update": gettext_lazy("Sửa cấp xét"),
    "field_add": gettext_lazy("Thêm lĩnh vực"),
    "deadline_extend": gettext_lazy("Gia hạn nộp"),
    "initiative_create": gettext_lazy("Đăng ký sáng kiến"),
    "initiative_update": gettext_lazy("Sửa sáng kiến"),
    "initiative_submit": gettext_lazy("Nộp sáng kiến"),
    "initiative_withdraw": gettext_lazy("Rút sáng kiến"),
    "initiative_select": gettext_lazy("Chọn sáng kiến"),
    "initiative_not_select": gettext_lazy("Không chọn sáng kiến"),
    "initiative_return": gettext_lazy("Trả lại sáng kiến"),
    "initiative_forward": gettext_lazy("Chuyển sáng kiến lên cấp trên"),
    "initiative_attach": gettext_lazy("Đính kèm tệp"),
    "initiative_detach": gettext_lazy("Gỡ tệp đính kèm"),
    "council_create": gettext_lazy("Thành lập hội đồng"),
    "council_update": gettext_lazy("Sửa thiết lập hội đồng"),
    "council_open": gettext_lazy("Bắt đầu chấm"),
    "council_reopen": gettext_lazy("Mở lại việc chấm"),
    "council_member_add": gettext_lazy("Thêm thành viên hội đồng"),
    "council_member_update": gettext_lazy("Sửa thành viên hội đồng"),
    "council_member_remove": gettext_lazy("Bỏ thành viên hội đồng"),
    "rubric_create": gettext_lazy("Lập bộ tiêu chí"),
    "rubric_update": gettext_lazy("Sửa bộ tiêu chí"),
    "rubric_criteria": gettext_lazy("Sửa tiêu chí chấm"),
    "assignment_add": gettext_lazy("Phân công chấm"),
    "assignment_end": gettext_lazy("Thôi phân công chấm"),
    "assignments_auto": gettext_lazy("Phân công tự động"),
    "assignments_import": gettext_lazy("Nhập phân công từ Excel"),
    "conflict_declare": gettext_lazy("Khai báo xung đột lợi ích"),
    "conflict_confirm": gettext_lazy("Xác nhận xung đột lợi ích"),
    "sheet_submit": gettext_lazy("Nộp phiếu chấm"),
    "slate_propose": gettext_lazy("Lập danh sách đề xuất"),
    "slate_amend": gettext_lazy("Sửa danh sách đề xuất"),
    "slate_confirm": gettext_lazy("Xác nhận danh sách đề xuất"),
    "slate_vote": gettext_lazy("Biểu quyết danh sách"),
    "cycle_open": gettext_lazy("Mở đợt xét khen thưởng"),
    "cycle_update": gettext_lazy("Sửa đợt xét khen thưởng"),
    "cycle_extend": gettext_lazy("Gia hạn nộp hồ sơ khen thưởng"),
    "category_create": gettext_lazy("Thêm nhóm đối tượng"),
    "category_update": gettext_lazy("Sửa nhóm đối tượng"),
    "category_delete": gettext_lazy("Xóa nhóm đối tượng"),
    "category_quota": gettext_lazy("Đặt số hồ sơ tối đa của đơn vị"),
    "rule_create": gettext_lazy("Thêm điều kiện xét"),
    "rule_update": gettext_lazy("Sửa điều kiện xét"),
    "rule_delete": gettext_lazy("Xóa điều kiện xét"),
    "nomination_create": gettext_lazy("Lập hồ sơ đề nghị khen thưởng"),
    "nomination_update": gettext_lazy("Sửa hồ sơ đề nghị khen thưởng"),
    "nomination_document": gettext_lazy("Đính kèm, gỡ tài liệu hồ sơ"),
    "nomination_submit": gettext_lazy("Nộp hồ sơ khen thưởng"),
    "nomination_late": gettext_lazy("Nộp hồ sơ quá hạn (bị từ chối)"),
    "nomination_return": gettext_lazy("Trả lại hồ sơ để bổ sung"),
    "nomination_accept": gettext_lazy("Tiếp nhận hồ sơ hợp lệ"),
    "nomination_reject": gettext_lazy("Không xét hồ sơ"),
    "nomination_withdraw": gettext_lazy("Rút hồ sơ khen thưởng"),
    "nomination_override": gettext_lazy("Xét ngoại lệ điều kiện khen thưởng"),
    "nomination_award": gettext_lazy("Được khen thưởng"),
    "nomination_revoke": gettext_lazy("Thu hồi khen thưởng"),
    "decision_create": gettext_lazy("Lập dự thảo quyết định"),
    "decision_update": gettext_lazy("Sửa dự thảo quyết định"),
    "decision_lines_add": gettext_lazy("Đưa hồ sơ vào quyết định"),
    "decision_line_add": gettext_lazy("Thêm người vào quyết định"),
    "decision_line_update": gettext_lazy("Sửa dòng quyết định"),
    "decision_line_remove": gettext_lazy("Bỏ người khỏi quyết định"),
    "decision_comment_open": gettext_lazy("Lấy ý kiến công khai"),
    "decision_comment": gettext_lazy("Góp ý công khai"),
    "decision_back_to_draft": gettext_lazy("Dừng lấy ý kiến để sửa danh sách"),
    "decision_sign": gettext_lazy("Ký, cấp số quyết định"),
    "decision_publish": gettext_lazy("Công bố quyết định"),
    "decision_revoke": gettext_lazy("Thu hồi khen thưởng"),
    "register_take": gettext_lazy("Lấy số văn bản"),
    "register_continue": gettext_lazy("Tiếp tục số từ sổ giấy"),
    "event_create": gettext_lazy("Tạo hội nghị biểu dương"),
    "event_update": gettext_lazy("Sửa kế hoạch hội nghị"),
    "guest_group_add": gettext_lazy("Thêm nhóm khách mời"),
    "guest_group_update": gettext_lazy("Sửa nhóm khách mời"),
    "guest_group_remove": gettext_lazy("Xóa nhóm khách mời"),
    "guest_group_move": gettext_lazy("Đổi thứ tự nhóm khách mời"),
    "guest_add": gettext_lazy("Thêm khách mời"),
    "guest_update": gettext_lazy("Sửa khách mời"),
    "guest_remove": gettext_lazy("Bỏ khách mời"),
    "guest_move": gettext_lazy("Đổi thứ tự khách mời"),
    "guests_fill": gettext_lazy("Mời chủ tịch các công đoàn cơ sở"),
    "event_close": gettext_lazy("Kết thúc hội nghị"),
    "event_reopen": gettext_lazy("Mở lại hội nghị"),
    "checkin": gettext_lazy("Điểm danh đại biểu (có mặt)"),
    "checkin_undo": gettext_lazy("Bỏ điểm danh (ghi nhầm)"),
    "walk_in_add": gettext_lazy("Thêm người đến không có giấy mời"),
    "invitations_send": gettext_lazy("Gửi giấy mời qua thư điện tử"),
    "rsvp_answer": gettext_lazy("Đại biểu trả lời giấy mời"),
    "rsvp_record": gettext_lazy("Ghi trả lời giấy mời"),
    "rsvp_link_reissue": gettext_lazy("Cấp lại đường dẫn trả lời"),
    "invitation_bounced": gettext_lazy("Đánh dấu thư bị trả lại"),
    "reminders_send": gettext_lazy("Gửi thư nhắc lịch"),
    "event_decision_link": gettext_lazy("Gắn quyết định khen thưởng vào hội nghị"),
    "event_decision_unlink": gettext_lazy("Bỏ quyết định khen thưởng khỏi hội nghị"),
    "event_council_link": gettext_lazy("Gắn kết quả hội đồng xét chọn vào hội nghị"),
    "event_council_unlink": gettext_lazy("Bỏ kết quả hội đồng xét chọn khỏi hội nghị"),
    "honourees_sync": gettext_lazy("Lấy danh sách người được khen thưởng từ quyết định"),
    "honouree_update": gettext_lazy("Sửa lời giới thiệu, liên lạc của người được khen thưởng"),
    "agenda_prefill": gettext_lazy("Soạn chương trình mẫu"),
    "agenda_item_add": gettext_lazy("Thêm mục chương trình"),
    "agenda_item_update": gettext_lazy("Sửa mục chương trình"),
    "agenda_item_remove": gettext_lazy("Xóa mục chương trình"),
    "agenda_item_move": gettext_lazy("Đổi thứ tự mục chương trình"),
    "stage_settings_update": gettext_lazy("Sửa cách sắp xếp thứ tự trao thưởng"),
    "job_start": gettext_lazy("Bắt đầu việc nền (nhập, xuất Excel)"),
    "job_retry": gettext_lazy("Chạy lại việc nền"),
}
