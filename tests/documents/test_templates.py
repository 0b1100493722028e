"""A federation rewords a document without code: it downloads the built-in template, edits it
in Word and uploads it; units below it use it unless they have their own; a broken template is
refused on upload, or explained at download, never a crash."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.awards.conftest import AnLao, al, catalogue  # noqa: F401
from tests.conftest import client_for
from tests.documents.docx_checks import all_paragraphs, text_of
from tests.documents.test_decision_document import _signed
from thidua.documents import services
from thidua.documents.enums import DocumentKind
from thidua.documents.kinds.decision import DecisionGenerator

CLOSING = "Quyết định có hiệu lực kể từ ngày ký./."


def _reworded(old: str, new: str) -> bytes:
    """The built-in decision template with one sentence changed, as a user does it in Word."""
    doc = Document(io.BytesIO(DecisionGenerator.builtin()))
    for paragraph in all_paragraphs(doc):
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _upload(data: bytes, name: str = "mau.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _use(unit, data: bytes, name: str = "mau.docx"):
    """The unit uploads `data` as its decision template."""
    return services.template_upload(
        actor=None, unit=unit, kind=DocumentKind.DECISION, upload=_upload(data, name)
    )


def test_a_federations_wording_is_used_by_the_units_below_it(al: AnLao):
    decision = _signed(al)
    _use(al.city, _reworded(CLOSING, "Quyết định này có hiệu lực từ ngày ký./."))

    text = text_of(DecisionGenerator(decision).docx())

    assert "Quyết định này có hiệu lực từ ngày ký./." in text
    assert CLOSING not in text


def test_a_units_own_template_wins_over_its_federations_and_removing_it_goes_back(al: AnLao):
    decision = _signed(al)
    _use(al.city, _reworded(CLOSING, "Mẫu của thành phố./."))
    own = _use(al.district, _reworded(CLOSING, "Mẫu của huyện./."))

    assert "Mẫu của huyện./." in text_of(DecisionGenerator(decision).docx())
    services.template_remove(actor=None, template=own)
    assert "Mẫu của thành phố./." in text_of(DecisionGenerator(decision).docx())


def test_a_template_with_a_broken_placeholder_is_refused_with_the_reason(al: AnLao):
    with pytest.raises(ValidationError, match="Sai cú pháp"):
        _use(al.district, _reworded("{{ nguoi_ky }}", "{{ nguoi_ky }"))


def test_a_template_with_an_unknown_placeholder_names_it(al: AnLao):
    with pytest.raises(ValidationError, match="ten_chu_tich"):
        _use(al.district, _reworded("{{ nguoi_ky }}", "{{ ten_chu_tich }}"))


def test_a_file_that_is_not_word_is_refused(al: AnLao):
    with pytest.raises(ValidationError, match="không phải tài liệu Word"):
        _use(al.district, b"%PDF-1.4 not a docx", "mau.pdf")


def test_a_template_that_fails_when_filled_is_explained_not_a_crash(al: AnLao):
    from thidua.awards.models import Award
    from thidua.awards.services import decisions

    draft = decisions.decision_create(
        actor=al.officer, issuer=al.district, data={"award": Award.objects.get(code="giay-khen")}
    )
    _use(al.district, _reworded("{{ nguoi_ky }}", "{{ nguoi_ky.ho.ten }}"))
    client = client_for(al.officer)

    response = client.get(reverse("web:decision_file", args=[draft.pk, "docx"]), follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Mẫu văn bản của đơn vị “Liên đoàn Lao động huyện An Lão”" in page


def test_a_signed_decision_downloads_as_signed_whatever_the_template_becomes(al: AnLao):
    decision = _signed(al)
    _use(al.district, _reworded(CLOSING, "Lời văn đổi sau khi ký./."))

    stored = client_for(al.officer).get(reverse("web:decision_file", args=[decision.pk, "docx"]))

    assert CLOSING in text_of(stored.content)
    assert "Lời văn đổi sau khi ký./." in text_of(DecisionGenerator(decision).docx())


def test_the_templates_page_uploads_and_offers_the_built_in_one(al: AnLao):
    client = client_for(al.officer)

    page = client.get(reverse("web:template_list")).content.decode()
    builtin = client.get(reverse("web:template_builtin", args=[DocumentKind.DECISION]))
    response = client.post(
        reverse("web:template_list"),
        {"unit": al.district.pk, "kind": DocumentKind.DECISION,
         "file": _upload(_reworded(CLOSING, "Lời mới./."))},
    )  # fmt: skip

    assert "{{ nguoi_ky }}" in page
    assert builtin.status_code == 200 and builtin.content[:2] == b"PK"
    assert response.status_code == 302
    assert (
        "Mẫu riêng của Liên đoàn Lao động huyện An Lão"
        in client.get(reverse("web:template_list")).content.decode()
    )


def test_a_grassroots_official_manages_no_templates(al: AnLao):
    assert client_for(al.official).get(reverse("web:template_list")).status_code == 403


def _certificate_template(old: str, new: str) -> bytes:
    from thidua.documents.kinds.certificate import AwardCertificateGenerator

    doc = Document(io.BytesIO(AwardCertificateGenerator.builtin()))
    for paragraph in all_paragraphs(doc):
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "expression",
    [
        "{{ c.qr.tpl.docx }}",  # the picture's template object: files on the server
        "{{ c.ten.upper() }}",  # no method is called
        "{{ 'x' * 100000000 }}",  # nor a huge value built
        "{{ 1 / 0 }}",  # an error of the template's own
    ],
)
def test_a_template_only_reads_the_data_it_is_given(al: AnLao, tmp_path, expression):
    from thidua.documents.base import DocumentError
    from thidua.documents.kinds.certificate import AwardCertificateGenerator

    certificates = services.certificates_for_decision(actor=al.officer, decision=_signed(al))
    services.template_upload(
        actor=None, unit=al.district, kind=DocumentKind.AWARD_CERTIFICATE,
        upload=_upload(_certificate_template("{{ c.ma }}", expression)),
    )  # fmt: skip

    with pytest.raises(DocumentError, match="Liên đoàn Lao động huyện An Lão"):
        AwardCertificateGenerator(certificates).docx()
