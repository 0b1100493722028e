"""The Vietnamese words the benchmark's data generator draws from: provinces, unions,
workplaces, initiative titles. Plain data and two small pure functions; no database."""

from __future__ import annotations

import random

# The 34 provinces and cities after Nghị quyết 202/2025/QH15, the largest union first: the
# generator gives the first the most initiatives and the second the fewest. (name, is a city,
# naming region)
PROVINCES: tuple[tuple[str, bool, str], ...] = (
    ("Hồ Chí Minh", True, "south"), ("Lai Châu", False, "north"), ("Hà Nội", True, "north"),
    ("Hải Phòng", True, "north"), ("Đồng Nai", False, "south"), ("Bắc Ninh", False, "north"),
    ("Thanh Hóa", False, "north"), ("Nghệ An", False, "north"), ("Hưng Yên", False, "north"),
    ("Đà Nẵng", True, "north"), ("Tây Ninh", False, "south"), ("Quảng Ninh", False, "north"),
    ("Thái Nguyên", False, "north"), ("Phú Thọ", False, "north"), ("Ninh Bình", False, "north"),
    ("Cần Thơ", True, "south"), ("An Giang", False, "south"), ("Khánh Hòa", False, "south"),
    ("Lâm Đồng", False, "south"), ("Đắk Lắk", False, "south"), ("Gia Lai", False, "south"),
    ("Quảng Ngãi", False, "north"), ("Hà Tĩnh", False, "north"), ("Quảng Trị", False, "north"),
    ("Huế", True, "north"), ("Vĩnh Long", False, "south"), ("Đồng Tháp", False, "south"),
    ("Cà Mau", False, "south"), ("Lào Cai", False, "north"), ("Tuyên Quang", False, "north"),
    ("Sơn La", False, "north"), ("Lạng Sơn", False, "north"), ("Cao Bằng", False, "north"),
    ("Điện Biên", False, "north"),
)  # fmt: skip

# Central sector unions (công đoàn ngành trung ương), directly under the Tổng Liên đoàn.
SECTORS: tuple[str, ...] = (
    "Công đoàn Công Thương Việt Nam",
    "Công đoàn Giao thông vận tải Việt Nam",
    "Công đoàn Xây dựng Việt Nam",
    "Công đoàn Ngân hàng Việt Nam",
    "Công đoàn Dầu khí Việt Nam",
    "Công đoàn Điện lực Việt Nam",
    "Công đoàn Y tế Việt Nam",
    "Công đoàn Giáo dục Việt Nam",
)
CORPORATIONS: tuple[str, ...] = (
    "Tổng công ty Điện lực miền Bắc", "Tổng công ty Điện lực miền Nam",
    "Tổng công ty Khí Việt Nam", "Tổng công ty Thép Việt Nam", "Tổng công ty Hàng không Việt Nam",
    "Tổng công ty Đường sắt Việt Nam", "Tổng công ty Xi măng Việt Nam",
    "Tổng công ty Dệt May Việt Nam", "Tổng công ty Lương thực miền Nam",
    "Tổng công ty Bưu điện Việt Nam", "Tổng công ty Cảng hàng không Việt Nam",
    "Tổng công ty Xây dựng Hà Nội", "Tổng công ty Cao su Đồng Nai",
    "Tổng công ty Thuốc lá Việt Nam", "Tổng công ty Giấy Việt Nam",
)  # fmt: skip
LOCAL_SECTORS: tuple[str, ...] = (
    "Giáo dục", "Y tế", "Công Thương", "Xây dựng", "Giao thông vận tải",
    "Nông nghiệp và Môi trường", "Tài chính",
)  # fmt: skip

# Syllables of place names (xã, phường) and of company names.
PLACE_FIRST = (
    "An", "Bình", "Tân", "Phước", "Hòa", "Long", "Thạnh", "Phú", "Vĩnh", "Đông", "Tây", "Nam",
    "Bắc", "Hưng", "Thuận", "Mỹ", "Quang", "Yên", "Thanh", "Xuân", "Đức", "Minh", "Trung", "Hải",
)  # fmt: skip
PLACE_SECOND = (
    "Lợi", "Hòa", "Phú", "Khánh", "Thới", "Điền", "Lạc", "Sơn", "Tiến", "Thịnh", "Lộc", "Hưng",
    "Mỹ", "Bình", "An", "Thành", "Hiệp", "Thủy", "Dương", "Lâm", "Phong", "Nghĩa", "Châu",
)  # fmt: skip
BRAND_FIRST = (
    "Thành", "Hoàng", "Việt", "Phúc", "Tân", "Minh", "Đại", "Sao", "Hưng", "Trường", "Kim",
    "Hải", "Nam", "Đông", "Á", "Toàn", "Thịnh", "Phát", "Hòa", "Gia",
)  # fmt: skip
BRAND_SECOND = (
    "Công", "Long", "Phát", "Thịnh", "Vượng", "Mai", "Việt", "Hà", "Sơn", "Nguyên", "Anh",
    "Khang", "Lợi", "Tiến", "Phong", "Á", "Châu", "Đạt",
)  # fmt: skip
COMPANY_FORMS = ("TNHH", "Cổ phần", "TNHH MTV", "Cổ phần Tập đoàn")
INDUSTRIES = (
    "May mặc", "Dệt may", "Giày da", "Cơ khí", "Điện tử", "Thực phẩm", "Chế biến thủy sản",
    "Bao bì", "Nhựa", "Thép", "Xây dựng", "Vận tải", "Logistics", "Gỗ", "Dược phẩm", "Điện",
    "Cấp nước", "Môi trường đô thị", "Xi măng", "Phân bón",
)  # fmt: skip

# Workplace kinds of a grassroots union: (kind, weight); the field mix follows the kind.
WORKPLACES = (("company", 70), ("school", 18), ("health", 8), ("office", 4))
SCHOOL_KINDS = ("Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở",
                "Trường Trung học phổ thông")  # fmt: skip
HEALTH_KINDS = ("Bệnh viện Đa khoa", "Trung tâm Y tế", "Bệnh viện Nhi", "Trạm Y tế")
OFFICE_KINDS = ("Ủy ban nhân dân", "Kho bạc Nhà nước", "Chi cục Thuế", "Bảo hiểm xã hội")

FIELDS = (
    "Sản xuất kinh doanh", "Giáo dục", "Y tế", "Môi trường", "An toàn vệ sinh lao động",
    "Cải cách hành chính", "Quản lý", "Khác",
)  # fmt: skip
FIELD_MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "company": (("Sản xuất kinh doanh", 55), ("An toàn vệ sinh lao động", 15),
                ("Môi trường", 11), ("Quản lý", 10), ("Khác", 6), ("Cải cách hành chính", 3)),
    "school": (("Giáo dục", 75), ("Quản lý", 8), ("Cải cách hành chính", 6), ("Môi trường", 5),
               ("Khác", 6)),
    "health": (("Y tế", 68), ("Quản lý", 9), ("Cải cách hành chính", 9), ("Môi trường", 7),
               ("Khác", 7)),
    "office": (("Cải cách hành chính", 55), ("Quản lý", 30), ("Khác", 15)),
}  # fmt: skip

# Title slots, by field. Each title is one pattern with its slots filled.
PROCESSES = {
    "Sản xuất kinh doanh": ("cắt vải", "hàn khung", "đóng gói thành phẩm", "sấy nguyên liệu",
                            "kiểm tra chất lượng đầu ra", "bảo dưỡng dây chuyền", "pha chế sơn",
                            "lắp ráp bo mạch", "nhập kho nguyên liệu"),
    "Giáo dục": ("dạy học môn Toán", "dạy đọc cho học sinh lớp 1", "ôn thi tốt nghiệp",
                 "chủ nhiệm lớp", "dạy học Tiếng Anh", "đánh giá học sinh", "dạy học STEM"),
    "Y tế": ("tiếp đón người bệnh", "cấp phát thuốc", "chăm sóc người bệnh sau mổ",
             "tiệt khuẩn dụng cụ", "quản lý hồ sơ bệnh án", "khám sức khỏe định kỳ"),
    "Môi trường": ("xử lý nước thải", "phân loại rác thải", "thu gom chất thải nguy hại",
                   "tái sử dụng nước làm mát", "xử lý khí thải lò hơi"),
    "An toàn vệ sinh lao động": ("kiểm tra an toàn điện", "huấn luyện an toàn lao động",
                                 "cấp phát bảo hộ lao động", "phòng cháy chữa cháy",
                                 "vận hành thiết bị nâng"),
    "Cải cách hành chính": ("tiếp nhận hồ sơ một cửa", "lưu trữ văn bản", "giải quyết thủ tục",
                            "trả kết quả hồ sơ", "quản lý công văn đến"),
    "Quản lý": ("chấm công", "quản lý kho", "lập kế hoạch sản xuất", "quản lý tài sản",
                "theo dõi công nợ", "quản lý đoàn viên"),
    "Khác": ("tổ chức hoạt động văn hóa", "chăm lo đời sống đoàn viên", "vận hành bếp ăn tập thể",
             "quản lý nhà trọ công nhân"),
}  # fmt: skip
TECHNOLOGIES = ("phần mềm quản lý", "mã QR", "cảm biến IoT", "trí tuệ nhân tạo",
                "bảng tính tự động", "ứng dụng di động", "biến tần", "năng lượng mặt trời",
                "camera giám sát", "chữ ký số")  # fmt: skip
GOALS = ("chất lượng", "hiệu quả", "độ chính xác", "tỷ lệ đạt chuẩn", "sự hài lòng",
         "độ an toàn", "tuổi thọ thiết bị")  # fmt: skip
SITES = ("phân xưởng", "tổ sản xuất", "bộ phận kho", "khoa", "phòng", "nhà trường", "đơn vị",
         "dây chuyền")  # fmt: skip
SAVINGS = ("điện năng", "nguyên vật liệu", "thời gian", "chi phí vận hành", "nước sạch",
           "văn phòng phẩm")  # fmt: skip

# (pattern, weight). Only the "nâng cao" pattern writes those two words, so a search for
# "nang cao" finds about its share of titles (plus the few whose authors or unions match).
TITLE_PATTERNS = (
    ("Cải tiến quy trình {process} tại {site}", 24),
    ("Ứng dụng {tech} trong {process}", 22),
    ("Giải pháp nâng cao {goal} công tác {process}", 7),
    ("Giải pháp tiết kiệm {saving} trong {process}", 15),
    ("Thiết kế, chế tạo thiết bị hỗ trợ {process}", 10),
    ("Đổi mới phương pháp {process} tại {site}", 12),
    ("Số hóa công tác {process}", 10),
)  # fmt: skip
SEARCH_TERM = "nang cao"

SOLUTION_KINDS = (("ky_thuat", 45), ("quan_ly", 20), ("tac_nghiep", 20), ("ung_dung", 15))

NOVELTY = (
    "Giải pháp chưa được áp dụng tại đơn vị; thay thao tác thủ công bằng quy trình có kiểm soát.",
    "Lần đầu áp dụng tại đơn vị, rút ngắn thời gian thực hiện và giảm sai sót.",
    "Kết hợp thiết bị sẵn có với cách tổ chức mới, không cần đầu tư lớn.",
)
APPLICATION = (
    "Đã áp dụng thử 6 tháng tại đơn vị, có thể nhân rộng cho các đơn vị cùng ngành.",
    "Áp dụng được ngay tại các bộ phận có cùng điều kiện làm việc.",
)
BENEFIT_BASIS = "So sánh chi phí 12 tháng trước và sau khi áp dụng, có xác nhận của đơn vị."
NON_MONETARY = (
    "Cải thiện điều kiện làm việc, giảm nguy cơ tai nạn lao động.",
    "Nâng cao sự hài lòng của người dân và người lao động.",
    "Giảm áp lực công việc, tạo môi trường làm việc thân thiện.",
)
POSITIONS = ("Công nhân", "Kỹ thuật viên", "Tổ trưởng sản xuất", "Nhân viên", "Giáo viên",
             "Điều dưỡng", "Bác sĩ", "Chuyên viên", "Kế toán", "Trưởng phòng")  # fmt: skip


def weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in items], [weight for _, weight in items])[0]


def title(rng: random.Random, field: str) -> str:
    """One initiative title for `field`, with diacritics."""
    pattern = weighted(rng, TITLE_PATTERNS)
    return pattern.format(
        process=rng.choice(PROCESSES[field]),
        site=rng.choice(SITES),
        tech=rng.choice(TECHNOLOGIES),
        goal=rng.choice(GOALS),
        saving=rng.choice(SAVINGS),
    )


def place(rng: random.Random) -> str:
    return f"{rng.choice(PLACE_FIRST)} {rng.choice(PLACE_SECOND)}"


def workplace(rng: random.Random, kind: str) -> str:
    """The workplace's name (the applying unit of its initiatives)."""
    if kind == "school":
        return f"{rng.choice(SCHOOL_KINDS)} {place(rng)}"
    if kind == "health":
        return f"{rng.choice(HEALTH_KINDS)} {place(rng)}"
    if kind == "office":
        return f"{rng.choice(OFFICE_KINDS)} {place(rng)}"
    brand = f"{rng.choice(BRAND_FIRST)} {rng.choice(BRAND_SECOND)}"
    return f"Công ty {rng.choice(COMPANY_FORMS)} {rng.choice(INDUSTRIES)} {brand}"
