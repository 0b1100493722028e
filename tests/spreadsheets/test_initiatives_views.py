"""The initiative Excel pages: choose a programme, download its template, upload -> preview
-> confirm, with the option of what to do after importing."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import client_for
from tests.factories import make_user
from tests.initiatives.conftest import kg  # noqa: F401 - fixture
from tests.spreadsheets.conftest import read_back, xlsx
from tests.spreadsheets.test_initiatives_import import HEADERS, initiative_row
from thidua.initiatives.models import Initiative
from thidua.jobs.models import Job
from thidua.orgs.models import Person
from thidua.spreadsheets import staging

IMPORT = reverse("spreadsheets:initiative_import")
TEMPLATE = reverse("spreadsheets:initiative_template")


def upload(client, programme, rows, **fields):
    source = xlsx(HEADERS, rows, title="Sáng kiến")
    return client.post(f"{IMPORT}?chuong_trinh={programme.pk}", {"file": source, **fields})


def test_index_links_the_export_and_each_programmes_import(kg):
    response = client_for(kg.official_a).get(reverse("spreadsheets:index"))

    assert response.status_code == 200
    assert reverse("spreadsheets:initiative_export") in response.text
    assert f"{IMPORT}?chuong_trinh={kg.programme.pk}" in response.text
    assert f"{TEMPLATE}?chuong_trinh={kg.programme.pk}" in response.text


def test_import_without_a_programme_lists_the_programmes_to_choose_from(kg):
    response = client_for(kg.official_a).get(IMPORT)

    assert response.status_code == 200
    assert kg.programme.name in response.text
    assert f"{IMPORT}?chuong_trinh={kg.programme.pk}" in response.text


def test_template_has_the_columns_and_the_programmes_fields(kg):
    response = client_for(kg.official_a).get(f"{TEMPLATE}?chuong_trinh={kg.programme.pk}")
    content = b"".join(response.streaming_content)

    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-sang-kien-kg75.xlsx"'
    assert read_back(content) == [tuple(HEADERS)]
    lists = read_back(content, "Danh mục")
    assert lists[0] == ("Lĩnh vực", "Loại giải pháp", "Bảo mật (Có/Không)")
    assert [row[0] for row in lists[1:]] == list(kg.programme.fields.values_list("name", flat=True))


def test_template_and_import_of_a_missing_programme_are_404(kg):
    client = client_for(kg.official_a)

    assert client.get(TEMPLATE).status_code == 404
    assert client.get(f"{TEMPLATE}?chuong_trinh=987654").status_code == 404
    assert client.get(f"{IMPORT}?chuong_trinh=987654").status_code == 404
    assert client.get(f"{IMPORT}?chuong_trinh=abc").status_code == 404


def test_import_pages_are_refused_to_who_cannot_add_people(kg):
    leader = client_for(make_user("lanhdao_kg", unit=kg.province, role="leader"))

    assert leader.get(IMPORT).status_code == 403
    assert leader.get(f"{TEMPLATE}?chuong_trinh={kg.programme.pk}").status_code == 403


def test_carry_up_is_offered_to_an_upper_units_officer_only(kg):
    page = f"{IMPORT}?chuong_trinh={kg.programme.pk}"

    official = client_for(kg.official_a).get(page)
    officer = client_for(kg.district_officer).get(page)

    assert "Nộp luôn" in official.text and "Đưa lên đến cấp của tôi" not in official.text
    assert "Đưa lên đến cấp của tôi" in officer.text


def test_upload_preview_confirm_creates_the_initiatives_and_new_authors(
    kg, django_capture_on_commit_callbacks
):
    client = client_for(kg.official_a)
    rows = [initiative_row(authors="Trần Văn Hải (60%); Nguyễn Thị Lan (40%)")]

    uploaded = upload(client, kg.programme, rows, sau_khi_nhap="draft")
    preview = client.get(uploaded["Location"])
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(
            uploaded["Location"],
            {"action": "apply", "fingerprint": preview.context["report"].fingerprint},
        )
    job = Job.objects.get()

    assert uploaded.status_code == 302
    assert "Cải tiến hệ thống bơm tăng áp (KG-RG-01)" in preview.text
    assert "Nguyễn Thị Lan (40%, thêm người mới)" in preview.text
    assert "1 người sẽ được thêm mới" in preview.text
    assert f"Chương trình: {kg.programme.name}." in preview.text
    assert confirmed["Location"] == reverse("web:job_detail", args=[job.pk])
    assert (job.status, job.kind, job.unit) == (
        "done",
        "initiative_import",
        kg.programme.running_unit,
    )
    assert "Đã nhập: thêm mới 1, cập nhật 0, không đổi 0." in client.get(confirmed["Location"]).text
    initiative = Initiative.objects.get()
    assert (initiative.unit, initiative.status) == (kg.union_a, "draft")
    assert Person.objects.filter(full_name="Nguyễn Thị Lan", unit=kg.union_a).exists()
    assert list(staging.imports_dir().iterdir()) == []


def test_preview_with_a_problem_offers_the_upload_again_for_the_same_programme(kg):
    client = client_for(kg.official_a2)

    uploaded = upload(client, kg.programme, [initiative_row(unit="KG-RG-01")])
    preview = client.get(uploaded["Location"])

    assert "Không tìm thấy đơn vị có mã “KG-RG-01” trong phạm vi bạn quản lý." in preview.text
    assert "Xác nhận nhập" not in preview.text
    assert f'action="{IMPORT}?chuong_trinh={kg.programme.pk}&amp;sau_khi_nhap=draft"' in (
        preview.text
    )
    assert Initiative.objects.count() == 0


def test_carry_up_asked_by_a_grassroots_official_is_refused_by_the_form(kg):
    client = client_for(kg.official_a)

    response = upload(client, kg.programme, [initiative_row()], sau_khi_nhap="forward")

    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ. forward không phải là một trong" in response.text
    assert list(staging.imports_dir().glob("*.xlsx")) == []
