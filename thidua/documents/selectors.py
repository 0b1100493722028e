"""Reading documents: what a registered document serves, and the facts a new one starts from."""

from __future__ import annotations

from thidua.awards.models import Decision
from thidua.documents.base import Renderable, StoredDocument
from thidua.documents.kinds import generator_class
from thidua.documents.kinds.common import IssuedDocumentGenerator
from thidua.documents.kinds.decision import DecisionGenerator
from thidua.documents.models import OfficialDocument


def renderable(document: OfficialDocument) -> Renderable:
    """A registered document's stored file (as it was when its number was taken); a draft is
    written afresh from the data and the unit's template."""
    generator = generator_class(document.kind)(document)
    if document.is_issued and document.file:
        with document.file.open("rb") as handle:
            assert isinstance(generator, IssuedDocumentGenerator)  # noqa: S101
            return StoredDocument(generator.stem, handle.read())
    return generator


def decision_renderable(decision: Decision) -> Renderable:
    """A signed decision as it was signed (kept at signing, or now if it was not); a draft
    written afresh."""
    from thidua.documents.services import decision_snapshot

    generator = DecisionGenerator(decision)
    snapshot = decision_snapshot(decision)
    if snapshot is None:
        return generator
    with snapshot.file.open("rb") as handle:
        return StoredDocument(generator.stem, handle.read())
