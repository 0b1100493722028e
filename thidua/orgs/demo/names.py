"""Realistic Vietnamese names, drawn deterministically."""

from __future__ import annotations

import datetime as dt
import random

from thidua.orgs.demo.workplaces import ROOT_CODE
from thidua.orgs.enums import Gender

# ---------------------------------------------------------------------------------------------
# Vietnamese names. Family-name weights follow the commonly cited national shares (Nguyễn ~38%,
# Trần ~11%, Lê ~9.5%, …); the North writes Hoàng, Vũ where the South writes Huỳnh, Võ.

_FAMILY_COMMON = (
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 71), ("Phan", 45), ("Đặng", 21),
    ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đào", 5),
    ("Mai", 4), ("Cao", 3), ("Lương", 3),
)  # fmt: skip
FAMILY = {
    "north": (*_FAMILY_COMMON, ("Hoàng", 51), ("Vũ", 39), ("Đinh", 6), ("Trịnh", 4), ("Tạ", 2)),
    "south": (*_FAMILY_COMMON, ("Huỳnh", 51), ("Võ", 39), ("Trương", 6), ("Lâm", 4), ("Châu", 2)),
}
MIDDLE: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {
    ("north", Gender.MALE): (
        ("Văn", 40), ("Đức", 10), ("Minh", 10), ("Quang", 7), ("Hữu", 7), ("Đình", 5),
        ("Xuân", 5), ("Công", 5), ("Thanh", 5), ("Mạnh", 4), ("Ngọc", 4), ("Tiến", 3),
        ("Trọng", 3), ("Quốc", 3),
    ),
    ("south", Gender.MALE): (
        ("Văn", 40), ("Minh", 10), ("Thanh", 8), ("Quốc", 8), ("Hoàng", 6), ("Hữu", 6),
        ("Tấn", 6), ("Ngọc", 5), ("Trung", 4), ("Phước", 3), ("Công", 3), ("Duy", 3),
    ),
    ("north", Gender.FEMALE): (
        ("Thị", 55), ("Thu", 6), ("Thanh", 6), ("Ngọc", 5), ("Minh", 4), ("Hồng", 4), ("Thùy", 4),
        ("Phương", 3), ("Bích", 3), ("Hải", 2),
    ),
    ("south", Gender.FEMALE): (
        ("Thị", 50), ("Ngọc", 8), ("Kim", 6), ("Thanh", 6), ("Mỹ", 5), ("Thu", 4), ("Hồng", 4),
        ("Bích", 3), ("Phương", 3), ("Thùy", 3),
    ),
}  # fmt: skip
SECOND_MIDDLE = ("Thu", "Thanh", "Hồng", "Kim", "Ngọc", "Minh", "Thúy", "Mai")  # "Thị Thu Hà"
GIVEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("north", Gender.MALE): (
        "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng",
        "Huy", "Hưng", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa",
        "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn",
        "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
    ),
    ("south", Gender.MALE): (
        "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hậu", "Hiếu", "Hòa", "Hùng", "Huy",
        "Khải", "Khang", "Khoa", "Lộc", "Long", "Minh", "Nam", "Nhân", "Phát", "Phong", "Phước",
        "Quân", "Sang", "Tài", "Tâm", "Thiện", "Thịnh", "Tín", "Toàn", "Trí", "Trung", "Tuấn",
        "Vinh",
    ),
    ("north", Gender.FEMALE): (
        "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ",
        "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhàn", "Nhung",
        "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thoa", "Thủy", "Trang", "Tuyết", "Vân",
        "Xuân", "Yến",
    ),
    ("south", Gender.FEMALE): (
        "Anh", "Diễm", "Dung", "Giang", "Hà", "Hằng", "Hiền", "Hoa", "Hương", "Kiều", "Lan",
        "Linh", "Loan", "Mai", "Ngân", "Ngọc", "Nhi", "Như", "Oanh", "Phương", "Quyên", "Tâm",
        "Thảo", "Thư", "Thủy", "Tiên", "Trang", "Trinh", "Tuyết", "Vân", "Yến",
    ),
}  # fmt: skip
# Top-level unit -> (naming region, CCCD province code: Hà Nội 001, Hải Phòng 031,
# An Giang 089, Kiên Giang 091).
REGIONS = {
    ROOT_CODE: ("north", "001"), "HP": ("north", "031"), "KG": ("south", "091"),
    "AG": ("south", "089"), "DKVN": ("north", "001"),
}  # fmt: skip
PHONE_PREFIXES = ("090", "091", "093", "094", "096", "097", "098")


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in weighted], [weight for _, weight in weighted])[0]


def random_full_name(rng: random.Random, *, region: str, gender: str) -> str:
    family = _pick(rng, FAMILY[region])
    middle = _pick(rng, MIDDLE[(region, gender)])
    if middle == "Thị" and rng.random() < 0.25:
        middle = f"Thị {rng.choice(SECOND_MIDDLE)}"
    given = rng.choice(GIVEN[(region, gender)])
    while given in middle.split():
        given = rng.choice(GIVEN[(region, gender)])
    return f"{family} {middle} {given}"


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))
