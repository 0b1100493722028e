"""A nomination's lifecycle, from the grassroots union's draft to the federation's verdict.

  draft ──submit──▶ submitted ──accept──▶ accepted ──(decision signed)──▶ awarded
    ▲                 │   │
    └──── returned ◀──┘   └──reject──▶ rejected
  draft/returned/submitted ──withdraw──▶ withdrawn

Eligibility rules run when the nomination is made or changed, when it is submitted, and when
it is accepted; a failing rule blocks each of these unless the receiving unit's officer has
overridden it with a written reason (an Override row, an event, an audit entry). The dossier
must hold every document its category requires before it is submitted, before the deadline
(checked here, on the server), and within the unit's quota for the category.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import eligibility
from thidua.awards.enums import (
    AchievementField,
    DocumentKind,
    NominationAction,
    NominationStatus,
    Recipient,
)
from thidua.awards.models import (
    Category,
    Nomination,
    NominationDocument,
    Override,
    Rule,
    UnitQuota,
)
from thidua.awards.services.common import deadline_for, deadline_text, record
from thidua.common.audit import snapshot
from thidua.initiatives import files
from thidua.initiatives.enums import StageStatus
from thidua.orgs.models import Person, Unit

ACHIEVEMENT_FIELDS = [
    "initiative",
    "contest",
    "contest_level",
    "prize",
    "achievement_year",
    "benefit_three_years",
    "summary",
    "field",
]
# Nominations that still count: for the quota and for "one award per achievement".
LIVE = [
    NominationStatus.DRAFT,
    NominationStatus.SUBMITTED,
    NominationStatus.RETURNED,
    NominationStatus.ACCEPTED,
    NominationStatus.AWARDED,
]
EDITABLE = {NominationStatus.DRAFT, NominationStatus.RETURNED}
MAX_DOCUMENT_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class Check:
    rule: Rule
    ok: bool
    message: str
    override: Override | None = None

    @property
    def passes(self) -> bool:
        return self.ok or self.override is not None


# --- eligibility ------------------------------------------------------------------------------


def _same_achievement(nomination: Nomination) -> tuple[str, ...]:
    """Other live nominations (any cycle) of the same person for the same initiative, or the
    same contest and year."""
    if nomination.person_id is None:
        return ()
    same = Q()
    if nomination.initiative_id:
        same |= Q(initiative_id=nomination.initiative_id)
    if nomination.contest.strip() and nomination.achievement_year:
        same |= Q(
            contest__iexact=nomination.contest.strip(), achievement_year=nomination.achievement_year
        )
    if not same:
        return ()
    others = (
        Nomination.objects.filter(same, person_id=nomination.person_id, status__in=LIVE)
        .exclude(pk=nomination.pk)
        .exclude(decision_line__revoked_at__isnull=False)
        .select_related("cycle", "decision_line__decision")
    )
    found = []
    for other in others:
        line = getattr(other, "decision_line", None)
        if line is not None and line.decision.symbol:
            found.append(_("Quyết định số %(symbol)s") % {"symbol": line.decision.symbol})
        else:
            found.append(_("hồ sơ “%(cycle)s”") % {"cycle": other.cycle.name})
    return tuple(found)


def facts_for(nomination: Nomination) -> eligibility.Facts:
    person: Person | None = nomination.person
    initiative = nomination.initiative
    return eligibility.Facts(
        member_category=person.member_category if person else "",
        is_union_member=person.is_union_member if person else True,
        benefit_value=initiative.benefit_value if initiative else None,
        benefit_three_years=nomination.benefit_three_years,
        has_initiative=initiative is not None,
        initiative_recognised=initiative is not None
        and initiative.stages.filter(
            status__in=[StageStatus.SELECTED, StageStatus.FORWARDED]
        ).exists(),
        first_applied_on=initiative.first_applied_on if initiative else None,
        achievement_year=nomination.achievement_year,
        contest_level=nomination.contest_level,
        prize=nomination.prize,
        same_achievement=_same_achievement(nomination),
    )


def nomination_checks(nomination: Nomination) -> list[Check]:
    """Every active rule of the nomination's category, judged on its facts now."""
    facts = facts_for(nomination)
    overrides = (
        {o.rule_id: o for o in nomination.overrides.select_related("by")} if nomination.pk else {}
    )
    checks = []
    for rule in nomination.category.rules.filter(active=True):
        if rule.kind == "union_member" and nomination.person_id is None:
            continue
        outcome = eligibility.check(rule.kind, rule.params, facts)
        override = overrides.get(rule.pk)
        if override is not None and override.message and override.message != outcome.message:
            override = None  # the dossier changed since: the override no longer covers it
        checks.append(Check(rule=rule, ok=outcome.ok, message=outcome.message, override=override))
    return checks


def _enforce_rules(
    *,
    nomination: Nomination,
    actor: Any,
    override_reason: str,
    can_override: bool,
    now: dt.datetime | None = None,
) -> None:
    failing = [c for c in nomination_checks(nomination) if not c.passes]
    if not failing:
        return
    reason = override_reason.strip()
    if not reason or not can_override:
        messages = [c.message for c in failing]
        if reason and not can_override:
            messages.append(
                _("Chỉ cán bộ thi đua của %(unit)s được xét ngoại lệ điều kiện.")
                % {"unit": nomination.cycle.receiving_unit.name}
            )
        elif can_override:
            messages.append(
                _("Nếu vẫn đề nghị, hãy ghi lý do xét ngoại lệ: lý do được lưu vào nhật ký.")
            )
        else:
            messages.append(
                _(
                    "Nếu có lý do đặc biệt, hãy liên hệ cán bộ thi đua của %(unit)s để được "
                    "xét ngoại lệ."
                )
                % {"unit": nomination.cycle.receiving_unit.name}
            )
        raise _refusal(messages, "ineligible")
    for check in failing:
        Override.objects.update_or_create(
            nomination=nomination,
            rule=check.rule,
            defaults={
                "reason": reason,
                "message": check.message,
                "by": _user(actor),
                "at": now or timezone.now(),
            },
        )
        record(
            nomination=nomination,
            actor=actor,
            action=NominationAction.OVERRIDE,
            reason=reason,
            changes={"rule": [None, check.rule.get_kind_display()], "check": [None, check.message]},
            at=now,
        )


def _refusal(messages: list[str], code: str) -> ValidationError:
    """Several messages that keep their code ("ineligible", "incomplete"): Django drops the
    code of a ValidationError built from a plain list."""
    return ValidationError([ValidationError(message, code=code) for message in messages])


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


# --- completeness and quota -------------------------------------------------------------------


def missing_documents(nomination: Nomination) -> list[tuple[str, str]]:
    present = set(nomination.documents.values_list("kind", flat=True))
    return [
        (code, label)
        for code, label in nomination.category.document_labels()
        if code not in present
    ]


def completeness_problems(nomination: Nomination) -> list[str]:
    problems = [
        _("Thiếu tài liệu: %(document)s.") % {"document": label}
        for _code, label in missing_documents(nomination)
    ]
    if not nomination.summary.strip():
        problems.append(_("Chưa có tóm tắt thành tích."))
    return problems


def quota_for(category: Category, unit: Unit) -> int | None:
    special = UnitQuota.objects.filter(category=category, unit=unit).first()
    return special.quota if special else category.quota_per_unit


def _check_quota(nomination: Nomination) -> None:
    quota = quota_for(nomination.category, nomination.unit)
    if quota is None:
        return
    sent = (
        Nomination.objects.filter(
            category=nomination.category,
            unit=nomination.unit,
            # A dossier returned for more papers keeps its place until it is withdrawn.
            status__in=[
                NominationStatus.SUBMITTED,
                NominationStatus.RETURNED,
                NominationStatus.ACCEPTED,
                NominationStatus.AWARDED,
            ],
        )
        .exclude(pk=nomination.pk)
        .count()
    )
    if sent >= quota:
        raise ValidationError(
            _(
                "%(unit)s đã nộp đủ %(quota)s hồ sơ cho nhóm “%(category)s”: mỗi đơn vị được "
                "tối đa %(quota)s. Hãy rút một hồ sơ khác nếu muốn nộp hồ sơ này."
            )
            % {"unit": nomination.unit.name, "quota": quota, "category": nomination.category.name}
        )


# --- making and changing ----------------------------------------------------------------------


def _validate_achievement(nomination: Nomination) -> None:
    category = nomination.category
    errors: dict[str, list[str]] = {}
    if category.recipient == Recipient.INDIVIDUAL and nomination.person_id is None:
        errors.setdefault("person", []).append(_("Hãy chọn người được đề nghị."))
    if category.recipient == Recipient.COLLECTIVE and not nomination.collective_name.strip():
        errors.setdefault("collective_name", []).append(_("Hãy ghi tên tập thể được đề nghị."))
    if (
        category.recipient == Recipient.BOTH
        and nomination.person_id is None
        and not nomination.collective_name.strip()
    ):
        errors.setdefault("person", []).append(
            _("Hãy chọn người hoặc ghi tên tập thể được đề nghị.")
        )
    required = {
        AchievementField.INITIATIVE: (
            "initiative",
            _("Hãy chọn sáng kiến của người được đề nghị."),
        ),
        AchievementField.CONTEST: ("contest", _("Hãy ghi tên cuộc thi, hội thi.")),
        AchievementField.CONTEST_LEVEL: ("contest_level", _("Hãy chọn cấp tổ chức cuộc thi.")),
        AchievementField.PRIZE: ("prize", _("Hãy chọn giải đạt được.")),
        AchievementField.YEAR: ("achievement_year", _("Hãy ghi năm đạt thành tích.")),
    }
    for field, (name, message) in required.items():
        if category.asks(field) and getattr(nomination, name) in (None, ""):
            errors.setdefault(name, []).append(message)
    if (
        nomination.initiative_id
        and nomination.person_id
        and not nomination.initiative.authorships.filter(person_id=nomination.person_id).exists()  # type: ignore[union-attr]
    ):
        errors.setdefault("initiative", []).append(
            _("%(person)s không phải tác giả của sáng kiến này.")
            % {"person": nomination.person.full_name}  # type: ignore[union-attr]
        )
    initiative = nomination.initiative
    if initiative is not None and initiative.programme_id != nomination.cycle.programme_id:
        errors.setdefault("initiative", []).append(
            _("Sáng kiến không thuộc chương trình của đợt xét này.")
        )
    if nomination.person_id and nomination.person.unit_id != nomination.unit_id:  # type: ignore[union-attr]
        errors.setdefault("person", []).append(_("Người được đề nghị không thuộc đơn vị đề nghị."))
    if (
        nomination.person_id
        and Nomination.objects.filter(
            category=category,
            person_id=nomination.person_id,
            status__in=LIVE,
        )
        .exclude(pk=nomination.pk)
        .exists()
    ):
        errors.setdefault("person", []).append(
            _("Người này đã có một hồ sơ trong nhóm “%(category)s” của đợt xét.")
            % {"category": category.name}
        )
    if errors:
        raise ValidationError(errors)


def _clean(nomination: Nomination) -> None:
    if nomination.initiative_id and nomination.field_id is None:
        nomination.field_id = nomination.initiative.field_id  # type: ignore[union-attr]
    # The domain's own words first: "choose the person" rather than a constraint's name.
    _validate_achievement(nomination)
    nomination.full_clean(exclude=["search_text"])


def _locked_open(nomination: Nomination) -> None:
    if nomination.status not in EDITABLE:
        raise ValidationError(
            _("Hồ sơ đang ở tình trạng “%(status)s”, không sửa được.")
            % {"status": nomination.get_status_display()}
        )


@transaction.atomic
def nomination_create(
    *,
    actor: Any,
    category: Category,
    unit: Unit,
    data: Mapping[str, Any],
    override_reason: str = "",
    can_override: bool = False,
    now: dt.datetime | None = None,
) -> Nomination:
    """A draft nomination of `unit`'s person (or collective) in `category`. Side effects:
    Nomination (draft), its checks (blocking unless overridden: Override rows), event, audit."""
    now = now or timezone.now()
    deadline = deadline_for(category.cycle, unit)
    if now > deadline:
        raise ValidationError(
            _("Đợt xét đã hết hạn nộp hồ sơ (%(deadline)s): không lập hồ sơ mới được.")
            % {"deadline": deadline_text(deadline)}
        )
    nomination = Nomination(
        cycle=category.cycle,
        category=category,
        unit=unit,
        created_by=_user(actor),
        created_at=now,
        **{
            key: value
            for key, value in data.items()
            if key in {*ACHIEVEMENT_FIELDS, "person", "collective", "collective_name"}
        },
    )
    _clean(nomination)
    nomination.refresh_search_text()
    nomination.save()
    _enforce_rules(
        nomination=nomination,
        actor=actor,
        override_reason=override_reason,
        can_override=can_override,
        now=now,
    )
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.CREATE,
        changes={
            k: [None, v]
            for k, v in snapshot(
                nomination, ["category", "person", "collective_name", "summary"]
            ).items()
        },
        at=now,
    )
    return nomination


@transaction.atomic
def nomination_update(
    *,
    actor: Any,
    nomination: Nomination,
    data: Mapping[str, Any],
    override_reason: str = "",
    can_override: bool = False,
    now: dt.datetime | None = None,
) -> Nomination:
    """Change the achievement of a draft or returned nomination; its rules run again."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    _locked_open(nomination)
    fields = [k for k in data if k in {*ACHIEVEMENT_FIELDS, "person", "collective_name"}]
    before = snapshot(nomination, fields)
    for key in fields:
        setattr(nomination, key, data[key])
    _clean(nomination)
    nomination.refresh_search_text()
    nomination.save()
    after = snapshot(nomination, fields)
    changes = {k: [before[k], after[k]] for k in fields if before[k] != after[k]}
    _enforce_rules(
        nomination=nomination,
        actor=actor,
        override_reason=override_reason,
        can_override=can_override,
        now=now,
    )
    if changes:
        record(
            nomination=nomination,
            actor=actor,
            action=NominationAction.UPDATE,
            changes=changes,
            at=now,
        )
    return nomination


@transaction.atomic
def nomination_override(
    *, actor: Any, nomination: Nomination, reason: str, now: dt.datetime | None = None
) -> None:
    """Accept, with a written reason, every rule the nomination fails now (officer only: the
    caller's funnel checks it)."""
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do xét ngoại lệ."))
    _enforce_rules(
        nomination=nomination, actor=actor, override_reason=reason, can_override=True, now=now
    )


# --- documents --------------------------------------------------------------------------------


@transaction.atomic
def document_add(
    *,
    actor: Any,
    nomination: Nomination,
    kind: str,
    upload: UploadedFile,
    now: dt.datetime | None = None,
) -> NominationDocument:
    """Attach one paper of the dossier, judged by its content (PDF, Word, Excel, image)."""
    _locked_open(nomination)
    if kind not in DocumentKind.values:
        raise ValidationError(_("Loại tài liệu không hợp lệ."))
    if upload.size is None or upload.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(_("Tệp quá lớn: tối đa 20 MB."))
    whole = upload.read()
    content_type = files.sniff(whole[:16], whole)
    if content_type is None:
        raise ValidationError(
            _("Tệp “%(name)s” không phải %(accepted)s.")
            % {"name": upload.name, "accepted": files.ACCEPTED}
        )
    document = NominationDocument(
        nomination=nomination,
        kind=kind,
        name=(upload.name or "tep")[:255],
        content_type=content_type,
        size=len(whole),
        uploaded_by=_user(actor),
        uploaded_at=now or timezone.now(),
    )
    document.file.save(document.name, ContentFile(whole), save=False)
    document.save()
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.DOCUMENT,
        changes={"document": [None, f"{document.get_kind_display()}: {document.name}"]},
        at=now,
    )
    return document


@transaction.atomic
def document_remove(
    *, actor: Any, document: NominationDocument, now: dt.datetime | None = None
) -> None:
    nomination = document.nomination
    _locked_open(nomination)
    label = f"{document.get_kind_display()}: {document.name}"
    stored, storage = document.file.name, document.file.storage
    document.delete()
    # The file goes only once the removal is committed.
    transaction.on_commit(lambda: storage.delete(stored))
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.DOCUMENT,
        changes={"document": [label, None]},
        at=now,
    )


# --- transitions ------------------------------------------------------------------------------


def nomination_submit(
    *, actor: Any, nomination: Nomination, now: dt.datetime | None = None
) -> Nomination:
    """Send the dossier to the receiving unit. Refused after the deadline for the unit (the
    refused attempt is itself recorded), when incomplete, over quota, or when a rule fails
    without an override. Side effects: status submitted, submitted_at, event, audit."""
    now = now or timezone.now()
    deadline = deadline_for(nomination.cycle, nomination.unit)
    if now > deadline and nomination.status in EDITABLE:
        late = _(
            "Đã quá hạn nộp hồ sơ (%(deadline)s). Hồ sơ không được tiếp nhận; hãy liên hệ "
            "%(unit)s nếu cần gia hạn."
        ) % {"deadline": deadline_text(deadline), "unit": nomination.cycle.receiving_unit.name}
        with transaction.atomic():
            record(
                nomination=nomination,
                actor=actor,
                action=NominationAction.LATE,
                reason=late,
                at=now,
            )
        raise ValidationError(late, code="late")
    return _submit(actor=actor, nomination=nomination, now=now)


@transaction.atomic
def _submit(*, actor: Any, nomination: Nomination, now: dt.datetime) -> Nomination:
    # Submissions in one category queue on its row, so two dossiers of a unit sent at the
    # same moment cannot both take the last place of its quota.
    list(Category.objects.select_for_update().filter(pk=nomination.category_id).values_list("pk"))
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    _locked_open(nomination)
    problems = completeness_problems(nomination)
    if problems:
        raise _refusal(problems, "incomplete")
    _enforce_rules(
        nomination=nomination, actor=actor, override_reason="", can_override=False, now=now
    )
    _check_quota(nomination)
    status_from = nomination.status
    nomination.status = NominationStatus.SUBMITTED
    nomination.submitted_at = now
    nomination.reason = ""
    nomination.save(update_fields=["status", "submitted_at", "reason", "updated_at"])
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.SUBMIT,
        status_from=status_from,
        at=now,
    )
    return nomination


def _verdict(nomination: Nomination, *, allowed: set[str]) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.status not in allowed:
        raise ValidationError(
            _("Hồ sơ đang ở tình trạng “%(status)s”, không thực hiện được thao tác này.")
            % {"status": nomination.get_status_display()}
        )
    return nomination


@transaction.atomic
def nomination_return(
    *, actor: Any, nomination: Nomination, reason: str, now: dt.datetime | None = None
) -> Nomination:
    """Send an incomplete dossier back to its union, saying what to add. It may be sent again
    after the deadline only if the deadline is extended for the unit."""
    if not reason.strip():
        raise ValidationError(_("Hãy ghi rõ hồ sơ cần bổ sung gì."))
    nomination = _verdict(
        nomination, allowed={NominationStatus.SUBMITTED, NominationStatus.ACCEPTED}
    )
    if hasattr(nomination, "decision_line"):
        raise ValidationError(_("Hồ sơ đã có trong một quyết định: hãy bỏ khỏi danh sách trước."))
    status_from = nomination.status
    nomination.status = NominationStatus.RETURNED
    nomination.reason = reason.strip()
    nomination.decided_at = now or timezone.now()
    nomination.save(update_fields=["status", "reason", "decided_at", "updated_at"])
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.RETURN,
        status_from=status_from,
        reason=reason.strip(),
        at=now,
    )
    return nomination


@transaction.atomic
def nomination_accept(
    *, actor: Any, nomination: Nomination, override_reason: str = "", now: dt.datetime | None = None
) -> Nomination:
    """The dossier is complete and the person eligible (rules checked again; the officer may
    override a failing one with a reason). It can now be put in a decision."""
    nomination = _verdict(nomination, allowed={NominationStatus.SUBMITTED})
    problems = completeness_problems(nomination)
    if problems:
        raise _refusal(problems, "incomplete")
    _enforce_rules(
        nomination=nomination,
        actor=actor,
        override_reason=override_reason,
        can_override=True,
        now=now,
    )
    nomination.status = NominationStatus.ACCEPTED
    nomination.reason = ""
    nomination.decided_at = now or timezone.now()
    nomination.save(update_fields=["status", "reason", "decided_at", "updated_at"])
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.ACCEPT,
        status_from=NominationStatus.SUBMITTED,
        at=now,
    )
    return nomination


@transaction.atomic
def nomination_reject(
    *, actor: Any, nomination: Nomination, reason: str, now: dt.datetime | None = None
) -> Nomination:
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do không xét hồ sơ."))
    nomination = _verdict(
        nomination, allowed={NominationStatus.SUBMITTED, NominationStatus.ACCEPTED}
    )
    if hasattr(nomination, "decision_line"):
        raise ValidationError(_("Hồ sơ đã có trong một quyết định: hãy bỏ khỏi danh sách trước."))
    status_from = nomination.status
    nomination.status = NominationStatus.REJECTED
    nomination.reason = reason.strip()
    nomination.decided_at = now or timezone.now()
    nomination.save(update_fields=["status", "reason", "decided_at", "updated_at"])
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.REJECT,
        status_from=status_from,
        reason=reason.strip(),
        at=now,
    )
    return nomination


@transaction.atomic
def nomination_withdraw(
    *, actor: Any, nomination: Nomination, reason: str = "", now: dt.datetime | None = None
) -> Nomination:
    nomination = _verdict(
        nomination,
        allowed={NominationStatus.DRAFT, NominationStatus.RETURNED, NominationStatus.SUBMITTED},
    )
    status_from = nomination.status
    nomination.status = NominationStatus.WITHDRAWN
    nomination.save(update_fields=["status", "updated_at"])
    record(
        nomination=nomination,
        actor=actor,
        action=NominationAction.WITHDRAW,
        status_from=status_from,
        reason=reason.strip(),
        at=now,
    )
    return nomination


__all__ = [
    "Check",
    "completeness_problems",
    "document_add",
    "document_remove",
    "facts_for",
    "missing_documents",
    "nomination_accept",
    "nomination_checks",
    "nomination_create",
    "nomination_override",
    "nomination_reject",
    "nomination_return",
    "nomination_submit",
    "nomination_update",
    "nomination_withdraw",
    "quota_for",
]
