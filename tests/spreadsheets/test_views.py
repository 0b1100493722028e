"""The Excel pages: upload, preview, confirm; each user sees only their own upload."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.spreadsheets.conftest import PERSON_HEADERS, person_row, xlsx
from thidua.jobs.models import Job
from thidua.orgs.models import Person
from thidua.spreadsheets import staging


def _upload(client, rows, name="person_import"):
    return client.post(reverse(f"spreadsheets:{name}"), {"file": xlsx(PERSON_HEADERS, rows)})


def test_index_links_what_the_role_may_do(world):
    official = client_for(world.official_a).get(reverse("spreadsheets:index"))
    officer = client_for(world.provincial_officer).get(reverse("spreadsheets:index"))

    assert official.status_code == officer.status_code == 200
    assert reverse("spreadsheets:person_import") in official.text
    assert reverse("spreadsheets:unit_import") not in official.text
    assert reverse("spreadsheets:unit_export") in official.text
    assert reverse("spreadsheets:unit_import") in officer.text


def test_upload_preview_confirm_creates_the_people(world, django_capture_on_commit_callbacks):
    client = client_for(world.official_a)
    rows = [person_row(name="Nguyễn Văn Hùng", gender="Nam", unit="HP-AL-001")]

    uploaded = _upload(client, rows)
    preview = client.get(uploaded["Location"])
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(
            uploaded["Location"],
            {"action": "apply", "fingerprint": preview.context["report"].fingerprint},
        )

    job = Job.objects.get()
    assert uploaded.status_code == 302
    assert "Nguyễn Văn Hùng (HP-AL-001)" in preview.text and "Thêm mới" in preview.text
    assert Person.objects.filter(full_name="Nguyễn Văn Hùng", unit=world.union_a).exists()
    assert confirmed["Location"] == reverse("web:job_detail", args=[job.pk])
    assert (job.status, job.result["created"], job.done, job.total) == ("done", 1, 1, 1)
    assert list(staging.imports_dir().iterdir()) == []
    assert not job.source  # the job's own copy of the upload goes once it is written


def test_preview_writes_nothing_and_lists_each_problem(world):
    client = client_for(world.official_a)
    rows = [person_row(name="Nguyễn Văn Hùng", gender="Nam", unit="HP-AL-001"),
            person_row(name="Lê Thị Mai", gender="Nữ", unit="KG-001")]  # fmt: skip

    preview = client.get(_upload(client, rows)["Location"])

    assert "Tệp có 1 lỗi; chưa ghi gì cả" in preview.text
    assert "Không tìm thấy đơn vị có mã “KG-001” trong phạm vi bạn quản lý." in preview.text
    assert "Xác nhận nhập" not in preview.text
    assert not Person.objects.filter(full_name="Nguyễn Văn Hùng").exists()


def test_confirm_with_a_stale_preview_writes_nothing(world, django_capture_on_commit_callbacks):
    client = client_for(world.official_a)
    location = _upload(client, [person_row(name="An", gender="Nam", unit="HP-AL-001")])["Location"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(location, {"action": "apply", "fingerprint": "khac"})

    assert response.status_code == 302
    assert "Dữ liệu đã thay đổi kể từ lúc xem trước" in client.get(response["Location"]).text
    assert Job.objects.get().status == "failed"
    assert not Person.objects.filter(full_name="An").exists()


def test_upload_of_a_text_file_named_xlsx_is_refused_on_the_spot(world):
    client = client_for(world.official_a)
    fake = io.BytesIO("Họ và tên,Giới tính\n".encode())
    fake.name = "danh-sach.xlsx"

    response = client.post(reverse("spreadsheets:person_import"), {"file": fake})

    assert response.status_code == 200
    assert "Tệp không phải là tệp Excel .xlsx" in response.text
    assert list(staging.imports_dir().iterdir()) == []


def test_upload_with_missing_columns_names_them(world):
    client = client_for(world.official_a)
    source = xlsx(["Họ và tên"], [["Nguyễn Văn Hùng"]])

    response = client.post(reverse("spreadsheets:person_import"), {"file": source})

    assert "Thiếu cột bắt buộc: “Giới tính”, “Mã đơn vị”." in response.text


def test_another_users_upload_is_not_found(world):
    rows = [person_row(name="An", gender="Nam", unit="HP-AL-001")]
    location = _upload(client_for(world.official_a), rows)["Location"]
    other = client_for(world.official_b)

    assert other.get(location).status_code == 404
    assert other.post(location, {"action": "apply"}).status_code == 404


def test_cancel_removes_the_upload(world):
    client = client_for(world.official_a)
    location = _upload(client, [person_row(name="An", gender="Nam", unit="HP-AL-001")])["Location"]

    client.post(location, {"action": "cancel"})

    assert client.get(location).status_code == 404
    assert list(staging.imports_dir().iterdir()) == []


def test_import_pages_are_refused_to_roles_that_cannot_manage(world):
    leader = client_for(world.leader)
    official = client_for(world.official_a)

    assert leader.get(reverse("spreadsheets:person_import")).status_code == 403
    assert official.get(reverse("spreadsheets:unit_import")).status_code == 403
    assert (
        client_for(world.council_member).get(reverse("spreadsheets:person_export")).status_code
        == 403
    )


def test_anonymous_visitor_is_sent_to_login(world):
    response = Client().get(reverse("spreadsheets:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_upload_over_the_size_limit_is_refused_before_it_is_kept(world, settings):
    settings.THIDUA_IMPORT_MAX_BYTES = 1024
    client = client_for(world.official_a)
    rows = [person_row(name="An", gender="Nam", unit="HP-AL-001")]

    response = _upload(client, rows)

    assert response.status_code == 200
    assert "Tệp quá lớn (" in response.text and "KB); tối đa 1 KB." in response.text
    assert not staging.imports_dir().exists()
