"""Importing people: all or nothing, only into the importer's own scope, every problem named
by row, column and reason."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import make_person
from tests.spreadsheets.conftest import PERSON_HEADERS, person_row, xlsx
from thidua.common.models import AuditEntry
from thidua.orgs.models import Person
from thidua.spreadsheets.services import people_import


def _problems(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def test_people_import_creates_people_with_audit_entries(world):
    rows = [
        person_row(name="Nguyễn Văn Hùng", gender="Nam", born="15/03/1985", unit="HP-AL-001",
                   position="Tổ trưởng", education="Đại học", category="Cán bộ quản lý",
                   member="Có", phone="0912345678", email="hung@example.vn"),
        person_row(name="Lê Thị Mai", gender="nữ", born=dt.datetime(1992, 1, 2), unit="HP-AL-002"),
    ]  # fmt: skip

    report = people_import(
        actor=world.district_officer, file=xlsx(PERSON_HEADERS, rows), dry_run=False
    )

    assert (report.applied, report.created, _problems(report)) == (True, 2, [])
    hung = Person.objects.get(full_name="Nguyễn Văn Hùng")
    assert (hung.unit, hung.date_of_birth, hung.education_level, hung.member_category) == (
        world.union_a, dt.date(1985, 3, 15), "dai_hoc", "manager",
    )  # fmt: skip
    mai = Person.objects.get(full_name="Lê Thị Mai")
    assert (mai.gender, mai.unit, mai.member_category, mai.is_union_member) == (
        "nu", world.union_a2, "worker", True,
    )  # fmt: skip
    entries = AuditEntry.objects.filter(action="person_create", actor=world.district_officer)
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(
        [str(hung.pk), str(mai.pk)]
    )


def test_people_import_dry_run_writes_nothing(world):
    rows = [person_row(name="Nguyễn Văn Hùng", gender="Nam", unit="HP-AL-001")]
    people, entries = Person.objects.count(), AuditEntry.objects.count()

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=True)

    assert (report.ok, report.applied, report.created) == (True, False, 1)
    assert report.rows[0].label == "Nguyễn Văn Hùng (HP-AL-001)"
    assert (Person.objects.count(), AuditEntry.objects.count()) == (people, entries)


def test_people_import_with_one_bad_row_writes_nothing_and_names_row_column_and_problem(world):
    rows = [
        person_row(name="Nguyễn Văn Hùng", gender="Nam", born="15/03/1985", unit="HP-AL-001"),
        person_row(name="Lê Thị Mai", gender="Nữ", born="30/02/1992", unit="HP-AL-001"),
        person_row(name="Đỗ Văn Nam", gender="Trai", unit="HP-AL-001"),
        person_row(name="Vũ Thị Hoa", gender="Nữ", unit="KG-001"),
        person_row(name="Phan Văn Long", gender="Nam", unit="HP-AL-001"),
    ]
    people = Person.objects.count()

    report = people_import(
        actor=world.district_officer, file=xlsx(PERSON_HEADERS, rows), dry_run=False
    )

    assert report.applied is False
    assert Person.objects.count() == people
    assert _problems(report) == [
        "Dòng 3, cột “Ngày sinh” (D): “30/02/1992” không phải là ngày có thật; hãy ghi theo "
        "dạng ngày/tháng/năm, ví dụ 28/07/1990.",
        "Dòng 4, cột “Giới tính” (C): “Trai” không có trong danh sách; chọn một trong: Nam; Nữ.",
        "Dòng 5, cột “Mã đơn vị” (F): Không tìm thấy đơn vị có mã “KG-001” trong phạm vi bạn "
        "quản lý.",
    ]


def test_grassroots_official_cannot_import_a_person_into_another_union(world):
    rows = [person_row(name="Vũ Thị Hoa", gender="Nữ", unit="KG-001")]

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=False)

    assert _problems(report) == [
        "Dòng 2, cột “Mã đơn vị” (F): Không tìm thấy đơn vị có mã “KG-001” trong phạm vi bạn "
        "quản lý."
    ]
    assert not Person.objects.filter(full_name="Vũ Thị Hoa").exists()


def test_grassroots_official_cannot_import_into_a_sibling_union(world):
    rows = [person_row(name="Vũ Thị Hoa", gender="Nữ", unit="HP-AL-002")]

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=True)

    assert _problems(report) == [
        "Dòng 2, cột “Mã đơn vị” (F): Không tìm thấy đơn vị có mã “HP-AL-002” trong phạm vi "
        "bạn quản lý."
    ]


def test_person_of_another_union_by_code_is_reported_not_found(world):
    rows = [person_row(id=world.person_b.pk, name="Lê Văn Cường", gender="Nam", unit="HP-AL-001")]

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=False)

    assert _problems(report) == [
        f"Dòng 2, cột “Mã” (A): Không tìm thấy người có mã {world.person_b.pk} trong phạm vi "
        "bạn quản lý."
    ]
    world.person_b.refresh_from_db()
    assert world.person_b.unit == world.union_b


def test_people_import_updates_a_person_by_code_and_shows_the_change(world):
    rows = [person_row(id=world.person_a.pk, name="Trần Thị Bình", gender="Nữ", unit="HP-AL-001",
                       position="Chủ tịch công đoàn")]  # fmt: skip

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=False)

    assert report.applied is True
    assert [(c.column, c.before, c.after) for c in report.rows[0].changes] == [
        ("Giới tính", "Nam", "Nữ"),
        ("Chức vụ", "", "Chủ tịch công đoàn"),
    ]
    world.person_a.refresh_from_db()
    assert (world.person_a.gender, world.person_a.position) == ("nu", "Chủ tịch công đoàn")
    assert AuditEntry.objects.filter(
        action="person_update", object_id=str(world.person_a.pk)
    ).exists()


def test_same_person_twice_in_a_file_is_a_problem(world):
    row = person_row(id=world.person_a.pk, name="Trần Thị Bình", gender="Nam", unit="HP-AL-001")

    report = people_import(
        actor=world.official_a, file=xlsx(PERSON_HEADERS, [row, row]), dry_run=True
    )

    assert _problems(report) == [
        f"Dòng 3, cột “Mã” (A): Mã {world.person_a.pk} đã có ở dòng 2; mỗi người ghi một dòng."
    ]


def test_id_number_cannot_be_written_without_the_right_to_see_personal_data(world):
    rows = [
        person_row(name="Hùng", gender="Nam", unit="HP-AL-001", id_number="031190009999"),
        person_row(id=world.person_a.pk, name="Trần Thị Bình", gender="Nam", unit="HP-AL-001"),
    ]

    report = people_import(actor=world.official_a, file=xlsx(PERSON_HEADERS, rows), dry_run=False)

    assert _problems(report) == [
        "Dòng 2, cột “Số CCCD” (L): Bạn không có quyền nhập số CCCD (dữ liệu cá nhân) của "
        "người thuộc đơn vị này."
    ]
    # the empty cell on row 3 would not have cleared the number either
    assert report.applied is False
    world.person_a.refresh_from_db()
    assert world.person_a.id_number == "031190001234"


def test_officer_writes_the_id_number_and_the_preview_hides_it(world):
    rows = [person_row(id=world.person_a.pk, name="Trần Thị Bình", gender="Nam", unit="HP-AL-001",
                       member="Có", id_number=31190005678)]  # fmt: skip

    report = people_import(
        actor=world.district_officer, file=xlsx(PERSON_HEADERS, rows), dry_run=False
    )

    assert [(c.column, c.before, c.after) for c in report.rows[0].changes] == [
        ("Số CCCD", "***", "***")
    ]
    world.person_a.refresh_from_db()
    assert world.person_a.id_number == "031190005678"


def test_round_trip_of_an_export_reports_everything_unchanged(world):
    make_person(
        "Phạm Thị Dung", unit=world.union_a, gender="nu", date_of_birth=dt.date(1990, 7, 28),
        education_level="thac_si", member_category="professional", phone="0912345678",
        email="dung@example.vn", position="Kế toán", is_union_member=False,
    )  # fmt: skip
    for actor in (world.official_a, world.provincial_officer):
        response = client_for(actor).get(reverse("spreadsheets:person_export"))
        exported = io.BytesIO(b"".join(response.streaming_content))

        report = people_import(actor=actor, file=exported, dry_run=True)

        assert _problems(report) == []
        assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_people_import_is_refused_to_who_cannot_manage_people(world):
    rows = [person_row(name="Nguyễn Văn Hùng", gender="Nam", unit="HP-AL-001")]

    with pytest.raises(PermissionDenied):
        people_import(actor=world.leader, file=xlsx(PERSON_HEADERS, rows), dry_run=True)


def test_people_import_of_a_renamed_text_file_is_refused_in_vietnamese(world):
    text_file = io.BytesIO(b"Ho va ten;Gioi tinh\nNguyen Van Hung;Nam\n")

    report = people_import(actor=world.official_a, file=text_file, dry_run=False)

    assert (report.rejected, _problems(report)) == (True, [
        "Tệp không phải là tệp Excel .xlsx. Hãy mở tệp bằng Excel và lưu lại với kiểu "
        "“Excel Workbook (*.xlsx)”."
    ])  # fmt: skip


def test_people_import_reads_a_file_on_disk(world, tmp_path):
    path = tmp_path / "nguoi.xlsx"
    path.write_bytes(
        xlsx(PERSON_HEADERS, [person_row(name="An", gender="Nam", unit="HP-AL-001")]).read()
    )

    report = people_import(actor=world.official_a, file=str(path), dry_run=False)

    assert (report.applied, report.created) == (True, 1)
