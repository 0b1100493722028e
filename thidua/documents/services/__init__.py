"""Writing documents: drafting one about an object (its facts prefilled), editing it while a
draft, registering it (number from the issuer's register), a unit's own templates, the
certificates of a decision or a programme, and batches made in the background. Every write is
atomic and audited."""

from thidua.documents.selectors import (
    batch_retryable,
    document_defaults,
    issuer_of,
    recognised_initiatives,
    signer_defaults,
    successor,
)
from thidua.documents.services.batches import batch_retry, batch_start
from thidua.documents.services.certificates import (
    certificates_for_decision,
    certificates_for_programme,
    new_code,
)
from thidua.documents.services.common import EDITABLE, TEMPLATE_MAX_BYTES
from thidua.documents.services.drafting import (
    decision_snapshot,
    document_create,
    document_delete,
    document_issue,
    document_update,
)
from thidua.documents.services.templates import template_remove, template_upload

__all__ = [
    "EDITABLE",
    "TEMPLATE_MAX_BYTES",
    "batch_retry",
    "batch_retryable",
    "batch_start",
    "certificates_for_decision",
    "certificates_for_programme",
    "decision_snapshot",
    "document_create",
    "document_defaults",
    "document_delete",
    "document_issue",
    "document_update",
    "issuer_of",
    "new_code",
    "recognised_initiatives",
    "signer_defaults",
    "successor",
    "template_remove",
    "template_upload",
]
