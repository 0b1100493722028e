"""What the document services share."""

from __future__ import annotations

from typing import Any

EDITABLE = [
    "subject",
    "addressee",
    "place_name",
    "recipients",
    "sign_mode",
    "sign_body",
    "signer_title",
    "signer_name",
    "per_group",
    "guest_group",
]
TEMPLATE_MAX_BYTES = 5 * 1024 * 1024
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None
