"""The words the demo's initiative titles are built from: which fields each kind of workplace
files under, title patterns per field, and each workplace family's vocabulary."""

from __future__ import annotations

from thidua.initiatives.enums import SolutionKind
from thidua.orgs.demo.workplaces import (
    BANK,
    COLLEGE,
    COMMUNE_OFFICE,
    ENGINEERING,
    FACTORY,
    GARMENT,
    HEALTH_STATION,
    HOSPITAL,
    HOTEL,
    OFFICE,
    PRESCHOOL,
    SCHOOL,
    SEAFOOD,
    Workplace,
)

# The programme fields, as campaigns.enums.DEFAULT_FIELDS names them.
SXKD = "Sản xuất kinh doanh"
GIAO_DUC = "Giáo dục"
Y_TE = "Y tế"
MOI_TRUONG = "Môi trường"
ATVSLD = "An toàn vệ sinh lao động"
CCHC = "Cải cách hành chính"
QUAN_LY = "Quản lý"
KHAC = "Khác"

K = SolutionKind

# ---------------------------------------------------------------------------------------------
# Workplace families and the fields their people file under

FAMILY: dict[Workplace, str] = {
    FACTORY: "plant", ENGINEERING: "power", SEAFOOD: "seafood", GARMENT: "garment",
    HOTEL: "hotel", SCHOOL: "school", PRESCHOOL: "preschool", COLLEGE: "college",
    HOSPITAL: "hospital", HEALTH_STATION: "station", COMMUNE_OFFICE: "commune",
    OFFICE: "office", BANK: "bank",
}  # fmt: skip

# Roughly how many members a union of each kind has; initiatives are spread by its square root
# (a hospital files more than a health station, not fifty times more).
MEMBERS: dict[str, int] = {
    "plant": 350, "power": 600, "seafood": 700, "garment": 1200, "hotel": 300, "school": 60,
    "preschool": 35, "college": 150, "hospital": 550, "station": 12, "commune": 30,
    "office": 45, "bank": 60,
}  # fmt: skip

_ENTERPRISE = ((SXKD, 55), (ATVSLD, 15), (MOI_TRUONG, 11), (QUAN_LY, 10), (KHAC, 6), (CCHC, 3))
_SCHOOL = ((GIAO_DUC, 72), (QUAN_LY, 7), (CCHC, 6), (MOI_TRUONG, 5), (KHAC, 6), (ATVSLD, 2),
           (Y_TE, 2))  # fmt: skip
_HEALTH = ((Y_TE, 66), (QUAN_LY, 9), (CCHC, 9), (MOI_TRUONG, 6), (ATVSLD, 5), (KHAC, 5))
FIELD_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    "plant": _ENTERPRISE, "power": _ENTERPRISE, "seafood": _ENTERPRISE, "garment": _ENTERPRISE,
    "hotel": ((SXKD, 45), (QUAN_LY, 15), (MOI_TRUONG, 15), (ATVSLD, 8), (KHAC, 11), (CCHC, 6)),
    "school": _SCHOOL, "preschool": _SCHOOL, "college": _SCHOOL,
    "hospital": _HEALTH, "station": _HEALTH,
    "commune": ((CCHC, 60), (QUAN_LY, 18), (MOI_TRUONG, 11), (KHAC, 11)),
    "office": ((CCHC, 34), (QUAN_LY, 30), (SXKD, 12), (MOI_TRUONG, 8), (KHAC, 16)),
    "bank": ((SXKD, 42), (QUAN_LY, 24), (CCHC, 20), (KHAC, 14)),
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Titles: (kind of solution, pattern). A pattern's {slots} come from the family's vocabulary,
# else the shared one; a pattern is skipped where the family lacks one of its slots.

TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    SXKD: (
        (K.TECHNICAL, "Cải tiến {machine} nhằm {goal}"),
        (K.TECHNICAL, "Cải tiến {machine} tại {site}"),
        (K.APPLIED, "Ứng dụng {tech} trong {process}"),
        (K.TECHNICAL, "Thiết kế, chế tạo {device} phục vụ {process}"),
        (K.OPERATIONAL, "Hợp lý hóa khâu {process} tại {site}"),
        (K.TECHNICAL, "Giải pháp {goal} cho {machine}"),
        (K.OPERATIONAL, "Cải tiến quy trình {process} để {goal}"),
    ),
    GIAO_DUC: (
        (K.OPERATIONAL, "Một số biện pháp {edu_goal} {learners}"),
        (K.OPERATIONAL, "Biện pháp {edu_goal} trong {subject}"),
        (K.APPLIED, "Ứng dụng {edu_tech} trong {subject}"),
        (K.OPERATIONAL, "Sử dụng {method} trong {subject}"),
        (K.MANAGEMENT, "Giải pháp {school_mgmt}"),
        (K.TECHNICAL, "Thiết kế {aid} phục vụ {subject}"),
    ),
    Y_TE: (
        (K.OPERATIONAL, "Cải tiến quy trình {clinical} tại {ward}"),
        (K.APPLIED, "Ứng dụng {med_tech} trong {clinical}"),
        (K.TECHNICAL, "Triển khai kỹ thuật {technique} tại {ward}"),
        (K.OPERATIONAL, "Giải pháp {health_goal} tại {ward}"),
    ),
    MOI_TRUONG: (
        (K.TECHNICAL, "Giải pháp {env_action} tại {site}"),
        (K.APPLIED, "Ứng dụng {env_tech} để {env_goal}"),
        (K.OPERATIONAL, "Mô hình {env_model} tại {site}"),
    ),
    ATVSLD: (
        (K.TECHNICAL, "Thiết kế, lắp đặt {safety_device} tại {site}"),
        (K.OPERATIONAL, "Giải pháp {safety_goal} tại {site}"),
        (K.MANAGEMENT, "Xây dựng quy trình {safety_process}"),
    ),
    CCHC: (
        (K.MANAGEMENT, "Ứng dụng {admin_tech} trong {admin_process}"),
        (K.MANAGEMENT, "Cải tiến quy trình {admin_process}"),
        (K.MANAGEMENT, "Giải pháp rút ngắn thời gian {admin_process}"),
        (K.MANAGEMENT, "Số hóa {records} phục vụ tra cứu, khai thác"),
    ),
    QUAN_LY: (
        (K.MANAGEMENT, "Giải pháp {mgmt_goal}"),
        (K.MANAGEMENT, "Xây dựng {mgmt_tool} tại {site}"),
        (K.MANAGEMENT, "Áp dụng {mgmt_method} trong {mgmt_area}"),
    ),
    KHAC: ((K.OPERATIONAL, "{other}"),),
}

SHARED: dict[str, tuple[str, ...]] = {
    # Health at a school: the health families have their own words.
    "ward": ("phòng y tế trường học",),
    "clinical": ("sơ cứu ban đầu cho học sinh", "theo dõi sức khỏe học sinh đầu năm học"),
    "med_tech": ("sổ theo dõi sức khỏe điện tử", "nhóm Zalo liên lạc với cha mẹ học sinh"),
    "health_goal": ("phòng chống cận thị học đường", "phòng chống sốt xuất huyết"),
    "env_action": (
        "thu gom, phân loại rác thải tại nguồn", "tái sử dụng nước làm mát", "giảm phát thải bụi",
        "giảm sử dụng túi ni lông và đồ nhựa dùng một lần", "xử lý mùi hôi khu tập kết rác",
        "trồng cây xanh chống nóng", "thu gom dầu nhớt thải", "tiết kiệm nước sinh hoạt",
    ),
    "env_tech": (
        "điện mặt trời áp mái", "chế phẩm vi sinh", "đèn LED tiết kiệm điện",
        "hệ thống thu nước mưa", "cảm biến tự ngắt điện chiếu sáng",
    ),
    "env_goal": (
        "tiết kiệm điện năng chiếu sáng", "giảm lượng nước ngầm khai thác",
        "xử lý rác hữu cơ thành phân bón", "giảm chất thải nhựa", "giảm tiền điện hằng tháng",
    ),
    "env_model": (
        "“Nói không với rác thải nhựa”", "“Xanh – sạch – đẹp – an toàn”", "“Đổi rác lấy quà”",
        "vườn rau sạch của đoàn viên", "“Ngày Chủ nhật xanh”",
    ),
    "safety_device": (
        "che chắn an toàn cho bộ truyền động", "hệ thống cảnh báo rò rỉ khí gas",
        "lan can an toàn khu vực làm việc trên cao", "khóa liên động cửa máy",
        "hệ thống báo cháy tự động", "đèn và còi cảnh báo xe nâng", "quạt hút khí độc",
        "tủ thuốc sơ cấp cứu lưu động",
    ),
    "safety_goal": (
        "phòng ngừa tai nạn lao động", "giảm tiếng ồn", "chống nóng cho người lao động",
        "phòng cháy, chữa cháy", "giảm bụi trong môi trường làm việc",
        "phòng ngừa bệnh nghề nghiệp",
    ),
    "safety_process": (
        "kiểm tra an toàn trước ca làm việc",
        "cấp phát và giám sát sử dụng phương tiện bảo vệ cá nhân",
        "huấn luyện an toàn cho người lao động mới", "ứng cứu sự cố hóa chất",
        "cô lập năng lượng khi sửa chữa máy (LOTO)", "thoát nạn khi có cháy",
    ),
    "admin_tech": (
        "phần mềm quản lý văn bản và điều hành", "chữ ký số", "mã QR", "nhóm Zalo nội bộ",
        "phần mềm một cửa điện tử", "biểu mẫu trực tuyến",
    ),
    "admin_process": (
        "tiếp nhận, xử lý văn bản đến", "trình ký văn bản", "thanh toán công tác phí",
        "lưu trữ hồ sơ", "lập báo cáo thống kê định kỳ", "đăng ký lịch công tác",
        "quản lý hồ sơ đoàn viên công đoàn",
    ),
    "records": (
        "hồ sơ cán bộ, viên chức", "hồ sơ lưu trữ giai đoạn 2010–2020", "sổ sách kế toán",
        "hồ sơ đoàn viên công đoàn",
    ),
    "mgmt_goal": (
        "nâng cao hiệu quả quản lý tài sản công", "tiết kiệm chi phí văn phòng phẩm",
        "quản lý vật tư tiêu hao theo định mức", "nâng cao hiệu quả hoạt động công đoàn cơ sở",
        "quản lý chấm công và tính lương", "phát triển đoàn viên công đoàn",
        "đánh giá, xếp loại người lao động theo kết quả công việc",
        "tiết kiệm chi phí điện, nước tại cơ quan",
    ),
    "mgmt_tool": (
        "bộ chỉ số đánh giá hiệu quả công việc (KPI)", "quy chế chi tiêu nội bộ",
        "sổ tay quy trình nghiệp vụ", "hệ thống quản lý chất lượng ISO 9001:2015",
        "phần mềm quản lý tài sản",
    ),
    "mgmt_method": (
        "phương pháp 5S", "Kaizen", "quản lý theo mục tiêu", "bảng theo dõi công việc trực quan",
    ),
    "mgmt_area": (
        "quản lý kho", "quản lý nhân sự", "điều hành công việc hằng tuần",
        "quản lý tài chính công đoàn",
    ),
    "other": (
        "Tổ chức “Phiên chợ 0 đồng” hỗ trợ đoàn viên có hoàn cảnh khó khăn",
        "Mô hình “Mái ấm công đoàn” cho đoàn viên khó khăn về nhà ở",
        "Xây dựng tủ sách pháp luật cho người lao động",
        "Thành lập câu lạc bộ văn nghệ – thể thao của đoàn viên",
        "Tuyên truyền pháp luật lao động qua mạng xã hội",
        "Quỹ tương trợ xoay vòng cho đoàn viên", "Nâng cao chất lượng bữa ăn ca",
        "Xây dựng góc đọc sách tại nơi làm việc",
        "Tổ chức đối thoại định kỳ giữa người lao động và người sử dụng lao động",
        "Mô hình “Tổ tự quản an ninh trật tự” tại khu nhà trọ công nhân",
        "Chương trình “Tết sum vầy” cho đoàn viên xa quê",
        "Tổ chức lớp học tiếng Anh giao tiếp miễn phí cho đoàn viên",
        "Mô hình “Bếp ăn tình thương” hỗ trợ người nhà người lao động ốm đau",
        "Hướng dẫn đoàn viên lập kế hoạch tài chính gia đình",
        "Tổ chức hội thi “An toàn – Vệ sinh viên giỏi”",
        "Xây dựng bản tin công đoàn điện tử hằng tháng",
        "Mô hình “Công đoàn đồng hành cùng nữ đoàn viên”",
        "Giải pháp thu đoàn phí công đoàn qua tài khoản",
        "Tổ chức khám sức khỏe, tầm soát bệnh phụ khoa cho lao động nữ",
        "Mô hình nhà trẻ, nhóm trẻ cho con công nhân",
        "Trao đổi kinh nghiệm giữa các tổ sản xuất qua nhóm mạng xã hội",
    ),
}  # fmt: skip

_OFFICE_SITES = ("trụ sở cơ quan", "bộ phận văn phòng", "kho lưu trữ")
VOCAB: dict[str, dict[str, tuple[str, ...]]] = {
    "plant": {
        "machine": (
            "hệ thống băng tải cấp liệu", "máy nghiền bi", "lò nung", "máy đóng bao",
            "quạt hút bụi lò", "hệ thống khí nén", "máy ép gạch", "cầu trục 10 tấn",
            "máy tiện CNC", "máy hàn bán tự động", "hệ thống bôi trơn tập trung",
            "bơm nước làm mát",
        ),
        "device": (
            "đồ gá hàn khung", "xe đẩy vận chuyển phôi", "bộ gá kiểm tra độ đồng tâm",
            "thiết bị cảnh báo quá tải băng tải", "cơ cấu cấp phôi tự động", "máng chuyển liệu",
        ),
        "process": (
            "vận hành lò nung", "bảo dưỡng thiết bị", "đóng bao và xuất hàng",
            "gia công chi tiết trục", "kiểm tra chất lượng sản phẩm",
            "quản lý vật tư phụ tùng", "sấy sản phẩm mộc",
        ),
        "tech": (
            "biến tần", "cảm biến đo mức", "bộ điều khiển PLC", "camera giám sát",
            "phần mềm quản lý bảo trì", "mã QR quản lý thiết bị", "đèn LED công nghiệp",
        ),
        "goal": (
            "giảm tiêu hao điện năng", "giảm thời gian dừng máy", "nâng cao năng suất",
            "giảm tỷ lệ sản phẩm lỗi", "tiết kiệm nhiên liệu", "kéo dài tuổi thọ thiết bị",
            "giảm chi phí sửa chữa",
        ),
        "site": (
            "phân xưởng lò nung", "phân xưởng nghiền", "phân xưởng cơ điện",
            "xưởng gia công cơ khí", "phân xưởng đóng bao", "kho thành phẩm", "dây chuyền số 2",
        ),
    },
    "power": {
        "machine": (
            "máy biến áp phân phối", "recloser trung thế", "tủ điện hạ thế",
            "hệ thống đo đếm từ xa", "máy cắt 22 kV", "hệ thống SCADA", "bơm cấp nước lò hơi",
            "van điều khiển",
        ),
        "device": (
            "sào thao tác cải tiến", "giá đỡ thi công cáp ngầm", "bộ tiếp địa di động",
            "dụng cụ thay sứ đường dây", "bộ thí nghiệm rơ le",
        ),
        "process": (
            "sửa chữa điện không cắt điện", "ghi chỉ số công tơ", "xử lý sự cố lưới trung thế",
            "thí nghiệm định kỳ thiết bị", "bảo dưỡng tổ máy", "quản lý tổn thất điện năng",
        ),
        "tech": (
            "thiết bị bay không người lái (flycam)", "camera nhiệt", "công tơ điện tử đo xa",
            "phần mềm quản lý lưới điện", "ứng dụng di động", "phân tích dữ liệu vận hành",
        ),
        "goal": (
            "giảm tổn thất điện năng", "rút ngắn thời gian mất điện", "giảm suất sự cố",
            "nâng cao độ tin cậy cung cấp điện", "tiết kiệm chi phí bảo dưỡng",
        ),
        "site": (
            "đội quản lý vận hành lưới điện", "phân xưởng sửa chữa", "trạm biến áp 110 kV",
            "phòng điều độ", "khu vực huyện đảo",
        ),
    },
    "seafood": {
        "machine": (
            "máy cấp đông IQF", "tủ đông tiếp xúc", "hệ thống máy nén lạnh",
            "băng chuyền phân cỡ tôm", "máy rửa nguyên liệu", "máy hút chân không",
            "hệ thống sản xuất đá vảy", "lò hơi",
        ),
        "device": (
            "bàn sơ chế inox có máng thoát nước", "khay cấp đông cải tiến",
            "xe đẩy khay chịu lạnh", "thiết bị châm đá tự động",
        ),
        "process": (
            "sơ chế mực, bạch tuộc", "cấp đông sản phẩm", "phân cỡ, phân loại tôm",
            "bảo quản nguyên liệu", "đóng gói thành phẩm", "kiểm soát nhiệt độ kho lạnh",
            "chế biến chả cá surimi",
        ),
        "tech": (
            "cảm biến nhiệt độ không dây", "phần mềm truy xuất nguồn gốc", "mã vạch",
            "biến tần", "hệ thống khử trùng bằng ozone",
        ),
        "goal": (
            "giảm hao hụt nguyên liệu", "tiết kiệm điện năng cho kho lạnh",
            "rút ngắn thời gian cấp đông", "nâng cao tỷ lệ thành phẩm", "giảm lượng nước sử dụng",
        ),
        "site": (
            "phân xưởng chế biến", "kho lạnh", "phân xưởng cấp đông",
            "khu tiếp nhận nguyên liệu", "tổ sơ chế",
        ),
    },
    "garment": {
        "machine": (
            "máy may một kim", "máy vắt sổ", "máy ép đế", "máy chặt da", "dây chuyền gò giày",
            "máy ép keo", "bàn là hơi", "máy thêu vi tính",
        ),
        "device": (
            "cữ gấp mép", "gá may túi", "bộ cữ may cổ áo", "khuôn chặt da",
            "xe đẩy bán thành phẩm",
        ),
        "process": (
            "may lắp ráp", "cắt bán thành phẩm", "gò mũi giày", "kiểm hóa thành phẩm",
            "đóng gói hàng xuất khẩu", "cân bằng chuyền", "quét keo đế giày",
        ),
        "tech": (
            "phần mềm giác sơ đồ", "mã vạch theo dõi năng suất", "động cơ servo tiết kiệm điện",
            "bảng điện tử theo dõi tiến độ", "cảm biến đếm sản phẩm",
        ),
        "goal": (
            "nâng cao năng suất chuyền", "giảm tỷ lệ hàng sửa", "tiết kiệm nguyên phụ liệu",
            "rút ngắn thời gian chuyển mã hàng", "giảm thao tác thừa cho công nhân",
        ),
        "site": (
            "chuyền may số 3", "tổ cắt", "xưởng gò", "phân xưởng hoàn thiện",
            "kho nguyên phụ liệu", "xưởng may 2",
        ),
    },
    "hotel": {
        "machine": (
            "hệ thống nước nóng năng lượng mặt trời", "hệ thống điều hòa trung tâm",
            "máy giặt công nghiệp", "hệ thống lọc nước hồ bơi", "bếp công nghiệp",
        ),
        "device": (
            "xe đẩy buồng phòng đa năng", "tủ giữ ấm thức ăn", "bảng hướng dẫn song ngữ",
        ),
        "process": (
            "dọn phòng và bàn giao phòng", "đón tiếp, làm thủ tục nhận phòng",
            "phục vụ tiệc buffet", "quản lý đồ vải", "bảo trì phòng khách",
        ),
        "tech": (
            "phần mềm quản lý khách sạn", "đặt phòng trực tuyến", "thẻ từ ngắt điện phòng",
            "thực đơn mã QR", "ứng dụng nhắn tin chăm sóc khách",
        ),
        "goal": (
            "tiết kiệm điện, nước", "rút ngắn thời gian làm thủ tục cho khách",
            "nâng cao công suất phòng", "giảm chi phí giặt là", "nâng cao chất lượng phục vụ",
        ),
        "site": (
            "bộ phận buồng phòng", "bộ phận lễ tân", "nhà hàng", "khu nghỉ dưỡng", "bộ phận bếp",
        ),
    },
    "bank": {
        "process": (
            "thẩm định hồ sơ vay vốn", "giải ngân vốn vay hộ sản xuất", "thu hồi nợ xấu",
            "mở tài khoản cho khách hàng", "chi trả lương qua thẻ", "kiểm đếm tiền mặt",
        ),
        "tech": (
            "ngân hàng số", "mã QR thanh toán", "phần mềm chấm điểm tín dụng",
            "tin nhắn nhắc nợ tự động",
        ),
        "goal": (
            "rút ngắn thời gian giải ngân", "giảm tỷ lệ nợ quá hạn", "tăng huy động vốn dân cư",
            "giảm thời gian chờ của khách hàng",
        ),
        "site": ("phòng giao dịch", "phòng Kế hoạch – Kinh doanh", "bộ phận kho quỹ"),
    },
    "office": {
        "process": (
            "quản lý hàng tồn kho", "bán hàng tại siêu thị", "giao nhận hàng hóa",
            "kiểm tra chất lượng giống thủy sản", "chuyển giao kỹ thuật cho nông dân",
        ),
        "tech": ("phần mềm bán hàng", "mã vạch", "bản đồ số", "ứng dụng di động"),
        "goal": (
            "giảm hàng tồn kho", "tăng doanh thu bán lẻ", "rút ngắn thời gian giao hàng",
            "giảm chi phí vận chuyển",
        ),
        "site": _OFFICE_SITES,
    },
    "commune": {
        "admin_process": (
            "chứng thực bản sao", "đăng ký khai sinh", "cấp giấy xác nhận tình trạng hôn nhân",
            "tiếp nhận và trả kết quả tại bộ phận một cửa", "giải quyết thủ tục đất đai",
            "chi trả trợ cấp cho đối tượng bảo trợ xã hội",
        ),
        "records": ("sổ hộ tịch", "hồ sơ địa chính", "hồ sơ cán bộ, công chức"),
        "site": ("trụ sở Ủy ban nhân dân", "bộ phận một cửa", "nhà văn hóa khu dân cư"),
    },
    "school": {
        "learners": (
            "cho học sinh lớp 6", "cho học sinh lớp 9", "cho học sinh lớp 12",
            "cho học sinh có học lực yếu", "cho học sinh dân tộc thiểu số",
        ),
        "subject": (
            "dạy học môn Toán lớp 7", "môn Ngữ văn lớp 8", "môn Tiếng Anh lớp 10",
            "môn Vật lý lớp 11", "môn Hóa học lớp 12", "môn Lịch sử lớp 9",
            "môn Địa lý lớp 6", "môn Tin học lớp 10", "môn Sinh học lớp 12",
            "hoạt động trải nghiệm lớp 6", "dạy học trực tuyến môn Toán",
        ),
        "edu_goal": (
            "nâng cao chất lượng", "phát huy tính tích cực của học sinh", "rèn kỹ năng giải toán",
            "phát triển năng lực tự học", "giảm tỷ lệ học sinh bỏ học", "rèn kỹ năng đọc hiểu",
        ),
        "edu_tech": (
            "phần mềm GeoGebra", "bài giảng E-learning", "Google Classroom", "phần mềm Kahoot",
            "thí nghiệm ảo", "bản đồ tư duy",
        ),
        "method": (
            "sơ đồ tư duy", "phương pháp dạy học dự án", "trò chơi học tập",
            "kỹ thuật khăn trải bàn", "phương pháp bàn tay nặn bột",
        ),
        "school_mgmt": (
            "quản lý hồ sơ chuyên môn bằng phần mềm",
            "nâng cao hiệu quả sinh hoạt chuyên môn theo nghiên cứu bài học",
            "tăng cường phối hợp giữa nhà trường và cha mẹ học sinh",
            "công khai thu chi tại trường học", "xây dựng trường học an toàn, thân thiện",
        ),
        "aid": ("đồ dùng dạy học tự làm", "mô hình thí nghiệm", "bộ thẻ học từ vựng"),
        "site": ("khuôn viên nhà trường", "các lớp học", "thư viện trường"),
    },
    "preschool": {
        "learners": ("cho trẻ 5–6 tuổi", "cho trẻ 3–4 tuổi", "cho trẻ nhà trẻ 24–36 tháng"),
        "subject": (
            "hoạt động làm quen chữ cái", "hoạt động tạo hình", "hoạt động khám phá khoa học",
            "tổ chức giờ ăn, giờ ngủ", "hoạt động âm nhạc", "hoạt động làm quen với toán",
        ),
        "edu_goal": (
            "phát triển ngôn ngữ", "rèn kỹ năng tự phục vụ", "giáo dục kỹ năng sống",
            "phòng chống suy dinh dưỡng",
        ),
        "edu_tech": ("bài giảng điện tử", "phần mềm Kidsmart", "trò chơi trên máy tính bảng"),
        "method": ("trò chơi dân gian", "nguyên vật liệu tái chế", "âm nhạc và vận động"),
        "school_mgmt": (
            "xây dựng trường mầm non lấy trẻ làm trung tâm",
            "phối hợp với cha mẹ trong chăm sóc, giáo dục trẻ",
            "bảo đảm an toàn thực phẩm trong bếp ăn bán trú",
        ),
        "aid": ("đồ chơi tự tạo từ nguyên vật liệu tái chế", "góc chơi mở", "bộ tranh kể chuyện"),
        "site": ("khuôn viên nhà trường", "bếp ăn bán trú", "sân chơi"),
    },
    "college": {
        "learners": ("cho sinh viên năm nhất", "cho sinh viên sư phạm tiểu học"),
        "subject": (
            "học phần Tâm lý học giáo dục", "học phần Phương pháp dạy học Toán",
            "thực tập sư phạm", "học phần Tin học cơ sở", "học phần Tiếng Anh chuyên ngành",
        ),
        "edu_goal": (
            "nâng cao kỹ năng nghề", "phát triển năng lực tự học", "đổi mới kiểm tra, đánh giá",
        ),
        "edu_tech": ("hệ thống học trực tuyến Moodle", "ngân hàng câu hỏi trắc nghiệm trực tuyến"),
        "method": ("phương pháp dạy học dự án", "lớp học đảo ngược", "nghiên cứu tình huống"),
        "school_mgmt": (
            "quản lý đào tạo theo tín chỉ bằng phần mềm", "tổ chức thi trực tuyến",
            "khảo sát ý kiến người học về giảng dạy",
        ),
        "aid": ("phòng thực hành ảo", "bộ học liệu số"),
        "site": ("ký túc xá", "khuôn viên nhà trường", "thư viện"),
    },
    "hospital": {
        "ward": (
            "Khoa Khám bệnh", "Khoa Hồi sức tích cực – Chống độc", "Khoa Nội tổng hợp",
            "Khoa Ngoại chấn thương", "Khoa Sản", "Khoa Nhi", "Khoa Xét nghiệm",
            "Khoa Chẩn đoán hình ảnh", "Khoa Dược", "Khoa Kiểm soát nhiễm khuẩn", "Khoa Cấp cứu",
        ),
        "clinical": (
            "tiếp đón người bệnh", "cấp phát thuốc nội trú", "lấy mẫu xét nghiệm",
            "chăm sóc người bệnh thở máy", "bàn giao người bệnh giữa các khoa",
            "tiệt khuẩn dụng cụ phẫu thuật", "quản lý hồ sơ bệnh án",
            "khám sức khỏe định kỳ", "thanh toán chi phí khám, chữa bệnh bảo hiểm y tế",
            "phân loại người bệnh tại khoa Cấp cứu",
        ),
        "med_tech": (
            "phần mềm quản lý bệnh viện (HIS)", "hệ thống lấy số tự động",
            "tin nhắn hẹn tái khám", "hệ thống lưu trữ hình ảnh PACS", "bệnh án điện tử",
        ),
        "technique": (
            "gây tê tủy sống bằng kim nhỏ", "nội soi can thiệp cầm máu",
            "phẫu thuật nội soi cắt ruột thừa", "chạy thận nhân tạo chu kỳ",
            "da kề da cho trẻ sơ sinh sau sinh", "phục hồi chức năng sớm sau đột quỵ",
        ),
        "health_goal": (
            "giảm thời gian chờ khám", "giảm tỷ lệ nhiễm khuẩn bệnh viện",
            "nâng cao sự hài lòng của người bệnh", "giảm sai sót trong dùng thuốc",
            "phòng ngừa té ngã cho người bệnh",
        ),
        "site": ("Khoa Dược", "Khoa Kiểm soát nhiễm khuẩn", "khu xử lý chất thải y tế", "nhà ăn"),
    },
    "station": {
        "ward": ("Trạm Y tế", "điểm tiêm chủng", "các ấp trong xã"),
        "clinical": (
            "tiêm chủng mở rộng", "quản lý người bệnh tăng huyết áp", "khám thai định kỳ",
            "quản lý hồ sơ sức khỏe hộ gia đình", "cấp phát thuốc bảo hiểm y tế",
        ),
        "med_tech": (
            "phần mềm quản lý tiêm chủng", "tin nhắn nhắc lịch tiêm", "sổ sức khỏe điện tử",
        ),
        "technique": ("xông hơi bằng thuốc nam", "châm cứu điều trị đau vai gáy"),
        "health_goal": (
            "nâng cao tỷ lệ tiêm chủng đầy đủ", "quản lý bệnh không lây nhiễm tại cộng đồng",
            "giảm tỷ lệ suy dinh dưỡng trẻ em",
        ),
        "site": ("Trạm Y tế", "khu xử lý chất thải y tế"),
    },
}  # fmt: skip
