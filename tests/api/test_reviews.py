"""Review councils through the API, on the Kiên Giang programme of tests/initiatives/conftest.py:
the province's council (a chair, a secretary, three reviewers) scores what climbed to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.api.conftest import api_client_for
from tests.factories import make_person, make_unit, make_user
from tests.initiatives.conftest import (  # noqa: F401  kg is a fixture
    VN,
    Programme75,
    climb_to_province,
    kg,
    make_initiative,
)
from tests.spreadsheets.conftest import xlsx
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import Tier
from thidua.orgs.models import User
from thidua.reviews import services
from thidua.reviews.enums import (
    AssignmentSource,
    AssignmentStatus,
    CouncilRole,
    CouncilStatus,
    SlateStatus,
)
from thidua.reviews.models import Assignment, Council, CouncilMember, Rubric
from thidua.reviews.rubrics import PRESETS

SOON = timezone.now() + dt.timedelta(days=30)
# Tính mới 40, khả năng áp dụng 30, hiệu quả 30 (Đà Nẵng preset): three sheets a reviewer
# might hand in, strong, middling and weak.
STRONG = {"tinh_moi": 36, "kha_nang_ap_dung": 26, "hieu_qua": 25}
MIDDLING = {"tinh_moi": 28, "kha_nang_ap_dung": 20, "hieu_qua": 18}
WEAK = {"tinh_moi": 15, "kha_nang_ap_dung": 12, "hieu_qua": 12}
NOT_FOUND = {"detail": "Không tìm thấy hội đồng."}
STEERING_ONLY = {
    "detail": "Chỉ Chủ tịch, Phó Chủ tịch, Thư ký hội đồng hoặc cán bộ thi đua của đơn vị được "
    "làm việc này."
}


@dataclass
class Panel:
    council: Council
    rubric: Rubric
    chair: User
    secretary: User
    reviewers: list[User]
    pump: Initiative  # union A's, by Trần Văn Hải and Lê Thị Mai
    notebook: Initiative  # the school's
    net: Initiative  # union A2's


def province_level(kg: Programme75) -> ProgrammeLevel:
    return kg.programme.levels.get(tier=Tier.PROVINCE)


def reviewer(username: str, full_name: str) -> User:
    return make_user(username, full_name=full_name)


@pytest.fixture
def panel(kg) -> Panel:
    teacher = make_person("Nguyễn Thị Lan", unit=kg.union_s, gender="nu")
    pump = make_initiative(kg)
    notebook = make_initiative(
        kg, unit=kg.union_s, authors=[(teacher, Decimal(100))],
        field=kg.programme.fields.get(name="Giáo dục"), title="Sổ điểm điện tử cho giáo viên",
        benefit_value=None, non_monetary_benefit="Giảm giờ nhập điểm",
    )  # fmt: skip
    net = make_initiative(
        kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))],
        title="Lưới kéo tiết kiệm nhiên liệu", benefit_value=300_000_000,
    )  # fmt: skip
    for initiative in (pump, notebook, net):
        climb_to_province(kg, initiative)
    rubric = services.rubric_create(actor=None, programme=kg.programme, spec=PRESETS["da_nang"])
    council = services.council_create(
        actor=None, level=province_level(kg), unit=kg.province,
        data={"name": "Hội đồng sáng kiến LĐLĐ tỉnh", "rubric": rubric, "deadline": SOON},
    )  # fmt: skip
    chair = reviewer("chutich_hd", "Đỗ Minh Chính")
    secretary = reviewer("thuky_hd", "Phan Thu Ký")
    reviewers = [
        reviewer("giamkhao_1", "Vũ Văn Một"),
        reviewer("giamkhao_2", "Vũ Thị Hai"),
        reviewer("giamkhao_3", "Vũ Văn Ba"),
    ]
    services.member_add(actor=None, council=council, user=chair, role=CouncilRole.CHAIR)
    services.member_add(actor=None, council=council, user=secretary, role=CouncilRole.SECRETARY)
    for user in reviewers:
        services.member_add(actor=None, council=council, user=user)
    services.council_open(actor=None, council=council)
    return Panel(council, rubric, chair, secretary, reviewers, pump, notebook, net)


def assign(panel: Panel, user: User, initiative: Initiative) -> Assignment:
    return services.assignment_add(
        actor=None,
        council=panel.council,
        seat=panel.council.members.get(user=user),
        initiative=initiative,
    )


def score(assignment: Assignment, points: dict[str, int]) -> None:
    services.sheet_save(actor=None, assignment=assignment, points=points, submit=True)


def post(client: APIClient, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, body or {}, format="json")


def council_url(panel: Panel) -> str:
    return f"/api/v1/councils/{panel.council.pk}/"


def make_programme(kg: Programme75) -> Programme:
    return campaigns.programme_create(
        actor=None, name="Chương trình khác", code="KG-KHAC", running_unit=kg.province,
        starts_on=dt.date(2021, 1, 1), ends_on=dt.date(2099, 12, 31),
        levels=[{"name": "Tỉnh", "tier": Tier.PROVINCE, "deadline": SOON}],
    )  # fmt: skip


def outsider() -> User:
    """An officer of another province's federation."""
    hai_phong = make_unit("Liên đoàn Lao động thành phố Hải Phòng", code="HP", kind="ldld_tinh")
    return make_user("canbo_hp", unit=hai_phong, role="officer")


# Forming a council


def test_the_province_officer_forms_a_council_with_a_rubric(kg):
    rubric = services.rubric_create(actor=None, programme=kg.programme, spec=PRESETS["da_nang"])
    body = {
        "level": province_level(kg).pk, "unit": kg.province.pk,
        "name": "Hội đồng sáng kiến năm 2021", "decision_number": "45/QĐ-LĐLĐ",
        "rubric": rubric.pk, "blind": True, "tie_breakers": ["criterion:tinh_moi"],
        "prizes": [{"prize": "nhat", "count": 1}, {"prize": "nhi", "count": 2}],
    }  # fmt: skip

    response = post(api_client_for(kg.province_officer), "/api/v1/councils/", body)

    assert response.status_code == 201
    council = response.json()
    assert (council["unit"]["code"], council["level"]["name"]) == ("KG", "LĐLĐ tỉnh")
    assert (council["status"], council["blind"], council["can_manage"]) == ("forming", True, True)
    assert [c["code"] for c in council["rubric"]["criteria"]] == [
        "tinh_moi", "kha_nang_ap_dung", "hieu_qua",
    ]  # fmt: skip
    assert council["rubric"]["max_total"] == "100.00"
    assert council["rubric"]["criteria"][0]["bands"][0] == {
        "low": 31, "high": 40, "label": "Hoàn toàn mới, chưa từng được áp dụng",
    }  # fmt: skip
    assert council["prizes"] == [
        {"prize": "nhat", "count": 1, "min_score": None},
        {"prize": "nhi", "count": 2, "min_score": None},
    ]
    assert council["members"] == []


def test_only_the_units_own_officers_form_its_council(kg):
    body = {"level": province_level(kg).pk, "unit": kg.district.pk, "name": "Hội đồng"}
    grassroots = {**body, "unit": kg.union_a.pk}

    at_district = post(api_client_for(kg.district_officer), "/api/v1/councils/", body)
    by_official = post(api_client_for(kg.official_a), "/api/v1/councils/", grassroots)
    above = post(api_client_for(kg.district_officer), "/api/v1/councils/", {
        **body, "unit": kg.province.pk,
    })  # fmt: skip

    assert at_district.status_code == 400
    assert at_district.json() == {
        "unit": [
            "“LĐLĐ thành phố Rạch Giá” không xét sáng kiến ở cấp “LĐLĐ tỉnh” của chương trình."
        ]
    }
    assert by_official.status_code == 403
    assert above.status_code == 404
    assert not Council.objects.exists()


def test_a_council_is_formed_only_at_a_level_that_has_one(kg):
    upper = kg.programme.levels.get(tier=Tier.UPPER)
    body = {"level": upper.pk, "unit": kg.district.pk, "name": "Hội đồng"}

    response = post(api_client_for(kg.district_officer), "/api/v1/councils/", body)

    assert response.status_code == 400
    assert response.json() == {
        "level": ["Cấp “Công đoàn cấp trên cơ sở” không lập hội đồng xét duyệt."]
    }


def test_a_rubric_of_another_programme_is_refused(kg, panel):
    other = services.rubric_create(actor=None, programme=make_programme(kg), spec=PRESETS["son_la"])

    response = api_client_for(panel.chair).patch(
        f"/api/v1/councils/{panel.council.pk}/", {"rubric": other.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"rubric": ["Bộ tiêu chí không thuộc chương trình này."]}


def test_the_browsable_api_shows_a_council_with_its_edit_form(panel):
    response = api_client_for(panel.chair).get(council_url(panel), HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "Hội đồng sáng kiến LĐLĐ tỉnh" in response.content.decode()


def test_an_unknown_tie_breaker_is_refused_in_vietnamese(panel):
    response = api_client_for(panel.chair).patch(
        f"/api/v1/councils/{panel.council.pk}/", {"tie_breakers": ["tuoi_tac"]}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"tie_breakers": ["Không có cách phân định “tuoi_tac”."]}


# Who sees a council


def test_members_and_the_units_staff_see_the_council_with_everyones_progress(kg, panel):
    one = assign(panel, panel.reviewers[0], panel.pump)
    assign(panel, panel.reviewers[0], panel.net)
    score(one, STRONG)

    listed = api_client_for(panel.reviewers[0]).get("/api/v1/councils/")
    detail = api_client_for(kg.province_officer).get(f"/api/v1/councils/{panel.council.pk}/")

    assert [row["name"] for row in listed.json()["results"]] == ["Hội đồng sáng kiến LĐLĐ tỉnh"]
    members = {m["name"]: (m["role"], m["progress"]) for m in detail.json()["members"]}
    assert members == {
        "Đỗ Minh Chính": ("chair", "0/0"),
        "Phan Thu Ký": ("secretary", "0/0"),
        "Vũ Văn Một": ("member", "1/2"),
        "Vũ Thị Hai": ("member", "0/0"),
        "Vũ Văn Ba": ("member", "0/0"),
    }
    assert (detail.json()["progress"], detail.json()["scoring_open"]) == ("1/2", True)
    assert detail.json()["your_seat"] is None


def test_the_council_list_filters_by_programme(kg, panel):
    client = api_client_for(kg.province_officer)

    mine = client.get("/api/v1/councils/", {"programme": kg.programme.pk})
    other = client.get("/api/v1/councils/", {"programme": make_programme(kg).pk})

    assert mine.json()["count"] == 1
    assert other.json()["count"] == 0


COUNCIL_ROUTES = [
    ("get", ""),
    ("patch", ""),
    ("post", "open/"),
    ("post", "reopen/"),
    ("get", "assignments/"),
    ("post", "assignments/"),
    ("post", "assignments/auto/"),
    ("get", "ranking/"),
    ("get", "slates/"),
    ("post", "slates/"),
    ("get", "conflicts/"),
    ("post", "members/"),
    ("post", "rubric/"),
    ("put", "rubric/"),
    ("post", "assignments/import/"),
]


@pytest.mark.parametrize(("method", "suffix"), COUNCIL_ROUTES)
def test_an_outsider_gets_404_on_every_council_route(panel, method, suffix):
    client = api_client_for(outsider())

    response = getattr(client, method)(
        f"/api/v1/councils/{panel.council.pk}/{suffix}", {}, format="json"
    )

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_an_outsider_gets_404_on_assignments_slates_and_conflicts(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    score(assignment, STRONG)
    slate = services.slate_propose(actor=None, council=panel.council)
    line = slate.lines.first()
    other = assign(panel, panel.reviewers[1], panel.pump)
    conflict = services.conflict_declare(actor=None, assignment=other, reason="Cùng tổ dự án")
    client = api_client_for(outsider())

    answers = [
        client.get("/api/v1/assignments/mine/").json()["count"],
        client.get(f"/api/v1/assignments/{assignment.pk}/sheet/").status_code,
        client.put(f"/api/v1/assignments/{assignment.pk}/sheet/", {}, format="json").status_code,
        post(client, f"/api/v1/assignments/{assignment.pk}/conflict/").status_code,
        post(client, f"/api/v1/assignments/{assignment.pk}/end/").status_code,
        client.get(f"/api/v1/slates/{slate.pk}/").status_code,
        post(client, f"/api/v1/slates/{slate.pk}/lines/{line.pk}/amend/").status_code,
        post(client, f"/api/v1/slates/{slate.pk}/vote/").status_code,
        post(client, f"/api/v1/conflicts/{conflict.pk}/decide/").status_code,
    ]
    councils = client.get("/api/v1/councils/").json()

    assert answers == [0, *[404] * 8]
    assert councils["count"] == 0


# What a member may do


def test_a_member_sees_only_their_own_assignments_and_sheets(panel):
    own = assign(panel, panel.reviewers[0], panel.pump)
    others = assign(panel, panel.reviewers[1], panel.pump)
    score(others, WEAK)
    client = api_client_for(panel.reviewers[0])

    listed = client.get(f"/api/v1/councils/{panel.council.pk}/assignments/")
    their_sheet = client.get(f"/api/v1/assignments/{others.pk}/sheet/")
    overwrite = client.put(
        f"/api/v1/assignments/{others.pk}/sheet/", {"points": STRONG}, format="json"
    )
    chair_reads = api_client_for(panel.chair).get(f"/api/v1/assignments/{others.pk}/sheet/")

    assert [row["id"] for row in listed.json()["results"]] == [own.pk]
    assert their_sheet.status_code == 404
    assert their_sheet.json() == {"detail": "Không tìm thấy phiếu chấm."}
    assert overwrite.status_code == 404
    assert chair_reads.status_code == 404
    assert others.sheet.points == WEAK


def test_the_chair_sees_every_assignment_with_its_sheets_status(panel):
    scored = assign(panel, panel.reviewers[0], panel.pump)
    assign(panel, panel.reviewers[1], panel.pump)
    score(scored, MIDDLING)

    response = api_client_for(panel.chair).get(f"/api/v1/councils/{panel.council.pk}/assignments/")

    rows = response.json()["results"]
    assert [(row["member"]["name"], row["sheet_status"]) for row in rows] == [
        ("Vũ Văn Một", "submitted"),
        ("Vũ Thị Hai", None),
    ]
    assert rows[0]["initiative"]["unit"]["code"] == "KG-RG-01"
    assert "total" not in rows[0]


MANAGE_ROUTES = [
    ("patch", "", {"name": "Đổi tên"}),
    ("post", "reopen/", {"until": "2099-01-01T17:00:00+07:00", "reason": "Thử"}),
    ("post", "assignments/", {"member": 1, "initiative": 1}),
    ("post", "assignments/auto/", {}),
    ("post", "slates/", {}),
    ("get", "conflicts/", None),
    ("post", "members/", {"user": 1}),
    ("post", "rubric/", {"preset": "son_la"}),
    ("put", "rubric/", {}),
    ("post", "assignments/import/", {}),
]


@pytest.mark.parametrize(("method", "suffix", "body"), MANAGE_ROUTES)
def test_a_member_who_does_not_steer_may_not_run_the_council(panel, method, suffix, body):
    client = api_client_for(panel.reviewers[0])

    response = getattr(client, method)(
        f"/api/v1/councils/{panel.council.pk}/{suffix}", body, format="json"
    )

    assert response.status_code == 403
    assert response.json() == STEERING_ONLY


def test_a_member_may_not_end_assignments_decide_conflicts_amend_or_vote(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    score(assignment, STRONG)
    slate = services.slate_propose(actor=None, council=panel.council)
    other = assign(panel, panel.reviewers[1], panel.pump)
    conflict = services.conflict_declare(actor=None, assignment=other, reason="Cùng tổ dự án")
    client = api_client_for(panel.reviewers[0])
    line = slate.lines.first()

    answers = [
        post(client, f"/api/v1/assignments/{assignment.pk}/end/", {"reason": "x"}),
        post(client, f"/api/v1/conflicts/{conflict.pk}/decide/", {"confirm": True}),
        post(client, f"/api/v1/slates/{slate.pk}/lines/{line.pk}/amend/", {"selected": False}),
        post(client, f"/api/v1/slates/{slate.pk}/vote/", {"method": "hands"}),
    ]

    assert [answer.status_code for answer in answers] == [403] * 4
    assert answers[0].json() == STEERING_ONLY


# Score sheets


def test_a_reviewer_scores_saves_a_draft_then_submits(panel):
    first = assign(panel, panel.reviewers[0], panel.pump)
    second = assign(panel, panel.reviewers[0], panel.net)
    client = api_client_for(panel.reviewers[0])
    url = f"/api/v1/assignments/{first.pk}/sheet/"

    blank = client.get(url).json()
    draft = client.put(url, {"points": {"tinh_moi": 35}, "comment": "Tốt"}, format="json")
    submitted = client.put(url, {"points": STRONG, "submit": True}, format="json")
    mine = client.get("/api/v1/assignments/mine/").json()

    assert blank["sheet"] is None
    assert blank["next"] == second.pk
    assert [c["max_points"] for c in blank["rubric"]["criteria"]] == [40, 30, 30]
    assert (draft.status_code, draft.json()["sheet"]["status"]) == (200, "draft")
    assert draft.json()["sheet"]["total"] == "35.00"
    assert submitted.status_code == 200
    assert submitted.json()["sheet"] | {"updated_at": None, "submitted_at": None} == {
        "points": STRONG, "notes": {}, "comment": "", "total": "87.00", "status": "submitted",
        "status_display": "Đã nộp phiếu", "updated_at": None, "submitted_at": None,
    }  # fmt: skip
    assert mine["progress"] == "1/2"
    assert [(row["id"], row["sheet_status"]) for row in mine["results"]] == [
        (first.pk, "submitted"),
        (second.pk, None),
    ]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"points": {"tinh_moi": 35}, "submit": True},
            [
                "Chưa chấm tiêu chí “Khả năng áp dụng”.",
                "Chưa chấm tiêu chí “Hiệu quả (lợi ích)”.",
            ],
        ),
        (
            {"points": {**STRONG, "tinh_moi": 45}},
            ["Điểm tiêu chí “Tính mới” phải từ 0 đến 40, không thể là 45."],
        ),
    ],
)
def test_a_sheet_that_breaks_the_rubric_is_refused_in_vietnamese(panel, body, errors):
    assignment = assign(panel, panel.reviewers[0], panel.pump)

    response = api_client_for(panel.reviewers[0]).put(
        f"/api/v1/assignments/{assignment.pk}/sheet/", body, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": errors}
    assert not hasattr(Assignment.objects.get(pk=assignment.pk), "sheet")


def test_the_top_band_of_benefit_needs_a_money_value(panel):
    assignment = assign(panel, panel.reviewers[0], panel.notebook)

    response = api_client_for(panel.reviewers[0]).put(
        f"/api/v1/assignments/{assignment.pk}/sheet/", {"points": STRONG}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "Mức điểm 21–30 của tiêu chí “Hiệu quả (lợi ích)” chỉ dành cho sáng kiến có giá "
            "trị làm lợi tính được bằng tiền."
        ]
    }


def test_after_the_deadline_a_sheet_is_refused_until_the_secretary_reopens(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    deadline = dt.datetime(2021, 5, 10, 17, 0, tzinfo=VN)
    services.council_update(actor=None, council=panel.council, data={"deadline": deadline})
    url = f"/api/v1/assignments/{assignment.pk}/sheet/"
    client = api_client_for(panel.reviewers[0])

    late = client.put(url, {"points": STRONG, "submit": True}, format="json")
    closed = client.get(url).json()["scoring_open"]
    reopened = post(api_client_for(panel.secretary), f"{council_url(panel)}reopen/", {
        "until": (timezone.now() + dt.timedelta(days=2)).isoformat(),
        "reason": "Thành viên ốm, nộp bổ sung",
    })  # fmt: skip
    again = client.put(url, {"points": STRONG, "submit": True}, format="json")

    assert late.status_code == 400
    assert late.json() == {
        "non_field_errors": [
            "Đã hết hạn chấm điểm (10/05/2021). Liên hệ thư ký hội đồng nếu cần mở lại."
        ]
    }
    assert closed is False
    assert reopened.status_code == 200
    assert again.status_code == 200


def test_a_blind_council_hides_authors_and_units_from_its_reviewers(panel):
    open_council = assign(panel, panel.reviewers[0], panel.pump)
    client = api_client_for(panel.reviewers[0])
    seen = client.get(f"/api/v1/assignments/{open_council.pk}/sheet/").json()["initiative"]

    made_blind = api_client_for(panel.chair).patch(
        f"/api/v1/councils/{panel.council.pk}/", {"blind": True}, format="json"
    )
    sheet = client.get(f"/api/v1/assignments/{open_council.pk}/sheet/").json()["initiative"]
    row = client.get("/api/v1/assignments/mine/").json()["results"][0]["initiative"]
    listed = client.get(f"/api/v1/councils/{panel.council.pk}/assignments/").json()["results"]
    chairs = api_client_for(panel.chair).get(f"/api/v1/councils/{panel.council.pk}/assignments/")

    assert [a["person"]["full_name"] for a in seen["authors"]] == ["Trần Văn Hải", "Lê Thị Mai"]
    assert seen["unit"]["code"] == "KG-RG-01"
    assert made_blind.json()["blind"] is True
    hidden = {"authors", "unit", "applying_unit_name", "benefit_certified_by"}
    assert hidden & set(sheet) == set()
    assert sheet["novelty"] == "Lắp biến tần cho bơm tăng áp, điều khiển theo áp lực mạng."
    assert "unit" not in row
    assert "unit" not in listed[0]["initiative"]
    assert chairs.json()["results"][0]["initiative"]["unit"]["code"] == "KG-RG-01"
    # Nor in the browsable API's page, form included.
    page = client.get(f"/api/v1/assignments/{open_council.pk}/sheet/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert "Trần Văn Hải" not in page.content.decode()


# Assigning


def test_the_chair_assigns_by_hand_and_automatically(panel):
    client = api_client_for(panel.chair)
    seat = panel.council.members.get(user=panel.reviewers[0])
    url = f"/api/v1/councils/{panel.council.pk}/assignments/"

    by_hand = post(client, url, {"member": seat.pk, "initiative": panel.pump.pk})
    again = post(client, url, {"member": seat.pk, "initiative": panel.pump.pk})
    automatic = post(client, url + "auto/", {"per_item": 2})

    assert by_hand.status_code == 201
    assert (by_hand.json()["member"]["id"], by_hand.json()["source"]) == (seat.pk, "manual")
    assert again.status_code == 400
    assert again.json() == {
        "non_field_errors": [
            f"Không phân công Vũ Văn Một chấm {panel.pump.code}: Đã được phân công chấm sáng "
            "kiến này."
        ]
    }
    assert automatic.json() == {"created": 5, "assignments": 6, "shortfalls": []}


def test_an_initiative_the_council_does_not_review_cannot_be_assigned(kg, panel):
    draft = make_initiative(kg)
    seat = panel.council.members.get(user=panel.reviewers[0])

    response = post(
        api_client_for(panel.chair),
        f"/api/v1/councils/{panel.council.pk}/assignments/",
        {"member": seat.pk, "initiative": draft.pk},
    )

    assert response.status_code == 400
    assert response.json() == {"initiative": ["Sáng kiến không thuộc danh sách hội đồng xét."]}


def test_ending_an_assignment_needs_a_reason(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    client = api_client_for(panel.secretary)
    url = f"/api/v1/assignments/{assignment.pk}/end/"

    bare = post(client, url)
    ended = post(client, url, {"reason": "Thành viên đi công tác dài ngày"})

    assert bare.status_code == 400
    assert bare.json() == {"reason": ["Hãy ghi lý do thay người chấm."]}
    assert (ended.status_code, ended.json()["status"]) == (200, "removed")
    assert ended.json()["end_reason"] == "Thành viên đi công tác dài ngày"


def test_an_outsider_gets_404_on_a_councils_members_and_on_reassigning(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    seat = assignment.member
    url = f"{council_url(panel)}members/{seat.pk}/"
    client = api_client_for(outsider())

    answers = [
        client.patch(url, {"title": "Giám khảo"}, format="json"),
        post(client, f"{url}remove/", {"reason": "Thôi"}),
        post(client, f"/api/v1/assignments/{assignment.pk}/reassign/", {"member": seat.pk}),
    ]

    assert [answer.status_code for answer in answers] == [404] * 3
    assert answers[0].json() == NOT_FOUND
    assert answers[2].json() == {"detail": "Không tìm thấy phân công."}


def test_a_member_may_not_change_seats_or_reassign(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    other = panel.council.members.get(user=panel.reviewers[1])
    url = f"{council_url(panel)}members/{other.pk}/"
    client = api_client_for(panel.reviewers[0])

    answers = [
        client.patch(url, {"role": "chair"}, format="json"),
        post(client, f"{url}remove/", {"reason": "Thôi"}),
        post(client, f"/api/v1/assignments/{assignment.pk}/reassign/", {"member": other.pk}),
    ]

    assert [answer.status_code for answer in answers] == [403] * 3
    assert all(answer.json() == STEERING_ONLY for answer in answers)
    other.refresh_from_db()
    assert (other.role, other.active) == (CouncilRole.MEMBER, True)


# Members


def test_the_province_officer_seats_a_unionist_with_expertise(kg, panel):
    field = kg.programme.fields.get(name="Giáo dục")
    body = {
        "user": kg.official_a.pk, "role": "vice_chair", "title": "Chủ tịch CĐCS",
        "fields": [field.pk], "load_cap": 5,
    }  # fmt: skip

    response = post(api_client_for(kg.province_officer), f"{council_url(panel)}members/", body)

    assert response.status_code == 201
    seat = response.json()
    assert {key: seat[key] for key in ("role", "title", "load_cap", "progress")} == {
        "role": "vice_chair", "title": "Chủ tịch CĐCS", "load_cap": 5, "progress": "0/0",
    }  # fmt: skip
    assert [f["name"] for f in seat["fields"]] == ["Giáo dục"]
    assert CouncilMember.objects.get(pk=seat["id"]).user == kg.official_a


def test_seating_a_user_from_another_province_is_refused(kg, panel):
    stranger = outsider()

    response = post(
        api_client_for(kg.province_officer), f"{council_url(panel)}members/", {"user": stranger.pk}
    )

    assert response.status_code == 400
    assert response.json() == {"user": ["Không tìm thấy tài khoản."]}
    assert not panel.council.members.filter(user=stranger).exists()


def test_a_second_chair_and_a_field_of_another_programme_are_refused(kg, panel):
    other_field = make_programme(kg).fields.first()
    client = api_client_for(kg.province_officer)
    url = f"{council_url(panel)}members/"

    chair = post(client, url, {"user": kg.official_a.pk, "role": "chair"})
    field = post(client, url, {"user": kg.official_a.pk, "fields": [other_field.pk]})

    assert chair.status_code == 400
    assert chair.json() == {"role": ["Hội đồng đã có Chủ tịch Hội đồng."]}
    assert field.json() == {"fields": ["Lĩnh vực không thuộc chương trình này."]}


def test_the_chair_changes_a_seat_only_in_what_is_sent(kg, panel):
    seat = panel.council.members.get(user=panel.reviewers[0])
    field = kg.programme.fields.get(name="Giáo dục")
    client = api_client_for(panel.chair)
    url = f"{council_url(panel)}members/{seat.pk}/"

    titled = client.patch(url, {"title": "Giảng viên", "fields": [field.pk]}, format="json")
    capped = client.patch(url, {"load_cap": 2}, format="json")
    missing = client.patch(f"{council_url(panel)}members/987654/", {}, format="json")

    assert titled.status_code == 200
    assert capped.json() | {"id": None} == {
        "id": None, "name": "Vũ Văn Một", "role": "member", "role_display": "Ủy viên",
        "title": "Giảng viên", "fields": titled.json()["fields"], "load_cap": 2, "done": 0,
        "total": 0, "progress": "0/0",
    }  # fmt: skip
    assert [f["name"] for f in capped.json()["fields"]] == ["Giáo dục"]
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Không tìm thấy thành viên hội đồng."}


def test_removing_a_member_ends_their_open_assignments(panel):
    assign(panel, panel.reviewers[0], panel.pump)
    assign(panel, panel.reviewers[0], panel.net)
    seat = panel.council.members.get(user=panel.reviewers[0])
    url = f"{council_url(panel)}members/{seat.pk}/remove/"
    client = api_client_for(panel.secretary)

    bare = post(client, url)
    removed = post(client, url, {"reason": "Chuyển công tác"})
    again = post(client, url, {"reason": "Chuyển công tác"})

    assert bare.json() == {"reason": ["Hãy ghi lý do."]}
    assert removed.status_code == 200
    assert removed.json() == {"member": seat.pk, "unassigned": 2}
    assert again.status_code == 404
    assert not seat.assignments.filter(status=AssignmentStatus.ACTIVE).exists()


# The rubric


def forming_council(kg: Programme75) -> Council:
    return services.council_create(
        actor=None, level=province_level(kg), unit=kg.province, data={"name": "Hội đồng"}
    )


def rubric_body(**changes: Any) -> dict[str, Any]:
    body = {
        "name": "Thang điểm của hội đồng", "pass_mark": "50",
        "classes": [
            {"label": "A", "min_total": "80", "criterion_code": "moi", "criterion_min": 30},
        ],
        "criteria": [
            {"code": "moi", "name": "Tính mới", "max_points": 50, "minimum": 10,
             "bands": [[41, 50, "Hoàn toàn mới"], {"low": 0, "high": 40, "label": "Cải tiến"}]},
            {"code": "loi_ich", "name": "Lợi ích", "max_points": 50, "weight": "1.5"},
        ],
    }  # fmt: skip
    return body | changes


def test_the_officer_gives_a_council_a_preset_rubric(kg):
    council = forming_council(kg)

    response = post(
        api_client_for(kg.province_officer), f"/api/v1/councils/{council.pk}/rubric/",
        {"preset": "son_la"},
    )  # fmt: skip

    assert response.status_code == 201
    rubric = response.json()["rubric"]
    assert (rubric["preset"], rubric["name"]) == ("son_la", "Sơn La – Mẫu số 03")
    assert [c["code"] for c in rubric["criteria"]] == ["tinh_moi", "kha_nang_ap_dung", "hieu_qua"]
    council.refresh_from_db()
    assert council.rubric is not None and council.rubric.programme == kg.programme


def test_the_officer_writes_a_rubric_out(kg):
    council = forming_council(kg)

    response = post(
        api_client_for(kg.province_officer), f"/api/v1/councils/{council.pk}/rubric/",
        rubric_body(),
    )  # fmt: skip

    assert response.status_code == 201
    rubric = response.json()["rubric"]
    assert (rubric["preset"], rubric["max_total"], rubric["pass_mark"]) == ("", "125.00", "50.00")
    assert rubric["criteria"][0]["bands"] == [
        {"low": 41, "high": 50, "label": "Hoàn toàn mới"},
        {"low": 0, "high": 40, "label": "Cải tiến"},
    ]
    assert rubric["classes"] == [
        {"label": "A", "min_total": "80.00", "criterion_code": "moi", "criterion_min": 30}
    ]


def test_a_rubric_that_cannot_be_used_is_refused_and_nothing_is_made(kg):
    council = forming_council(kg)
    body = rubric_body(
        classes=[{"label": "A", "min_total": "80", "criterion_code": "tinh_moi"}],
        criteria=[
            {"code": "moi", "name": "Tính mới", "max_points": 20, "bands": [[15, 25, "Mới"]]},
            {"code": "moi", "name": "Lợi ích", "max_points": 20},
        ],
    )

    response = post(
        api_client_for(kg.province_officer), f"/api/v1/councils/{council.pk}/rubric/", body
    )
    empty = post(
        api_client_for(kg.province_officer), f"/api/v1/councils/{council.pk}/rubric/",
        rubric_body(criteria=[], classes=[]),
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "Mức điểm 15–25 của tiêu chí “Tính mới” nằm ngoài 0–20.",
            "Mã tiêu chí “moi” bị trùng.",
            "Loại “A” cần cả mã tiêu chí lẫn điểm tối thiểu, hoặc bỏ cả hai.",
        ]
    }
    assert empty.json() == {"non_field_errors": ["Bộ tiêu chí cần ít nhất một tiêu chí."]}
    assert not Rubric.objects.exists()


def test_a_council_with_sheets_keeps_its_rubric(panel):
    score(assign(panel, panel.reviewers[0], panel.pump), STRONG)

    response = post(api_client_for(panel.chair), f"{council_url(panel)}rubric/", {
        "preset": "thai_nguyen",
    })  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {"rubric": ["Đã có phiếu chấm; không đổi được bộ tiêu chí."]}
    assert list(Rubric.objects.all()) == [panel.rubric]


def test_the_chair_replaces_the_rubric_before_any_sheet_is_submitted(panel):
    draft = assign(panel, panel.reviewers[0], panel.pump)
    services.sheet_save(actor=None, assignment=draft, points={"tinh_moi": 20}, submit=False)
    client = api_client_for(panel.chair)

    replaced = client.put(f"{council_url(panel)}rubric/", rubric_body(), format="json")

    assert replaced.status_code == 200
    rubric = replaced.json()["rubric"]
    assert (rubric["id"], rubric["name"]) == (panel.rubric.pk, "Thang điểm của hội đồng")
    assert [(c["code"], c["weight"]) for c in rubric["criteria"]] == [
        ("moi", "1.00"), ("loi_ich", "1.50"),
    ]  # fmt: skip


def test_a_rubric_a_sheet_was_submitted_on_cannot_be_replaced(panel):
    score(assign(panel, panel.reviewers[0], panel.pump), STRONG)

    response = api_client_for(panel.chair).put(
        f"{council_url(panel)}rubric/", rubric_body(), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "Đã có phiếu chấm nộp theo bộ tiêu chí này; không sửa được tiêu chí nữa."
        ]
    }
    assert [c.code for c in panel.rubric.criteria.all()] == [
        "tinh_moi", "kha_nang_ap_dung", "hieu_qua",
    ]  # fmt: skip


def test_a_council_without_a_rubric_has_none_to_replace(kg):
    council = forming_council(kg)

    response = api_client_for(kg.province_officer).put(
        f"/api/v1/councils/{council.pk}/rubric/", rubric_body(), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Hội đồng chưa có bộ tiêu chí chấm điểm."]}


# Reassigning


def test_the_secretary_gives_an_initiative_to_another_member(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    other = panel.council.members.get(user=panel.reviewers[1])
    url = f"/api/v1/assignments/{assignment.pk}/reassign/"
    client = api_client_for(panel.secretary)

    bare = post(client, url, {"member": other.pk})
    reassigned = post(client, url, {"member": other.pk, "reason": "Thành viên ốm"})
    again = post(client, url, {"member": other.pk, "reason": "Thành viên ốm"})

    assert bare.json() == {"reason": ["Hãy ghi lý do thay người chấm."]}
    assert reassigned.status_code == 201
    row = reassigned.json()
    assert (row["member"]["name"], row["initiative"]["code"], row["status"]) == (
        "Vũ Thị Hai", panel.pump.code, "active",
    )  # fmt: skip
    assert again.json() == {"non_field_errors": ["Phân công này đã kết thúc."]}
    assignment.refresh_from_db()
    assert (assignment.status, assignment.end_reason) == (AssignmentStatus.REMOVED, "Thành viên ốm")


def test_reassigning_to_someone_off_the_council_is_refused(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    seat = panel.council.members.get(user=panel.reviewers[1])
    services.member_remove(actor=None, seat=seat, reason="Chuyển công tác")

    response = post(api_client_for(panel.chair), f"/api/v1/assignments/{assignment.pk}/reassign/", {
        "member": seat.pk, "reason": "Thay người",
    })  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {"member": ["Không phải thành viên của hội đồng này."]}
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACTIVE


# Assignments from Excel


PAIRS = ["Mã sáng kiến", "Tài khoản thành viên"]


def upload(client: APIClient, panel: Panel, rows: list[list[Any]], query: str = "") -> Any:
    url = f"{council_url(panel)}assignments/import/{query}"
    return client.post(url, {"file": xlsx(PAIRS, rows, title="Phân công")}, format="multipart")


def test_an_assignment_import_dry_run_previews_and_writes_nothing(panel):
    rows = [[panel.pump.code, "giamkhao_1"], [panel.net.code, "GIAMKHAO_2"]]

    response = upload(api_client_for(panel.secretary), panel, rows, "?dry_run=1")

    assert response.status_code == 200
    assert response.json() == {
        "dry_run": True, "applied": False, "rejected": False,
        "rows": [
            {"row": 2, "action": "create", "action_display": "Thêm mới",
             "label": f"{panel.pump.code} – giamkhao_1"},
            {"row": 3, "action": "create", "action_display": "Thêm mới",
             "label": f"{panel.net.code} – GIAMKHAO_2"},
        ],
        "problems": [], "warnings": [],
    }  # fmt: skip
    assert not Assignment.objects.exists()


def test_an_assignment_import_writes_every_row(panel):
    rows = [[panel.pump.code, "giamkhao_1"], [panel.net.code, "giamkhao_2"]]

    response = upload(api_client_for(panel.secretary), panel, rows)

    assert response.status_code == 201
    assert (response.json()["applied"], len(response.json()["rows"])) == (True, 2)
    imported = Assignment.objects.filter(source=AssignmentSource.IMPORT).order_by("member_id")
    assert [(a.member.user.username, a.initiative) for a in imported] == [
        ("giamkhao_1", panel.pump), ("giamkhao_2", panel.net),
    ]  # fmt: skip


def test_an_assignment_import_with_a_bad_row_names_it_and_writes_nothing(panel):
    rows = [[panel.pump.code, "giamkhao_1"], [panel.net.code, "nguoi_la"], [None, "giamkhao_3"]]

    cell = upload(api_client_for(panel.secretary), panel, rows)
    pair = upload(api_client_for(panel.secretary), panel, rows[:2])
    no_file = post(api_client_for(panel.secretary), f"{council_url(panel)}assignments/import/")

    assert cell.status_code == 400
    assert cell.json()["problems"] == ["Dòng 4, cột “Mã sáng kiến” (A): Ô này không được để trống."]
    assert pair.json()["problems"] == ["Dòng 3: “nguoi_la” không phải thành viên hội đồng."]
    assert (pair.status_code, pair.json()["applied"]) == (400, False)
    assert no_file.status_code == 400
    assert list(no_file.json()) == ["file"]
    assert not Assignment.objects.exists()


# Conflicts of interest


def test_a_declared_conflict_withdraws_the_assignment_until_the_secretary_decides(panel):
    assignment = assign(panel, panel.reviewers[0], panel.pump)
    member = api_client_for(panel.reviewers[0])
    secretary = api_client_for(panel.secretary)

    bare = post(member, f"/api/v1/assignments/{assignment.pk}/conflict/")
    declared = post(
        member, f"/api/v1/assignments/{assignment.pk}/conflict/", {"reason": "Tác giả là em họ"}
    )
    listed = secretary.get(
        f"/api/v1/councils/{panel.council.pk}/conflicts/", {"status": "declared"}
    )
    no_note = post(secretary, f"/api/v1/conflicts/{declared.json()['id']}/decide/", {
        "confirm": False,
    })  # fmt: skip
    rejected = post(secretary, f"/api/v1/conflicts/{declared.json()['id']}/decide/", {
        "confirm": False, "note": "Quan hệ họ xa, không ảnh hưởng",
    })  # fmt: skip

    assert bare.json() == {"reason": ["Hãy ghi rõ quan hệ dẫn đến xung đột lợi ích."]}
    assert declared.status_code == 201
    assert declared.json()["status"] == "declared"
    assert [row["member"]["name"] for row in listed.json()["results"]] == ["Vũ Văn Một"]
    assert no_note.json() == {"note": ["Hãy ghi lý do không chấp nhận khai báo."]}
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["decided_by"] == "Phan Thu Ký"
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACTIVE


# Ranking, slate and vote


def scored_by_everyone(panel: Panel) -> None:
    sheets = {panel.pump: STRONG, panel.net: MIDDLING, panel.notebook: WEAK}
    for user in panel.reviewers:
        for initiative, points in sheets.items():
            score(assign(panel, user, initiative), points)


def test_the_ranking_orders_by_the_chosen_basis_with_the_councils_agreement(panel):
    scored_by_everyone(panel)
    client = api_client_for(panel.chair)
    url = f"{council_url(panel)}ranking/"

    corrected = client.get(url).json()
    raw = client.get(url, {"basis": "raw"}).json()

    assert [row["code"] for row in corrected["results"]] == [
        panel.pump.code, panel.net.code, panel.notebook.code,
    ]  # fmt: skip
    first = corrected["results"][0]
    assert {key: first[key] for key in (
        "sheets", "raw", "corrected", "raw_rank", "corrected_rank", "sd", "range", "disputed",
        "grade", "passed",
    )} == {
        "sheets": 3, "raw": "87.00", "corrected": "87.00", "raw_rank": 1, "corrected_rank": 1,
        "sd": "0.00", "range": "0.00", "disputed": False, "grade": "A", "passed": True,
    }  # fmt: skip
    assert corrected["results"][2]["passed"] is False
    assert corrected["results"][2]["fail_reasons"] == [
        "Tổng điểm 39 thấp hơn điểm đạt 50.",
    ]
    assert corrected["summary"]["basis"] == "corrected"
    assert (corrected["summary"]["sheets"], corrected["summary"]["expected"]) == (9, 9)
    assert corrected["summary"]["flagged"] == []
    assert raw["summary"]["basis"] == "raw"
    assert [row["rank"] for row in raw["results"]] == [1, 2, 3]


def test_a_ranking_needs_a_rubric(kg):
    council = services.council_create(
        actor=None, level=province_level(kg), unit=kg.province, data={"name": "Hội đồng"}
    )

    response = api_client_for(kg.province_officer).get(f"/api/v1/councils/{council.pk}/ranking/")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Hội đồng chưa có bộ tiêu chí chấm điểm."]}


def test_the_chair_proposes_amends_and_the_council_votes(kg, panel):
    scored_by_everyone(panel)
    chair = api_client_for(panel.chair)
    seats = list(panel.council.members.values_list("pk", flat=True))

    proposed = post(chair, f"/api/v1/councils/{panel.council.pk}/slates/")
    slate = proposed.json()
    lines = {line["initiative"]["code"]: line for line in slate["lines"]}
    net = lines[panel.net.code]
    amended = post(chair, f"/api/v1/slates/{slate['id']}/lines/{net['id']}/amend/", {
        "selected": False, "reason": "Chưa có xác nhận giá trị làm lợi",
    })  # fmt: skip
    too_few = post(chair, f"/api/v1/slates/{slate['id']}/vote/", {
        "method": "hands", "present": seats, "in_favour": 3, "against": 2,
    })  # fmt: skip
    passed = post(chair, f"/api/v1/slates/{slate['id']}/vote/", {
        "method": "secret", "present": seats, "in_favour": 4, "against": 1,
        "note": "Thống nhất kết quả",
    })  # fmt: skip
    listed = chair.get(f"/api/v1/councils/{panel.council.pk}/slates/")

    assert proposed.status_code == 201
    assert [line["initiative"]["code"] for line in slate["lines"]] == [
        panel.pump.code, panel.net.code, panel.notebook.code,
    ]  # fmt: skip
    assert (lines[panel.pump.code]["selected"], lines[panel.notebook.code]["selected"]) == (
        True,
        False,
    )
    assert all(line["reason"] for line in slate["lines"])
    amended_net = next(
        line for line in amended.json()["lines"] if line["initiative"]["code"] == panel.net.code
    )
    assert (amended_net["selected"], amended_net["amended"]) == (False, True)
    assert amended_net["amend_reason"] == "Chưa có xác nhận giá trị làm lợi"
    assert too_few.status_code == 201
    assert too_few.json()["status"] == "draft"
    assert [vote["passed"] for vote in too_few.json()["votes"]] == [False]
    assert passed.json()["status"] == "confirmed"
    assert [(v["in_favour"], v["threshold"], v["passed"]) for v in passed.json()["votes"]] == [
        (3, "2/3", False),
        (4, "2/3", True),
    ]
    assert sorted(passed.json()["votes"][1]["present"]) == sorted(seats)
    assert [row["status"] for row in listed.json()["results"]] == [SlateStatus.CONFIRMED]
    panel.council.refresh_from_db()
    panel.pump.refresh_from_db()
    panel.net.refresh_from_db()
    assert panel.council.status == CouncilStatus.DECIDED
    assert (panel.pump.status, panel.net.status) == ("selected", "not_selected")


def test_a_vote_counting_someone_off_the_council_is_refused(panel):
    scored_by_everyone(panel)
    slate = services.slate_propose(actor=None, council=panel.council)
    stranger = make_user("nguoi_ngoai")
    elsewhere = services.council_create(
        actor=None, level=panel.council.level, unit=make_unit(parent=None), data={"name": "Khác"}
    )
    foreign = services.member_add(actor=None, council=elsewhere, user=stranger)

    response = post(api_client_for(panel.chair), f"/api/v1/slates/{slate.pk}/vote/", {
        "method": "hands", "present": [foreign.pk], "in_favour": 1, "against": 0,
    })  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {"present": ["Có người không phải thành viên hội đồng."]}


def test_plain_members_read_results_only_once_the_council_has_decided(panel):
    scored_by_everyone(panel)
    services.council_update(actor=None, council=panel.council, data={"blind": True})
    slate = services.slate_propose(actor=None, council=panel.council)
    member = api_client_for(panel.reviewers[0])
    urls = [
        f"{council_url(panel)}ranking/", f"{council_url(panel)}slates/",
        f"/api/v1/slates/{slate.pk}/",
    ]  # fmt: skip
    before = [member.get(url) for url in urls]
    seats = list(panel.council.members.all())
    services.slate_vote(
        actor=None, slate=slate, method="hands", present=seats, in_favour=5, against=0
    )

    after = [member.get(url) for url in urls]

    assert [response.status_code for response in before] == [403] * 3
    assert before[0].json() == {
        "detail": "Kết quả chỉ hiện cho thường trực hội đồng cho đến khi biểu quyết."
    }
    assert [response.status_code for response in after] == [200] * 3
    assert after[2].json()["lines"][0]["initiative"]["unit"]["code"] == "KG-RG-01"


# Query counts


@pytest.mark.parametrize("rows", [1, 3])
def test_council_list_query_count_does_not_grow_with_rows(kg, django_assert_max_num_queries, rows):
    member = reviewer("chuyengia", "Hồ Chuyên Gia")
    places = [
        (province_level(kg), kg.province),
        (kg.programme.levels.get(tier=Tier.UPPER), kg.district),
        (kg.programme.levels.get(tier=Tier.UPPER), kg.sector),
    ]
    for level, unit in places[:rows]:
        council = services.council_create(
            actor=None, level=level, unit=unit, data={"name": f"Hội đồng {unit.code}"}
        )
        services.member_add(actor=None, council=council, user=member)
    client = api_client_for(member)

    # Session, user, the units whose councils they see, count, page.
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/councils/")

    assert response.json()["count"] == rows


def three_assigned(panel: Panel, rows: int) -> User:
    user = panel.reviewers[0]
    for initiative in [panel.pump, panel.net, panel.notebook][:rows]:
        score(assign(panel, user, initiative), WEAK)
    return user


@pytest.mark.parametrize("rows", [1, 3])
def test_my_assignments_query_count_does_not_grow_with_rows(
    panel, django_assert_max_num_queries, rows
):
    client = api_client_for(three_assigned(panel, rows))

    # Session, user, count, page, progress.
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/assignments/mine/")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_council_assignments_query_count_does_not_grow_with_rows(
    panel, django_assert_max_num_queries, rows
):
    three_assigned(panel, rows)
    client = api_client_for(panel.chair)

    # Session, user, the funnel (the units whose councils they see, the council), may they run
    # it (the units they run, their seat), count, page.
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/councils/{panel.council.pk}/assignments/")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_ranking_query_count_does_not_grow_with_rows(kg, django_assert_max_num_queries, rows):
    rubric = services.rubric_create(actor=None, programme=kg.programme, spec=PRESETS["da_nang"])
    council = services.council_create(
        actor=None, level=province_level(kg), unit=kg.province,
        data={"name": "Hội đồng", "rubric": rubric, "deadline": SOON},
    )  # fmt: skip
    member = reviewer("chuyengia", "Hồ Chuyên Gia")
    seat = services.member_add(actor=None, council=council, user=member)
    services.council_open(actor=None, council=council)
    teacher = make_person("Nguyễn Thị Lan", unit=kg.union_s, gender="nu")
    unions = [
        (kg.union_a, [(kg.author, Decimal(100))]),
        (kg.union_a2, [(kg.outsider_author, Decimal(100))]),
        (kg.union_s, [(teacher, Decimal(100))]),
    ]
    for unit, authors in unions[:rows]:
        initiative = make_initiative(kg, unit=unit, authors=authors)
        climb_to_province(kg, initiative)
        assignment = services.assignment_add(
            actor=None, council=council, seat=seat, initiative=initiative
        )
        score(assignment, MIDDLING)
    client = api_client_for(kg.province_officer)

    # Session, user, the funnel (the officer's units and those they took over (3), the
    # council), may they read results (the units they run and those taken over (3)), criteria,
    # the standings' fingerprint (sheets, assignments, initiatives), sheets, stages, the
    # initiatives' scoring facts, assignments, the page's initiatives with authors and people
    # (3), seats.
    with django_assert_max_num_queries(21):
        response = client.get(f"/api/v1/councils/{council.pk}/ranking/")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_slate_and_conflict_lists_query_count_does_not_grow_with_rows(
    panel, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        services.slate_propose(actor=None, council=panel.council)
    for user in panel.reviewers[:rows]:
        assignment = assign(panel, user, panel.pump)
        services.conflict_declare(actor=None, assignment=assignment, reason="Người quen")
    client = api_client_for(panel.secretary)

    # Session, user, the funnel (the units whose councils they see, the council), may they run
    # it (the units they run, their seat), count, page.
    with django_assert_max_num_queries(8):
        slates = client.get(f"/api/v1/councils/{panel.council.pk}/slates/")
    with django_assert_max_num_queries(8):
        conflicts = client.get(f"/api/v1/councils/{panel.council.pk}/conflicts/")

    assert slates.json()["count"] == rows
    assert conflicts.json()["count"] == rows


# Schema


def test_schema_lists_the_review_paths(db):
    schema = APIClient().get("/api/v1/openapi.json").json()

    assert {
        "/api/v1/councils/", "/api/v1/councils/{id}/", "/api/v1/councils/{id}/open/",
        "/api/v1/councils/{id}/reopen/", "/api/v1/councils/{id}/assignments/",
        "/api/v1/councils/{id}/assignments/auto/", "/api/v1/councils/{id}/ranking/",
        "/api/v1/councils/{id}/slates/", "/api/v1/councils/{id}/conflicts/",
        "/api/v1/assignments/mine/", "/api/v1/assignments/{id}/end/",
        "/api/v1/assignments/{id}/sheet/", "/api/v1/assignments/{id}/conflict/",
        "/api/v1/slates/{id}/", "/api/v1/slates/{id}/lines/{line_pk}/amend/",
        "/api/v1/slates/{id}/vote/", "/api/v1/conflicts/{id}/decide/",
        "/api/v1/councils/{id}/members/", "/api/v1/councils/{id}/members/{member_pk}/",
        "/api/v1/councils/{id}/members/{member_pk}/remove/", "/api/v1/councils/{id}/rubric/",
        "/api/v1/councils/{id}/assignments/import/", "/api/v1/assignments/{id}/reassign/",
    } <= set(schema["paths"])  # fmt: skip
    assert {"CouncilStatusEnum", "AssignmentStatusEnum", "SheetStatusEnum"} <= set(
        schema["components"]["schemas"]
    )
