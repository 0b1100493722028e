"""Council pages in the web UI: forming a council, scoring with "save and next", the ranking
raw and corrected side by side, the slate with a reason for each initiative, the vote."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for
from tests.factories import make_user
from tests.initiatives.conftest import kg  # noqa: F401
from tests.reviews.conftest import SCORING_DAY, CouncilWorld, cw, da_nang_points  # noqa: F401
from thidua.initiatives.models import Initiative
from thidua.reviews import services
from thidua.reviews.enums import CouncilStatus, SheetStatus, SlateStatus
from thidua.reviews.models import Assignment, Council, CouncilMember, ScoreSheet


@pytest.fixture
def live(cw: CouncilWorld) -> CouncilWorld:
    """The same council with its deadline in the future, so the pages can score today."""
    services.council_update(
        actor=None, council=cw.council, data={"deadline": timezone.now() + dt.timedelta(days=7)}
    )
    return cw


def _assign(cw: CouncilWorld, seat: CouncilMember, *items: Initiative) -> list[Assignment]:
    return [
        services.assignment_add(actor=None, council=cw.council, seat=seat, initiative=item)
        for item in items
    ]


def _score_all(cw: CouncilWorld) -> None:
    services.assignments_auto(actor=None, council=cw.council)
    for index, assignment in enumerate(
        Assignment.objects.filter(council=cw.council, status="active").order_by("id")
    ):
        money = assignment.initiative.benefit_value is not None
        services.sheet_save(
            actor=None,
            assignment=assignment,
            points=da_nang_points(20 + index % 15, 20, 25 if money else 15),
            comment="Cần số liệu chứng minh rõ hơn" if index % 2 else "",
            submit=True,
            now=SCORING_DAY,
        )


def test_an_officer_forms_a_council_from_a_preset_in_the_web_ui(kg):
    level = kg.programme.levels.get(order=3)
    client = client_for(kg.province_officer)

    page = client.get(reverse("web:council_create", args=[kg.programme.pk, level.pk]))
    response = client.post(
        reverse("web:council_create", args=[kg.programme.pk, level.pk]),
        {
            "unit": kg.province.pk,
            "name": "Hội đồng xét duyệt sáng kiến cấp tỉnh",
            "decision_number": "45/QĐ-LĐLĐ",
            "decision_date": "2021-04-16",
            "preset": "da_nang",
            "deadline": "2021-05-05T17:00",
            "reviewers_per_item": 3,
            "method": "mean",
            "correction": "offset",
            "basis": "corrected",
            "dispute_threshold": "20",
            "tie_1": "benefit_value",
            "tie_2": "submitted_at",
            "threshold": "2/3",
            "quota_min": 75,
            "quota_max": 120,
            "prize_mode": "count",
            "prize_nhat": 3,
            "prize_nhi": 6,
            "prize_ba": 10,
            "prize_kk": 20,
            "top_n": 4,
            "media_min": 3,
            "media_max": 5,
            "media_min_fields": 3,
        },
    )

    council = Council.objects.get()
    assert page.status_code == 200
    assert response.status_code == 302, response.context["form"].errors
    assert council.rubric is not None and council.rubric.preset == "da_nang"
    assert (council.quota_min, council.quota_max, council.top_n) == (75, 120, 4)
    assert council.prizes[-1] == {"prize": "kk", "count": 20}
    assert council.tie_breakers == ["benefit_value", "submitted_at"]


def test_a_member_scores_with_save_and_next(live):
    first, second = _assign(live, live.reviewer_2, live.items[2], live.items[3])
    client = client_for(live.member_user)

    page = client.get(reverse("web:sheet", args=[first.pk]))
    response = client.post(
        reverse("web:sheet", args=[first.pk]),
        {"p_tinh_moi": 32, "p_kha_nang_ap_dung": 22, "p_hieu_qua": 25, "comment": "Tốt",
         "save_next": "1"},
    )  # fmt: skip

    assert page.status_code == 200
    assert "0/2" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:sheet", args=[second.pk])
    sheet = ScoreSheet.objects.get(assignment=first)
    assert (sheet.status, sheet.total) == (SheetStatus.SUBMITTED, Decimal(79))
    assert "1/2" in client.get(response["Location"]).content.decode()


def test_a_wrong_sheet_is_shown_again_with_vietnamese_messages(live):
    (assignment,) = _assign(live, live.reviewer_2, live.items[1])  # no money value
    client = client_for(live.member_user)

    response = client.post(
        reverse("web:sheet", args=[assignment.pk]),
        {"p_tinh_moi": 32, "p_kha_nang_ap_dung": "", "p_hieu_qua": 25, "save_next": "1"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Chưa chấm tiêu chí" in text
    assert "bằng tiền" in text
    assert not ScoreSheet.objects.exists()


def test_others_scores_stay_hidden_until_ones_own_sheet_is_in(live):
    (mine,) = _assign(live, live.reviewer_2, live.items[2])
    (theirs,) = _assign(live, live.reviewer_3, live.items[2])
    services.sheet_save(
        actor=None, assignment=theirs, points=da_nang_points(11, 11, 11), comment="Bình thường",
        submit=True,
    )  # fmt: skip
    client = client_for(live.member_user)

    before = client.get(reverse("web:sheet", args=[mine.pk])).content.decode()
    services.sheet_save(actor=None, assignment=mine, points=da_nang_points(30, 20, 25), submit=True)
    after = client.get(reverse("web:sheet", args=[mine.pk])).content.decode()

    assert "Bình thường" not in before
    assert "Bình thường" in after


def test_a_member_cannot_open_another_members_sheet(live):
    (theirs,) = _assign(live, live.reviewer_3, live.items[2])

    response = client_for(live.member_user).get(reverse("web:sheet", args=[theirs.pk]))

    assert response.status_code == 404


def test_blind_review_hides_authors_and_union_from_the_reviewer(live):
    services.council_update(actor=None, council=live.council, data={"blind": True})
    (assignment,) = _assign(live, live.reviewer_2, live.items[2])

    text = client_for(live.member_user).get(reverse("web:sheet", args=[assignment.pk])).content
    page = text.decode()

    assert live.kg.outsider_author.full_name not in page
    assert live.kg.union_a2.name not in page


def test_a_plain_member_does_not_see_the_ranking_before_the_vote(live):
    response = client_for(live.member_user).get(reverse("web:ranking", args=[live.council.pk]))

    assert response.status_code == 403


def test_the_ranking_shows_raw_and_corrected_side_by_side(live):
    _score_all(live)

    response = client_for(live.secretary_user).get(reverse("web:ranking", args=[live.council.pk]))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Hạng (gốc)" in text and "Hạng (hiệu chỉnh)" in text
    assert "giá trị làm lợi cao hơn" in text  # the tie-breakers are shown
    assert all(item.code in text for item in live.items)


def test_the_secretary_proposes_amends_and_the_vote_confirms_the_slate(live):
    _score_all(live)
    client = client_for(live.secretary_user)

    client.post(reverse("web:slate_propose", args=[live.council.pk]))
    slate = live.council.slates.get()
    out = slate.lines.filter(selected=False).first()
    assert out is not None
    page = client.get(reverse("web:slate", args=[live.council.pk])).content.decode()
    client.post(
        reverse("web:slate_amend", args=[live.council.pk, out.pk]),
        {"selected": "on", "prize": "", "reason": "Hội đồng thống nhất bổ sung"},
    )
    members = [seat.pk for seat in live.council.members.filter(active=True)]
    client.post(
        reverse("web:slate_vote", args=[live.council.pk]),
        {"method": "hands", "present": members, "in_favour": 5, "against": 0, "abstain": 0},
    )

    slate.refresh_from_db()
    live.council.refresh_from_db()
    out.refresh_from_db()
    assert out.reason in page  # every initiative's reason is on the page
    assert out.selected and out.amend_reason == "Hội đồng thống nhất bổ sung"
    assert slate.status == SlateStatus.CONFIRMED
    assert live.council.status == CouncilStatus.DECIDED


def test_an_outsider_officer_gets_404_for_the_council(live):
    response = client_for(live.outsider).get(reverse("web:council_detail", args=[live.council.pk]))

    assert response.status_code == 404


def test_a_member_declares_a_conflict_from_the_sheet(live):
    (assignment,) = _assign(live, live.reviewer_2, live.items[2])
    client = client_for(live.member_user)

    client.post(
        reverse("web:sheet_conflict", args=[assignment.pk]), {"reason": "Tác giả là người thân"}
    )
    page = client_for(live.secretary_user).get(reverse("web:conflict_list", args=[live.council.pk]))

    assignment.refresh_from_db()
    assert assignment.status == "withdrawn"
    assert "Tác giả là người thân" in page.content.decode()


def test_auto_assignment_from_the_board(live):
    client = client_for(live.secretary_user)

    client.post(reverse("web:assignment_auto", args=[live.council.pk]))
    board = client.get(reverse("web:assignment_board", args=[live.council.pk]))

    assert Assignment.objects.filter(council=live.council).count() == 10
    assert board.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_my_sheets_query_count_does_not_grow_with_rows(live, count, django_assert_max_num_queries):
    _assign(live, live.reviewer_2, *live.items[2 : 2 + count])
    client = client_for(live.member_user)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("web:my_sheets"))

    assert len(response.context["assignments"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_council_list_query_count_does_not_grow_with_rows(kg, count, django_assert_max_num_queries):
    from thidua.orgs.services import unit_create

    level = kg.programme.levels.get(order=3)
    for index in range(count):
        unit = kg.province if index == 0 else unit_create(
            actor=None, code=f"KG-X{index}", name=f"Đơn vị {index}", kind="ldld_tinh",
            parent=None, established_on=dt.date(2000, 1, 1),
        )  # fmt: skip
        services.council_create(actor=None, level=level, unit=unit, data={"name": f"HĐ {index}"})
    viewer = make_user("xem_tat_ca", unit=kg.province, role="officer")
    viewer.is_superuser = True
    viewer.save(update_fields=["is_superuser"])
    client = client_for(viewer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("web:council_list"))

    assert len(response.context["councils"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_ranking_and_slate_query_counts_do_not_grow_with_rows(
    live, count, django_assert_max_num_queries
):
    for assignment in _assign(live, live.reviewer_2, *live.items[2 : 2 + count]):
        services.sheet_save(
            actor=None, assignment=assignment, points=da_nang_points(30, 20, 25), submit=True
        )
    services.slate_propose(actor=None, council=live.council)
    client = client_for(live.secretary_user)

    with django_assert_max_num_queries(30):
        ranking = client.get(reverse("web:ranking", args=[live.council.pk]))
    with django_assert_max_num_queries(30):
        slate = client.get(reverse("web:slate", args=[live.council.pk]))

    assert ranking.status_code == slate.status_code == 200


def test_the_secretary_downloads_every_score_and_the_authors_summary(live):
    _score_all(live)
    client = client_for(live.secretary_user)

    workbook = client.get(reverse("web:council_export", args=[live.council.pk]))
    summary = client.get(
        reverse("web:initiative_review", args=[live.council.pk, live.items[0].pk]),
        {"tac-gia": "1"},
    )
    full = client.get(reverse("web:initiative_review", args=[live.council.pk, live.items[0].pk]))

    assert workbook.status_code == 200
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    # The secretary's own name is on every page (the top bar); the others' must not be here.
    names = [str(seat) for seat in live.council.members.exclude(user=live.secretary_user)]
    assert "Thành viên 1" in summary.content.decode()
    assert not any(name in summary.content.decode() for name in names)
    assert any(name in full.content.decode() for name in names)


def test_a_bad_assignment_file_writes_nothing_and_names_the_row(live):
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã sáng kiến", "Tài khoản thành viên"])
    sheet.append([live.items[2].code, live.member_user.username])
    sheet.append(["KHONG-CO", live.member_user.username])
    data = BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "phan-cong.xlsx"
    client = client_for(live.secretary_user)

    response = client.post(
        reverse("web:assignment_import", args=[live.council.pk]), {"file": data}, follow=True
    )

    text = response.content.decode()
    assert "Không nhập gì cả" in text
    assert "Dòng 3" in text
    assert not Assignment.objects.exists()


def test_a_withdrawn_sheet_is_shown_read_only(live):
    (assignment,) = _assign(live, live.reviewer_2, live.items[2])
    services.conflict_declare(actor=None, assignment=assignment, reason="Người thân")
    client = client_for(live.member_user)

    page = client.get(reverse("web:sheet", args=[assignment.pk])).content.decode()
    posted = client.post(
        reverse("web:sheet", args=[assignment.pk]),
        {"p_tinh_moi": 30, "p_kha_nang_ap_dung": 20, "p_hieu_qua": 25, "save_next": "1"},
        follow=True,
    )

    assert "Phiếu này không còn được tính" in page
    assert "Nộp và chấm tiếp" not in page
    assert "Phiếu này không còn nhận điểm" in posted.content.decode()
    assert not ScoreSheet.objects.exists()


def test_a_wrong_vote_keeps_what_was_typed(live):
    _score_all(live)
    services.slate_propose(actor=None, council=live.council)
    members = [seat.pk for seat in live.council.members.filter(active=True)][:2]

    response = client_for(live.secretary_user).post(
        reverse("web:slate_vote", args=[live.council.pk]),
        {"method": "hands", "present": members, "in_favour": 4, "against": 0, "abstain": 0,
         "place": "Hội trường LĐLĐ tỉnh"},
    )  # fmt: skip

    text = response.content.decode()
    assert response.status_code == 200
    assert "nhiều hơn số thành viên có mặt" in text
    assert "Chưa ghi được biểu quyết" in text  # said at the top too, on a long page
    assert "Hội trường LĐLĐ tỉnh" in text
    assert live.council.slates.get().status == SlateStatus.DRAFT


def test_the_vote_address_by_get_leads_back_to_the_slate(live):
    response = client_for(live.secretary_user).get(
        reverse("web:slate_vote", args=[live.council.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("web:slate", args=[live.council.pk])
