"""The initiative lifecycle. One function per transition; each is atomic, checks the state it
starts from, records an Event (the initiative's own history) and an audit entry.

States (Initiative.status, with current_level/current_unit saying where it sits):
  draft ──submit──▶ submitted@1 ──select──▶ selected@k ──forward──▶ submitted@k+1 …
                      │   ▲                    │
                      │   └──── return ◀───────┘   (back to whoever sent it)
                      ├──not_select──▶ not_selected@k
  draft/submitted/returned@1 ──withdraw──▶ withdrawn        (only before endorsement)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.campaigns.enums import ProgrammeStatus
from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.campaigns.rules import quota_left, share_problems
from thidua.campaigns.selectors import deadline_for, holder_at, levels_of
from thidua.common.audit import audit_record, model_update
from thidua.common.vietnamese import date_short
from thidua.initiatives import files
from thidua.initiatives.enums import Action, StageStatus, Status
from thidua.initiatives.models import Attachment, Authorship, Event, Initiative, Stage
from thidua.orgs.models import Person, Unit
from thidua.orgs.selectors import unit_current_path

CONTENT_FIELDS = [
    "title",
    "solution_kind",
    "field",
    "applying_unit_name",
    "first_applied_on",
    "prior_situation",
    "novelty",
    "application",
    "conditions",
    "benefit_value",
    "benefit_basis",
    "non_monetary_benefit",
    "benefit_certified_by",
    "confidential",
]


def _record(
    *,
    initiative: Initiative,
    actor: Any,
    action: str,
    status_from: str = "",
    level: ProgrammeLevel | None = None,
    unit: Unit | None = None,
    reason: str = "",
    changes: Mapping[str, list[Any]] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """The initiative's own history carries the date of the act (`at`, for acts recorded
    after the fact); the audit entry carries the moment it was written."""
    Event.objects.create(
        initiative=initiative,
        at=at or timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        level=level,
        unit=unit,
        status_from=status_from,
        status_to=initiative.status,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action=f"initiative_{action}",
        obj=initiative,
        reason=reason,
        changes=changes if changes is not None else {"status": [status_from, initiative.status]},
        unit_path=unit_current_path(initiative.unit),
    )


def _set_authors(initiative: Initiative, authors: Sequence[tuple[Person, Decimal]]) -> None:
    problems = share_problems([share for _person, share in authors])
    people = [person.pk for person, _share in authors]
    if len(set(people)) != len(people):
        problems.append(_("Một người chỉ được ghi một lần trong danh sách tác giả."))
    if problems:
        raise ValidationError({"authors": problems})
    initiative.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(initiative=initiative, person=person, share=share, order=index)
        for index, (person, share) in enumerate(authors)
    )


def _next_code(programme: Programme) -> str:
    # The UPDATE locks the programme's row until the transaction ends, so two officers
    # registering at once never get the same number; a code already taken (written by hand
    # before numbering began) is skipped.
    while True:
        Programme.objects.filter(pk=programme.pk).update(initiative_seq=F("initiative_seq") + 1)
        number = Programme.objects.values_list("initiative_seq", flat=True).get(pk=programme.pk)
        code = f"{programme.code}-{number:05d}"
        if not Initiative.objects.filter(code=code).exists():
            return code


def _first_level(programme: Programme) -> ProgrammeLevel:
    levels = levels_of(programme)
    if not levels:
        raise ValidationError(_("Chương trình chưa có cấp xét nào."))
    return levels[0]


_GIVEN = ["programme", "unit", "created_by", "code"]


@transaction.atomic
def initiative_create(
    *,
    actor: Any,
    programme: Programme,
    unit: Unit,
    data: Mapping[str, Any],
    authors: Sequence[tuple[Person, Decimal]],
    now: dt.datetime | None = None,
) -> Initiative:
    """Register a draft at a grassroots union. Side effects: authors with shares (must sum to
    100), an Event and an audit entry."""
    now = now or timezone.now()
    if programme.status != ProgrammeStatus.LAUNCHED:
        raise ValidationError(_("Chương trình chưa được phát động hoặc đã kết thúc."))
    day = timezone.localdate(now)
    if not programme.starts_on <= day <= programme.ends_on:
        message = _("Chương trình nhận sáng kiến từ %(start)s đến %(end)s.")
        raise ValidationError(
            message
            % {"start": date_short(programme.starts_on), "end": date_short(programme.ends_on)}
        )
    first = _first_level(programme)
    if holder_at(first, unit, timezone.localdate(now)) != unit:
        message = _(
            "“%(unit)s” không phải đơn vị nhận sáng kiến ở cấp “%(level)s” của chương trình này."
        )
        raise ValidationError({"unit": message % {"unit": unit, "level": first.name}})
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"initiative_create cannot set {sorted(unknown)}")
    if data.get("field") is not None and data["field"].programme_id != programme.pk:
        raise ValidationError({"field": _("Lĩnh vực không thuộc chương trình này.")})
    initiative = Initiative(
        programme=programme,
        unit=unit,
        code=_next_code(programme),
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now,
        **data,
    )
    if not initiative.applying_unit_name:
        initiative.applying_unit_name = unit.name
    # The related rows were fetched by the caller and the code was just checked as free: no
    # need to look them up again for each of thousands of rows an import creates.
    initiative.full_clean(exclude=_GIVEN)
    initiative.refresh_search_text(authors=[person for person, _share in authors])
    initiative.save()
    _set_authors(initiative, authors)
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.CREATE,
        unit=unit,
        changes={"code": [None, initiative.code], "title": [None, initiative.title]},
    )
    return initiative


def is_editable(initiative: Initiative) -> bool:
    """Content changes only while the authors' union holds it: a draft, or returned to it."""
    return initiative.status == Status.DRAFT or (
        initiative.status == Status.RETURNED
        and initiative.current_unit_id == initiative.unit_id
        and initiative.stages.filter(level__order=1, status=StageStatus.RETURNED).exists()
    )


@transaction.atomic
def initiative_update(
    *,
    actor: Any,
    initiative: Initiative,
    data: Mapping[str, Any],
    authors: Sequence[tuple[Person, Decimal]] | None = None,
    now: dt.datetime | None = None,
) -> dict[str, list[Any]]:
    """Change the content of a draft (or one returned to its authors). Audited field by field."""
    if not is_editable(initiative):
        raise ValidationError(
            _("Chỉ sửa được sáng kiến đang soạn hoặc đã được trả lại để bổ sung.")
        )
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"initiative_update cannot set {sorted(unknown)}")
    if data.get("field") is not None and data["field"].programme_id != initiative.programme_id:
        raise ValidationError({"field": _("Lĩnh vực không thuộc chương trình này.")})
    changes = model_update(
        instance=initiative,
        data=data,
        actor=actor,
        action="initiative_update",
        unit_path=unit_current_path(initiative.unit),
    )
    if authors is not None:
        before = [
            (a.person.full_name, str(a.share))
            for a in initiative.authorships.select_related("person")
        ]
        _set_authors(initiative, authors)
        after = [(person.full_name, str(share)) for person, share in authors]
        if before != after:
            changes["authors"] = [before, after]
    initiative.refresh_search_text()
    initiative.save(update_fields=["search_text", "updated_at"])
    if changes:
        Event.objects.create(
            initiative=initiative,
            at=now or timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            action=Action.UPDATE,
            status_from=initiative.status,
            status_to=initiative.status,
            reason=", ".join(sorted(changes)),
        )
    return changes


def _enter(
    initiative: Initiative,
    level: ProgrammeLevel,
    holder: Unit,
    *,
    sender: Unit | None,
    now: dt.datetime,
) -> Stage:
    """The initiative arrives, pending, at `level` held by `holder` (again, if it was returned
    from there before: one Stage per level)."""
    stage, _created = Stage.objects.update_or_create(
        initiative=initiative,
        level=level,
        defaults={
            "unit": holder,
            "sender": sender,
            "status": StageStatus.PENDING,
            "entered_at": now,
            "decided_at": None,
        },
    )
    initiative.status = Status.SUBMITTED
    initiative.current_level, initiative.current_unit = level, holder
    initiative.save(update_fields=["status", "current_level", "current_unit", "updated_at"])
    return stage


def _check_deadline(level: ProgrammeLevel, acting_unit: Unit, now: dt.datetime) -> None:
    deadline = deadline_for(level, acting_unit)
    if now > deadline:
        local = timezone.localtime(deadline)
        message = _(
            "Đã quá hạn nộp của cấp “%(level)s” (hạn %(time)s ngày %(day)s). "
            "Hãy liên hệ đơn vị chủ trì chương trình để được gia hạn."
        )
        raise ValidationError(
            message % {"level": level.name, "time": f"{local:%H:%M}", "day": f"{local:%d/%m/%Y}"}
        )


def _complete(initiative: Initiative) -> list[str]:
    problems = []
    if not initiative.novelty.strip():
        problems.append(_("Chưa mô tả nội dung và tính mới của sáng kiến."))
    if initiative.benefit_value is None and not initiative.non_monetary_benefit.strip():
        problems.append(_("Chưa ghi giá trị làm lợi hoặc lợi ích không tính được bằng tiền."))
    problems += share_problems([a.share for a in initiative.authorships.all()])
    return problems


@transaction.atomic
def initiative_submit(
    *, actor: Any, initiative: Initiative, now: dt.datetime | None = None
) -> None:
    """Submit to the grassroots union (first level), before that level's deadline for the
    union. Side effects: the first-level Stage becomes pending; Event; audit."""
    now = now or timezone.now()
    if not is_editable(initiative):
        raise ValidationError(
            _("Chỉ nộp được sáng kiến đang soạn hoặc đã được trả lại để bổ sung.")
        )
    problems = _complete(initiative)
    if problems:
        raise ValidationError(problems)
    first = _first_level(initiative.programme)
    _check_deadline(first, initiative.unit, now)
    status_from = initiative.status
    _enter(initiative, first, initiative.unit, sender=None, now=now)
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.SUBMIT,
        status_from=status_from,
        level=first,
        unit=initiative.unit,
    )


def is_withdrawable(initiative: Initiative) -> bool:
    """Before the grassroots union has endorsed it."""
    endorsed = initiative.stages.filter(
        level__order=1, status__in=[StageStatus.SELECTED, StageStatus.FORWARDED]
    ).exists()
    return initiative.status in {Status.DRAFT, Status.SUBMITTED, Status.RETURNED} and not endorsed


@transaction.atomic
def initiative_withdraw(
    *, actor: Any, initiative: Initiative, reason: str, now: dt.datetime | None = None
) -> None:
    """Authors withdraw it, only before their union has endorsed it."""
    if not is_withdrawable(initiative):
        raise ValidationError(_("Chỉ rút được sáng kiến trước khi công đoàn cơ sở công nhận."))
    status_from = initiative.status
    initiative.status = Status.WITHDRAWN
    initiative.save(update_fields=["status", "updated_at"])
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.WITHDRAW,
        status_from=status_from,
        level=initiative.current_level,
        unit=initiative.unit,
        reason=reason,
    )


def _current_stage(initiative: Initiative) -> Stage:
    stage = initiative.stages.filter(level=initiative.current_level).select_related("level").first()
    if stage is None:
        raise ValidationError(_("Sáng kiến chưa được nộp."))
    return stage


def _council_at(stage: Stage, statuses: set[str]) -> bool:
    """Whether a council of the holding unit at this level is in one of `statuses`: while it
    works, the result at this level is the one it votes, not a click on the initiative."""
    from thidua.reviews.models import Council  # reviews builds on initiatives, not the reverse

    return Council.objects.filter(
        level_id=stage.level_id, unit_id=stage.unit_id, status__in=statuses
    ).exists()


@transaction.atomic
def initiative_decide(
    *,
    actor: Any,
    initiative: Initiative,
    selected: bool,
    reason: str = "",
    now: dt.datetime | None = None,
) -> None:
    """The holding unit selects (at the first level: endorses) or does not select it."""
    stage = _current_stage(initiative)
    if stage.status != StageStatus.PENDING:
        raise ValidationError(_("Sáng kiến này không ở trạng thái chờ xét tại cấp hiện tại."))
    if _council_at(stage, {"forming", "scoring"}):
        raise ValidationError(_("Cấp này có hội đồng xét duyệt; kết quả do hội đồng biểu quyết."))
    if not selected and not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do không chọn.")})
    stage.status = StageStatus.SELECTED if selected else StageStatus.NOT_SELECTED
    now = now or timezone.now()
    stage.decided_at = now
    stage.save(update_fields=["status", "decided_at"])
    status_from = initiative.status
    initiative.status = Status.SELECTED if selected else Status.NOT_SELECTED
    initiative.save(update_fields=["status", "updated_at"])
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.SELECT if selected else Action.NOT_SELECT,
        status_from=status_from,
        level=stage.level,
        unit=stage.unit,
        reason=reason,
    )


@transaction.atomic
def initiative_return(
    *, actor: Any, initiative: Initiative, reason: str, now: dt.datetime | None = None
) -> None:
    """Send it back for changes to whoever sent it: the authors at the first level, else the
    unit below that forwarded it. Side effects: stages updated; Event with the reason; audit."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi rõ cần bổ sung, sửa đổi gì.")})
    stage = _current_stage(initiative)
    if stage.status not in {StageStatus.PENDING, StageStatus.SELECTED}:
        raise ValidationError(_("Không trả lại được sáng kiến ở trạng thái này."))
    # Before scoring starts a dossier can still go back for what it lacks; not once it is
    # being scored, nor after the council has voted on it.
    if _council_at(stage, {"scoring", "decided"}):
        raise ValidationError(
            _("Hội đồng xét duyệt đã bắt đầu chấm; không trả lại sáng kiến được nữa.")
        )
    stage.status, stage.decided_at = StageStatus.RETURNED, now or timezone.now()
    stage.save(update_fields=["status", "decided_at"])
    status_from = initiative.status
    if stage.sender_id is None:
        initiative.current_unit = initiative.unit
    else:
        below = initiative.stages.filter(unit_id=stage.sender_id).select_related("level").get()
        below.status = StageStatus.SELECTED
        below.save(update_fields=["status"])
        initiative.current_level, initiative.current_unit = below.level, below.unit
    initiative.status = Status.RETURNED
    initiative.save(update_fields=["status", "current_level", "current_unit", "updated_at"])
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.RETURN,
        status_from=status_from,
        level=stage.level,
        unit=stage.unit,
        reason=reason,
    )


def next_level(
    initiative: Initiative, day: dt.date | None = None
) -> tuple[ProgrammeLevel, Unit] | None:
    """The next level up that has a holder for this initiative on `day`, and that holder."""
    current = initiative.current_level
    if current is None or initiative.current_unit is None:
        return None
    for level in levels_of(initiative.programme):
        if level.order <= current.order:
            continue
        holder = holder_at(level, initiative.current_unit, day)
        if holder is not None:
            return level, holder
    return None


def forwarded_count(level: ProgrammeLevel, unit: Unit) -> int:
    """How many initiatives `unit` has forwarded up from `level` (returned ones do not count)."""
    return (
        Stage.objects.filter(
            level__programme_id=level.programme_id, sender=unit, level__order__gt=level.order
        )
        .exclude(status=StageStatus.RETURNED)
        .count()
    )


@transaction.atomic
def initiative_forward(
    *, actor: Any, initiative: Initiative, now: dt.datetime | None = None
) -> Stage:
    """Forward a selected initiative to the next level, before that level's deadline for the
    sending unit and within the sending level's quota. Side effects: the current Stage is
    marked forwarded; the next level's Stage is pending at its holder; Event; audit."""
    now = now or timezone.now()
    stage = _current_stage(initiative)
    if stage.status != StageStatus.SELECTED:
        raise ValidationError(_("Chỉ chuyển lên cấp trên sáng kiến đã được chọn ở cấp này."))
    target = next_level(initiative, timezone.localdate(now))
    if target is None:
        raise ValidationError(
            _("Đây là cấp xét cao nhất của chương trình; không còn cấp trên để chuyển.")
        )
    level, holder = target
    sender = stage.unit
    _check_deadline(level, sender, now)
    # Serialise forwards from one unit so two officers at once cannot both take the last slot.
    Unit.objects.select_for_update().get(pk=sender.pk)
    left = quota_left(stage.level.quota_max, forwarded_count(stage.level, sender))
    if left == 0:
        quota_max = stage.level.quota_max or 0
        message = ngettext(
            "“%(unit)s” đã chuyển đủ %(count)s sáng kiến, là số tối đa cấp “%(level)s” được "
            "chuyển lên.",
            "“%(unit)s” đã chuyển đủ %(count)s sáng kiến, là số tối đa cấp “%(level)s” được "
            "chuyển lên.",
            quota_max,
        )
        raise ValidationError(
            message % {"unit": sender, "count": quota_max, "level": stage.level.name}
        )
    stage.status = StageStatus.FORWARDED
    stage.save(update_fields=["status"])
    status_from = initiative.status
    upper = _enter(initiative, level, holder, sender=sender, now=now)
    _record(
        initiative=initiative,
        at=now,
        actor=actor,
        action=Action.FORWARD,
        status_from=status_from,
        level=level,
        unit=holder,
    )
    return upper


@transaction.atomic
def attachment_add(*, actor: Any, initiative: Initiative, upload: UploadedFile) -> Attachment:
    """Attach a file after checking its size and its real type by content. Stored under a
    random name outside any public URL; served only through the access funnel."""
    if not is_editable(initiative):
        raise ValidationError(_("Chỉ đính kèm được tệp khi sáng kiến đang soạn hoặc được trả lại."))
    limit = settings.THIDUA_ATTACHMENT_MAX_BYTES
    if upload.size is None or upload.size > limit:
        message = _("Tệp “%(name)s” lớn hơn %(limit)s MB cho phép.")
        raise ValidationError(
            {"file": message % {"name": upload.name, "limit": limit // (1024 * 1024)}}
        )
    if upload.size == 0:
        raise ValidationError({"file": _("Tệp “%(name)s” rỗng.") % {"name": upload.name}})
    upload.seek(0)
    content = upload.read()
    content_type = files.sniff(content[:16], content)
    if content_type is None:
        message = _(
            "Tệp “%(name)s” không phải %(accepted)s (kiểm tra theo nội dung tệp, không theo tên)."
        )
        raise ValidationError({"file": message % {"name": upload.name, "accepted": files.ACCEPTED}})
    claimed = (upload.name or "").rsplit(".", 1)[-1].lower()
    attachment = Attachment(
        initiative=initiative,
        name=(upload.name or "tep")[:255],
        content_type=content_type,
        size=len(content),
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    attachment.file.save("upload", ContentFile(content), save=False)
    attachment.save()
    # The audit trail is Vietnamese whatever the actor reads (see orgs.services._role_label).
    with translation.override(settings.LANGUAGE_CODE):
        kind = str(files.LABELS[content_type])
    _record(
        initiative=initiative,
        actor=actor,
        action=Action.ATTACH,
        reason=attachment.name,
        changes={
            "attachment": [None, f"{attachment.name} ({kind})"],
            "claimed_extension": [None, claimed],
        },
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: Any, attachment: Attachment) -> None:
    initiative = attachment.initiative
    if not is_editable(initiative):
        raise ValidationError(_("Chỉ gỡ được tệp khi sáng kiến đang soạn hoặc được trả lại."))
    name = attachment.name
    attachment.file.delete(save=False)
    attachment.delete()
    _record(
        initiative=initiative,
        actor=actor,
        action=Action.DETACH,
        reason=name,
        changes={"attachment": [name, None]},
    )
