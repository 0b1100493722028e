"""Pure rules of a programme: deadlines and quotas over plain values, tested without a database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _


def effective_deadline(
    base: dt.datetime, extensions: Iterable[tuple[int | None, dt.datetime]], unit_id: int
) -> dt.datetime:
    """The latest of the level's deadline and any extension for this unit or for all units."""
    latest = base
    for extended_unit, deadline in extensions:
        if extended_unit in (None, unit_id) and deadline > latest:
            latest = deadline
    return latest


def quota_left(quota_max: int | None, already_forwarded: int) -> int | None:
    """How many more a holder may forward; None when the level sets no cap."""
    if quota_max is None:
        return None
    return max(quota_max - already_forwarded, 0)


def share_problems(shares: list[Decimal]) -> list[str]:
    """What is wrong with the authors' contribution shares, in the active language; empty
    when fine."""
    problems: list[str] = []
    if not shares:
        return [_("Sáng kiến phải có ít nhất một tác giả.")]
    if any(share <= 0 for share in shares):
        problems.append(_("Tỷ lệ đóng góp của mỗi tác giả phải lớn hơn 0%."))
    total = sum(shares, Decimal(0))
    if total != Decimal(100):
        shown = format(total.normalize(), "f")  # 90.00 -> "90", 99.50 -> "99.5"
        problems.append(
            _("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%% (hiện là %(total)s%%).")
            % {"total": shown}
        )
    return problems
