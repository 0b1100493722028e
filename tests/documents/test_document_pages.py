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


def test_a_registered_plan_stays_as_registered_when_the_conference_changes(al: AnLao):
    from tests.documents.docx_checks import text_of

    document = _plan(al)
    event = document.event
    event.place = "Nhà văn hóa huyện"
    event.save()
    client = client_for(al.officer)

    stored = client.get(reverse("web:official_file", args=[document.pk, "docx"])).content

    assert "2. Địa điểm: Hội trường Huyện ủy." in text_of(stored)


def test_a_guest_group_invited_by_a_registered_invitation_is_not_removed(al: AnLao):
    import datetime as dt

    import pytest
    from django.core.exceptions import ValidationError

    from thidua.documents import services

    event = _event(al)
    group = event.guest_groups.first()
    invitation = services.document_create(actor=al.officer, kind="giay-moi", obj=event)
    invitation = services.document_update(
        actor=al.officer, document=invitation,
        data={"guest_group": group, "signer_name": "Phạm Thị Nga"},
    )  # fmt: skip
    services.document_issue(actor=al.officer, document=invitation, issued_on=dt.date(2024, 7, 1))

    with pytest.raises(ValidationError, match="đã gửi cho nhóm này"):
        events.guest_group_remove(actor=al.officer, group=group)


def test_the_officer_drafts_the_councils_minutes_from_its_page(db):
    from tests.factories import make_unit, make_user
    from thidua.campaigns import services as campaigns
    from thidua.orgs.enums import Tier
    from thidua.reviews import services as reviews
    from thidua.reviews.rubrics import PRESETS

    province = make_unit("Liên đoàn Lao động tỉnh Thử", short_name="LĐLĐ")
    officer = make_user("thidua_thu", unit=province, role="officer")
    secretary = make_user("thuky_thu")
    programme = campaigns.programme_create(
        actor=None, name="Sáng kiến thử", code="THU", running_unit=province,
        starts_on=seed.AL_PLAN_DAY.date(), ends_on=seed.AL_EVENT_STARTS.date(),
        levels=[{"name": "Cấp tỉnh", "tier": Tier.PROVINCE, "deadline": seed.AL_EVENT_STARTS}],
    )  # fmt: skip
    rubric = reviews.rubric_create(actor=None, programme=programme, spec=PRESETS["son_la"])
    council = reviews.council_create(
        actor=None, level=programme.levels.get(), unit=province,
        data={"name": "Hội đồng thử", "rubric": rubric},
    )  # fmt: skip
    reviews.member_add(actor=None, council=council, user=secretary, role="secretary")

    created = client_for(officer).post(
        reverse("web:official_create", args=["bien-ban", council.pk])
    )
    refused = client_for(secretary).post(
        reverse("web:official_create", args=["bien-ban", council.pk])
    )

    document = OfficialDocument.objects.get()
    assert created.url == reverse("web:official_detail", args=[document.pk])
    assert document.subject == "Họp Hội đồng thử"
    assert refused.status_code == 403
