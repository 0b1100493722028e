"""The audit trail: every service writes through here."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from thidua.common.models import AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, for the before/after record."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [before.get(name), after[name]] for name in after if before.get(name) != after[name]
    }


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: Mapping[str, list[Any]] | None = None,
    reason: str = "",
    unit_path: str = "",
) -> AuditEntry:
    """Write one audit entry. `actor` is a user or None for the system (demo, migrations)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=dict(changes or {}),
        reason=reason,
        unit_path=unit_path,
    )


def model_update(
    *,
    instance: models.Model,
    data: Mapping[str, Any],
    actor: Any,
    action: str,
    unit_path: str = "",
    reason: str = "",
    redact: Iterable[str] = (),
) -> dict[str, list[Any]]:
    """Set the given fields, validate, save only what changed, audit the before/after.

    Fields in `redact` (personal data) are logged as changed without their values.
    Returns the changes; saves and audits nothing when nothing changed.
    """
    fields = list(data)
    before = snapshot(instance, fields)
    for name, value in data.items():
        setattr(instance, name, value)
    after = snapshot(instance, fields)
    changes = diff(before, after)
    if not changes:
        return {}
    instance.full_clean()
    instance.save(update_fields=list(changes))
    for name in redact:
        if name in changes:
            changes[name] = ["***", "***"]
    audit_record(
        actor=actor,
        action=action,
        obj=instance,
        changes=changes,
        reason=reason,
        unit_path=unit_path,
    )
    return changes
