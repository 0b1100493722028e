"""The plan's default wording: pure functions over names, tested without the database."""

from __future__ import annotations

import pytest

from thidua.events.wording import (
    Locality,
    as_list,
    guest_group_names,
    is_union_chair,
    locality,
    tasks_lines,
    title_from_cycle,
)


def test_the_conference_takes_its_name_from_a_cycle_of_honouring():
    name = "Biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"

    assert title_from_cycle(name) == (
        "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
    )


def test_a_cycle_named_otherwise_is_quoted_after_the_conference_word():
    assert title_from_cycle("Xét khen thưởng năm 2025") == (
        "Hội nghị biểu dương, khen thưởng: Xét khen thưởng năm 2025"
    )


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Liên đoàn Lao động huyện An Lão", Locality("huyện", "An Lão")),
        ("Liên đoàn Lao động thành phố Hải Phòng", Locality("thành phố", "Hải Phòng")),
        ("Liên đoàn Lao động thị xã Kinh Môn", Locality("thị xã", "Kinh Môn")),
        ("Liên đoàn Lao động tỉnh Kiên Giang", Locality("tỉnh", "Kiên Giang")),
        ("Công đoàn Dầu khí Việt Nam", None),
        ("Liên đoàn Lao động huyện", None),
    ],
)
def test_a_federation_is_named_after_its_locality(name, found):
    assert locality(name) == found


def test_list_items_end_with_semicolons_and_the_last_with_a_full_stop():
    assert as_list(["Một;", "  Hai  ", "", "Ba."]) == ["Một;", "Hai;", "Ba."]


def test_a_district_federation_invites_the_city_the_district_and_its_unions():
    groups = guest_group_names(
        organiser_name="Liên đoàn Lao động huyện An Lão",
        parent_name="Liên đoàn Lao động thành phố Hải Phòng",
        province_place="Hải Phòng",
    )

    assert groups == [
        "Đại biểu Thường trực, các Ban Liên đoàn Lao động thành phố Hải Phòng;",
        "Đại biểu Lãnh đạo Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc "
        "Việt Nam huyện; một số phòng, ban, ngành, đoàn thể huyện;",
        "Các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, Ủy ban Kiểm tra Liên đoàn Lao "
        "động huyện An Lão;",
        "Các đồng chí Chủ tịch công đoàn cơ sở;",
        "Đại diện lãnh đạo chuyên môn, Công đoàn các đơn vị cơ sở có cá nhân được biểu dương tại "
        "Hội nghị;",
        "Phóng viên: Đài Phát thanh và Truyền hình Hải Phòng, Trung tâm Văn hóa, Thông tin và Thể "
        "thao huyện.",
    ]


def test_a_province_invites_its_departments_and_a_grassroots_union_no_chairs():
    province = guest_group_names(
        organiser_name="Liên đoàn Lao động tỉnh Kiên Giang",
        parent_name="Tổng Liên đoàn Lao động Việt Nam",
        province_place="Kiên Giang",
        is_province=True,
    )
    grassroots = guest_group_names(
        organiser_name="Công đoàn Công ty TNHH Cơ khí An Lão", is_grassroots=True
    )

    assert "Đại biểu Lãnh đạo Tỉnh ủy" in province[1]
    assert "một số sở, ban, ngành, đoàn thể tỉnh" in province[1]
    assert province[-1] == "Phóng viên: Đài Phát thanh và Truyền hình Kiên Giang."
    assert not any("Chủ tịch công đoàn cơ sở" in group for group in grassroots)
    assert grassroots[-1] == "Phóng viên các cơ quan báo chí."


def test_the_tasks_name_the_organiser_and_the_deadline_for_dossiers():
    tasks = tasks_lines(
        organiser_name="Liên đoàn Lao động huyện An Lão",
        year=2023,
        deadline_words="trước ngày 13/7/2024",
    )

    assert tasks[0].startswith(
        "Liên đoàn Lao động huyện An Lão: Hướng dẫn, tổng hợp hồ sơ, xét chọn"
    )
    assert tasks[1] == (
        "Công đoàn cơ sở: Xem xét, lựa chọn các cá nhân đủ điều kiện, tiêu chuẩn theo quy định; "
        "hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện An Lão (trước ngày 13/7/2024)."
    )


@pytest.mark.parametrize(
    ("position", "chair"),
    [
        ("Chủ tịch Công đoàn cơ sở", True),
        ("Chủ tịch CĐCS", True),
        ("CHỦ TỊCH CÔNG ĐOÀN", True),
        ("Chủ tịch", True),
        ("Phó Chủ tịch Công đoàn cơ sở", False),
        ("Chủ tịch Ủy ban nhân dân", False),
        ("Giám đốc", False),
        ("", False),
    ],
)
def test_the_chair_of_a_grassroots_union_is_told_by_their_position(position, chair):
    assert is_union_chair(position) is chair
