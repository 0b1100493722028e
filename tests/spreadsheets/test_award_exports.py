"""Commendation workbooks: a decision's list with its revoked line kept, award history as the
page filtered it, and a cycle's statistics with the nominee and awardee lists; Vietnamese in
every locale."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tests.awards.conftest import BEFORE, AnLao, al, nominate  # noqa: F401
from tests.conftest import client_for
from tests.spreadsheets.conftest import read_back
from thidua.awards.models import Award, Decision
from thidua.awards.services import decisions, nominations
from thidua.orgs.models import Person
from thidua.spreadsheets.award_exports import DecisionWorkbook
from thidua.spreadsheets.base import XLSX_CONTENT_TYPE

SIGNED_ON = dt.date(2024, 7, 18)


def _signed(al: AnLao, *people: Person) -> Decision:
    accepted = []
    for person in people:
        nomination = nominate(al, 4, person)
        nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
        nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
        accepted.append(nomination)
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={
            "award": Award.objects.get(code="giay-khen"),
            "cycle": al.cycle,
            "default_amount": 500_000,
        },
    )
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=accepted)
    return decisions.decision_sign(
        actor=al.officer, decision=decision, signed_on=SIGNED_ON, signer_name="Phạm Thị Nga"
    )


def test_the_decision_list_keeps_the_revoked_line_and_sums_the_money(al):
    decision = _signed(al, al.worker, al.engineer)
    decisions.line_revoke(
        actor=al.officer, line=decision.lines.get(person=al.worker), reason="Khai sai thành tích."
    )

    with DecisionWorkbook(decision=decision).rendered() as out:
        rows = read_back(out.read(), "Danh sách")

    group = "Lao động giỏi tiêu biểu năm 2023"
    assert rows[0] == (
        "STT", "Họ và tên, tên tập thể", "Chức vụ, đơn vị", "Nhóm", "Thành tích",
        "Tiền thưởng (đồng)", "Thu hồi", "Lý do thu hồi", "Căn cứ thu hồi",
    )  # fmt: skip
    # Vietnamese order: by given name, Lan before Toàn.
    assert rows[1] == (
        1, "Nguyễn Thị Lan", "Kỹ sư, Công đoàn Công ty TNHH Cơ khí An Lão", group,
        "Hoàn thành xuất sắc nhiệm vụ năm 2023.", 500_000, None, None, None,
    )  # fmt: skip
    assert rows[2][:2] == (2, "Bùi Văn Toàn")
    assert rows[2][6:8] == ("Đã thu hồi", "Khai sai thành tích.")
    assert ("Quyết định", "01/QĐ-LĐLĐ") in [row[:2] for row in rows]
    assert ("Tổng tiền thưởng", "1.000.000 đồng", "Một triệu đồng") in [row[:3] for row in rows]


def test_the_history_export_follows_the_filter_and_stays_vietnamese_in_english(al):
    _signed(al, al.worker, al.engineer)
    client = client_for(al.officer)
    client.cookies["django_language"] = "en"

    response = client.get(reverse("web:award_history_export"), {"q": "bui van toan"})

    rows = read_back(b"".join(response.streaming_content), "Lịch sử khen thưởng")
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert rows[0] == (
        "Họ và tên, tên tập thể", "Chức vụ, đơn vị (theo quyết định)", "Đơn vị hiện nay",
        "Danh hiệu, hình thức khen thưởng", "Số quyết định", "Ngày ký", "Đơn vị ban hành",
        "Đợt xét, chương trình", "Năm", "Tiền thưởng (đồng)", "Thu hồi", "Lý do thu hồi",
    )  # fmt: skip
    assert len(rows) == 2
    row = rows[1]
    assert row[:5] == (
        "Bùi Văn Toàn",
        "Tổ trưởng tổ cơ điện, Công đoàn Công ty TNHH Cơ khí An Lão",
        "Công đoàn Công ty TNHH Cơ khí An Lão",
        "Hình thức khen thưởng: Giấy khen",
        "01/QĐ-LĐLĐ",
    )
    assert row[5] == dt.datetime(2024, 7, 18)
    assert row[6] == "Liên đoàn Lao động huyện An Lão"
    assert row[7].startswith("Biểu dương Lao động sáng tạo")
    assert row[8:10] == (2024, 500_000)


def test_the_cycle_workbook_has_the_stats_and_the_conference_lists(al):
    _signed(al, al.worker)
    teacher = nominate(al, 4, al.teacher)
    nominations.nomination_submit(actor=None, nomination=teacher, now=BEFORE)
    client = client_for(al.officer)

    response = client.get(reverse("web:cycle_stats_export", args=[al.cycle.pk]))

    content = b"".join(response.streaming_content)
    by_unit = read_back(content, "Theo đơn vị")
    assert by_unit == [
        ("Đơn vị đề nghị", "Số hồ sơ gửi", "Hợp lệ", "Được khen thưởng"),
        ("Công đoàn Công ty TNHH Cơ khí An Lão", 1, 1, 1),
        ("Công đoàn Trường THPT An Lão", 1, 0, 0),
        ("Tổng cộng", 2, 1, 1),
    ]
    by_category = read_back(content, "Theo nhóm đối tượng")
    # Every group in its order, those without dossiers at zero; names in full.
    assert by_category[4] == ("4. Lao động giỏi tiêu biểu năm 2023", 2, 1, 1)
    assert by_category[1][0].endswith("tặng Bằng Lao động sáng tạo năm 2023")
    assert by_category[1][1:] == (0, 0, 0)
    nominees = read_back(content, "Danh sách đề nghị")
    assert nominees[0] == (
        "STT", "Họ và tên, tên tập thể", "Đơn vị đề nghị", "Nhóm đối tượng", "Lĩnh vực",
        "Đề nghị khen thưởng", "Tình trạng", "Quyết định",
    )  # fmt: skip
    assert [row[1] for row in nominees[1:]] == ["Bùi Văn Toàn", "Trần Văn Bình"]
    assert nominees[1][6:] == ("Đã khen thưởng", "01/QĐ-LĐLĐ")
    assert nominees[2][6:] == ("Đã nộp, chờ thẩm định", None)
    awardees = read_back(content, "Danh sách được khen")
    assert awardees[1][:5] == (
        1,
        "Bùi Văn Toàn",
        "Tổ trưởng tổ cơ điện, Công đoàn Công ty TNHH Cơ khí An Lão",
        "Lao động giỏi tiêu biểu năm 2023",
        "Hình thức khen thưởng: Giấy khen",
    )


def test_the_decision_export_is_for_those_who_see_the_decision(al):
    decision = _signed(al, al.worker)

    mine = client_for(al.officer).get(reverse("web:decision_export", args=[decision.pk]))
    outsider = client_for(al.outsider_official).get(
        reverse("web:decision_export", args=[decision.pk])
    )

    assert mine.status_code == 200
    assert mine["Content-Disposition"].endswith(f'quyet-dinh-khen-thuong-{decision.pk}.xlsx"')
    assert outsider.status_code == 404
