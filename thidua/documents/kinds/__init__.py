"""Every kind of document thidua writes, by kind: the one place views and tasks look up a
generator."""

from __future__ import annotations

from django.utils.module_loading import import_string

from thidua.documents.base import DocumentGenerator
from thidua.documents.enums import DocumentKind

_PATHS = {
    DocumentKind.PLAN: "thidua.documents.kinds.plan.PlanGenerator",
    DocumentKind.DECISION: "thidua.documents.kinds.decision.DecisionGenerator",
    DocumentKind.PROPOSAL: "thidua.documents.kinds.proposal.ProposalGenerator",
    DocumentKind.MINUTES: "thidua.documents.kinds.minutes.MinutesGenerator",
    DocumentKind.INVITATION: "thidua.documents.kinds.invitation.InvitationGenerator",
    DocumentKind.REPORT: "thidua.documents.kinds.report.ReportGenerator",
    DocumentKind.AWARD_CERTIFICATE: "thidua.documents.kinds.certificate.AwardCertificateGenerator",
    DocumentKind.INITIATIVE_CERTIFICATE: (
        "thidua.documents.kinds.certificate.InitiativeCertificateGenerator"
    ),
}

# The kinds kept as OfficialDocument rows, and what each is written about.
ISSUED_KINDS = {
    DocumentKind.PLAN: "event",
    DocumentKind.INVITATION: "event",
    DocumentKind.PROPOSAL: "cycle",
    DocumentKind.MINUTES: "council",
    DocumentKind.REPORT: "programme",
}


def generator_class(kind: str) -> type[DocumentGenerator]:
    generator: type[DocumentGenerator] = import_string(_PATHS[DocumentKind(kind)])
    return generator


def all_generators() -> list[type[DocumentGenerator]]:
    return [generator_class(kind) for kind in _PATHS]
