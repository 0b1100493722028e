"""The document pages: a federation officer drafts the conference's plan from its page, edits
it, registers it and downloads it; people outside the issuer do not see it."""

from __future__ import annotations

from django.urls import reverse

from tests.awards.conftest import AnLao, al, catalogue  # noqa: F401
from tests.conftest import client_for
from tests.documents.test_plan import _plan
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import OfficialDocument
from thidua.events import services as events
from thidua.orgs.demo import events as seed


def _event(al: AnLao):
    return events.event_create(
        actor=al.officer, organiser=al.district, cycle=al.cycle,
        data={"title": seed.AL_EVENT_TITLE, "starts_at": seed.AL_EVENT_STARTS,
              "place": seed.AL_EVENT_PLACE},
        now=seed.AL_PLAN_DAY,
    )  # fmt: skip


def test_the_officer_drafts_edits_registers_and_downloads_the_plan_from_the_conference(al: AnLao):
    event = _event(al)
    client = client_for(al.officer)
    page = client.get(reverse("web:event_detail", args=[event.pk])).content.decode()
    assert "Lập kế hoạch" in page and "Lập giấy mời" in page

    created = client.post(reverse("web:official_create", args=["ke-hoach", event.pk]))
    document = OfficialDocument.objects.get()
    assert created.url == reverse("web:official_detail", args=[document.pk])
    edited = client.post(
        reverse("web:official_edit", args=[document.pk]),
        {"subject": document.subject, "place_name": "An Lão", "recipients": "Các CĐCS trực thuộc",
         "sign_mode": "TM.", "sign_body": "BAN THƯỜNG VỤ", "signer_title": "CHỦ TỊCH",
         "signer_name": "Phạm Thị Nga"},
    )  # fmt: skip
    assert edited.status_code == 302
    issued = client.post(
        reverse("web:official_issue", args=[document.pk]), {"issued_on": "2024-06-12"}, follow=True
    )
    assert "Đã cấp số 01/KH-LĐLĐ" in issued.content.decode()
    docx = client.get(reverse("web:official_file", args=[document.pk, "docx"]))
    pdf = client.get(reverse("web:official_file", args=[document.pk, "pdf"]) + "?xem=1")

    document.refresh_from_db()
    assert (document.status, document.symbol) == (DocumentStatus.ISSUED, "01/KH-LĐLĐ")
    assert docx.content[:2] == b"PK" and "ke-hoach-01-kh-ldld.docx" in docx["Content-Disposition"]
    assert pdf.content[:5] == b"%PDF-" and pdf["Content-Disposition"].startswith("inline")
    event_page = client.get(reverse("web:event_detail", args=[event.pk])).content.decode()
    assert "01/KH-LĐLĐ" in event_page


def test_a_registered_plan_has_no_edit_form(al: AnLao):
    document = _plan(al)
    client = client_for(al.officer)

    page = client.get(reverse("web:official_detail", args=[document.pk])).content.decode()
    edit = client.get(reverse("web:official_edit", args=[document.pk]), follow=True)

    assert "Cấp số trong sổ văn bản" not in page and "Sửa thông tin" not in page
    assert "không sửa được" in edit.content.decode()


def test_the_signer_reads_but_a_grassroots_union_does_not_see_the_plan(al: AnLao):
    document = _plan(al)

    leader = client_for(al.leader)
    assert leader.get(reverse("web:official_detail", args=[document.pk])).status_code == 200
    assert leader.post(reverse("web:official_edit", args=[document.pk])).status_code == 403
    outsider = client_for(al.outsider_official)
    assert outsider.get(reverse("web:official_detail", args=[document.pk])).status_code == 404
    assert outsider.get(reverse("web:official_file", args=[document.pk, "docx"])).status_code == 404


def test_a_document_cannot_be_drafted_about_someone_elses_conference(al: AnLao):
    event = _event(al)

    response = client_for(al.outsider_official).post(
        reverse("web:official_create", args=["ke-hoach", event.pk])
    )

    assert response.status_code in {403, 404}
    assert not OfficialDocument.objects.exists()


def test_the_documents_list_shows_the_units_documents(al: AnLao):
    document = _plan(al)

    page = client_for(al.officer).get(reverse("web:official_list")).content.decode()

    assert document.symbol in page and document.subject in page
