"""The built-in award catalogue, loaded by the data migration and, idempotently, wherever a
database may have been emptied since (the demo's reset, a test database flushed by a
transactional test)."""

from __future__ import annotations

from thidua.awards.catalogue import CATALOGUE
from thidua.awards.models import Award


def catalogue_load() -> None:
    """Add the built-in entries that are missing; entries already there (perhaps edited by an
    administrator) are left as they are."""
    present = set(Award.objects.values_list("code", flat=True))
    Award.objects.bulk_create(
        [
            Award(
                **{k: v for k, v in spec.items() if k != "issuer_tiers"},
                issuer_tiers=[int(t) for t in spec["issuer_tiers"]],
                order=order,
            )
            for order, spec in enumerate(CATALOGUE)
            if spec["code"] not in present
        ]
    )
