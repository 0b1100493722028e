"""The slate the council votes on, its amendments, and the vote that decides the initiatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.campaigns.models import ProgrammeField
from thidua.common.audit import audit_record, model_update, snapshot
from thidua.initiatives import services as initiatives
from thidua.initiatives.enums import StageStatus
from thidua.initiatives.models import Stage
from thidua.orgs.models import Unit
from thidua.reviews import selection
from thidua.reviews.enums import (
    Basis,
    CouncilStatus,
    SlateStatus,
)
from thidua.reviews.models import (
    Council,
    CouncilMember,
    MediaPick,
    Slate,
    SlateLine,
    Vote,
)
from thidua.reviews.selectors import Results, council_results
from thidua.reviews.services.common import COUNCIL_FIELDS, council_path, lock_council


def _limits(raw: Mapping[str, Any]) -> dict[int, selection.Limit]:
    limits = {}
    for key, value in raw.items():
        low, high = [*list(value), 0, None][:2]
        limits[int(key)] = selection.Limit(
            minimum=int(low or 0), maximum=None if high in (None, "") else int(high)
        )
    return limits


def selection_rules(council: Council) -> selection.Rules:
    return selection.Rules(
        quota_min=council.quota_min,
        quota_max=council.quota_max,
        min_score=float(council.min_score) if council.min_score is not None else None,
        field_limits=_limits(council.field_limits),
        unit_limits=_limits(council.unit_limits),
        prizes=tuple(
            selection.PrizeTier(
                prize=str(tier["prize"]),
                count=tier.get("count"),
                min_score=float(tier["min_score"]) if tier.get("min_score") is not None else None,
            )
            for tier in council.prizes
        ),
        top_n=council.top_n,
        field_names=dict(
            ProgrammeField.objects.filter(
                pk__in=[int(k) for k in council.field_limits]
            ).values_list("pk", "name")
        ),
        unit_names=dict(
            Unit.objects.filter(pk__in=[int(k) for k in council.unit_limits]).values_list(
                "pk", "name"
            )
        ),
        media_min=council.media_min,
        media_max=council.media_max,
        media_min_fields=council.media_min_fields,
    )


def _candidates(council: Council, results: Results) -> list[selection.Candidate]:
    """The ranking the council chose, as plain data for the selection functions."""
    basis = council.basis
    senders = {
        unit.pk: unit.name
        for unit in Unit.objects.filter(pk__in={r.sender_id for r in results.rows if r.sender_id})
    }
    candidates = []
    for row in results.ordered(basis):
        initiative = row.initiative
        unit_id = row.sender_id or initiative.unit_id
        candidates.append(
            selection.Candidate(
                item=initiative.pk,
                code=initiative.code,
                rank=results.rank_of(row, basis) or len(results.rows),
                score=results.score_of(row, basis),
                passed=bool(row.outcome and row.outcome.passed),
                fail_reason=" ".join(row.outcome.reasons) if row.outcome else "",
                field=initiative.field_id,
                field_name=initiative.field.name,
                unit=unit_id,
                unit_name=senders.get(unit_id, initiative.unit.name),
                benefit_value=initiative.benefit_value,
                authors=tuple(
                    selection.Author(
                        person=a.person_id,
                        name=a.person.full_name,
                        consented=a.person.publicity_consent,
                    )
                    for a in initiative.authorships.all()
                ),
            )
        )
    return candidates


def _codes(codes: Sequence[str], shown: int = 10) -> str:
    if len(codes) <= shown:
        return selection.join_codes(codes)
    rest = len(codes) - shown
    return _("%(codes)s… và %(n)s sáng kiến khác") % {"codes": ", ".join(codes[:shown]), "n": rest}


def _unfinished(results: Results) -> list[str]:
    """What is still missing before the result can be trusted, said with the numbers."""
    problems = []
    missing = results.expected - results.sheets
    if missing > 0:
        problems.append(
            _("Còn %(n)s lượt chấm chưa nộp phiếu; đề xuất có thể thay đổi khi đủ phiếu.")
            % {"n": missing}
        )
    wanted = results.council.reviewers_per_item
    unscored = [row.initiative.code for row in results.rows if row.result is None]
    thin = [
        row.initiative.code
        for row in results.rows
        if row.result is not None and row.result.sheets < wanted
    ]
    if unscored:
        problems.append(
            _("%(n)s sáng kiến chưa có phiếu chấm nào: %(codes)s.")
            % {"n": len(unscored), "codes": _codes(unscored)}
        )
    if thin:
        problems.append(
            _("%(n)s sáng kiến có ít hơn %(wanted)s phiếu chấm: %(codes)s.")
            % {"n": len(thin), "wanted": wanted, "codes": _codes(thin)}
        )
    return problems


def _save_media(slate: Slate, media: Sequence[selection.MediaPick]) -> None:
    slate.media.all().delete()
    MediaPick.objects.bulk_create(
        [
            MediaPick(
                slate=slate,
                person_id=pick.person,
                field_id=pick.field,
                initiative_ids=list(pick.items),
                reason=pick.reason,
                order=order,
            )
            for order, pick in enumerate(media, start=1)
        ]
    )


@transaction.atomic
def slate_propose(*, actor: Any, council: Council, now: dt.datetime | None = None) -> Slate:
    """Propose a result from the ranking the council chose (raw or corrected), satisfying every
    rule it can and naming those it cannot, with a reason for each initiative. An earlier draft
    is superseded, and the council's amendments to it are carried over (then checked again).
    Reasons are written in Vietnamese whatever the language of the person proposing: they are
    the record. Side effects: Slate with lines and media picks; audit."""
    lock_council(council)
    if council.status == CouncilStatus.DECIDED:
        raise ValidationError(_("Hội đồng đã biểu quyết kết quả."))
    if council.rubric_id is None:
        raise ValidationError(_("Hội đồng chưa có bộ tiêu chí."))
    now = now or timezone.now()
    with translation.override("vi"):
        results = council_results(council)
        candidates = _candidates(council, results)
        rules = selection_rules(council)
        slate_data = selection.propose(candidates, rules)
        problems = _unfinished(results) + list(slate_data.problems)
    previous = council.slates.filter(status=SlateStatus.DRAFT).first()
    council.slates.filter(status=SlateStatus.DRAFT).update(status=SlateStatus.SUPERSEDED)
    number = (council.slates.aggregate(n=Max("number"))["n"] or 0) + 1
    basis = council.basis
    slate = Slate.objects.create(
        council=council,
        number=number,
        basis=basis,
        rules=snapshot(
            council,
            [
                name
                for name in COUNCIL_FIELDS
                if name not in {"rubric", "name", "decision_number", "decision_date", "deadline"}
            ],
        ),
        problems=problems,
        proposed_by=actor if getattr(actor, "pk", None) else None,
        proposed_at=now,
    )
    rows = {row.initiative.pk: row for row in results.rows}
    amended = (
        {line.initiative_id: line for line in previous.lines.all() if line.amended}
        if previous is not None
        else {}
    )
    lines = []
    for line in slate_data.lines:
        row = rows[line.item]
        earlier = amended.get(line.item)
        lines.append(
            SlateLine(
                slate=slate,
                initiative_id=line.item,
                rank=results.rank_of(row, basis) or len(results.rows),
                raw_rank=row.raw_rank,
                corrected_rank=row.corrected_rank,
                raw=_dec(row.result.raw if row.result else None),
                corrected=_dec(row.result.corrected if row.result else None),
                sheets=row.result.sheets if row.result else 0,
                grade=(row.outcome.grade or "") if row.outcome else "",
                selected=earlier.selected if earlier else line.selected,
                prize=earlier.prize if earlier else line.prize,
                top=earlier.top if earlier else line.top,
                reason=line.reason,
                proposed_selected=line.selected,
                proposed_prize=line.prize,
                amend_reason=earlier.amend_reason if earlier else "",
            )
        )
    SlateLine.objects.bulk_create(lines, batch_size=1000)
    _save_media(slate, slate_data.media)
    if amended:
        _recheck(slate, candidates=candidates, results=results)
    audit_record(
        actor=actor,
        action="slate_propose",
        obj=slate,
        changes={
            "selected": [None, sum(1 for line in lines if line.selected)],
            "basis": [None, str(Basis(basis).label)],
            "amendments_kept": [None, len(amended)],
        },
        unit_path=council_path(council),
    )
    return slate


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


def _recheck(
    slate: Slate,
    *,
    candidates: Sequence[selection.Candidate] | None = None,
    results: Results | None = None,
) -> None:
    """After amendments: the media shortlist from what is selected now, and the rules the
    amended slate breaks, kept on the slate for the council to see before it votes."""
    council = slate.council
    with translation.override("vi"):
        if results is None:
            results = council_results(council)
        if candidates is None:
            candidates = _candidates(council, results)
        lines = list(slate.lines.all())
        checked = selection.review(
            candidates,
            selection_rules(council),
            selected={line.initiative_id for line in lines if line.selected},
            prizes={line.initiative_id: line.prize for line in lines if line.prize},
            top={line.initiative_id for line in lines if line.top},
        )
        slate.problems = _unfinished(results) + checked.problems
    slate.save(update_fields=["problems"])
    _save_media(slate, checked.media)


@transaction.atomic
def slate_amend(
    *, actor: Any, line: SlateLine, selected: bool, prize: str, reason: str, top: bool | None = None
) -> None:
    """The council changes the proposal for one initiative, with its reason on record. The
    slate is checked again: its media shortlist follows what is selected, and every rule the
    change breaks is listed. Side effects: the line; the slate's problems and media; audit."""
    lock_council(line.slate.council)
    line.slate.refresh_from_db(fields=["status"])
    if line.slate.status != SlateStatus.DRAFT:
        raise ValidationError(_("Chỉ sửa được đề xuất chưa biểu quyết."))
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hội đồng thay đổi đề xuất.")})
    if prize and not selected:
        raise ValidationError({"prize": _("Chỉ trao giải cho sáng kiến được chọn.")})
    if prize and prize not in selection.PRIZES:
        raise ValidationError({"prize": _("Giải không hợp lệ.")})
    data: dict[str, Any] = {"selected": selected, "prize": prize, "amend_reason": reason}
    if top is not None:
        data["top"] = top and selected
    elif not selected:
        data["top"] = False
    model_update(
        instance=line,
        data=data,
        actor=actor,
        action="slate_amend",
        reason=reason,
        unit_path=council_path(line.slate.council),
    )
    _recheck(line.slate)


def vote_passes(*, in_favour: int, members_total: int, numerator: int, denominator: int) -> bool:
    """At least numerator/denominator of all the council's members agree (TT 18/2013: 2/3)."""
    return members_total > 0 and in_favour * denominator >= numerator * members_total


@transaction.atomic
def slate_vote(
    *,
    actor: Any,
    slate: Slate,
    method: str,
    present: Sequence[CouncilMember],
    in_favour: int,
    against: int,
    abstain: int = 0,
    note: str = "",
    place: str = "",
    held_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Vote:
    """Record the council's vote on a draft slate. When it reaches the threshold the slate is
    confirmed: the council is decided, each initiative is selected or not at this level with
    the slate's reason, and the top N go to the next level if the programme has one, carrying
    their score history (the sheets and the slate line stay linked to the initiative).
    Side effects: Vote; slate and council status; initiative decisions; audit."""
    council = slate.council
    now = now or timezone.now()
    # Two secretaries recording at once, or a vote on a slate a new proposal just replaced:
    # the second waits, then finds the slate no longer a draft.
    lock_council(council)
    slate.refresh_from_db(fields=["status"])
    if slate.status != SlateStatus.DRAFT:
        raise ValidationError(_("Đề xuất này không còn chờ biểu quyết."))
    unscored = [
        line.initiative.code
        for line in slate.lines.filter(sheets=0, amend_reason="").select_related("initiative")
    ]
    if unscored:
        # Not rejected by default: the council scores them, or says on the line why not.
        raise ValidationError(
            _(
                "Chưa biểu quyết được: %(n)s sáng kiến chưa được chấm (%(codes)s). Hãy phân công "
                "chấm, hoặc sửa dòng của sáng kiến đó và ghi lý do hội đồng không xét."
            )
            % {"n": len(unscored), "codes": _codes(unscored)}
        )
    held_at = held_at or now
    if held_at > now or held_at < slate.proposed_at:
        raise ValidationError(
            {"held_at": _("Thời gian họp phải sau khi lập đề xuất và không ở tương lai.")}
        )
    members_total = council.members.filter(active=True).count()
    present = list(present)
    if any(seat.council_id != council.pk or not seat.active for seat in present):
        raise ValidationError({"present": _("Có người không phải thành viên hội đồng.")})
    if in_favour + against + abstain > len(present):
        raise ValidationError(
            _("Tổng số phiếu (%(votes)s) nhiều hơn số thành viên có mặt (%(present)s).")
            % {"votes": in_favour + against + abstain, "present": len(present)}
        )
    passed = vote_passes(
        in_favour=in_favour,
        members_total=members_total,
        numerator=council.vote_numerator,
        denominator=council.vote_denominator,
    )
    vote = Vote.objects.create(
        slate=slate,
        method=method,
        members_total=members_total,
        in_favour=in_favour,
        against=against,
        abstain=abstain,
        threshold_numerator=council.vote_numerator,
        threshold_denominator=council.vote_denominator,
        passed=passed,
        note=note,
        place=place,
        recorded_by=actor if getattr(actor, "pk", None) else None,
        held_at=held_at,
    )
    vote.full_clean()
    vote.present.set(present)
    audit_record(
        actor=actor,
        action="slate_vote",
        obj=slate,
        changes={"votes": [None, f"{in_favour}/{members_total}"], "passed": [None, passed]},
        unit_path=council_path(council),
    )
    if passed:
        _confirm(actor=actor, slate=slate, now=held_at)
    return vote


def _confirm(*, actor: Any, slate: Slate, now: dt.datetime) -> None:
    council = slate.council
    slate.status, slate.confirmed_at = SlateStatus.CONFIRMED, now
    slate.save(update_fields=["status", "confirmed_at"])
    council.status = CouncilStatus.DECIDED
    council.save(update_fields=["status"])
    unforwarded: list[str] = []
    skipped: list[str] = []
    pending = set(
        Stage.objects.filter(
            level_id=council.level_id, unit_id=council.unit_id, status=StageStatus.PENDING
        ).values_list("initiative_id", flat=True)
    )
    for line in slate.lines.select_related("initiative__programme", "initiative__current_level"):
        initiative = line.initiative
        if initiative.pk not in pending or initiative.current_level_id != council.level_id:
            # Decided by hand before the council existed, returned, or withdrawn: said on the
            # slate so no one reads the vote as having decided it.
            skipped.append(initiative.code)
            continue
        initiatives.initiative_decide(
            actor=actor,
            initiative=initiative,
            selected=line.selected,
            reason=(line.amend_reason or line.reason) if not line.selected else "",
            now=now,
        )
        if line.top and initiatives.next_level(initiative, timezone.localdate(now)) is not None:
            try:
                initiatives.initiative_forward(actor=actor, initiative=initiative, now=now)
            except ValidationError as error:
                # The vote stands; the officer forwards it by hand once the level above allows.
                unforwarded.append(f"{initiative.code}: {'; '.join(error.messages)}")
    if unforwarded or skipped:
        # Said on the slate's page, not only in the audit trail: someone has to act on it.
        with translation.override("vi"):
            notes = [
                _("Chưa chuyển lên cấp trên được %(line)s") % {"line": line} for line in unforwarded
            ]
            if skipped:
                notes.append(
                    _("Kết quả biểu quyết không ghi vào %(codes)s: sáng kiến không còn chờ xét.")
                    % {"codes": _codes(skipped)}
                )
            slate.problems = [*slate.problems, *notes]
        slate.save(update_fields=["problems"])
    audit_record(
        actor=actor,
        action="slate_confirm",
        obj=slate,
        changes={
            "selected": [None, slate.lines.filter(selected=True).count()],
            "not_forwarded": [None, unforwarded],
        },
        unit_path=council_path(council),
    )
