import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import client_for
from tests.initiatives.conftest import BEFORE, climb_to_province, kg, make_initiative  # noqa: F401
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Programme
from thidua.initiatives import services
from thidua.initiatives.models import Initiative

FUTURE = dt.datetime(2099, 1, 1, 17, 0, tzinfo=dt.UTC)
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def open_all_deadlines(kg):
    for level in kg.programme.levels.all():
        campaigns.deadline_extend(
            actor=None, level=level, unit=None, deadline=FUTURE, reason="Mở lại để thử"
        )


def test_a_grassroots_official_sees_what_the_programme_asks_and_by_when(kg):
    response = client_for(kg.official_a).get(
        reverse("web:programme_detail", args=[kg.programme.pk])
    )

    assert (
        "Hạn nhận sáng kiến của đoàn viên: <strong>17:00 ngày 10/04/2021</strong>" in response.text
    )
    assert "Hạn chuyển sáng kiến lên cấp “Công đoàn cấp trên cơ sở”" in response.text


def test_registering_an_initiative_with_two_coauthors_and_an_attachment(kg):
    client = client_for(kg.official_a)
    url = reverse("web:initiative_create") + f"?chuong_trinh={kg.programme.pk}"

    response = client.post(
        url,
        {
            "chuong_trinh": kg.programme.pk,
            "don_vi": kg.union_a.pk,
            "title": "Tự động hóa đóng mở van trạm bơm",
            "solution_kind": "ky_thuat",
            "field": kg.programme.fields.get(name="Sản xuất kinh doanh").pk,
            "first_applied_on": "2021-02-01",
            "novelty": "Dùng PLC",
            "benefit_value": "1,2 tỷ",
            "author_0": kg.author.pk,
            "share_0": "70",
            "author_1": kg.coauthor.pk,
            "share_1": "30",
            "file": SimpleUploadedFile("mo-ta.pdf", PDF),
        },
    )

    initiative = Initiative.objects.get(title="Tự động hóa đóng mở van trạm bơm")
    assert response.status_code == 302
    assert initiative.benefit_value == 1_200_000_000
    assert [(a.person, int(a.share)) for a in initiative.authorships.all()] == [
        (kg.author, 70),
        (kg.coauthor, 30),
    ]
    assert initiative.attachments.get().name == "mo-ta.pdf"


def test_shares_that_do_not_sum_to_100_are_shown_on_the_form(kg):
    response = client_for(kg.official_a).post(
        reverse("web:initiative_create") + f"?chuong_trinh={kg.programme.pk}",
        {
            "chuong_trinh": kg.programme.pk,
            "don_vi": kg.union_a.pk,
            "title": "Thử",
            "solution_kind": "ky_thuat",
            "field": kg.programme.fields.first().pk,
            "first_applied_on": "2021-02-01",
            "author_0": kg.author.pk,
            "share_0": "60",
            "author_1": kg.coauthor.pk,
            "share_1": "30",
        },
    )

    assert response.status_code == 200
    assert "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)." in response.text
    assert not Initiative.objects.exists()


def test_a_late_submission_is_refused_with_a_clear_message(kg):
    initiative = make_initiative(kg)
    client = client_for(kg.official_a)

    response = client.post(reverse("web:initiative_submit", args=[initiative.pk]), follow=True)

    assert "Đã quá hạn nộp của cấp “Công đoàn cơ sở” (hạn 17:00 ngày 10/04/2021)" in response.text
    initiative.refresh_from_db()
    assert initiative.status == "draft"


def test_submit_endorse_and_forward_in_the_web_ui(kg):
    open_all_deadlines(kg)
    initiative = make_initiative(kg)
    client = client_for(kg.official_a)

    client.post(reverse("web:initiative_submit", args=[initiative.pk]))
    client.post(reverse("web:initiative_select", args=[initiative.pk]))
    client.post(reverse("web:initiative_forward", args=[initiative.pk]))

    initiative.refresh_from_db()
    assert initiative.current_unit == kg.district
    page = client_for(kg.district_officer).get(
        reverse("web:initiative_detail", args=[initiative.pk])
    )
    assert page.status_code == 200
    assert "Chọn ở cấp này" in page.text


def test_bulk_forward_reports_each_initiative(kg):
    open_all_deadlines(kg)
    items = [make_initiative(kg) for _ in range(3)]
    for item in items:
        services.initiative_submit(actor=None, initiative=item)
        services.initiative_decide(actor=None, initiative=item, selected=True)

    response = client_for(kg.official_a).post(
        reverse("web:initiative_bulk"),
        {"action": "chuyen", "chon": [i.pk for i in items]},
        follow=True,
    )

    assert "Đã xử lý 2 sáng kiến." in response.text
    assert "đã chuyển đủ 2 sáng kiến" in response.text


def test_another_union_gets_404_for_an_initiative_and_its_file(kg):
    initiative = make_initiative(kg)
    attachment = services.attachment_add(
        actor=None, initiative=initiative, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    outsider = client_for(kg.official_a2)

    assert outsider.get(reverse("web:initiative_detail", args=[initiative.pk])).status_code == 404
    assert outsider.get(reverse("web:attachment_download", args=[attachment.pk])).status_code == 404
    download = client_for(kg.official_a).get(
        reverse("web:attachment_download", args=[attachment.pk])
    )
    assert (download.status_code, download["X-Content-Type-Options"]) == (200, "nosniff")


def test_a_confidential_initiative_shows_only_public_fields_at_the_province(kg):
    initiative = make_initiative(kg, confidential=True, novelty="Bí quyết pha trộn phụ gia")
    climb_to_province(kg, initiative)

    page = client_for(kg.province_officer).get(
        reverse("web:initiative_detail", args=[initiative.pk])
    )

    assert initiative.title in page.text
    assert "Bí quyết pha trộn phụ gia" not in page.text
    assert kg.author.full_name not in page.text


def test_the_province_sees_a_progress_board_of_its_children(kg):
    climb_to_province(kg, make_initiative(kg))

    page = client_for(kg.province_officer).get(
        reverse("web:programme_detail", args=[kg.programme.pk])
    )

    assert "đã nộp 1/2 CĐCS" in page.text
    assert kg.sector.name in page.text


def test_list_search_ignores_diacritics(kg):
    make_initiative(kg)

    page = client_for(kg.official_a).get(reverse("web:initiative_list"), {"q": "bom tang ap"})

    assert page.context["page"].paginator.count == 1


@pytest.mark.parametrize("count", [1, 3])
def test_initiative_list_query_count_does_not_grow_with_rows(
    kg, count, django_assert_max_num_queries
):
    for _ in range(count):
        make_initiative(kg)
    client = client_for(kg.official_a)

    # +3 over the rows: the units the user took over (merged, dissolved) and their past paths;
    # +1: whether a grassroots official sits on a council (the menu shows it then)
    with django_assert_max_num_queries(26):
        response = client.get(reverse("web:initiative_list"), {"chuong_trinh": kg.programme.pk})

    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_programme_list_query_count_does_not_grow_with_rows(
    kg, count, django_assert_max_num_queries
):
    for index in range(count - 1):
        campaigns.programme_create(
            actor=None,
            name=f"Chương trình {index}",
            code=f"P{index}",
            running_unit=kg.province,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
            levels=[{"name": "Tỉnh", "tier": 1, "deadline": FUTURE}],
        )
    client = client_for(kg.province_officer)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("web:programme_list"))

    assert len(response.context["programmes"]) == count


def test_an_officer_creates_and_launches_a_programme(kg):
    client = client_for(kg.province_officer)

    response = client.post(
        reverse("web:programme_create"),
        {
            "name": "Sáng kiến vì người lao động 2026",
            "code": "KG26",
            "running_unit": kg.province.code,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "fields_text": "Sản xuất kinh doanh\nKhác",
            "level_3_on": "on",
            "level_3_deadline": "2026-06-30T17:00",
            "level_1_on": "on",
            "level_1_deadline": "2026-07-15T17:00",
            "level_1_has_council": "on",
        },
    )
    programme = Programme.objects.get(code="KG26")
    client.post(reverse("web:programme_launch", args=[programme.pk]))

    programme.refresh_from_db()
    assert response.status_code == 302
    assert [lvl.name for lvl in programme.levels.all()] == [
        "Công đoàn cơ sở",
        "Liên đoàn Lao động tỉnh, thành phố / Công đoàn ngành trung ương",
    ]
    assert programme.status == "launched"


def test_the_programme_page_counts_what_reached_the_unit_per_field(kg):
    climb_to_province(kg, make_initiative(kg))
    climb_to_province(kg, make_initiative(kg))

    page = client_for(kg.province_officer).get(
        reverse("web:programme_detail", args=[kg.programme.pk])
    )

    by_field = {row["field__name"]: row["n"] for row in page.context["by_field"]}
    assert by_field == {"Sản xuất kinh doanh": 2}


def test_the_board_links_each_child_to_its_initiatives_filtered_by_unit(kg):
    climb_to_province(kg, make_initiative(kg))
    client = client_for(kg.province_officer)
    board = client.get(reverse("web:programme_detail", args=[kg.programme.pk])).text
    link = f"?chuong_trinh={kg.programme.pk}&amp;don_vi={kg.district.pk}"

    page = client.get(
        reverse("web:initiative_list"), {"chuong_trinh": kg.programme.pk, "don_vi": kg.district.pk}
    )

    assert link in board
    assert page.context["page"].paginator.count == 1
    assert "bỏ lọc đơn vị" in page.text


def test_wrong_shares_are_shown_together_with_the_other_mistakes(kg):
    response = client_for(kg.official_a).post(
        reverse("web:initiative_create") + f"?chuong_trinh={kg.programme.pk}",
        {"chuong_trinh": kg.programme.pk, "don_vi": kg.union_a.pk, "title": "Thử",
         "solution_kind": "ky_thuat", "first_applied_on": "2021-02-01", "benefit_value": "1,2,3 tỷ",
         "author_0": kg.author.pk, "share_0": "60", "author_1": kg.coauthor.pk, "share_1": "30"},
    )  # fmt: skip

    form = response.context["form"]
    assert set(form.errors) == {"field", "benefit_value", "share_0"}
    assert "(hiện là 90%)" in form.errors["share_0"][0]
