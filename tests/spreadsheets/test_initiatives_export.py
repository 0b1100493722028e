"""Exporting initiative lists: exactly the rows the web list shows for the same filters, only
the public fields of what the user may not read in full, and a query count that does not
grow with the rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.http import Http404, QueryDict
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import client_for
from tests.factories import make_person, make_unit
from tests.initiatives.conftest import (  # noqa: F401 - kg is a fixture
    BEFORE,
    UPPER_DEADLINE,
    climb_to_province,
    kg,
    make_initiative,
)
from tests.spreadsheets.conftest import read_back
from thidua.campaigns import services as campaigns
from thidua.initiatives.permissions import initiatives_for_user
from thidua.initiatives.selectors import InitiativeFilters, initiative_list
from thidua.orgs.enums import Tier
from thidua.spreadsheets.initiative_exports import initiatives_export
from thidua.spreadsheets.initiative_filters import filters_from_query

HEADERS = (
    "STT", "Mã", "Tên sáng kiến", "Tác giả (tỷ lệ)", "Đơn vị (CĐCS)", "Lĩnh vực",
    "Loại giải pháp", "Giá trị làm lợi (đồng)", "Ngày áp dụng", "Tình trạng", "Cấp đang xét",
    "Đơn vị đang giữ",
)  # fmt: skip


def exported(user, filters=None) -> list[tuple[Any, ...]]:
    """The rows, each as wide as the header (Excel drops the empty cells that end a row)."""
    with initiatives_export(user=user, filters=filters or InitiativeFilters()) as out:
        rows = read_back(out.read())
    return [row + (None,) * (len(HEADERS) - len(row)) for row in rows]


def field(kg, name):
    return kg.programme.fields.get(name=name)


def other_province_programme():
    an_giang = make_unit("Liên đoàn Lao động tỉnh An Giang", code="AG", kind="ldld_tinh")
    programme = campaigns.programme_create(
        actor=None, name="Sáng tạo An Giang", code="AG25", running_unit=an_giang,
        starts_on=dt.date(2021, 3, 1), ends_on=dt.date(2021, 6, 30),
        levels=[{"name": "LĐLĐ tỉnh", "tier": Tier.PROVINCE, "deadline": UPPER_DEADLINE}],
    )  # fmt: skip
    campaigns.programme_launch(actor=None, programme=programme)
    return programme


def test_export_writes_every_column_of_a_row(kg):
    initiative = make_initiative(kg)
    climb_to_province(kg, initiative)

    header, row = exported(kg.official_a)

    assert header == HEADERS
    assert row == (
        1, "KG75-00001", "Cải tiến hệ thống bơm tăng áp trạm cấp nước Rạch Sỏi",
        "Trần Văn Hải (70%); Lê Thị Mai (30%)", kg.union_a.name, "Sản xuất kinh doanh",
        "Giải pháp kỹ thuật", 1_200_000_000, dt.datetime(2021, 2, 15), "Đã nộp, chờ xét",
        "LĐLĐ tỉnh", kg.province.name,
    )  # fmt: skip


def test_benefit_is_a_number_shown_with_thousands_separators(kg):
    make_initiative(kg)

    with initiatives_export(user=kg.official_a, filters=InitiativeFilters()) as out:
        sheet = load_workbook(out).worksheets[0]

    assert (sheet["H2"].value, sheet["H2"].number_format) == (1_200_000_000, "#,##0")
    assert sheet["I2"].number_format == "DD/MM/YYYY"


def test_export_holds_exactly_the_rows_of_the_filtered_list(kg):
    production = field(kg, "Sản xuất kinh doanh")
    make_initiative(kg, title="Nhỏ", benefit_value=50_000_000)
    make_initiative(kg, title="Vừa", benefit_value=300_000_000)
    make_initiative(kg, title="Lớn", benefit_value=2_000_000_000)
    make_initiative(kg, title="Vừa, lĩnh vực khác", benefit_value=400_000_000,
                    field=field(kg, "Môi trường"))  # fmt: skip
    filters = InitiativeFilters(
        field_id=production.pk, benefit_min=100_000_000, benefit_max=1_000_000_000, sort="ten"
    )
    listed = initiative_list(initiatives=initiatives_for_user(kg.official_a), filters=filters)

    rows = exported(kg.official_a, filters)[1:]

    assert [row[2] for row in rows] == [initiative.title for initiative in listed] == ["Vừa"]


def test_export_view_reads_the_web_lists_query_string(kg):
    make_initiative(kg, title="Nhỏ", benefit_value=50_000_000)
    make_initiative(kg, title="Vừa", benefit_value=300_000_000)
    make_initiative(kg, title="Lớn", benefit_value=2_000_000_000)
    make_initiative(kg, title="Môi trường", benefit_value=300_000_000,
                    field=field(kg, "Môi trường"))  # fmt: skip
    query = (
        f"?chuong_trinh={kg.programme.pk}&linh_vuc={field(kg, 'Sản xuất kinh doanh').pk}"
        "&gia_tri_tu=100+triệu&gia_tri_den=2.000.000.000&sap_xep=gia-tri"
    )

    response = client_for(kg.official_a).get(reverse("spreadsheets:initiative_export") + query)
    rows = read_back(b"".join(response.streaming_content))

    assert response["Content-Disposition"].startswith('attachment; filename="thidua-sang-kien-')
    assert [(row[0], row[2]) for row in rows[1:]] == [(1, "Lớn"), (2, "Vừa")]


def test_export_shows_the_province_officer_only_the_public_fields_of_a_confidential_one(kg):
    climb_to_province(kg, make_initiative(kg, confidential=True))

    officer_row = exported(kg.province_officer)[1]
    union_row = exported(kg.official_a)[1]

    assert officer_row == (
        1, "KG75-00001", "Cải tiến hệ thống bơm tăng áp trạm cấp nước Rạch Sỏi", None,
        kg.union_a.name, "Sản xuất kinh doanh", None, 1_200_000_000, None, "Đã nộp, chờ xét",
        None, None,
    )  # fmt: skip
    assert union_row[3:9] == (
        "Trần Văn Hải (70%); Lê Thị Mai (30%)", kg.union_a.name, "Sản xuất kinh doanh",
        "Giải pháp kỹ thuật", 1_200_000_000, dt.datetime(2021, 2, 15),
    )  # fmt: skip


def test_export_holds_nothing_that_did_not_reach_the_user(kg):
    make_initiative(kg, title="Của CĐ Cấp thoát nước")
    make_initiative(kg, unit=kg.union_a2, title="Của CĐ Cảng cá",
                    authors=[(kg.outsider_author, Decimal(100))])  # fmt: skip

    assert [row[2] for row in exported(kg.official_a2)[1:]] == ["Của CĐ Cảng cá"]
    assert exported(kg.province_officer)[1:] == []


# session, user, the user's memberships, the units they took over (merged, dissolved), the
# rows, their authors, and the count that lets a short list download at once
EXPORT_QUERIES = 8


@pytest.mark.parametrize("count", [1, 3])
def test_export_query_count_does_not_grow_with_rows(kg, count, django_assert_max_num_queries):
    unions = [kg.union_a, kg.union_a2, kg.union_s][:count]
    for number, union in enumerate(unions):
        author = make_person(f"Tác Giả {number}", unit=union)
        initiative = make_initiative(
            kg, unit=union, authors=[(author, Decimal(100))], confidential=number == 1
        )
        climb_to_province(kg, initiative)
    client = client_for(kg.province_officer)

    # +1 once a confidential initiative asks which initiatives the user reviews on a council.
    with django_assert_max_num_queries(EXPORT_QUERIES + 1):
        response = client.get(reverse("spreadsheets:initiative_export"))
        rows = read_back(b"".join(response.streaming_content))

    assert len(rows) == 1 + count


def test_filters_from_query_reads_every_parameter(kg):
    level = kg.programme.levels.get(order=2)
    production = field(kg, "Sản xuất kinh doanh")
    query = QueryDict(
        f"chuong_trinh={kg.programme.pk}&cap={level.pk}&don_vi={kg.district.pk}"
        f"&linh_vuc={production.pk}&tinh_trang=submitted&loai=ky_thuat&gia_tri_tu=1,2+tỷ"
        "&gia_tri_den=2000000000&q=+bơm+&sap_xep=gia-tri"
    )

    filters = filters_from_query(kg.district_officer, query)

    assert filters == InitiativeFilters(
        programme=kg.programme, level=level, unit=kg.district, field_id=production.pk,
        status="submitted", solution_kind="ky_thuat", benefit_min=1_200_000_000,
        benefit_max=2_000_000_000, query="bơm", sort="gia-tri",
    )  # fmt: skip


def test_filters_from_query_leaves_out_what_it_cannot_read(kg):
    query = QueryDict("linh_vuc=abc&tinh_trang=xoa&loai=x&gia_tri_tu=nhieu&sap_xep=bua&q=")

    assert filters_from_query(kg.official_a, query) == InitiativeFilters()


@pytest.mark.parametrize("name", ["chuong_trinh", "cap", "don_vi"])
def test_filters_from_query_is_404_for_what_the_user_cannot_see(kg, name):
    other = other_province_programme()
    values = {
        "chuong_trinh": other.pk,
        "cap": other.levels.get().pk,
        "don_vi": kg.union_a2.pk,
    }

    with pytest.raises(Http404):
        filters_from_query(kg.official_a, QueryDict(f"{name}={values[name]}"))
    response = client_for(kg.official_a).get(
        reverse("spreadsheets:initiative_export") + f"?{name}={values[name]}"
    )
    assert response.status_code == 404


def test_a_level_of_another_programme_than_the_one_chosen_is_404(kg):
    other = other_province_programme()
    query = QueryDict(f"chuong_trinh={kg.programme.pk}&cap={other.levels.get().pk}")

    with pytest.raises(Http404):
        filters_from_query(kg.province_officer, query)
