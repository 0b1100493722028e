"""Who scores what: manual, automatic and spreadsheet assignment, never across a conflict of
interest; reassigning keeps history; declared conflicts and the secretary's decision."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record
from thidua.initiatives.models import Initiative
from thidua.reviews import assignment as assigning
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    ConflictStatus,
)
from thidua.reviews.models import (
    Assignment,
    Conflict,
    Council,
    CouncilMember,
)
from thidua.reviews.selectors import (
    active_pairs,
    confirmed_conflicts,
    council_initiatives,
    item_inputs,
    reviewer_inputs,
)
from thidua.reviews.services.common import council_path, ensure_undecided


def _item_for(council: Council, initiative: Initiative) -> assigning.Item:
    authorships = list(initiative.authorships.select_related("person"))
    return assigning.Item(
        id=initiative.pk,
        field=initiative.field_id,
        unions=frozenset({initiative.unit_id, *(a.person.unit_id for a in authorships)}),
        authors=frozenset(a.person_id for a in authorships),
    )


def _reviewer_for(seat: CouncilMember) -> assigning.Reviewer:
    person = getattr(seat.user, "person", None)
    return assigning.Reviewer(
        id=seat.pk,
        person=person.pk if person else None,
        unions=frozenset({person.unit_id}) if person else frozenset(),
        fields=frozenset(seat.fields.values_list("pk", flat=True)),
        cap=seat.load_cap if seat.load_cap is not None else seat.council.load_cap,
    )


def assignment_problem(council: Council, seat: CouncilMember, initiative: Initiative) -> str:
    """Why this member may not score this initiative, or "" when they may."""
    if not seat.active or seat.council_id != council.pk:
        return _("Không phải thành viên của hội đồng này.")
    if not council_initiatives(council).filter(pk=initiative.pk).exists():
        return _("Sáng kiến không thuộc danh sách hội đồng xét.")
    reason = assigning.conflict(
        _reviewer_for(seat),
        _item_for(council, initiative),
        declared=confirmed_conflicts(council),
    )
    if reason:
        return reason
    if Assignment.objects.filter(
        member=seat, initiative=initiative, status=AssignmentStatus.ACTIVE
    ).exists():
        return _("Đã được phân công chấm sáng kiến này.")
    cap = seat.load_cap if seat.load_cap is not None else council.load_cap
    if cap is not None and seat.assignments.filter(status=AssignmentStatus.ACTIVE).count() >= cap:
        return _("Đã đủ số sáng kiến tối đa (%(cap)s).") % {"cap": cap}
    return ""


@transaction.atomic
def assignment_add(
    *,
    actor: Any,
    council: Council,
    seat: CouncilMember,
    initiative: Initiative,
    source: str = AssignmentSource.MANUAL,
    now: dt.datetime | None = None,
) -> Assignment:
    """Assign one member to one initiative, never across a conflict of interest or over a
    cap. Side effects: audit."""
    ensure_undecided(council)
    problem = assignment_problem(council, seat, initiative)
    if problem:
        raise ValidationError(
            _("Không phân công %(member)s chấm %(code)s: %(problem)s")
            % {"member": seat, "code": initiative.code, "problem": problem}
        )
    assignment = Assignment.objects.create(
        council=council,
        member=seat,
        initiative=initiative,
        source=source,
        assigned_by=actor if getattr(actor, "pk", None) else None,
        assigned_at=now or timezone.now(),
    )
    audit_record(
        actor=actor,
        action="assignment_add",
        obj=assignment,
        changes={"member": [None, str(seat)], "initiative": [None, initiative.code]},
        unit_path=council_path(council),
    )
    return assignment


@transaction.atomic
def assignment_end(
    *, actor: Any, assignment: Assignment, reason: str, now: dt.datetime | None = None
) -> None:
    """Take an initiative off a member; the assignment and any sheet stay on record."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do thay người chấm.")})
    ensure_undecided(assignment.council)
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Phân công này đã kết thúc."))
    assignment.status = AssignmentStatus.REMOVED
    assignment.ended_at = now or timezone.now()
    assignment.end_reason = reason
    assignment.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="assignment_end",
        obj=assignment,
        reason=reason,
        unit_path=council_path(assignment.council),
    )


@transaction.atomic
def assignment_reassign(
    *,
    actor: Any,
    assignment: Assignment,
    seat: CouncilMember,
    reason: str,
    now: dt.datetime | None = None,
) -> Assignment:
    """End one assignment and give the initiative to another member, keeping both on record."""
    assignment_end(actor=actor, assignment=assignment, reason=reason, now=now)
    return assignment_add(
        actor=actor,
        council=assignment.council,
        seat=seat,
        initiative=assignment.initiative,
        now=now,
    )


@transaction.atomic
def assignments_auto(
    *, actor: Any, council: Council, per_item: int | None = None, now: dt.datetime | None = None
) -> assigning.Plan:
    """Fill every initiative up to N reviewers, balanced, by expertise, never across a
    conflict. Existing assignments stay. Side effects: assignments; one audit entry."""
    ensure_undecided(council)
    plan = assigning.auto_assign(
        items=item_inputs(council),
        reviewers=reviewer_inputs(council),
        per_item=per_item or council.reviewers_per_item,
        existing=active_pairs(council),
        declared=confirmed_conflicts(council),
    )
    now = now or timezone.now()
    by = actor if getattr(actor, "pk", None) else None
    Assignment.objects.bulk_create(
        [
            Assignment(
                council=council,
                member_id=member_id,
                initiative_id=initiative_id,
                source=AssignmentSource.AUTO,
                assigned_by=by,
                assigned_at=now,
            )
            for initiative_id, member_id in plan.pairs
        ],
        batch_size=1000,
    )
    audit_record(
        actor=actor,
        action="assignments_auto",
        obj=council,
        changes={"assignments": [None, len(plan.pairs)], "short": [None, len(plan.shortfalls)]},
        unit_path=council_path(council),
    )
    return plan


@transaction.atomic
def assignments_import(
    *, actor: Any, council: Council, rows: Sequence[tuple[int, str, str]]
) -> int:
    """Assign from a spreadsheet: rows of (row number, initiative code, member username).
    All or nothing: any bad row raises one ValidationError listing every bad row. The same
    rules as one assignment at a time (no conflict, no repeat, caps counting the rows above),
    read once for the whole file. Side effects: assignments; one audit entry."""
    ensure_undecided(council)
    seats = {
        seat.user.username.lower(): seat
        for seat in council.members.filter(active=True).select_related("user")
    }
    reviewed = {i.code.upper(): i for i in council_initiatives(council)}
    reviewers = {reviewer.id: reviewer for reviewer in reviewer_inputs(council)}
    items = {item.id: item for item in item_inputs(council)}
    existing = active_pairs(council)
    declared = confirmed_conflicts(council)
    loads = Counter(
        Assignment.objects.filter(council=council, status=AssignmentStatus.ACTIVE).values_list(
            "member_id", flat=True
        )
    )
    errors: list[str] = []
    pairs: list[tuple[CouncilMember, Initiative]] = []
    for number, code, username in rows:
        seat = seats.get(username.strip().lower())
        initiative = reviewed.get(code.strip().upper())
        if initiative is None:
            errors.append(
                _("Dòng %(row)s: không có sáng kiến “%(code)s” trong danh sách hội đồng xét.")
                % {"row": number, "code": code}
            )
            continue
        if seat is None:
            errors.append(
                _("Dòng %(row)s: “%(user)s” không phải thành viên hội đồng.")
                % {"row": number, "user": username}
            )
            continue
        reviewer = reviewers[seat.pk]
        problem = assigning.conflict(reviewer, items[initiative.pk], declared=declared)
        if not problem and seat.pk in existing[initiative.pk]:
            problem = _("Đã được phân công chấm sáng kiến này.")
        if not problem and reviewer.cap is not None and loads[seat.pk] >= reviewer.cap:
            problem = _("Đã đủ số sáng kiến tối đa (%(cap)s).") % {"cap": reviewer.cap}
        if problem:
            errors.append(
                _("Dòng %(row)s: %(member)s – %(code)s: %(problem)s")
                % {"row": number, "member": seat, "code": initiative.code, "problem": problem}
            )
            continue
        existing[initiative.pk].add(seat.pk)
        loads[seat.pk] += 1
        pairs.append((seat, initiative))
    if errors:
        raise ValidationError(errors)
    by = actor if getattr(actor, "pk", None) else None
    now = timezone.now()
    Assignment.objects.bulk_create(
        [
            Assignment(
                council=council,
                member=seat,
                initiative=initiative,
                source=AssignmentSource.IMPORT,
                assigned_by=by,
                assigned_at=now,
            )
            for seat, initiative in pairs
        ],
        batch_size=1000,
    )
    audit_record(
        actor=actor,
        action="assignments_import",
        obj=council,
        changes={
            "assignments": [
                None,
                [f"{initiative.code}: {seat}" for seat, initiative in pairs][:200],
            ]
        },
        unit_path=council_path(council),
    )
    return len(pairs)


@transaction.atomic
def conflict_declare(
    *, actor: Any, assignment: Assignment, reason: str, now: dt.datetime | None = None
) -> Conflict:
    """The member declares a conflict of interest on an initiative assigned to them. The
    assignment is withdrawn at once (its sheet stops counting) until the secretary decides.
    Side effects: Conflict; assignment withdrawn; audit."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi rõ quan hệ dẫn đến xung đột lợi ích.")})
    ensure_undecided(assignment.council)
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Phân công này đã kết thúc."))
    now = now or timezone.now()
    conflict, _created = Conflict.objects.update_or_create(
        member=assignment.member,
        initiative=assignment.initiative,
        defaults={
            "reason": reason,
            "status": ConflictStatus.DECLARED,
            "declared_at": now,
            "decided_by": None,
            "decided_at": None,
            "decision_note": "",
        },
    )
    assignment.status = AssignmentStatus.WITHDRAWN
    assignment.ended_at = now
    assignment.end_reason = reason
    assignment.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="conflict_declare",
        obj=conflict,
        reason=reason,
        unit_path=council_path(assignment.council),
    )
    return conflict


@transaction.atomic
def conflict_decide(
    *, actor: Any, conflict: Conflict, confirm: bool, note: str = "", now: dt.datetime | None = None
) -> None:
    """The secretary confirms a declared conflict (the member stays off it) or rejects it
    (the member's assignment, with its sheet, comes back). Side effects: audit."""
    ensure_undecided(conflict.member.council)
    conflict.refresh_from_db(fields=["status"])
    if conflict.status != ConflictStatus.DECLARED:
        raise ValidationError(_("Khai báo này đã được xử lý."))
    if getattr(actor, "pk", None) is not None and actor.pk == conflict.member.user_id:
        raise ValidationError(_("Người khai báo không tự xác nhận khai báo của mình."))
    if not confirm and not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không chấp nhận khai báo.")})
    now = now or timezone.now()
    conflict.status = ConflictStatus.CONFIRMED if confirm else ConflictStatus.REJECTED
    conflict.decided_by = actor if getattr(actor, "pk", None) else None
    conflict.decided_at = now
    conflict.decision_note = note
    conflict.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if not confirm:
        withdrawn = (
            Assignment.objects.filter(
                member=conflict.member,
                initiative=conflict.initiative,
                status=AssignmentStatus.WITHDRAWN,
            )
            .order_by("-ended_at")
            .first()
        )
        # A member who has left the council since does not come back with the assignment.
        if withdrawn is not None and conflict.member.active:
            withdrawn.status, withdrawn.ended_at, withdrawn.end_reason = (
                AssignmentStatus.ACTIVE,
                None,
                "",
            )
            withdrawn.save(update_fields=["status", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="conflict_confirm" if confirm else "conflict_reject",
        obj=conflict,
        reason=note,
        unit_path=council_path(conflict.member.council),
    )
