"""The Báo cáo kết quả of Kiên Giang's "75 nghìn sáng kiến" programme, written by the province
after its council voted: the decree's layout, initiatives by unit directly under it, by field
and by level reached (tables with a header on every page and a total), the benefit in figures
and words, the council's prizes and proposals, the awards of the programme's cycle, and a
draft with its number left blank."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.docx_checks import (
    assert_decree_heading,
    assert_decree_page,
    assert_signature,
    looks,
    open_docx,
    paragraph,
    pdf_pages,
    repeated_header_tables,
    text_of,
)
from tests.factories import make_event, make_person, make_unit
from tests.initiatives.conftest import (
    BEFORE,
    VN,
    Programme75,
    climb_to_province,
    kg,  # noqa: F401
    make_initiative,
)
from tests.reviews.conftest import SCORING_DAY, CouncilWorld, cw, da_nang_points  # noqa: F401
from thidua.awards.models import Award, Decision
from thidua.awards.services import cycles, decisions, nominations
from thidua.awards.services.catalogue import catalogue_load
from thidua.common.vietnamese import name_sort_key
from thidua.documents.base import template_problems
from thidua.documents.enums import DocumentKind, DocumentStatus
from thidua.documents.kinds.report import ReportGenerator
from thidua.documents.models import OfficialDocument
from thidua.events.checkin import check_in, walk_in_add
from thidua.events.enums import GroupKind, Rsvp
from thidua.events.models import Event, Guest, GuestGroup
from thidua.initiatives import services as initiatives
from thidua.initiatives.models import Initiative
from thidua.orgs import services as orgs
from thidua.reviews import services as reviews
from thidua.reviews.enums import SlateStatus, VoteMethod
from thidua.reviews.models import Assignment, SlateLine

SUBJECT = "Kết quả Chương trình “75 nghìn sáng kiến, vượt khó, phát triển”"
NOMINATED = dt.datetime(2021, 5, 10, 9, 0, tzinfo=VN)
SIGNED = dt.datetime(2021, 5, 19, 15, 0, tzinfo=VN)
REPORTED = dt.date(2021, 5, 25)


@dataclass
class Results:
    cw: CouncilWorld
    safety: Initiative  # the one initiative in Occupational safety, its benefit certified
    cement: Initiative  # registered at the cement plant's union, never sent up
    decision: Decision

    @property
    def kg(self) -> Programme75:
        return self.cw.kg


def _score(cw: CouncilWorld, items: list[Initiative]) -> None:
    """Every sheet in: the later an initiative in `items`, the higher its score."""
    order = {item.pk: index for index, item in enumerate(items)}
    for assignment in Assignment.objects.filter(council=cw.council, status="active"):
        index = order[assignment.initiative_id]
        money = assignment.initiative.benefit_value is not None
        reviews.sheet_save(
            actor=assignment.member.user,
            assignment=assignment,
            points=da_nang_points(25 + index, 20, 21 if money else 15),
            submit=True,
            now=SCORING_DAY,
        )


def _awarded(kg: Programme75) -> Decision:
    """The programme's cycle: the province's Bằng khen for an author and a union, signed;
    a third dossier still waits."""
    catalogue_load()
    cycle = cycles.cycle_open(
        actor=None, programme=kg.programme, name="Biểu dương 75 nghìn sáng kiến năm 2021",
        achievement_year=2021, deadline=dt.datetime(2021, 5, 15, 17, 0, tzinfo=VN),
        now=NOMINATED,
    )  # fmt: skip
    category = cycles.category_save(
        actor=None,
        cycle=cycle,
        data={
            "order": 1,
            "name": "Cá nhân, tập thể có sáng kiến xuất sắc",
            "recipient": "both",
            "award": Award.objects.get(code="bang-khen-ldld-tinh"),
        },
    )
    dossiers = [
        ({"person": kg.author, "summary": "Tác giả sáng kiến biến tần."}, kg.union_a),
        ({"person": kg.coauthor, "summary": "Đồng tác giả."}, kg.union_a),
        (
            {"collective": kg.union_s, "collective_name": "CĐ Trường THPT Nguyễn Trung Trực",
             "summary": "Phong trào sáng kiến sôi nổi."},
            kg.union_s,
        ),
    ]  # fmt: skip
    accepted = []
    for data, unit in dossiers:
        nomination = nominations.nomination_create(
            actor=None, category=category, unit=unit, data=data, now=NOMINATED
        )
        nominations.nomination_submit(actor=None, nomination=nomination, now=NOMINATED)
        if nomination.person_id != kg.coauthor.pk:
            accepted.append(
                nominations.nomination_accept(actor=None, nomination=nomination, now=NOMINATED)
            )
    decision = decisions.decision_create(
        actor=None,
        issuer=kg.province,
        data={
            "award": Award.objects.get(code="bang-khen-ldld-tinh"),
            "cycle": cycle,
            "default_amount": 1_000_000,
        },
        now=SIGNED,
    )
    decisions.lines_add_nominations(actor=None, decision=decision, nominations=accepted)
    return decisions.decision_sign(
        actor=None, decision=decision, signed_on=SIGNED.date(), signer_name="Trần Thanh Việt",
        now=SIGNED,
    )  # fmt: skip


@pytest.fixture
def results(cw: CouncilWorld) -> Results:
    """The province under the Tổng Liên đoàn; a sixth initiative reaches the council from
    Tắc Cậu in another field; the cement plant's union registers one it never sends up and a
    teacher keeps a draft; the council, with three prizes, votes; the cycle's decision is
    signed."""
    kg = cw.kg
    tld = make_unit("Tổng Liên đoàn Lao động Việt Nam", kind="tld", code="TLD")
    orgs.unit_move(
        actor=None, unit=kg.province, new_parent=tld, effective_on=kg.province.established_on
    )
    orgs.unit_update(
        actor=None, unit=kg.province, data={"short_name": "LĐLĐ", "place_name": "Kiên Giang"}
    )
    fields = {field.name: field for field in kg.programme.fields.all()}
    safety = make_initiative(
        kg, unit=kg.union_a2, title="Khay sấy cá bằng năng lượng mặt trời",
        authors=[(make_person("Đặng Văn Sơn", unit=kg.union_a2, publicity_consent=True),
                  Decimal(100))],
        field=fields["An toàn vệ sinh lao động"], benefit_value=300_000_000,
        benefit_certified_by="Cảng cá Tắc Cậu",
    )  # fmt: skip
    climb_to_province(kg, safety)
    cement = make_initiative(
        kg, unit=kg.union_direct, title="Tận dụng nhiệt thải lò nung",
        authors=[(make_person("Hồ Thị Yến", unit=kg.union_direct, gender="nu"), Decimal(100))],
        field=fields["Môi trường"], benefit_value=50_000_000,
    )  # fmt: skip
    initiatives.initiative_submit(actor=None, initiative=cement, now=BEFORE)
    make_initiative(
        kg, unit=kg.union_s, title="Bản nháp chưa nộp",
        authors=[(make_person("Lý Thị Ngọc", unit=kg.union_s, gender="nu"), Decimal(100))],
    )  # fmt: skip
    reviews.council_update(
        actor=None,
        council=cw.council,
        data={
            "decision_number": "45/QĐ-LĐLĐ",
            "decision_date": dt.date(2021, 4, 21),
            "prizes": [
                {"prize": "nhat", "count": 1},
                {"prize": "nhi", "count": 1},
                {"prize": "ba", "count": 1},
            ],
        },
    )
    reviews.assignments_auto(actor=None, council=cw.council, now=SCORING_DAY)
    _score(cw, [*cw.items, safety])
    slate = reviews.slate_propose(actor=None, council=cw.council)
    reviews.slate_vote(
        actor=None, slate=slate, method=VoteMethod.SECRET,
        present=list(cw.council.members.filter(active=True)), in_favour=5, against=0,
    )  # fmt: skip
    return Results(cw=cw, safety=safety, cement=cement, decision=_awarded(kg))


def _report(kg: Programme75, **changes: object) -> OfficialDocument:
    data: dict[str, object] = {
        "kind": DocumentKind.REPORT,
        "issuer": kg.province,
        "programme": kg.programme,
        "subject": SUBJECT,
        "place_name": "Kiên Giang",
        "issued_on": REPORTED,
        "symbol": "52/BC-LĐLĐ",
        "status": DocumentStatus.ISSUED,
        "recipients": "Tổng Liên đoàn Lao động Việt Nam\nBan Thi đua - Khen thưởng tỉnh",
        "sign_mode": "TM.",
        "sign_body": "BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Trần Thanh Việt",
    }
    data.update(changes)
    return OfficialDocument.objects.create(**data)


def _rows(doc: DocxDocument, header: str) -> list[list[str]]:
    """The rows of the table whose second column is headed `header`."""
    for table in doc.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if len(rows[0]) > 1 and rows[0][1] == header:
            return rows
    raise AssertionError(f"no table headed {header!r}")


def test_the_report_is_laid_out_as_the_decree_says(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())

    assert_decree_page(doc)
    assert_decree_heading(
        doc,
        parent="TỔNG LĐLĐ VIỆT NAM",
        issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH KIÊN GIANG",
        number="52/BC-LĐLĐ",
        place_date="Kiên Giang, ngày 25 tháng 5 năm 2021",
    )
    for line in ("BÁO CÁO", SUBJECT):
        title = paragraph(doc, line)
        assert looks(title, 14, bold=True)
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for heading in (
        "I. ĐẶC ĐIỂM TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN",
        "II. KẾT QUẢ XÉT DUYỆT, TRAO GIẢI VÀ ĐỀ XUẤT",
        "III. CÔNG TÁC KHEN THƯỞNG",
    ):
        assert looks(paragraph(doc, heading), 14, bold=True)
    assert_signature(doc, mode="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH", name="Trần Thanh Việt")
    assert paragraph(doc, "- Tổng Liên đoàn Lao động Việt Nam;")
    # By unit, by field, by level, the prizes and the awards: each header repeats on every page.
    assert repeated_header_tables(doc) == 5


def test_the_report_counts_initiatives_by_unit_directly_under_the_issuer(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())
    text = text_of(ReportGenerator(_report(results.kg)).docx())

    rows = _rows(doc, "Đơn vị")
    assert rows[0] == [
        "STT", "Đơn vị", "Số CĐCS", "CĐCS có sáng kiến", "Số sáng kiến", "Chuyển lên xét",
    ]  # fmt: skip
    # Rạch Giá's two unions sent 3 + 1 initiatives; the sector's school 2 (its draft does not
    # count); the cement plant's union, straight under the province, 1 it never sent up.
    by_unit = {row[1]: row[2:] for row in rows[1:-1]}
    assert by_unit == {
        "LĐLĐ thành phố Rạch Giá": ["2", "2", "4", "4"],
        "Công đoàn ngành Giáo dục": ["1", "1", "2", "2"],
        "CĐ Công ty Xi măng Hà Tiên": ["1", "1", "1", "0"],
    }
    assert sorted(row[0] for row in rows[1:-1]) == ["1", "2", "3"]
    assert rows[-1] == ["Tổng cộng", "Tổng cộng", "4", "4", "7", "6"]
    assert (
        "Liên đoàn Lao động tỉnh Kiên Giang có 3 đơn vị trực thuộc với 4 công đoàn cơ sở. Sáng "
        "kiến được xét chọn lần lượt qua các cấp: Công đoàn cơ sở, Công đoàn cấp trên cơ sở và "
        "LĐLĐ tỉnh."
    ) in text
    assert (
        "Có 4/4 công đoàn cơ sở đăng ký 7 sáng kiến; 6 sáng kiến được các đơn vị chọn, chuyển "
        "lên Liên đoàn Lao động tỉnh Kiên Giang xét."
    ) in text


def test_the_report_gives_the_benefit_by_field_in_figures_and_words(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())
    text = text_of(ReportGenerator(_report(results.kg)).docx())

    rows = _rows(doc, "Lĩnh vực")
    by_field = {row[1]: row[2:] for row in rows[1:-1]}
    # Four of the five "Sản xuất kinh doanh" initiatives carry 1.2 billion a year each.
    assert by_field["Sản xuất kinh doanh"] == ["5", "4.800.000.000"]
    assert by_field["An toàn vệ sinh lao động"] == ["1", "300.000.000"]
    assert by_field["Môi trường"] == ["1", "50.000.000"]
    assert by_field["Y tế"] == ["0", ""]  # every field of the programme has its row
    assert rows[-1] == ["Tổng cộng", "Tổng cộng", "7", "5.150.000.000"]
    assert (
        "Tổng giá trị làm lợi hằng năm của các sáng kiến là 5.150.000.000 đồng (Năm tỷ một trăm "
        "năm mươi triệu đồng); trong đó 1 sáng kiến có giá trị làm lợi đã được xác nhận, với "
        "tổng giá trị 300.000.000 đồng (Ba trăm triệu đồng)."
    ) in text


def test_the_report_follows_initiatives_up_the_levels(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())

    rows = _rows(doc, "Cấp xét")
    chosen = SlateLine.objects.filter(
        slate__council=results.cw.council, slate__status=SlateStatus.CONFIRMED, selected=True
    ).count()
    assert rows[1:] == [
        ["1", "Công đoàn cơ sở", "7", "6", "0", "6"],  # the cement plant's still waits
        ["2", "Công đoàn cấp trên cơ sở", "6", "6", "0", "6"],
        ["3", "LĐLĐ tỉnh", "6", str(chosen), str(6 - chosen), "–"],
    ]


def test_the_report_lists_the_councils_prizes_and_what_it_proposes_upward(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())
    text = text_of(ReportGenerator(_report(results.kg)).docx())

    lines = SlateLine.objects.filter(
        slate__council=results.cw.council, slate__status=SlateStatus.CONFIRMED
    ).select_related("initiative")
    selected = sum(line.selected for line in lines)
    assert (
        "Hội đồng xét duyệt sáng kiến cấp tỉnh (thành lập theo Quyết định số 45/QĐ-LĐLĐ ngày "
        f"21/04/2021) đã xét 6 sáng kiến, biểu quyết chọn {selected} sáng kiến ở cấp LĐLĐ tỉnh "
        "và trao 1 giải Nhất, 1 giải Nhì và 1 giải Ba."
    ) in text
    rows = _rows(doc, "Tên sáng kiến")
    assert rows[0] == ["STT", "Tên sáng kiến", "Tác giả", "Đơn vị", "Giá trị làm lợi (đồng/năm)"]
    titles = [row[0] for row in rows[1:] if not row[0].isdigit()]
    assert titles == ["Giải Nhất", "Giải Nhì", "Giải Ba"]  # merged group title rows
    first = next(line.initiative for line in lines if line.prize == "nhat")
    assert rows[1][0] == "Giải Nhất" and rows[2][1] == first.title
    # The highest score is the Tắc Cậu drying tray (see _score); its author and benefit:
    assert rows[2][1:] == [
        "Khay sấy cá bằng năng lượng mặt trời", "Đặng Văn Sơn", "CĐ Cảng cá Tắc Cậu",
        "300.000.000",
    ]  # fmt: skip
    (top,) = [line.initiative for line in lines if line.top]
    assert (
        "Lựa chọn 1 sáng kiến tiêu biểu, có giá trị làm lợi cao nhất đề nghị Tổng Liên đoàn Lao "
        "động Việt Nam khen thưởng:"
    ) in text
    assert f"1. “{top.title}” của {top.authors_text} ({top.unit.name}), giá trị làm lợi " in text


def test_people_chosen_for_media_stories_are_named_in_vietnamese_order(results: Results):
    text = text_of(ReportGenerator(_report(results.kg)).docx())

    line = next(t for t in text.splitlines() if t.startswith("Lựa chọn") and "tuyên truyền" in t)
    named = line.split("tuyên truyền: ")[1].rstrip(".").split(", ")
    names = [item.split(" (")[0] for item in named]
    assert names and names == sorted(names, key=name_sort_key)
    assert "Đặng Văn Sơn (An toàn vệ sinh lao động)" in named  # he consented


def test_the_report_counts_the_awards_of_the_programmes_cycle(results: Results):
    doc = open_docx(ReportGenerator(_report(results.kg)).docx())
    text = text_of(ReportGenerator(_report(results.kg)).docx())

    assert (
        "Đợt xét khen thưởng “Biểu dương 75 nghìn sáng kiến năm 2021” đã tiếp nhận 3 hồ sơ đề "
        "nghị, 2 hồ sơ hợp lệ; 1 quyết định khen thưởng đã được ban hành cho 1 cá nhân và 1 tập "
        "thể, tổng tiền thưởng 2.000.000 đồng (Hai triệu đồng)."
    ) in text
    rows = _rows(doc, "Hình thức khen thưởng")
    assert rows[1] == [
        "1", "Bằng khen của Liên đoàn Lao động tỉnh Kiên Giang", "01/QĐ-LĐLĐ ngày 19/05/2021",
        "1", "1", "2.000.000",
    ]  # fmt: skip
    assert rows[-1] == ["Tổng cộng", "Tổng cộng", "", "1", "1", "2.000.000"]
    # A decision signed after the report's date is not in it.
    early = ReportGenerator(_report(results.kg, issued_on=dt.date(2021, 5, 18))).docx()
    assert "chưa có quyết định khen thưởng được ban hành." in text_of(early)


def _conference(results: Results) -> Event:
    """The province's honouring conference of the cycle, on 22/5/2021, handing over the
    decision: the author came, the school's union sent its vice-chair in its place, and of two
    invited guests one came, with a reporter who had no invitation."""
    decision = results.decision
    event = make_event(
        results.kg.province, cycle=decision.cycle, title="Hội nghị biểu dương 75 nghìn sáng kiến",
        starts_at=dt.datetime(2021, 5, 22, 8, 0, tzinfo=VN), place="Hội trường LĐLĐ tỉnh",
    )  # fmt: skip
    event.decisions.add(decision)
    honoured = GuestGroup.objects.create(
        event=event, kind=GroupKind.HONOUREE, order=0, name="Cá nhân, tập thể có sáng kiến"
    )
    guests = event.guest_groups.filter(kind=GroupKind.GUEST).order_by("order")[0]
    author_line, union_line = decision.lines.order_by("order", "id")
    author = Guest.objects.create(
        group=honoured, name=author_line.name, decision_line=author_line,
        unit_name="CĐ Công ty Cấp thoát nước Kiên Giang", rsvp=Rsvp.ACCEPTED,
    )  # fmt: skip
    union = Guest.objects.create(
        group=honoured, name=union_line.name, decision_line=union_line, rsvp=Rsvp.SUBSTITUTE,
        substitute_name="Lâm Thị Hoa", substitute_position="Phó Chủ tịch",
    )  # fmt: skip
    leader = Guest.objects.create(group=guests, name="Danh Út", position="Phó Chủ tịch UBND tỉnh")
    Guest.objects.create(group=guests, name="Trần Quốc Tuấn", position="Giám đốc Sở")
    for guest in (author, union, leader):
        check_in(actor=None, guest=guest, now=dt.datetime(2021, 5, 22, 7, 45, tzinfo=VN))
    walk_in_add(actor=None, event=event, group=guests, name="Phóng viên Báo Kiên Giang")
    return event


def test_the_report_says_who_received_the_awards_at_the_conference(results: Results):
    event = _conference(results)
    author = Guest.objects.get(group__event=event, name=results.kg.author.full_name)
    author.present_at = None  # the author fell ill on the day
    author.save(update_fields=["present_at"])

    docx = ReportGenerator(_report(results.kg)).docx()

    text = text_of(docx)
    assert (
        "Hội nghị biểu dương 75 nghìn sáng kiến được tổ chức lúc 8h00 ngày 22 tháng 5 năm 2021 "
        "tại Hội trường LĐLĐ tỉnh: mời 4 đại biểu, 2 đại biểu có mặt và 1 người đến không có "
        "giấy mời; khen thưởng trao tại hội nghị: 1 người dự thay nhận, 1 vắng mặt (khen thưởng "
        "gửi về đơn vị)."
    ) in text
    rows = _rows(open_docx(docx), "Họ và tên, tên tập thể")
    assert rows[1][0] == "Bằng khen của Liên đoàn Lao động tỉnh Kiên Giang"  # the award's row
    assert rows[2:] == [
        ["1", results.kg.author.full_name, "CĐ Công ty Cấp thoát nước Kiên Giang",
         "Vắng mặt (khen thưởng gửi về đơn vị)"],
        ["2", "CĐ Trường THPT Nguyễn Trung Trực", rows[3][2], "Lâm Thị Hoa nhận thay"],
    ]  # fmt: skip


def test_a_conference_after_the_reports_date_is_not_in_it(results: Results):
    _conference(results)

    text = text_of(ReportGenerator(_report(results.kg, issued_on=dt.date(2021, 5, 21))).docx())

    assert "Hội nghị biểu dương 75 nghìn sáng kiến được tổ chức" not in text


def test_a_programme_with_no_council_vote_and_no_cycle_says_so(kg: Programme75):
    text = text_of(ReportGenerator(_report(kg)).docx())

    assert (
        "Hội đồng xét duyệt sáng kiến của Liên đoàn Lao động tỉnh Kiên Giang chưa biểu quyết "
        "kết quả."
    ) in text
    assert "Chương trình chưa mở đợt xét khen thưởng." in text
    assert (
        "Trên đây là báo cáo kết quả Chương trình “75 nghìn sáng kiến, vượt khó, phát triển” "
        "của Liên đoàn Lao động tỉnh Kiên Giang./."
    ) in text


def test_a_draft_report_leaves_number_and_date_to_be_written(results: Results):
    draft = _report(results.kg, symbol="", issued_on=None, status=DocumentStatus.DRAFT)

    text = text_of(ReportGenerator(draft).docx())

    assert "Số:       /BC-LĐLĐ" in text
    assert f"Kiên Giang, ngày      tháng      năm {draft.created_at.year}" in text


def test_the_template_uses_only_placeholders_an_uploaded_one_may_use():
    assert template_problems(ReportGenerator.builtin(), ReportGenerator) == []


@pytest.mark.django_db
def test_the_report_converts_to_a_pdf_of_several_pages(results: Results):
    pages, first, pngs = pdf_pages(ReportGenerator(_report(results.kg)).pdf())

    assert pages == pngs >= 2
    assert "BÁO CÁO" in first and "52/BC-LĐLĐ" in first
    assert "ĐẶC ĐIỂM TÌNH HÌNH" in first
