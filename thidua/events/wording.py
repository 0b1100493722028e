"""The plan's default wording (Kế hoạch tổ chức Hội nghị biểu dương, seed 000), worded from the
organiser's place in the tree and the cycle it honours. Pure functions over names and dates, so
the staff start from a draft that reads like theirs and edit it.

Data stays Vietnamese in every locale: these are the document's words, not the interface's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thidua.common.vietnamese import fold

# A district's or a province's local bodies, by the word its federation's name uses.
PARTY_COMMITTEE = {
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
    "thành phố": "Thành ủy",
    "tỉnh": "Tỉnh ủy",
}
FEDERATION = "Liên đoàn Lao động"


@dataclass(frozen=True)
class Locality:
    """Where a federation works: "huyện", "An Lão"."""

    level: str
    place: str


def locality(unit_name: str) -> Locality | None:
    """The level and place of a federation named after its locality ("Liên đoàn Lao động
    huyện An Lão" -> huyện, An Lão); None for a union named after a sector or a company."""
    if not unit_name.startswith(FEDERATION + " "):
        return None
    rest = unit_name[len(FEDERATION) + 1 :]
    # Longest first: "thành phố" and "thị xã" before any one-word level.
    for level in sorted(PARTY_COMMITTEE, key=len, reverse=True):
        if rest.startswith(level + " ") and rest[len(level) + 1 :].strip():
            return Locality(level=level, place=rest[len(level) + 1 :].strip())
    return None


def title_from_cycle(cycle_name: str) -> str:
    """The conference's name from the cycle's: "Biểu dương Lao động sáng tạo … năm 2023" ->
    "Hội nghị biểu dương Lao động sáng tạo … năm 2023"."""
    name = " ".join(cycle_name.split())
    if fold(name).startswith("bieu duong "):
        return "Hội nghị biểu dương " + name[len("Biểu dương ") :]
    return f"Hội nghị biểu dương, khen thưởng: {name}"


def as_list(items: Sequence[str]) -> list[str]:
    """Items of a list in a document: each ends with ";", the last with "." (unless it already
    ends with a mark of its own)."""
    cleaned = [" ".join(item.split()).rstrip(";.,") for item in items if item.strip()]
    return [
        item + ("." if index == len(cleaned) - 1 else ";") for index, item in enumerate(cleaned)
    ]


def basis_text(*, organiser_name: str, title: str, year: int) -> str:
    """The plan's opening paragraph."""
    return (
        f"Thực hiện Chương trình công tác năm {year} của Ban Chấp hành {organiser_name}, "
        f"{organiser_name} tổ chức {title}, cụ thể như sau:"
    )


def purposes_lines(year: int) -> list[str]:
    """Section I, as most plans word it, for the year honoured."""
    return [
        f"Đánh giá kết quả phong trào thi đua năm {year}; khẳng định kết quả, bài học kinh "
        "nghiệm về tổ chức các phong trào thi đua, công tác khen thưởng, việc xây dựng và nhân "
        "rộng điển hình tiên tiến; chỉ rõ những tồn tại, hạn chế và đề ra các giải pháp trong "
        "thời gian tới.",
        "Biểu dương, tôn vinh công nhân, viên chức, người lao động, cán bộ công đoàn có thành "
        f"tích xuất sắc năm {year}.",
        "Hội nghị được tổ chức thiết thực, hiệu quả, tiết kiệm, tránh hình thức, lãng phí.",
    ]


def tasks_lines(*, organiser_name: str, year: int, deadline_words: str) -> list[str]:
    """Section VI: the organiser's work and the grassroots unions' ("trước ngày 13/7/2024")."""
    return [
        f"{organiser_name}: Hướng dẫn, tổng hợp hồ sơ, xét chọn các cá nhân tiêu biểu năm "
        f"{year}; xây dựng báo cáo kết quả phong trào thi đua năm {year};",
        "Công đoàn cơ sở: Xem xét, lựa chọn các cá nhân đủ điều kiện, tiêu chuẩn theo quy định; "
        f"hoàn thiện hồ sơ gửi về {organiser_name} ({deadline_words}).",
    ]


def guest_group_names(
    *,
    organiser_name: str,
    parent_name: str = "",
    province_place: str = "",
    is_province: bool = False,
    is_grassroots: bool = False,
) -> list[str]:
    """Section III.2: whom a federation invites. Leaders of the level above, the local party
    committee, council, People's Committee and Fatherland Front, the organiser's own committees,
    the grassroots chairs, the honourees' workplaces, the press."""
    place = locality(organiser_name)
    groups = []
    if parent_name:
        groups.append(f"Đại biểu Thường trực, các Ban {parent_name}")
    if place is not None:
        offices = "sở, ban, ngành" if is_province else "phòng, ban, ngành"
        groups.append(
            f"Đại biểu Lãnh đạo {PARTY_COMMITTEE[place.level]}, Hội đồng nhân dân, Ủy ban nhân "
            f"dân, Ủy ban Mặt trận Tổ quốc Việt Nam {place.level}; một số {offices}, đoàn thể "
            f"{place.level}"
        )
    else:
        groups.append(
            "Đại biểu Lãnh đạo cấp ủy, chính quyền, Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp; "
            "một số cơ quan, ban, ngành, đoàn thể"
        )
    groups.append(
        "Các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, Ủy ban Kiểm tra "
        f"{organiser_name}"
    )
    if not is_grassroots:
        groups.append("Các đồng chí Chủ tịch công đoàn cơ sở")
        groups.append(
            "Đại diện lãnh đạo chuyên môn, Công đoàn các đơn vị cơ sở có cá nhân được biểu dương "
            "tại Hội nghị"
        )
    press = []
    if province_place:
        press.append(f"Đài Phát thanh và Truyền hình {province_place}")
    if place is not None and not is_province:
        press.append(f"Trung tâm Văn hóa, Thông tin và Thể thao {place.level}")
    groups.append("Phóng viên: " + ", ".join(press) if press else "Phóng viên các cơ quan báo chí")
    return as_list(groups)


def is_union_chair(position: str) -> bool:
    """Whether a grassroots union's member holds its chair: "Chủ tịch", "Chủ tịch Công đoàn cơ
    sở", "Chủ tịch CĐCS" – not a vice-chair, nor the chair of the People's Committee whose
    staff the union gathers."""
    words = fold(position).replace(",", " ").split()
    if words[:2] != ["chu", "tich"]:
        return False
    rest = words[2:]
    return not rest or rest[:2] == ["cong", "doan"] or rest[:1] == ["cdcs"]
