"""Documents over the API: the same files as the pages, drafting and registering a document,
a decision's certificates as a batch with its progress, and the anonymous certificate check."""

from __future__ import annotations

from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.awards.conftest import BEFORE, AnLao, al, catalogue, nominate  # noqa: F401
from tests.documents.test_decision_document import _signed
from thidua.awards.services import nominations
from thidua.documents.models import Certificate, OfficialDocument, RegisterEntry


def test_the_api_gives_the_decision_as_word_and_pdf(al: AnLao):
    decision = _signed(al)
    api = api_client_for(al.officer)

    docx = api.get(f"/api/v1/decisions/{decision.pk}/file/docx/")
    pdf = api.get(f"/api/v1/decisions/{decision.pk}/file/pdf/")

    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert 'filename="quyet-dinh-01-qd-ldld.docx"' in docx["Content-Disposition"]
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"


def test_a_decision_outside_ones_scope_is_not_found(al: AnLao):
    decision = _signed(al)

    response = api_client_for(al.outsider_official).get(
        f"/api/v1/decisions/{decision.pk}/file/docx/"
    )

    assert response.status_code == 404


def test_certificates_print_as_a_batch_the_api_follows(
    al: AnLao, django_capture_on_commit_callbacks
):
    decision = _signed(al)
    api = api_client_for(al.officer)

    with django_capture_on_commit_callbacks(execute=True):
        started = api.post(f"/api/v1/decisions/{decision.pk}/certificates/", {"format": "zip"})

    assert started.status_code == 202
    batch = api.get(f"/api/v1/document-batches/{started.json()['id']}/").json()
    assert (batch["status"], batch["done"], batch["total"], batch["percent"]) == ("done", 3, 3, 100)
    assert api.get(batch["file_url"]).status_code == 200


def test_anyone_checks_a_certificate_code_without_logging_in(al: AnLao):
    from thidua.documents import services

    certificate = services.certificates_for_decision(actor=None, decision=_signed(al))[0]

    found = APIClient().get(f"/api/v1/certificates/{certificate.code}/")
    made_up = APIClient().get("/api/v1/certificates/GK-ZZZZ-ZZZZ/")

    assert found.status_code == 200
    assert found.json()["holder"] == certificate.holder and found.json()["valid"] is True
    assert "phone" not in found.json() and "date_of_birth" not in found.json()
    assert made_up.status_code == 404
    assert Certificate.objects.count() == 3


def test_a_proposal_is_drafted_and_registered_through_the_api(al: AnLao):
    nomination = nominate(al, 4, al.worker)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    api = api_client_for(al.officer)

    created = api.post("/api/v1/documents/", {"kind": "to-trinh", "object": al.cycle.pk})
    document_id = created.json()["id"]
    edited = api.patch(f"/api/v1/documents/{document_id}/", {"signer_name": "Phạm Thị Nga"})
    issued = api.post(f"/api/v1/documents/{document_id}/issue/", {"issued_on": "2024-07-15"})
    again = api.patch(f"/api/v1/documents/{document_id}/", {"subject": "Sửa sau khi cấp số"})
    docx = api.get(f"/api/v1/documents/{document_id}/file/docx/")

    assert created.status_code == 201 and created.json()["status"] == "draft"
    assert edited.json()["signer_name"] == "Phạm Thị Nga"
    assert issued.json()["symbol"] == "01/TTr-LĐLĐ"
    assert RegisterEntry.objects.get(type_code="TTr").symbol == "01/TTr-LĐLĐ"
    assert again.status_code == 400
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert OfficialDocument.objects.get().issuer == al.district


def test_a_grassroots_official_cannot_draft_the_federations_proposal(al: AnLao):
    response = api_client_for(al.official).post(
        "/api/v1/documents/", {"kind": "to-trinh", "object": al.cycle.pk}
    )

    assert response.status_code in {403, 404}
    assert not OfficialDocument.objects.exists()
