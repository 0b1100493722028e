"""Importing initiatives collected on paper: all or nothing, only into the importer's own
unions, authors found or added, and the climb through the real transitions."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any

from tests.initiatives.conftest import BEFORE, GRASSROOTS_DEADLINE, kg  # noqa: F401 - fixture
from tests.spreadsheets.conftest import xlsx
from thidua.common.models import AuditEntry
from thidua.initiatives.enums import StageStatus, Status
from thidua.initiatives.models import Initiative
from thidua.orgs.models import Person
from thidua.spreadsheets.initiative_import import (
    MODE_FORWARD,
    MODE_SUBMIT,
    import_modes,
    initiatives_import,
)

HEADERS = [
    "STT", "Tên sáng kiến", "Tác giả và tỷ lệ đóng góp", "Mã CĐCS", "Lĩnh vực",
    "Loại giải pháp", "Đơn vị áp dụng", "Ngày áp dụng", "Tình trạng trước khi có sáng kiến",
    "Nội dung và tính mới", "Cách thức áp dụng", "Điều kiện áp dụng",
    "Giá trị làm lợi (đồng/năm)", "Cách tính giá trị làm lợi",
    "Lợi ích không tính được bằng tiền", "Xác nhận giá trị làm lợi", "Bảo mật (Có/Không)",
]  # fmt: skip
KEYS = {
    "number": "STT", "title": "Tên sáng kiến", "authors": "Tác giả và tỷ lệ đóng góp",
    "unit": "Mã CĐCS", "field": "Lĩnh vực", "kind": "Loại giải pháp",
    "applying": "Đơn vị áp dụng", "applied": "Ngày áp dụng",
    "novelty": "Nội dung và tính mới", "benefit": "Giá trị làm lợi (đồng/năm)",
    "confidential": "Bảo mật (Có/Không)",
}  # fmt: skip


def initiative_row(**values: Any) -> list[Any]:
    """A complete row in HEADERS order: a pump retrofit at union A by Trần Văn Hải."""
    row = {
        "number": 1, "title": "Cải tiến hệ thống bơm tăng áp", "authors": "Trần Văn Hải",
        "unit": "KG-RG-01", "field": "Sản xuất kinh doanh", "kind": "Giải pháp kỹ thuật",
        "applied": "15/02/2021", "novelty": "Lắp biến tần cho bơm tăng áp.",
        "benefit": "1.200.000.000",
    } | values  # fmt: skip
    by_header = {KEYS[key]: value for key, value in row.items()}
    return [by_header.get(header) for header in HEADERS]


def run(kg, actor, rows, *, dry_run=False, **options):
    return initiatives_import(
        actor=actor, programme=kg.programme, file=xlsx(HEADERS, rows, title="Sáng kiến"),
        dry_run=dry_run, **options,
    )  # fmt: skip


def problems(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def authors_of(initiative: Initiative) -> list[tuple[str, str, Decimal]]:
    return [
        (a.person.full_name, a.person.unit.code, a.share)
        for a in initiative.authorships.select_related("person__unit")
    ]


def test_three_rows_create_initiatives_and_the_authors_not_yet_known(kg):
    rows = [
        initiative_row(title="Cải tiến bơm tăng áp",
                       authors="Trần Văn Hải (70%); Lê Thị Mai (30%)"),
        initiative_row(title="Phần mềm quản lý đồng hồ nước", kind="Quản lý",
                       authors="Tran Van Hai (50%); Nguyễn Thị Lan (50%)", benefit="800 triệu",
                       applied="13-07-2020", field="Cải cách hành chính"),
        initiative_row(title="Sửa chữa cần cẩu cảng cá", authors="Võ Minh Tuấn", unit="KG-RG-02",
                       benefit="1,2 tỷ", applied=dt.datetime(2020, 7, 13), confidential="Có"),
    ]  # fmt: skip

    report = run(kg, kg.district_officer, rows)

    assert (problems(report), report.applied, report.created) == ([], True, 3)
    pump, software, crane = Initiative.objects.order_by("code")
    assert authors_of(pump) == [
        ("Trần Văn Hải", "KG-RG-01", Decimal(70)), ("Lê Thị Mai", "KG-RG-01", Decimal(30)),
    ]  # fmt: skip
    assert authors_of(software) == [
        ("Trần Văn Hải", "KG-RG-01", Decimal(50)), ("Nguyễn Thị Lan", "KG-RG-01", Decimal(50)),
    ]  # fmt: skip
    assert authors_of(crane) == [("Võ Minh Tuấn", "KG-RG-02", Decimal(100))]
    assert (software.solution_kind, software.benefit_value, software.first_applied_on) == (
        "quan_ly", 800_000_000, dt.date(2020, 7, 13),
    )  # fmt: skip
    assert (crane.unit, crane.benefit_value, crane.confidential, crane.status) == (
        kg.union_a2, 1_200_000_000, True, Status.DRAFT,
    )  # fmt: skip
    assert crane.applying_unit_name == kg.union_a2.name
    assert (software.field.name, crane.created_by) == ("Cải cách hành chính", kg.district_officer)
    lan = Person.objects.get(full_name="Nguyễn Thị Lan")
    tuan = Person.objects.get(full_name="Võ Minh Tuấn")
    assert [(lan.unit, lan.gender), (tuan.unit, tuan.gender)] == [
        (kg.union_a, "nu"), (kg.union_a2, "nam"),
    ]  # fmt: skip
    assert report.additions == [
        f"Nguyễn Thị Lan (Nữ), người của {kg.union_a.name} (KG-RG-01)",
        f"Võ Minh Tuấn (Nam), người của {kg.union_a2.name} (KG-RG-02)",
    ]
    assert AuditEntry.objects.filter(action="person_create", actor=kg.district_officer).count() == 2
    assert AuditEntry.objects.filter(action="initiative_create").count() == 3


def test_preview_lists_each_initiative_and_marks_new_authors(kg):
    rows = [initiative_row(authors="Trần Văn Hải (50%); Nguyễn Thị Lan (50%)")]

    report = run(kg, kg.official_a, rows, dry_run=True)

    (outcome,) = report.rows
    assert (outcome.row, outcome.label, outcome.action_label) == (
        2, "Cải tiến hệ thống bơm tăng áp (KG-RG-01)", "Thêm mới",
    )  # fmt: skip
    assert [(c.column, c.after) for c in outcome.changes] == [
        ("Tác giả và tỷ lệ đóng góp", "Trần Văn Hải (50%); Nguyễn Thị Lan (50%, thêm người mới)")
    ]
    assert report.notes == [
        f"Chương trình: {kg.programme.name}.",
        "Sau khi nhập: Để ở trạng thái “Đang soạn”.",
    ]


def test_dry_run_writes_nothing(kg):
    rows = [initiative_row(authors="Nguyễn Thị Lan"), initiative_row(title="Sáng kiến thứ hai")]
    counts = (Initiative.objects.count(), Person.objects.count(), AuditEntry.objects.count())

    report = run(kg, kg.official_a, rows, dry_run=True)

    assert (report.ok, report.applied, report.created, len(report.additions)) == (
        True, False, 2, 1,
    )  # fmt: skip
    assert (Initiative.objects.count(), Person.objects.count(), AuditEntry.objects.count()) == (
        counts
    )


def test_titles_typed_in_nfd_are_stored_in_nfc(kg):
    title = unicodedata.normalize("NFD", "Cải tiến\u00a0quy trình xử lý nước thải")
    author = unicodedata.normalize("NFD", "Trần Văn Hải")

    report = run(kg, kg.official_a, [initiative_row(title=title, authors=author)])

    initiative = Initiative.objects.get()
    assert report.applied is True
    assert initiative.title == "Cải tiến quy trình xử lý nước thải"
    assert authors_of(initiative) == [("Trần Văn Hải", "KG-RG-01", Decimal(100))]
    assert Person.objects.filter(unit=kg.union_a).count() == 2  # nobody added


def test_one_bad_row_among_a_thousand_is_refused_and_nothing_is_written(kg):
    rows = [initiative_row(number=n, title=f"Sáng kiến số {n}") for n in range(1, 1001)]
    rows[736] = initiative_row(number=737, title="Sáng kiến số 737", benefit="1,2,3 tỷ")
    counts = (Initiative.objects.count(), Person.objects.count(), AuditEntry.objects.count())

    report = run(kg, kg.official_a, rows)

    assert (report.applied, len(report.rows)) == (False, 999)
    assert problems(report) == [
        "Dòng 738, cột “Giá trị làm lợi (đồng/năm)” (M): “1,2,3 tỷ” không phải là số tiền; "
        "hãy ghi ví dụ 1.200.000.000, 1,2 tỷ hoặc 800 triệu."
    ]
    assert (Initiative.objects.count(), Person.objects.count(), AuditEntry.objects.count()) == (
        counts
    )


def test_each_problem_is_named_by_row_column_and_reason(kg):
    rows = [
        initiative_row(authors="Trần Văn Hải (70%); Lê Thị Mai (20%)"),
        initiative_row(field="Nông nghiệp"),
        initiative_row(title=None),
        initiative_row(applied="31/02/2021"),
        initiative_row(unit="KG-RG"),
        initiative_row(kind="Giải pháp tuyệt vời"),
    ]

    report = run(kg, kg.district_officer, rows)

    assert report.applied is False
    assert problems(report) == [
        "Dòng 2, cột “Tác giả và tỷ lệ đóng góp” (C): Tổng tỷ lệ đóng góp của các tác giả phải "
        "bằng 100% (hiện là 90%).",
        "Dòng 3, cột “Lĩnh vực” (E): Lĩnh vực “Nông nghiệp” không có trong chương trình này; "
        "chọn một trong: Sản xuất kinh doanh; Giáo dục; Y tế; Môi trường; An toàn vệ sinh lao "
        "động; Cải cách hành chính; Quản lý; Khác.",
        "Dòng 4, cột “Tên sáng kiến” (B): Ô này không được để trống.",
        "Dòng 5, cột “Ngày áp dụng” (H): “31/02/2021” không phải là ngày có thật; hãy ghi theo "
        "dạng ngày/tháng/năm, ví dụ 28/07/1990.",
        f"Dòng 6, cột “Mã CĐCS” (D): “{kg.district.name}” không phải đơn vị nhận sáng kiến ở "
        "cấp “Công đoàn cơ sở” của chương trình này.",
        "Dòng 7, cột “Loại giải pháp” (F): “Giải pháp tuyệt vời” không có trong danh sách; chọn "
        "một trong: Giải pháp kỹ thuật; Giải pháp quản lý; Giải pháp tác nghiệp; Giải pháp ứng "
        "dụng tiến bộ kỹ thuật.",
    ]
    assert Initiative.objects.count() == 0


def test_official_of_union_a2_cannot_import_into_union_a(kg):
    report = run(kg, kg.official_a2, [initiative_row(unit="KG-RG-01")])

    assert (report.applied, Initiative.objects.count()) == (False, 0)
    assert problems(report) == [
        "Dòng 2, cột “Mã CĐCS” (D): Không tìm thấy đơn vị có mã “KG-RG-01” trong phạm vi bạn "
        "quản lý."
    ]


def test_a_new_author_named_in_two_rows_is_added_once(kg):
    rows = [initiative_row(authors="Nguyễn Thị Lan"), initiative_row(authors="Nguyen Thi Lan")]

    report = run(kg, kg.official_a, rows)

    assert (report.applied, len(report.additions)) == (True, 1)
    assert Person.objects.filter(name_folded="nguyen thi lan").count() == 1


def test_submit_now_submits_each_to_its_union_before_the_deadline(kg):
    report = run(kg, kg.official_a, [initiative_row()], mode=MODE_SUBMIT, now=BEFORE)

    initiative = Initiative.objects.get()
    assert report.applied is True
    assert (initiative.status, initiative.current_unit) == (Status.SUBMITTED, kg.union_a)


def test_submit_after_the_deadline_is_refused_like_on_the_web(kg):
    late = GRASSROOTS_DEADLINE + dt.timedelta(minutes=1)

    report = run(kg, kg.official_a, [initiative_row()], mode=MODE_SUBMIT, now=late)

    assert (report.applied, Initiative.objects.count()) == (False, 0)
    assert problems(report) == [
        "Dòng 2: Đã quá hạn nộp của cấp “Công đoàn cơ sở” (hạn 17:00 ngày 10/04/2021). "
        "Hãy liên hệ đơn vị chủ trì chương trình để được gia hạn."
    ]


def test_carry_up_by_the_province_officer_climbs_level_by_level_to_the_province(kg):
    rows = [initiative_row(), initiative_row(unit="KG-GD-01", authors="Đỗ Văn Nam")]

    report = run(kg, kg.province_officer, rows, mode=MODE_FORWARD, now=BEFORE)

    assert (problems(report), report.applied) == ([], True)
    pump, school = Initiative.objects.order_by("code")
    assert (pump.status, pump.current_unit, school.current_unit) == (
        Status.SUBMITTED, kg.province, kg.province,
    )  # fmt: skip
    assert [(s.unit, s.status) for s in pump.stages.order_by("level__order")] == [
        (kg.union_a, StageStatus.FORWARDED),
        (kg.district, StageStatus.FORWARDED),
        (kg.province, StageStatus.PENDING),
    ]
    assert list(pump.events.values_list("action", "actor")) == [
        ("create", kg.province_officer.pk), ("submit", kg.province_officer.pk),
        ("select", kg.province_officer.pk), ("forward", kg.province_officer.pk),
        ("select", kg.province_officer.pk), ("forward", kg.province_officer.pk),
    ]  # fmt: skip


def test_carry_up_by_the_district_officer_stops_at_the_district(kg):
    report = run(kg, kg.district_officer, [initiative_row()], mode=MODE_FORWARD, now=BEFORE)

    initiative = Initiative.objects.get()
    assert report.applied is True
    assert (initiative.status, initiative.current_unit) == (Status.SUBMITTED, kg.district)


def test_carry_up_respects_the_grassroots_quota(kg):
    rows = [initiative_row(title=f"Sáng kiến {n}") for n in range(1, 4)]

    report = run(kg, kg.district_officer, rows, mode=MODE_FORWARD, now=BEFORE)

    assert (report.applied, Initiative.objects.count()) == (False, 0)
    assert problems(report) == [
        f"Dòng 4: “{kg.union_a.name}” đã chuyển đủ 2 sáng kiến, là số tối đa cấp "
        "“Công đoàn cơ sở” được chuyển lên."
    ]


def test_carry_up_is_only_for_officers_of_an_upper_unit(kg):
    report = run(kg, kg.official_a, [initiative_row()], mode=MODE_FORWARD, now=BEFORE)

    assert (report.rejected, Initiative.objects.count()) == (True, 0)
    assert problems(report) == [
        "Chỉ cán bộ của công đoàn cấp trên trong chương trình này mới đưa sáng kiến lên đến cấp "
        "của mình được."
    ]
    assert import_modes(kg.official_a, kg.programme) == ["draft", "submit"]
    assert import_modes(kg.district_officer, kg.programme) == ["draft", "submit", "forward"]
