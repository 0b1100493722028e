"""Importing units: new units only under a parent the importer manages; existing units keep
their place in the tree."""

from __future__ import annotations

import datetime as dt
import io

from django.urls import reverse

from tests.conftest import client_for
from tests.spreadsheets.conftest import UNIT_HEADERS, xlsx
from thidua.common.models import AuditEntry
from thidua.orgs.models import Unit
from thidua.orgs.selectors import placement_on
from thidua.spreadsheets.services import units_import


def _problems(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def _unit(code, name, kind="Công đoàn cơ sở", parent="HP-ANLAO", founded="01/01/2010", **more):
    return [code, name, more.get("short_name"), kind, more.get("place_name"), parent, founded,
            more.get("phone"), more.get("email")]  # fmt: skip


def test_units_import_creates_units_under_a_parent_in_scope(world):
    rows = [
        _unit("HP-AL-003", "Công đoàn Công ty Cổ phần Thép An Lão", short_name="CĐCS"),
        _unit("HP-AL-CUM", "Công đoàn cụm An Tiến", kind="Công đoàn xã, phường, đặc khu"),
        _unit("HP-AL-CUM-1", "Công đoàn Trường Mầm non An Tiến", parent="hp-al-cum"),
    ]

    report = units_import(actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows, "Đơn vị"),
                          dry_run=False)  # fmt: skip

    assert (report.applied, report.created, _problems(report)) == (True, 3, [])
    steel = Unit.objects.get(code="HP-AL-003")
    assert (steel.kind, steel.short_name, steel.established_on) == (
        "cdcs",
        "CĐCS",
        dt.date(2010, 1, 1),
    )
    assert placement_on(steel, dt.date(2024, 1, 1)).parent == world.an_lao
    cluster_child = Unit.objects.get(code="HP-AL-CUM-1")
    assert placement_on(cluster_child, dt.date(2024, 1, 1)).parent.code == "HP-AL-CUM"
    assert (
        AuditEntry.objects.filter(action="unit_create", actor=world.district_officer).count() == 3
    )


def test_units_import_refuses_a_parent_outside_scope_and_writes_nothing(world):
    rows = [
        _unit("HP-AL-003", "Công đoàn Công ty Cổ phần Thép An Lão"),
        _unit("KG-002", "Công đoàn Công ty Xi măng Hà Tiên", parent="KG"),
        _unit("HP-AL-004", "Công đoàn Trường Tiểu học An Tiến", parent="HP"),
    ]
    units = Unit.objects.count()

    report = units_import(
        actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows), dry_run=False
    )

    assert _problems(report) == [
        "Dòng 3, cột “Mã đơn vị cấp trên” (F): Không tìm thấy đơn vị có mã “KG” trong phạm vi "
        "bạn quản lý.",
        "Dòng 4, cột “Mã đơn vị cấp trên” (F): Không tìm thấy đơn vị có mã “HP” trong phạm vi "
        "bạn quản lý.",
    ]
    assert Unit.objects.count() == units


def test_units_import_updates_a_unit_in_scope(world):
    rows = [_unit("HP-AL-001", "Công đoàn Công ty TNHH Cơ khí An Lão", founded="01/01/2000",
                  phone="02253123456")]  # fmt: skip

    report = units_import(
        actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows), dry_run=False
    )

    assert report.applied is True
    assert [(c.column, c.before, c.after) for c in report.rows[0].changes] == [
        ("Điện thoại", "", "02253123456")
    ]
    world.union_a.refresh_from_db()
    assert world.union_a.phone == "02253123456"


def test_units_import_will_not_move_a_unit_to_another_parent(world):
    rows = [_unit("HP-AL-002", "Công đoàn Trường THCS An Thắng", parent="HP-AL-001",
                  founded="01/01/2000")]  # fmt: skip

    report = units_import(
        actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows), dry_run=False
    )

    assert _problems(report) == [
        "Dòng 2, cột “Mã đơn vị cấp trên” (F): Đơn vị “HP-AL-002” đang trực thuộc “HP-ANLAO”; "
        "không đổi được đơn vị cấp trên khi nhập Excel. Hãy dùng chức năng “Chuyển đơn vị” "
        "trên cây tổ chức."
    ]


def test_units_import_will_not_reuse_a_code_of_a_unit_outside_scope(world):
    rows = [_unit("KG-001", "Công đoàn mới")]

    report = units_import(actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows), dry_run=True)

    assert _problems(report) == [
        "Dòng 2, cột “Mã đơn vị” (A): Mã đơn vị “KG-001” đã được dùng cho một đơn vị khác; hãy "
        "chọn mã khác."
    ]
    world.union_b.refresh_from_db()
    assert world.union_b.name == "Công đoàn Công ty Xi măng Kiên Lương"


def test_units_import_names_each_problem_of_a_new_unit(world):
    rows = [
        _unit("HP AL 5", "Công đoàn A", founded=None),
        _unit("HP-AL-006", "Công đoàn B", kind="Chi bộ", parent=None),
        _unit("HP-AL-007", "Công đoàn C", parent="HP-AL-008"),
        _unit("HP-AL-008", "Công đoàn D", kind="Liên đoàn Lao động quận, huyện, thị xã"),
        _unit("HP-AL-009", "Công đoàn E", parent="HP-AL-001"),
    ]

    report = units_import(actor=world.district_officer, file=xlsx(UNIT_HEADERS, rows), dry_run=True)

    assert _problems(report) == [
        "Dòng 2, cột “Mã đơn vị” (A): Mã chỉ gồm chữ không dấu, chữ số và các dấu . _ -",
        "Dòng 3, cột “Loại đơn vị” (D): “Chi bộ” không có trong danh sách; chọn một trong: "
        "Tổng Liên đoàn Lao động Việt Nam; Liên đoàn Lao động tỉnh, thành phố; Công đoàn ngành "
        "trung ương và tương đương; Liên đoàn Lao động quận, huyện, thị xã; Công đoàn ngành địa "
        "phương; Công đoàn các khu công nghiệp, khu kinh tế; Công đoàn xã, phường, đặc khu; "
        "Công đoàn tổng công ty; Công đoàn cấp trên trực tiếp cơ sở khác; Công đoàn cơ sở.",
        "Dòng 3, cột “Mã đơn vị cấp trên” (F): Hãy ghi mã đơn vị cấp trên của đơn vị mới.",
        "Dòng 4, cột “Mã đơn vị cấp trên” (F): Đơn vị cấp trên “HP-AL-008” ở dòng 5; hãy ghi "
        "đơn vị cấp trên trước.",
        "Dòng 6, cột “Mã đơn vị cấp trên” (F): Công đoàn cơ sở không có đơn vị trực thuộc.",
    ]


def test_round_trip_of_a_unit_export_reports_everything_unchanged(world):
    response = client_for(world.district_officer).get(reverse("spreadsheets:unit_export"))
    exported = io.BytesIO(b"".join(response.streaming_content))

    report = units_import(actor=world.district_officer, file=exported, dry_run=True)

    assert _problems(report) == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
