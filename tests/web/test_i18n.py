"""Vietnamese is the primary language and the source of every message; English is a real
second locale, chosen with the switcher (a cookie) or the browser's Accept-Language."""

from __future__ import annotations

import ast
import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.conftest import client_for
from tests.initiatives.conftest import kg, make_initiative  # noqa: F401 - fixture
from thidua.campaigns.models import Programme
from thidua.common.models import AuditEntry
from thidua.initiatives import services as initiatives
from thidua.initiatives.selectors import InitiativeFilters
from thidua.orgs import services
from thidua.orgs.enums import UnitKind
from thidua.spreadsheets.base import file_size
from thidua.spreadsheets.exports import UnitExport, UnitTemplate
from thidua.spreadsheets.initiative_exports import initiatives_export
from thidua.spreadsheets.services import units_import

CATALOGUE = Path(settings.BASE_DIR) / "thidua" / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(autouse=True)
def _vietnamese_afterwards():
    # A request leaves its language active in the thread; the next test starts in Vietnamese.
    yield
    translation.deactivate()


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_login_page_is_vietnamese_by_default(db):
    response = Client().get(reverse("login"))

    assert '<html lang="vi">' in response.text
    assert "Đăng nhập" in response.text and "Log in" not in response.text


def test_language_switcher_turns_the_next_pages_english(db):
    client = Client()
    login = reverse("login")

    switched = client.post(reverse("set_language"), {"language": "en", "next": login})
    response = client.get(login)

    assert switched.status_code == 302 and switched["Location"] == login
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in response.text
    assert "Log in" in response.text and "Forgotten your password?" in response.text
    assert "Đăng nhập" not in response.text


def test_switcher_is_on_the_login_page_and_marks_the_current_language(db):
    text = Client().get(reverse("login")).text

    assert f'action="{reverse("set_language")}"' in text
    assert 'value="vi" lang="vi" title="Tiếng Việt" aria-pressed="true"' in text
    assert 'value="en" lang="en" title="English" aria-pressed="false"' in text


def test_browser_asking_for_english_gets_english(db):
    response = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get(reverse("login"))

    assert "Log in" in response.text


def test_dashboard_navigation_in_english_for_an_administrator(world):
    response = english(client_for(world.admin)).get(reverse("web:dashboard"))

    for label in ["Overview", "Organisation tree", "People", "Accounts", "Audit log", "Log out"]:
        assert f">{label}<" in response.text
    assert "Cây tổ chức" not in response.text


def test_unit_kind_label_follows_the_language(world):
    url = reverse("web:unit_detail", args=[world.union_a.pk])

    vietnamese = client_for(world.provincial_officer).get(url).text
    in_english = english(client_for(world.provincial_officer)).get(url).text

    assert "<dd>Công đoàn cơ sở</dd>" in vietnamese
    assert "<dd>Grassroots union</dd>" in in_english
    with translation.override("en"):
        assert str(UnitKind.CDCS.label) == "Grassroots union"


def test_service_validation_error_in_english(world):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=world.admin, user=world.viewer, unit=world.hai_phong, role="viewer"
        )

    assert error.value.messages == [
        f"{world.viewer} already has this role at Liên đoàn Lao động thành phố Hải Phòng."
    ]


def test_service_validation_error_reaches_an_english_form(world):
    url = reverse("web:unit_dissolve", args=[world.an_lao.pk])

    response = english(client_for(world.admin)).post(
        url, {"effective_on": "2025-03-01", "reason": "Quyết định 12/QĐ-LĐLĐ"}
    )

    assert (
        "“Liên đoàn Lao động huyện An Lão” still has 2 subordinate units on 01/03/2025; "
        "move or merge them first."
    ) in response.text


def test_funnel_message_in_english_through_the_api(world):
    response = client_for(world.admin).get(
        "/api/v1/units/999999/", headers={"accept-language": "en"}
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Unit not found."}


def test_audit_trail_stays_vietnamese_whatever_the_actors_language(world):
    with translation.override("en"):
        services.membership_add(
            actor=world.admin, user=world.viewer, unit=world.hai_phong, role="leader"
        )

    entry = AuditEntry.objects.filter(action="membership_add").latest("id")
    assert entry.changes == {
        "membership": [None, "Lãnh đạo (ký văn bản) – Liên đoàn Lao động thành phố Hải Phòng"]
    }


def test_workbook_stays_vietnamese_for_an_english_reader(world):
    out = io.BytesIO()

    with translation.override("en"):
        UnitTemplate(user=world.admin).render(out)

    workbook = load_workbook(out)
    assert next(workbook["Đơn vị"].iter_rows(values_only=True))[:4] == (
        "Mã đơn vị",
        "Tên đơn vị",
        "Tên viết tắt",
        "Loại đơn vị",
    )
    kinds = [row[0] for row in workbook["Danh mục"].iter_rows(min_row=2, values_only=True)]
    assert "Công đoàn cơ sở" in kinds and "Grassroots union" not in kinds


def test_export_made_in_english_imports_back_unchanged(world):
    out = io.BytesIO()
    with translation.override("en"):
        UnitExport(user=world.admin).render(out)
        out.seek(0)

        report = units_import(actor=world.admin, file=out, dry_run=True)

    assert report.problems == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)


def test_file_size_uses_the_decimal_mark_of_the_language():
    with translation.override("en"):
        assert file_size(1572864) == "1.5 MB"
    assert file_size(1572864) == "1,5 MB"


def test_programme_page_in_english_gives_levels_and_deadlines(kg):
    url = reverse("web:programme_detail", args=[kg.programme.pk])

    text = english(client_for(kg.official_a)).get(url).text

    assert "<h2>Review levels</h2>" in text
    assert "<th>Level</th><th>Deadline</th>" in text
    # Level names are the programme's data: they stay as the running unit wrote them.
    assert "<td>1. Công đoàn cơ sở</td><td>17:00 on 10/04/2021</td>" in text
    assert "<td>no limit</td>" in text
    assert "Deadline for members' initiatives: <strong>17:00 on 10/04/2021</strong>." in text
    assert (
        "Deadline to forward initiatives to the “Công đoàn cấp trên cơ sở” level: "
        "<strong>17:00 on 15/04/2021</strong>, at most 2 initiatives."
    ) in text
    assert "Hạn nộp" not in text and " ngày " not in text


def test_initiative_list_in_english(kg):
    make_initiative(kg)
    make_initiative(kg, title="Số hóa hồ sơ khách hàng", benefit_value=None)

    text = english(client_for(kg.official_a)).get(reverse("web:initiative_list")).text

    assert "<h1>Initiatives</h1>" in text
    assert "<span>2 initiatives:</span>" in text
    assert '<span class="badge">drafts: 2</span>' in text
    assert "<th>Initiative title</th>" in text and ">Benefit value</th>" in text
    assert '<option value="gia-tri">Benefit value, highest first</option>' in text
    assert "<td>Draft</td>" in text
    assert ">1.200.000.000 đồng</td>" in text and ">Not measurable in money</td>" in text
    assert "Tình trạng" not in text and "Đang soạn" not in text


def test_late_submission_refused_in_english(kg):
    initiative = make_initiative(kg)
    url = reverse("web:initiative_submit", args=[initiative.pk])

    response = english(client_for(kg.official_a)).post(url, follow=True)

    assert (
        "The deadline for the “Công đoàn cơ sở” level has passed (it was 17:00 on 10/04/2021). "
        "Ask the unit running the programme for an extension."
    ) in response.text
    initiative.refresh_from_db()
    assert initiative.status == "draft"


def test_audit_stays_vietnamese_while_history_labels_follow_the_language(kg, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    initiative = make_initiative(kg)
    png = b"\x89PNG\r\n\x1a\n" + bytes(16)

    with translation.override("en"):
        initiatives.attachment_add(
            actor=kg.official_a,
            initiative=initiative,
            upload=SimpleUploadedFile("so-do.png", png),
        )
        shown = str(initiative.events.latest("id").get_action_display())

    entry = AuditEntry.objects.filter(action="initiative_attach").latest("id")
    assert entry.changes["attachment"] == [None, "so-do.png (ảnh PNG)"]
    assert shown == "File attached"


def test_initiative_workbook_stays_vietnamese_for_an_english_reader(kg):
    make_initiative(kg)

    with translation.override("en"):
        out = initiatives_export(user=kg.official_a, filters=InitiativeFilters())

    header, row = load_workbook(out).active.iter_rows(values_only=True)
    assert (header[6], header[9]) == ("Loại giải pháp", "Tình trạng")
    assert (row[6], row[9]) == ("Giải pháp kỹ thuật", "Đang soạn")


def test_levels_made_on_an_english_form_get_vietnamese_names(kg):
    response = english(client_for(kg.province_officer)).post(
        reverse("web:programme_create"),
        {
            "name": "Sáng tạo trẻ",
            "code": "KG-ST",
            "running_unit": kg.province.code,
            "starts_on": "2021-06-01",
            "ends_on": "2021-09-30",
            "fields_text": "Chuyển đổi số",
            "level_3_on": "on",
            "level_3_deadline": "2021-08-01T17:00",
            "level_1_on": "on",
            "level_1_deadline": "2021-09-01T17:00",
        },
        follow=True,
    )

    assert "Programme “Sáng tạo trẻ” created. Check it, then launch it." in response.text
    programme = Programme.objects.get(code="KG-ST")
    assert list(programme.levels.values_list("name", flat=True)) == [
        "Công đoàn cơ sở",
        "Liên đoàn Lao động tỉnh, thành phố / Công đoàn ngành trung ương",
    ]


@dataclass
class PoEntry:
    flags: str = ""
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)


def _po_entries(path: Path) -> list[PoEntry]:
    """The entries of a PO file, continuation lines joined; the first is the header."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, key = PoEntry(), ""
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags = line
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if key == "msgstr":
                    entry.msgstr[-1] += ast.literal_eval(line)
                else:
                    setattr(entry, key, getattr(entry, key) + ast.literal_eval(line))
            else:
                word, _, quoted = line.partition(" ")
                key = "msgstr" if word.startswith("msgstr") else word
                if key == "msgstr":
                    entry.msgstr.append(ast.literal_eval(quoted))
                else:
                    setattr(entry, key, ast.literal_eval(quoted))
        entries.append(entry)
    return entries


def test_english_catalogue_translates_every_message():
    entries = _po_entries(CATALOGUE / "django.po")[1:]

    untranslated = [e.msgid for e in entries if not e.msgstr or not all(e.msgstr)]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert len(entries) > 300
    assert untranslated == [] and fuzzy == []


def test_committed_mo_matches_the_po():
    with (CATALOGUE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = []
    for entry in _po_entries(CATALOGUE / "django.po")[1:]:
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            found = [compiled.gettext(key)]
        else:
            found = [compiled.ngettext(key, entry.msgid_plural, n) for n in (1, 2)]
        if found != entry.msgstr:
            stale.append(entry.msgid)
    assert stale == []


def test_marking_labels_for_translation_left_no_migration_to_make(db, capsys):
    call_command("makemigrations", check=True, dry_run=True)

    assert "No changes detected" in capsys.readouterr().out
