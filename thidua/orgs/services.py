"""Writes to the organisation tree, people and accounts. Each is atomic and audited.

Restructuring (move, merge, dissolve) is effective-dated: it closes the affected placements
on the effective date and opens new ones, so the tree before that date is unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.common.audit import audit_record, model_update, snapshot
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import date_short
from thidua.orgs.enums import Role, Tier, UnitEnd
from thidua.orgs.models import Membership, Person, Unit, UnitPlacement, User, path_segment
from thidua.orgs.selectors import placement_on, unit_current_path

UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "place_name",
    "kind",
    "established_on",
    "phone",
    "email",
]
PERSON_FIELDS = [
    "full_name",
    "gender",
    "date_of_birth",
    "position",
    "unit",
    "education_level",
    "member_category",
    "is_union_member",
    "publicity_consent",
    "phone",
    "email",
    "id_number",
]


def _check_parent_kind(*, parent: Unit | None, kind: str) -> None:
    if parent is None:
        return
    if parent.tier == Tier.GRASSROOTS:
        raise ValidationError({"parent": _("Công đoàn cơ sở không có đơn vị trực thuộc.")})
    if kind == "tld":
        raise ValidationError(
            {"kind": _("Tổng Liên đoàn là cấp cao nhất, không trực thuộc đơn vị nào.")}
        )


@transaction.atomic
def unit_create(
    *,
    actor: Any,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    established_on: dt.date,
    short_name: str = "",
    place_name: str = "",
    phone: str = "",
    email: str = "",
) -> Unit:
    """Create a unit under `parent` from `established_on`. Side effects: one placement, one
    audit entry."""
    _check_parent_kind(parent=parent, kind=kind)
    parent_placement = None
    if parent is not None:
        parent_placement = placement_on(parent, established_on)
        if parent_placement is None:
            raise ValidationError(
                {
                    "parent": _("Đơn vị cấp trên không hoạt động ngày %(day)s.")
                    % {"day": date_short(established_on)}
                }
            )
        if parent_placement.valid_to is not None:
            # The child would stay behind, under a position the parent has left.
            raise ValidationError(
                {
                    "parent": _(
                        "Từ ngày %(day)s, “%(parent)s” đã chuyển hoặc chấm dứt hoạt động. "
                        "Hãy chọn ngày thành lập từ ngày đó trở đi, hoặc chọn đơn vị cấp trên "
                        "hiện nay."
                    )
                    % {"day": date_short(parent_placement.valid_to), "parent": parent}
                }
            )
    unit = Unit(
        code=code.strip(),
        name=name.strip(),
        kind=kind,
        established_on=established_on,
        short_name=short_name.strip(),
        place_name=place_name.strip(),
        phone=phone,
        email=email,
    )
    unit.full_clean()
    unit.save()
    prefix = parent_placement.path if parent_placement else ""
    placement = UnitPlacement.objects.create(
        unit=unit,
        parent=parent,
        path=prefix + path_segment(unit.pk),
        depth=(parent_placement.depth + 1) if parent_placement else 0,
        valid_from=established_on,
    )
    audit_record(
        actor=actor,
        action="unit_create",
        obj=unit,
        changes={name: [None, value] for name, value in snapshot(unit, UNIT_FIELDS).items()}
        | {"parent": [None, str(parent) if parent else None]},
        unit_path=placement.path,
    )
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Change a unit's own attributes (not its place in the tree). Audited."""
    unknown = set(data) - set(UNIT_FIELDS)
    if unknown:
        raise ValueError(f"unit_update cannot change {sorted(unknown)}")
    becomes_grassroots = data.get("kind") == "cdcs" and unit.kind != "cdcs"
    has_children = UnitPlacement.objects.filter(parent=unit, valid_to__isnull=True).exists()
    if becomes_grassroots and has_children:
        raise ValidationError(
            {"kind": _("Đơn vị còn đơn vị trực thuộc, không thể là công đoàn cơ sở.")}
        )
    return model_update(
        instance=unit,
        data=data,
        actor=actor,
        action="unit_update",
        unit_path=unit_current_path(unit),
    )


def _require_no_later_changes(path: str, day: dt.date) -> None:
    later = UnitPlacement.objects.under(path).filter(valid_from__gt=day).exists() or (
        UnitPlacement.objects.on(day).under(path).filter(valid_to__isnull=False).exists()
    )
    if later:
        raise ValidationError(
            _(
                "Trong cây đơn vị này đã có thay đổi tổ chức sau ngày %(day)s. "
                "Hãy ghi nhận các thay đổi theo đúng thứ tự thời gian."
            )
            % {"day": date_short(day)}
        )


def _active_placement(unit: Unit, day: dt.date, field: str) -> UnitPlacement:
    placement = placement_on(unit, day)
    if placement is None:
        raise ValidationError(
            {
                field: _("“%(unit)s” không hoạt động vào ngày %(day)s.")
                % {"unit": unit, "day": date_short(day)}
            }
        )
    return placement


def _move_subtree(*, unit: Unit, new_parent: Unit, day: dt.date) -> tuple[str, str]:
    """Re-home `unit` and its subtree under `new_parent` from `day`. Returns (old, new) path."""
    current = _active_placement(unit, day, "unit")
    target = _active_placement(new_parent, day, "new_parent")
    if target.path.startswith(current.path):
        raise ValidationError(
            {"new_parent": _("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.")}
        )
    _check_parent_kind(parent=new_parent, kind=unit.kind)
    if current.parent_id == new_parent.pk:
        raise ValidationError(
            {
                "new_parent": _("“%(unit)s” đã trực thuộc “%(parent)s”.")
                % {"unit": unit, "parent": new_parent}
            }
        )
    _require_no_later_changes(current.path, day)
    old_prefix, new_prefix = current.path, target.path + path_segment(unit.pk)
    depth_shift = target.depth + 1 - current.depth
    to_close: list[UnitPlacement] = []
    to_rewrite: list[UnitPlacement] = []
    to_open: list[UnitPlacement] = []
    for placement in UnitPlacement.objects.on(day).under(old_prefix):
        new_path = new_prefix + placement.path[len(old_prefix) :]
        parent_id = new_parent.pk if placement.unit_id == unit.pk else placement.parent_id
        if placement.valid_from == day:
            placement.path, placement.depth = new_path, placement.depth + depth_shift
            placement.parent_id = parent_id
            to_rewrite.append(placement)
            continue
        placement.valid_to = day
        to_close.append(placement)
        to_open.append(
            UnitPlacement(
                unit_id=placement.unit_id,
                parent_id=parent_id,
                path=new_path,
                depth=placement.depth + depth_shift,
                valid_from=day,
            )
        )
    UnitPlacement.objects.bulk_update(to_close, ["valid_to"], batch_size=1000)
    UnitPlacement.objects.bulk_update(to_rewrite, ["path", "depth", "parent"], batch_size=1000)
    UnitPlacement.objects.bulk_create(to_open, batch_size=1000)
    return old_prefix, new_prefix


@transaction.atomic
def unit_move(
    *, actor: Any, unit: Unit, new_parent: Unit, effective_on: dt.date, reason: str = ""
) -> None:
    """Move `unit` with its subtree under `new_parent` from `effective_on`; before that date
    the tree still shows the old parent. Side effects: placements closed and opened for the
    whole subtree; one audit entry."""
    old_parent = _active_placement(unit, effective_on, "unit").parent
    # Not "_, new_path = ...": here `_` is gettext.
    new_path = _move_subtree(unit=unit, new_parent=new_parent, day=effective_on)[1]
    audit_record(
        actor=actor,
        action="unit_move",
        obj=unit,
        reason=reason,
        unit_path=new_path,
        changes={
            "parent": [str(old_parent) if old_parent else None, str(new_parent)],
            "effective_on": [None, effective_on.isoformat()],
        },
    )


def _end_unit(*, unit: Unit, day: dt.date, end_kind: str, merged_into: Unit | None) -> str:
    placement = _active_placement(unit, day, "unit")
    if placement.valid_from >= day:
        raise ValidationError(
            {"effective_on": _("Ngày chấm dứt phải sau ngày đơn vị bắt đầu ở vị trí hiện tại.")}
        )
    _require_no_later_changes(placement.path, day)
    children = UnitPlacement.objects.on(day).filter(parent=unit).count()
    if children:
        raise ValidationError(
            ngettext(
                "“%(unit)s” còn %(children)s đơn vị trực thuộc vào ngày %(day)s; "
                "hãy chuyển hoặc sáp nhập các đơn vị đó trước.",
                "“%(unit)s” còn %(children)s đơn vị trực thuộc vào ngày %(day)s; "
                "hãy chuyển hoặc sáp nhập các đơn vị đó trước.",
                children,
            )
            % {"unit": unit, "children": children, "day": date_short(day)}
        )
    placement.valid_to = day
    placement.save(update_fields=["valid_to"])
    unit.ended_on, unit.end_kind, unit.merged_into = day, end_kind, merged_into
    unit.save(update_fields=["ended_on", "end_kind", "merged_into"])
    return placement.path


@transaction.atomic
def unit_dissolve(*, actor: Any, unit: Unit, effective_on: dt.date, reason: str) -> None:
    """Dissolve (giải thể) `unit` from `effective_on`. It must have no child units then; its
    people stay attached to it as history. Side effects: its placement is closed; audited."""
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hoặc văn bản giải thể.")})
    path = _end_unit(unit=unit, day=effective_on, end_kind=UnitEnd.DISSOLVED, merged_into=None)
    audit_record(
        actor=actor,
        action="unit_dissolve",
        obj=unit,
        reason=reason,
        unit_path=path,
        changes={"ended_on": [None, effective_on.isoformat()], "end_kind": ["", UnitEnd.DISSOLVED]},
    )


@transaction.atomic
def unit_merge(*, actor: Any, unit: Unit, into: Unit, effective_on: dt.date, reason: str) -> int:
    """Merge (sáp nhập) `unit` into `into` from `effective_on`.

    Side effects: the unit's child units move under `into` from that date (history before it
    is kept); its people move to `into` at once, each audited; the unit ends on that date with
    `merged_into` set; one audit entry for the merge. Returns the number of people moved.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hoặc văn bản sáp nhập.")})
    if into.pk == unit.pk:
        raise ValidationError({"into": _("Không thể sáp nhập một đơn vị vào chính nó.")})
    source = _active_placement(unit, effective_on, "unit")
    target = _active_placement(into, effective_on, "into")
    if target.path.startswith(source.path):
        raise ValidationError(
            {"into": _("Không thể sáp nhập vào một đơn vị đang trực thuộc chính nó.")}
        )
    if (
        into.tier == Tier.GRASSROOTS
        and UnitPlacement.objects.on(effective_on).filter(parent=unit).exists()
    ):
        raise ValidationError({"into": _("Công đoàn cơ sở không nhận được đơn vị trực thuộc.")})
    for child in UnitPlacement.objects.on(effective_on).filter(parent=unit).select_related("unit"):
        _move_subtree(unit=child.unit, new_parent=into, day=effective_on)
    people = list(Person.objects.filter(unit=unit))
    Person.objects.filter(unit=unit).update(unit=into)
    target_path = target.path
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=actor if getattr(actor, "pk", None) else None,
                action="person_move_on_merge",
                object_type="orgs.person",
                object_id=str(person.pk),
                object_repr=str(person)[:255],
                changes={"unit": [str(unit), str(into)]},
                reason=reason,
                unit_path=target_path,
            )
            for person in people
        ],
        batch_size=1000,
    )
    path = _end_unit(unit=unit, day=effective_on, end_kind=UnitEnd.MERGED, merged_into=into)
    audit_record(
        actor=actor,
        action="unit_merge",
        obj=unit,
        reason=reason,
        unit_path=path,
        changes={
            "merged_into": [None, str(into)],
            "ended_on": [None, effective_on.isoformat()],
            "people_moved": [None, len(people)],
        },
    )
    return len(people)


@transaction.atomic
def person_create(*, actor: Any, data: Mapping[str, Any]) -> Person:
    """Create a person. Audited (the ID number is recorded as changed, never its value)."""
    person = Person(**{name: value for name, value in data.items() if name in PERSON_FIELDS})
    person.set_derived_fields()
    person.full_clean()
    person.save()
    values = snapshot(person, PERSON_FIELDS)
    if values.get("id_number"):
        values["id_number"] = "***"
    audit_record(
        actor=actor,
        action="person_create",
        obj=person,
        changes={name: [None, value] for name, value in values.items() if value not in ("", None)},
        unit_path=unit_current_path(person.unit),
    )
    return person


@transaction.atomic
def person_update(*, actor: Any, person: Person, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    unknown = set(data) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"person_update cannot change {sorted(unknown)}")
    update = dict(data)
    if "full_name" in update:
        update["full_name"] = " ".join(str(update["full_name"]).split())
    # The ID number is personal data: the log says it changed, not what it was.
    return model_update(
        instance=person,
        data=update,
        actor=actor,
        action="person_update",
        unit_path=unit_current_path(person.unit),
        redact=["id_number"],
    )


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    full_name: str,
    email: str,
    password: str | None,
    person: Person | None = None,
) -> User:
    """Create an account. With no password the account cannot log in until it is reset."""
    user = User(
        username=username.strip(), full_name=full_name.strip(), email=email.strip(), person=person
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        actor=actor,
        action="user_create",
        obj=user,
        changes={"username": [None, user.username], "full_name": [None, user.full_name]},
    )
    return user


def user_send_password_link(*, actor: Any, user: User, domain: str, use_https: bool) -> None:
    """Mail the user a one-time link to set their password (new accounts have none, so
    Django's reset form, which skips unusable passwords, would not send it). Audited."""
    if not user.email:
        raise ValidationError(_("Tài khoản này chưa có thư điện tử."))
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": "thidua",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    # The mail goes to someone else, whose language we do not know: write it in the
    # primary language rather than in the administrator's.
    with translation.override(settings.LANGUAGE_CODE):
        PasswordResetForm().send_mail(
            "registration/password_reset_subject.txt",
            "registration/password_reset_email.html",
            context,
            None,
            user.email,
        )
    audit_record(
        actor=actor, action="user_password_link", obj=user, changes={"email": [None, user.email]}
    )


@transaction.atomic
def user_update(*, actor: Any, user: User, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    allowed = {"full_name", "email", "is_active", "person"}
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"user_update cannot change {sorted(unknown)}")
    return model_update(instance=user, data=data, actor=actor, action="user_update")


def _role_label(membership: Membership) -> str:
    """The role's name as the audit trail records it: in Vietnamese, whatever language the
    actor reads, so the trail does not change language with whoever wrote it."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(membership.get_role_display())


@transaction.atomic
def membership_add(*, actor: Any, user: User, unit: Unit, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ.")})
    if Membership.objects.filter(user=user, unit=unit, role=role).exists():
        raise ValidationError(
            _("%(user)s đã có vai trò này tại %(unit)s.") % {"user": user, "unit": unit}
        )
    membership = Membership.objects.create(user=user, unit=unit, role=role)
    audit_record(
        actor=actor,
        action="membership_add",
        obj=user,
        changes={"membership": [None, f"{_role_label(membership)} – {unit}"]},
        unit_path=unit_current_path(unit),
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Any, membership: Membership) -> None:
    audit_record(
        actor=actor,
        action="membership_remove",
        obj=membership.user,
        changes={"membership": [f"{_role_label(membership)} – {membership.unit}", None]},
        unit_path=unit_current_path(membership.unit),
    )
    membership.delete()
