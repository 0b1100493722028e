"""A commendation decision's lifecycle.

  draft ──open_comment──▶ comment ──(window ends)──sign──▶ signed ──publish──▶ published
    └──────────────────────sign───────────────────────────▶

Signing takes the next number of the issuer's register (documents.register.number_take:
row-locked, unique, never reused), fixes the list, and marks each nominated person awarded.
A line of a signed decision is never deleted: revoking it keeps it, with the reason.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.enums import (
    AwardKind,
    DecisionStatus,
    NominationAction,
    NominationStatus,
    Recipient,
)
from thidua.awards.models import Award, Comment, Cycle, Decision, DecisionLine, Nomination
from thidua.awards.services.common import record
from thidua.common.audit import audit_record, model_update, snapshot
from thidua.documents.register import number_take
from thidua.orgs.models import Person, Unit
from thidua.orgs.selectors import unit_current_path, with_predecessors

DECISION_FIELDS = [
    "award",
    "cycle",
    "subject",
    "basis",
    "sign_mode",
    "sign_body",
    "signer_title",
    "signer_name",
    "default_amount",
]
LINE_FIELDS = ["name", "position", "group", "achievement", "amount"]


def _path(decision: Decision) -> str:
    return unit_current_path(decision.issuer)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _check_award(award: Award, issuer: Unit) -> None:
    if not award.active:
        raise ValidationError(_("“%(award)s” không còn được dùng.") % {"award": award.name})
    if not award.issuable_by(issuer):
        raise ValidationError(
            _("%(issuer)s không có thẩm quyền quyết định %(kind)s “%(award)s” (%(who)s).")
            % {
                "issuer": issuer.name,
                "kind": award.get_kind_display().lower(),
                "award": award.name,
                "who": award.issuer_text,
            }
        )


def _check_cycle(cycle: Cycle | None, issuer: Unit) -> None:
    """A decision takes its list from the cycle its issuer runs (or inherited), no other."""
    if cycle is None:
        return
    if cycle.programme.running_unit_id not in with_predecessors({issuer.pk}):
        raise ValidationError(
            _(
                "Đợt xét “%(cycle)s” do %(unit)s tổ chức: %(issuer)s không lập quyết định "
                "từ đợt này."
            )
            % {"cycle": cycle.name, "unit": cycle.receiving_unit.name, "issuer": issuer.name}
        )


def _check_line(decision: Decision, *, individual: bool, award_kind: str | None = None) -> None:
    """A title is not a form, and an award for individuals is not given to a collective."""
    award = decision.award
    if award_kind is not None and award_kind != award.kind:
        raise ValidationError(
            _("Hồ sơ đề nghị một %(proposed)s, quyết định này là %(kind)s “%(award)s”.")
            % {
                "proposed": str(dict(AwardKind.choices)[award_kind]).lower(),
                "kind": award.get_kind_display().lower(),
                "award": award.name,
            }
        )
    if individual and award.recipient == Recipient.COLLECTIVE:
        raise ValidationError(_("“%(award)s” chỉ khen tập thể.") % {"award": award.name})
    if not individual and award.recipient == Recipient.INDIVIDUAL:
        raise ValidationError(_("“%(award)s” chỉ khen cá nhân.") % {"award": award.name})


def _draft(decision: Decision) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != DecisionStatus.DRAFT:
        raise ValidationError(
            _("Quyết định đang ở tình trạng “%(status)s”: chỉ sửa được dự thảo.")
            % {"status": decision.get_status_display()}
        )
    return decision


def default_subject(award: Award, cycle: Cycle | None, issuer: Unit) -> str:
    name = award.name_for(issuer)
    if award.is_title:
        subject = _("Về việc công nhận danh hiệu “%(award)s”") % {"award": name}
    else:
        subject = _("Về việc tặng %(award)s") % {"award": name}
    if cycle is not None:
        subject += " " + _("cho các cá nhân, tập thể đạt thành tích xuất sắc (%(cycle)s)") % {
            "cycle": cycle.name
        }
    return subject


@transaction.atomic
def decision_create(
    *, actor: Any, issuer: Unit, data: Mapping[str, Any], now: dt.datetime | None = None
) -> Decision:
    """A draft decision of `issuer`. The award must be one the issuer may decide (catalogue);
    whether it is a title or a form sets the decision's wording."""
    award: Award = data["award"]
    _check_award(award, issuer)
    _check_cycle(data.get("cycle"), issuer)
    if not issuer.is_active_on(timezone.localdate(now or timezone.now())):
        raise ValidationError(
            _("%(issuer)s đã chấm dứt hoạt động, không ban hành quyết định mới được.")
            % {"issuer": issuer.name}
        )
    values = {k: v for k, v in data.items() if k in DECISION_FIELDS}
    if not values.get("subject"):
        values["subject"] = default_subject(award, values.get("cycle"), issuer)
    decision = Decision(
        issuer=issuer, created_by=_user(actor), created_at=now or timezone.now(), **values
    )
    decision.full_clean()
    decision.save()
    audit_record(
        actor=actor,
        action="decision_create",
        obj=decision,
        changes={k: [None, v] for k, v in snapshot(decision, list(values)).items()},
        unit_path=_path(decision),
    )
    return decision


@transaction.atomic
def decision_update(*, actor: Any, decision: Decision, data: Mapping[str, Any]) -> Decision:
    decision = _draft(decision)
    if "award" in data:
        _check_award(data["award"], decision.issuer)
        if data["award"].kind != decision.award.kind and decision.lines.exists():
            raise ValidationError(
                _("Danh sách đã có người: không đổi giữa danh hiệu và hình thức khen thưởng.")
            )
    if "cycle" in data:
        _check_cycle(data["cycle"], decision.issuer)
        if data["cycle"] != decision.cycle and decision.lines.exclude(nomination=None).exists():
            raise ValidationError(_("Danh sách đã có hồ sơ của đợt xét này: không đổi đợt được."))
    model_update(
        instance=decision,
        data={k: v for k, v in data.items() if k in DECISION_FIELDS},
        actor=actor,
        action="decision_update",
        unit_path=_path(decision),
    )
    return decision


def _position(person: Person) -> str:
    return ", ".join(part for part in (person.position, person.unit.name) if part)


@transaction.atomic
def lines_add_nominations(
    *, actor: Any, decision: Decision, nominations: Iterable[Nomination]
) -> list[DecisionLine]:
    """Put accepted nominations into the draft's list (the selection), each once across all
    decisions. Lines take the nominee's name, position and achievement as they are now."""
    decision = _draft(decision)
    order = decision.lines.count()
    added = []
    if decision.cycle_id is None:
        raise ValidationError(_("Hãy chọn đợt xét của quyết định trước khi thêm hồ sơ."))
    for nomination in nominations:
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("person__unit", "category__award", "unit")
            .get(pk=nomination.pk)
        )
        if nomination.status != NominationStatus.ACCEPTED:
            raise ValidationError(
                _("Hồ sơ của %(name)s chưa được tiếp nhận là hợp lệ.")
                % {"name": nomination.nominee_name}
            )
        if DecisionLine.objects.filter(nomination=nomination).exists():
            raise ValidationError(
                _("%(name)s đã có trong một quyết định khác.") % {"name": nomination.nominee_name}
            )
        if nomination.cycle_id != decision.cycle_id:
            raise ValidationError(_("Hồ sơ không thuộc đợt xét của quyết định."))
        proposed = nomination.category.award
        _check_line(
            decision,
            individual=nomination.person_id is not None,
            award_kind=proposed.kind if proposed is not None else None,
        )
        order += 1
        person = nomination.person
        line = DecisionLine.objects.create(
            decision=decision,
            order=order,
            nomination=nomination,
            person=person,
            collective=nomination.collective,
            name=nomination.nominee_name,
            position=_position(person) if person else nomination.unit.name,
            group=nomination.category.name,
            achievement=nomination.summary,
            amount=decision.default_amount,
        )
        line.set_derived_fields()
        line.save(update_fields=["sort_key", "name_folded"])
        added.append(line)
    if added:
        audit_record(
            actor=actor,
            action="decision_lines_add",
            obj=decision,
            changes={"lines": [None, [line.name for line in added]]},
            unit_path=_path(decision),
        )
    return added


@transaction.atomic
def line_add(
    *,
    actor: Any,
    decision: Decision,
    person: Person | None = None,
    collective: Unit | None = None,
    data: Mapping[str, Any],
) -> DecisionLine:
    """A person or collective listed without a nomination (an award the issuer decides on its
    own initiative, e.g. a collective)."""
    decision = _draft(decision)
    name = (
        data.get("name") or (person.full_name if person else collective.name if collective else "")
    ).strip()
    if not name:
        raise ValidationError(_("Hãy ghi tên cá nhân hoặc tập thể."))
    if person is not None or collective is not None:
        _check_line(decision, individual=person is not None)
    line = DecisionLine(
        decision=decision,
        order=decision.lines.count() + 1,
        person=person,
        collective=collective,
        name=name,
        position=data.get("position") or (_position(person) if person else ""),
        group=data.get("group", ""),
        achievement=data.get("achievement", ""),
        amount=data["amount"] if data.get("amount") is not None else decision.default_amount,
    )
    line.set_derived_fields()
    line.full_clean()
    line.save()
    audit_record(
        actor=actor,
        action="decision_line_add",
        obj=decision,
        changes={"line": [None, name]},
        unit_path=_path(decision),
    )
    return line


@transaction.atomic
def line_update(*, actor: Any, line: DecisionLine, data: Mapping[str, Any]) -> None:
    _draft(line.decision)
    changes = model_update(
        instance=line,
        data={k: v for k, v in data.items() if k in LINE_FIELDS},
        actor=actor,
        action="decision_line_update",
        unit_path=_path(line.decision),
    )
    if "name" in changes:
        line.set_derived_fields()
        line.save(update_fields=["sort_key", "name_folded"])


@transaction.atomic
def line_remove(*, actor: Any, line: DecisionLine) -> None:
    decision = _draft(line.decision)
    audit_record(
        actor=actor,
        action="decision_line_remove",
        obj=decision,
        changes={"line": [line.name, None]},
        unit_path=_path(decision),
    )
    line.delete()


@transaction.atomic
def decision_open_comment(
    *,
    actor: Any,
    decision: Decision,
    until: dt.datetime,
    now: dt.datetime | None = None,
) -> Decision:
    """Publish the draft's list for comment until `until` (public page, no login, names,
    units and achievements only); it cannot be signed before the window ends."""
    now = now or timezone.now()
    decision = _draft(decision)
    if not decision.lines.exists():
        raise ValidationError(_("Danh sách khen thưởng đang trống."))
    if until <= now:
        raise ValidationError(_("Thời hạn lấy ý kiến phải sau thời điểm hiện tại."))
    decision.status = DecisionStatus.COMMENT
    decision.comment_from, decision.comment_until = now, until
    decision.public_token = decision.public_token or secrets.token_urlsafe(16)
    decision.save(update_fields=["status", "comment_from", "comment_until", "public_token"])
    audit_record(
        actor=actor,
        action="decision_comment_open",
        obj=decision,
        changes={"comment_until": [None, until.isoformat()]},
        unit_path=_path(decision),
    )
    return decision


@transaction.atomic
def decision_back_to_draft(*, actor: Any, decision: Decision, reason: str) -> Decision:
    """End the comment window early to amend the list (the comments stay with the
    decision); it may be published for comment again afterwards."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != DecisionStatus.COMMENT:
        raise ValidationError(_("Quyết định không ở giai đoạn lấy ý kiến."))
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do sửa lại danh sách."))
    until = decision.comment_until
    decision.status = DecisionStatus.DRAFT
    # The window is over and its link dead; the comments stay. Publishing again opens anew.
    decision.comment_from = decision.comment_until = None
    decision.public_token = ""
    decision.save(update_fields=["status", "comment_from", "comment_until", "public_token"])
    audit_record(
        actor=actor,
        action="decision_back_to_draft",
        obj=decision,
        changes={
            "status": [DecisionStatus.COMMENT, DecisionStatus.DRAFT],
            "comment_until": [until.isoformat() if until else None, None],
        },
        reason=reason.strip(),
        unit_path=_path(decision),
    )
    return decision


@transaction.atomic
def comment_add(
    *, decision: Decision, author: str, contact: str, body: str, now: dt.datetime | None = None
) -> Comment:
    """An opinion from the public page, only while the window is open."""
    now = now or timezone.now()
    decision = Decision.objects.get(pk=decision.pk)
    if not decision.comment_open(now):
        raise ValidationError(_("Thời gian lấy ý kiến đã kết thúc hoặc chưa bắt đầu."))
    if not author.strip() or not body.strip():
        raise ValidationError(_("Hãy ghi họ tên và nội dung góp ý."))
    comment = Comment.objects.create(
        decision=decision,
        author=author.strip()[:120],
        contact=contact.strip()[:120],
        body=body.strip()[:5000],
        at=now,
    )
    audit_record(
        actor=None,
        action="decision_comment",
        obj=decision,
        changes={"comment": [None, comment.author]},
        unit_path=_path(decision),
    )
    return comment


@transaction.atomic
def decision_sign(
    *,
    actor: Any,
    decision: Decision,
    signed_on: dt.date,
    signer_name: str,
    now: dt.datetime | None = None,
) -> Decision:
    """Record the signature: take the next QĐ number of the issuer for the year of signing,
    fix the list, and mark each nominated person awarded. Side effects: register entry,
    decision signed, nominations awarded (events), audit."""
    now = now or timezone.now()
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status not in {DecisionStatus.DRAFT, DecisionStatus.COMMENT}:
        raise ValidationError(_("Quyết định đã được ký."))
    if (
        decision.status == DecisionStatus.COMMENT
        and decision.comment_until
        and now < decision.comment_until
    ):
        raise ValidationError(
            _("Đang trong thời gian lấy ý kiến (đến %(until)s): chưa ký được.")
            % {"until": timezone.localtime(decision.comment_until).strftime("%H:%M %d/%m/%Y")}
        )
    if not signer_name.strip():
        raise ValidationError(_("Hãy ghi họ tên người ký."))
    if decision.comment_until and signed_on < timezone.localdate(decision.comment_until):
        raise ValidationError(
            _("Ngày ký không được trước ngày hết hạn lấy ý kiến (%(day)s).")
            % {"day": timezone.localtime(decision.comment_until).strftime("%d/%m/%Y")}
        )
    if signed_on > timezone.localdate(now):
        raise ValidationError(_("Ngày ký không được sau hôm nay."))
    if not decision.issuer.is_active_on(signed_on):
        raise ValidationError(
            _("Ngày ký %(day)s: %(issuer)s chưa thành lập hoặc đã chấm dứt hoạt động.")
            % {"day": signed_on.strftime("%d/%m/%Y"), "issuer": decision.issuer.name}
        )
    lines = list(decision.lines.select_related("nomination"))
    if not lines:
        raise ValidationError(_("Danh sách khen thưởng đang trống."))
    nominated = [line.nomination_id for line in lines if line.nomination_id]
    locked = list(Nomination.objects.select_for_update().filter(pk__in=nominated))
    not_ready = [n for n in locked if n.status != NominationStatus.ACCEPTED]
    if not_ready:
        raise ValidationError(
            _("Hồ sơ của %(names)s không còn ở tình trạng hợp lệ: hãy bỏ khỏi danh sách.")
            % {"names": ", ".join(n.nominee_name for n in not_ready)}
        )
    entry = number_take(
        actor=actor,
        issuer=decision.issuer,
        type_code=Decision.TYPE_CODE,
        issued_on=signed_on,
        subject=decision.subject,
        signer=signer_name.strip(),
        obj=decision,
    )
    decision.register_entry = entry
    decision.number, decision.year, decision.symbol = entry.number, entry.year, entry.symbol
    decision.signed_on = signed_on
    decision.signer_name = signer_name.strip()
    decision.signed_by = _user(actor)
    decision.status = DecisionStatus.SIGNED
    decision.save()
    for line in lines:
        nomination = line.nomination
        if nomination is None:
            continue
        nomination.status = NominationStatus.AWARDED
        nomination.save(update_fields=["status", "updated_at"])
        record(
            nomination=nomination,
            actor=actor,
            action=NominationAction.AWARD,
            status_from=NominationStatus.ACCEPTED,
            reason=_("Quyết định số %(symbol)s") % {"symbol": entry.symbol},
            at=now,
        )
    audit_record(
        actor=actor,
        action="decision_sign",
        obj=decision,
        changes={
            "symbol": [None, entry.symbol],
            "signed_on": [None, signed_on.isoformat()],
            "lines": [None, len(lines)],
        },
        unit_path=_path(decision),
    )
    # The document as signed, kept from now on (thidua.documents builds on this app).
    from thidua.documents.services import decision_snapshot

    decision_snapshot(decision)
    return decision


@transaction.atomic
def decision_publish(*, actor: Any, decision: Decision, now: dt.datetime | None = None) -> Decision:
    """Announce a signed decision: the units of everyone in its list now see it."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != DecisionStatus.SIGNED:
        raise ValidationError(_("Chỉ công bố được quyết định đã ký."))
    decision.status = DecisionStatus.PUBLISHED
    decision.published_at = now or timezone.now()
    decision.save(update_fields=["status", "published_at"])
    audit_record(
        actor=actor,
        action="decision_publish",
        obj=decision,
        changes={"status": [DecisionStatus.SIGNED, DecisionStatus.PUBLISHED]},
        unit_path=_path(decision),
    )
    return decision


@transaction.atomic
def line_revoke(
    *,
    actor: Any,
    line: DecisionLine,
    reason: str,
    basis: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Revoke one award (false declaration, unlawful review: Luật TĐKT 2022, Chương VII). The
    line stays in the decision and in the history, marked revoked, with the reason."""
    line = DecisionLine.objects.select_for_update().select_related("decision").get(pk=line.pk)
    if not line.decision.is_issued:
        raise ValidationError(_("Chỉ thu hồi được khen thưởng của quyết định đã ký."))
    if line.revoked_at is not None:
        raise ValidationError(_("Khen thưởng này đã bị thu hồi."))
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do thu hồi."))
    now = now or timezone.now()
    line.revoked_at, line.revoke_reason = now, reason.strip()
    line.revoke_basis, line.revoked_by = basis.strip(), _user(actor)
    line.save(update_fields=["revoked_at", "revoke_reason", "revoke_basis", "revoked_by"])
    if line.nomination is not None:
        nomination = line.nomination
        status_from = nomination.status
        nomination.status = NominationStatus.REVOKED
        nomination.save(update_fields=["status", "updated_at"])
        record(
            nomination=nomination,
            actor=actor,
            action=NominationAction.REVOKE,
            status_from=status_from,
            reason=reason.strip(),
            at=now,
        )
    audit_record(
        actor=actor,
        action="decision_revoke",
        obj=line.decision,
        changes={"line": [line.name, None], "basis": [None, basis.strip()]},
        reason=reason.strip(),
        unit_path=_path(line.decision),
    )
