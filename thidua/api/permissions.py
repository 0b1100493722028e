"""Access checks the API needs on top of the funnels in thidua.initiatives.permissions and
thidua.campaigns.permissions. Each one goes through those funnels first (404 when the object has
not reached the user), then asks one question (403 when the answer is no). Candidates to move
next to the funnels they build on once the web UI wants them too.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.campaigns.permissions import can_manage
from thidua.initiatives.models import Attachment, Initiative
from thidua.initiatives.permissions import (
    can_decide,
    can_edit,
    can_see_content,
    initiative_for_user,
    register_units,
)
from thidua.initiatives.selectors import programmes_for_user
from thidua.orgs.models import Membership, Unit
from thidua.orgs.permissions import Cap, unit_for_user, units_for_user

EDIT_DENIED = gettext_lazy(
    "Chỉ công đoàn cơ sở đăng ký sáng kiến được sửa, nộp, rút sáng kiến và đính kèm tệp."
)
DECIDE_DENIED = gettext_lazy(
    "Chỉ đơn vị đang giữ sáng kiến được chọn, không chọn, trả lại hoặc chuyển sáng kiến "
    "lên cấp trên."
)


def editable_initiative(user: Any, pk: Any) -> Initiative:
    """Edit, submit, withdraw, attach: the initiative's own union (or whoever registered it)."""
    initiative = initiative_for_user(user, pk)
    if not can_edit(user, initiative):
        raise PermissionDenied(str(EDIT_DENIED))
    return initiative


def decidable_initiative(user: Any, pk: Any) -> Initiative:
    """Select, not select, return, forward: the unit that holds the initiative now."""
    initiative = initiative_for_user(user, pk)
    if not can_decide(user, initiative):
        raise PermissionDenied(str(DECIDE_DENIED))
    return initiative


def attachment_for_user(user: Any, pk: Any, *, edit: bool = False) -> Attachment:
    """An attachment through its initiative's funnel: 404 when the initiative has not reached
    the user or (reading) its content is confidential to them; 403 when (edit) they may not
    edit it."""
    try:
        attachment = Attachment.objects.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        attachment = None
    try:
        # The row alone decides nothing: its initiative goes through the funnel.
        initiative = initiative_for_user(user, attachment.initiative_id if attachment else None)
    except Http404:
        raise Http404(_("Không tìm thấy tệp đính kèm.")) from None
    if edit and not can_edit(user, initiative):
        raise PermissionDenied(str(EDIT_DENIED))
    if not edit and not can_see_content(user, initiative):
        # Its files are content: not even their existence shows, as in the web UI.
        raise Http404(_("Không tìm thấy tệp đính kèm."))
    assert attachment is not None  # noqa: S101  the funnel let a real initiative through
    attachment.initiative = initiative
    return attachment


def level_for_user(user: Any, pk: Any) -> ProgrammeLevel:
    """A level of a programme the user takes part in."""
    try:
        return (
            ProgrammeLevel.objects.filter(programme__in=programmes_for_user(user))
            .select_related("programme")
            .get(pk=int(pk))
        )
    except (ProgrammeLevel.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(_("Không tìm thấy cấp xét.")) from None


def running_unit_for_user(user: Any, pk: Any) -> Unit:
    """A unit the user may start a programme at: in their scope to manage (404 and 403 as for
    units), and one they are an officer or admin of, so that they can then manage the
    programme they start."""
    unit = unit_for_user(user, pk, Cap.MANAGE_UNITS)
    # can_manage asks only who runs the programme: an unsaved one states the question.
    if not can_manage(user, Programme(running_unit=unit)):
        raise PermissionDenied(
            _(
                "Chỉ cán bộ thi đua – khen thưởng của chính đơn vị này được phát động chương "
                "trình của đơn vị."
            )
        )
    return unit


def registering_unit_for_user(user: Any, pk: Any) -> Unit:
    """A unit the user may register initiatives at: their own grassroots union, or a unit
    whose people they manage (an officer registering on a union's behalf)."""
    unit = unit_for_user(user, pk)
    if (
        unit.pk not in register_units(user)
        and not units_for_user(user, Cap.MANAGE_PEOPLE).filter(pk=unit.pk).exists()
    ):
        raise PermissionDenied(_("Bạn không được đăng ký sáng kiến cho đơn vị này."))
    return unit


def progress_unit_for_user(user: Any, pk: Any) -> Unit:
    """A unit whose progress board the user may read: one they belong to or manage. The board
    shows counts only, never an initiative."""
    unit = unit_for_user(user, pk)
    if (
        not user.is_superuser
        and not Membership.objects.filter(user=user, unit=unit).exists()
        and not units_for_user(user, Cap.MANAGE_UNITS).filter(pk=unit.pk).exists()
    ):
        raise PermissionDenied(_("Chỉ xem được tiến độ của đơn vị bạn thuộc về hoặc quản lý."))
    return unit
