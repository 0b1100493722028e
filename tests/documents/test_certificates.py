"""Certificates: one per person of a signed decision, each with a code that anyone checks on
a public page; printed as a batch in the background, with progress and a retry on failure."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from tests.awards.conftest import AnLao, al, catalogue  # noqa: F401
from tests.conftest import client_for
from tests.documents.docx_checks import assert_decree_page, open_docx, pdf_pages, text_of
from tests.documents.test_decision_document import _signed
from thidua.awards.services import decisions
from thidua.documents import services
from thidua.documents.enums import BatchStatus
from thidua.documents.kinds.certificate import AwardCertificateGenerator
from thidua.documents.models import Certificate, DocumentBatch


def test_each_person_of_a_signed_decision_gets_one_certificate_with_its_own_code(al: AnLao):
    decision = _signed(al)

    first = services.certificates_for_decision(actor=al.officer, decision=decision)
    again = services.certificates_for_decision(actor=al.officer, decision=decision)

    assert [c.pk for c in first] == [c.pk for c in again]
    assert len({c.code for c in first}) == 3 == Certificate.objects.count()
    assert all(c.code.startswith("GK-") and len(c.code) == 12 for c in first)
    assert first[0].reference == "Quyết định số 01/QĐ-LĐLĐ ngày 18/07/2024"


def test_a_draft_decision_prints_no_certificate(al: AnLao):
    from django.core.exceptions import ValidationError

    from thidua.awards.models import Award

    draft = decisions.decision_create(
        actor=al.officer, issuer=al.district, data={"award": Award.objects.get(code="giay-khen")}
    )

    with pytest.raises(ValidationError, match="quyết định đã ký"):
        services.certificates_for_decision(actor=al.officer, decision=draft)


def test_a_certificate_page_is_landscape_with_the_name_the_code_and_a_qr_code(al: AnLao):
    certificates = services.certificates_for_decision(actor=al.officer, decision=_signed(al))

    data = AwardCertificateGenerator(certificates[:1]).docx()

    doc = open_docx(data)
    assert_decree_page(doc, landscape=True)
    text = text_of(data)
    assert certificates[0].holder in text
    assert f"Mã xác minh: {certificates[0].code}" in text
    assert f"/xac-minh/{certificates[0].code}/" in text
    assert "An Lão, ngày 18 tháng 7 năm 2024" in text
    assert "TM. BAN THƯỜNG VỤ" in text and "Phạm Thị Nga" in text
    assert len(doc.inline_shapes) == 1  # the QR code


def test_printing_a_decisions_certificates_runs_as_a_batch_and_gives_one_pdf(
    al: AnLao, django_capture_on_commit_callbacks
):
    decision = _signed(al)
    client = client_for(al.officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("web:decision_certificates", args=[decision.pk]))

    batch = DocumentBatch.objects.get()
    assert response.url == reverse("web:batch_detail", args=[batch.pk])
    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 3, 3)
    page = client.get(reverse("web:batch_detail", args=[batch.pk])).content.decode()
    assert "3/3 giấy" in page and "Tải tệp PDF" in page
    pdf = b"".join(client.get(reverse("web:batch_file", args=[batch.pk])).streaming_content)
    pages, first, _pngs = pdf_pages(pdf)
    assert pages == 3
    assert "GIẤY KHEN" in first


def test_a_batch_can_be_a_zip_of_word_files(al: AnLao, django_capture_on_commit_callbacks):
    decision = _signed(al)
    client = client_for(al.officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("web:decision_certificates", args=[decision.pk]), {"dinh_dang": "zip"})

    batch = DocumentBatch.objects.get()
    body = b"".join(client.get(reverse("web:batch_file", args=[batch.pk])).streaming_content)
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert sorted(names) == sorted(f"{c.code}.docx" for c in Certificate.objects.all())


def test_a_failed_batch_shows_why_and_runs_again(
    al: AnLao, settings, django_capture_on_commit_callbacks
):
    decision = _signed(al)
    client = client_for(al.officer)
    settings.THIDUA_SOFFICE = "/khong/co/soffice"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("web:decision_certificates", args=[decision.pk]))
    batch = DocumentBatch.objects.get()
    assert batch.status == BatchStatus.FAILED
    assert (
        "chưa cài LibreOffice"
        in client.get(reverse("web:batch_detail", args=[batch.pk])).content.decode()
    )

    settings.THIDUA_SOFFICE = ""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("web:batch_retry", args=[batch.pk]))

    batch.refresh_from_db()
    assert (batch.status, batch.attempts) == (BatchStatus.DONE, 2)


def test_someone_outside_the_issuer_cannot_print_or_see_the_batch(
    al: AnLao, django_capture_on_commit_callbacks
):
    decision = _signed(al)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(al.officer).post(reverse("web:decision_certificates", args=[decision.pk]))
    batch = DocumentBatch.objects.get()
    outsider = client_for(al.outsider_official)

    assert (
        outsider.post(reverse("web:decision_certificates", args=[decision.pk])).status_code == 404
    )
    assert outsider.get(reverse("web:batch_detail", args=[batch.pk])).status_code == 404
    assert outsider.get(reverse("web:batch_file", args=[batch.pk])).status_code == 404


def test_the_code_on_a_certificate_opens_its_public_check_page_without_logging_in(
    al: AnLao, client
):
    certificate = services.certificates_for_decision(actor=al.officer, decision=_signed(al))[0]
    al.worker.phone = "0912345678"
    al.worker.save()

    response = client.get(reverse("web:certificate_check", args=[certificate.code.lower()]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Giấy còn giá trị" in page and certificate.holder in page
    assert "Liên đoàn Lao động huyện An Lão" in page and "01/QĐ-LĐLĐ" in page
    assert "0912345678" not in page


def test_a_made_up_code_is_not_valid(db, client, fresh_cache):
    response = client.get(reverse("web:certificate_check", args=["GK-ABCD-EFGH"]))

    assert response.status_code == 404
    assert "không hợp lệ" in response.content.decode()


def test_the_check_form_takes_a_typed_code(al: AnLao, client):
    certificate = services.certificates_for_decision(actor=al.officer, decision=_signed(al))[0]

    response = client.get(reverse("web:certificate_check_form"), {"code": f" {certificate.code} "})

    assert response.url == reverse("web:certificate_check", args=[certificate.code])


def test_a_revoked_award_shows_its_certificate_as_revoked(al: AnLao, client):
    decision = _signed(al)
    certificate = services.certificates_for_decision(actor=al.officer, decision=decision)[0]
    assert certificate.decision_line is not None
    decisions.line_revoke(
        actor=al.officer, line=certificate.decision_line, reason="Khai không đúng thành tích."
    )

    page = client.get(reverse("web:certificate_check", args=[certificate.code])).content.decode()

    assert "Giấy đã bị thu hồi" in page and "Giấy còn giá trị" not in page


@pytest.fixture
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_guessing_codes_is_slowed_down(db, client, fresh_cache):
    from thidua.web.views.documents import certificates as views

    for number in range(views.MISSES_PER_WINDOW):
        client.get(reverse("web:certificate_check", args=[f"GK-AAAA-{number:04d}"]))

    assert client.get(reverse("web:certificate_check", args=["GK-AAAA-BBBB"])).status_code == 429


def test_a_union_prints_a_certificate_for_each_initiative_it_recognised(
    al: AnLao, django_capture_on_commit_callbacks
):
    from tests.factories import make_user

    chair = make_user("chutich_cokhi", unit=al.cokhi, role="officer")
    client = client_for(chair)
    programme_page = client.get(reverse("web:programme_detail", args=[al.programme.pk]))
    assert "In giấy chứng nhận sáng kiến" in programme_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("web:programme_certificates", args=[al.programme.pk]),
            {"unit": al.cokhi.pk, "issued_on": "2024-06-20", "sign_label": "TM. BAN CHẤP HÀNH",
             "signer_title": "Chủ tịch", "signer_name": "Đỗ Văn Hải", "fmt": "pdf"},
        )  # fmt: skip

    batch = DocumentBatch.objects.get()
    assert response.url == reverse("web:batch_detail", args=[batch.pk])
    assert (batch.status, batch.total) == (BatchStatus.DONE, 2)
    certificates = Certificate.objects.filter(initiative__isnull=False).order_by("holder")
    assert [c.holder for c in certificates] == ["Bùi Văn Toàn", "Nguyễn Thị Lan"]
    assert all(c.code.startswith("CN-") for c in certificates)
    pdf = b"".join(client.get(reverse("web:batch_file", args=[batch.pk])).streaming_content)
    pages, first, _pngs = pdf_pages(pdf)
    assert pages == 2 and "GIẤY CHỨNG NHẬN" in first


def test_a_grassroots_official_without_the_right_prints_no_initiative_certificate(al: AnLao):
    response = client_for(al.official).get(
        reverse("web:programme_certificates", args=[al.programme.pk])
    )

    assert response.status_code == 403


def test_a_code_with_odd_characters_is_a_form_error_not_a_crash(db, client, fresh_cache):
    response = client.get(reverse("web:certificate_check_form"), {"code": "a/b"})

    assert response.status_code == 200
    assert "chỉ gồm chữ, số và dấu gạch ngang" in response.content.decode()


def test_a_decision_document_keeps_a_line_revoked_after_signing(al: AnLao):
    from thidua.documents.kinds.decision import DecisionGenerator

    decision = _signed(al)
    line = decision.lines.order_by("id").first()
    assert line is not None
    decisions.line_revoke(actor=al.officer, line=line, reason="Khai không đúng thành tích.")

    text = text_of(DecisionGenerator(decision).docx())

    assert line.name in text and "cho 3 cá nhân" in text


def test_a_title_decision_prints_certificates_that_certify(al: AnLao):
    from thidua.awards.models import Award

    decision = _signed(al)
    Decision = type(decision)
    Decision.objects.filter(pk=decision.pk).update(award=Award.objects.get(code="lao-dong-gioi"))
    decision.refresh_from_db()
    certificates = services.certificates_for_decision(actor=al.officer, decision=decision)

    text = text_of(AwardCertificateGenerator(certificates[:1]).docx())

    assert "GIẤY CHỨNG NHẬN" in text and "CHỨNG NHẬN" in text and "GIẤY KHEN" not in text


def test_a_code_typed_with_spaces_is_found(al: AnLao, client, fresh_cache):
    certificate = services.certificates_for_decision(actor=al.officer, decision=_signed(al))[0]
    typed = certificate.code.replace("-", " ").lower()

    response = client.get(reverse("web:certificate_check_form"), {"code": typed}, follow=True)

    assert "Giấy còn giá trị" in response.content.decode()
