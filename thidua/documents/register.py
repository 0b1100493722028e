"""Taking a number from an issuer's register: the one place numbers come from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models, transaction

from thidua.common.audit import audit_record
from thidua.documents.models import RegisterCounter, RegisterEntry
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path


def symbol_for(*, number: int, type_code: str, issuer: Unit) -> str:
    """ "35/KH-LĐLĐ", "05/KH-LĐLĐ": number (a 0 before numbers below 10, as Nghị định 30
    writes them), the document type code, the issuer's short name."""
    suffix = f"-{issuer.short_name}" if issuer.short_name else ""
    return f"{number:02d}/{type_code}{suffix}"


@transaction.atomic
def number_take(
    *,
    actor: Any,
    issuer: Unit,
    type_code: str,
    issued_on: dt.date,
    subject: str,
    signer: str = "",
    obj: models.Model | None = None,
) -> RegisterEntry:
    """The next number of (issuer, type code, year of `issued_on`), written into the register.

    Concurrent callers queue on the counter's row lock (SELECT … FOR UPDATE on PostgreSQL;
    SQLite serialises writers), and the register's unique constraint is the last guard, so
    two documents never share a number. Side effects: counter row, register entry, audit.
    """
    year = issued_on.year
    RegisterCounter.objects.get_or_create(issuer=issuer, type_code=type_code, year=year)
    counter = RegisterCounter.objects.select_for_update().get(
        issuer=issuer, type_code=type_code, year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    entry = RegisterEntry.objects.create(
        issuer=issuer,
        type_code=type_code,
        year=year,
        number=counter.last_number,
        symbol=symbol_for(number=counter.last_number, type_code=type_code, issuer=issuer),
        issued_on=issued_on,
        subject=subject[:500],
        signer=signer,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="register_take",
        obj=entry,
        changes={"symbol": [None, entry.symbol], "subject": [None, entry.subject]},
        unit_path=unit_current_path(issuer),
    )
    return entry


@transaction.atomic
def register_continue(
    *, actor: Any, issuer: Unit, type_code: str, year: int, last_number: int
) -> RegisterCounter:
    """Continue the register from a paper book: the next number taken will follow
    `last_number`. Numbers only move forward, so none already taken can come back."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    RegisterCounter.objects.get_or_create(issuer=issuer, type_code=type_code, year=year)
    counter = RegisterCounter.objects.select_for_update().get(
        issuer=issuer, type_code=type_code, year=year
    )
    if last_number < counter.last_number:
        raise ValidationError(
            _("Sổ đã dùng đến số %(last)s: không lùi số được.") % {"last": counter.last_number}
        )
    before = counter.last_number
    counter.last_number = last_number
    counter.save(update_fields=["last_number"])
    audit_record(
        actor=actor,
        action="register_continue",
        obj=counter,
        changes={"last_number": [before, last_number], "type_code": [None, type_code]},
        unit_path=unit_current_path(issuer),
    )
    return counter
