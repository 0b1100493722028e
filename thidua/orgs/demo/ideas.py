"""What the demo's initiatives say: titles from the vocabulary, the description on the
TT 18/2013 form, a benefit value, and the reasons officers write.

Pure functions of a random.Random: the same draws give the same text.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from string import Formatter
from typing import Any

from thidua.orgs.demo.vocabulary import (
    ATVSLD,
    CCHC,
    GIAO_DUC,
    KHAC,
    MOI_TRUONG,
    QUAN_LY,
    SHARED,
    SXKD,
    TEMPLATES,
    VOCAB,
    Y_TE,
)


def _slots(pattern: str) -> list[str]:
    return [name for _, name, _, _ in Formatter().parse(pattern) if name]


def idea_title(rng: random.Random, family: str, field: str) -> tuple[str, str]:
    """A title for an initiative of `family` in `field`, and its kind of solution."""
    vocabulary = VOCAB[family]
    usable = [
        (kind, pattern)
        for kind, pattern in TEMPLATES[field]
        if all(slot in vocabulary or slot in SHARED for slot in _slots(pattern))
    ]
    kind, pattern = rng.choice(usable)
    words = {slot: rng.choice(vocabulary.get(slot) or SHARED[slot]) for slot in _slots(pattern)}
    title = pattern.format(**words)
    return title[0].upper() + title[1:], kind


# ---------------------------------------------------------------------------------------------
# The description (Thông tư 18/2013, Phụ lục I) and the benefit

PRIOR: dict[str, tuple[str, ...]] = {
    SXKD: (
        "Trước đây công việc chủ yếu làm thủ công, năng suất thấp, thường phải dừng máy để "
        "xử lý sự cố.",
        "Thiết bị vận hành lâu năm, tiêu hao điện năng và vật tư cao, chi phí sửa chữa lớn.",
        "Tỷ lệ sản phẩm lỗi và hao hụt nguyên liệu cao, ảnh hưởng tiến độ giao hàng.",
    ),
    GIAO_DUC: (
        "Học sinh còn thụ động, ngại phát biểu; kết quả khảo sát đầu năm thấp hơn mặt bằng chung.",
        "Đồ dùng dạy học thiếu, bài giảng chủ yếu thuyết trình, chưa phát huy được người học.",
        "Nhiều em chưa có phương pháp tự học, phụ huynh ít phối hợp với giáo viên.",
    ),
    Y_TE: (
        "Người bệnh phải chờ lâu, quy trình qua nhiều bước, dễ nhầm lẫn khi đông bệnh.",
        "Việc ghi chép, bàn giao làm thủ công trên giấy, mất thời gian và dễ sai sót.",
        "Kỹ thuật chưa được triển khai tại đơn vị, người bệnh phải chuyển tuyến trên.",
    ),
    MOI_TRUONG: (
        "Rác thải chưa được phân loại, khu tập kết thường xuyên quá tải, phát sinh mùi hôi.",
        "Lượng điện, nước tiêu thụ lớn; chưa có giải pháp tái sử dụng.",
    ),
    ATVSLD: (
        "Khu vực làm việc có nguy cơ mất an toàn, đã xảy ra sự cố suýt gây tai nạn.",
        "Người lao động làm việc trong môi trường nóng, ồn, bụi; việc kiểm tra an toàn còn "
        "hình thức.",
    ),
    CCHC: (
        "Hồ sơ giấy phải chuyển qua nhiều bộ phận, người dân và đoàn viên phải đi lại nhiều lần.",
        "Việc tra cứu, tổng hợp mất nhiều thời gian, dễ thất lạc hồ sơ.",
    ),
    QUAN_LY: (
        "Công việc được giao và theo dõi bằng sổ sách, khó đánh giá đúng kết quả từng người.",
        "Chi phí thường xuyên tăng, chưa có định mức và cách kiểm soát phù hợp.",
    ),
    KHAC: (
        "Nhiều đoàn viên có hoàn cảnh khó khăn, đời sống tinh thần ở nơi làm việc còn hạn chế.",
        "Hoạt động công đoàn chưa thu hút được đông đảo người lao động tham gia.",
    ),
}
NOVELTY = (
    "Lần đầu áp dụng tại đơn vị; thay cách làm cũ bằng quy trình mới, các bước được chuẩn hóa "
    "và phân công rõ người thực hiện.",
    "Tận dụng vật tư, thiết bị sẵn có, tự thiết kế và lắp đặt, không phải thuê ngoài.",
    "Kết hợp kinh nghiệm thực tế của người lao động với công nghệ đơn giản, dễ vận hành.",
    "Chưa có đơn vị nào trong ngành trên địa bàn áp dụng; đã được thử nghiệm và điều chỉnh "
    "qua nhiều đợt.",
)
CONDITIONS = (
    "Không cần đầu tư thêm thiết bị; cần tập huấn cho người trực tiếp thực hiện.",
    "Cần kinh phí đầu tư ban đầu nhỏ, thu hồi vốn trong vòng một năm.",
    "Cần sự phối hợp của lãnh đạo đơn vị và các bộ phận liên quan.",
)
BENEFIT_BASIS = (
    "Tính theo số liệu các tháng đã áp dụng, quy ra một năm, đã trừ chi phí đầu tư.",
    "So sánh chi phí điện, vật tư, nhân công trước và sau khi áp dụng, theo sổ sách kế toán.",
    "Theo báo cáo sản lượng, năng suất của bộ phận áp dụng, quy ra giá trị theo đơn giá hiện hành.",
)
NON_MONETARY: dict[str, tuple[str, ...]] = {
    SXKD: ("Sản phẩm đồng đều hơn, giảm khiếu nại của khách hàng; công nhân đỡ vất vả.",),
    GIAO_DUC: (
        "Tỷ lệ đạt yêu cầu ở lớp áp dụng tăng từ {a}% lên {b}% so với đầu năm học.",
        "Người học hứng thú hơn; số lượt phát biểu xây dựng bài tăng rõ rệt, {n} em tiến bộ.",
    ),
    Y_TE: (
        "Thời gian chờ trung bình của người bệnh giảm từ {c} xuống {d} phút.",
        "Tỷ lệ hài lòng của người bệnh tăng từ {a}% lên {b}%.",
        "Không để xảy ra sai sót chuyên môn trong {m} tháng áp dụng.",
    ),
    MOI_TRUONG: ("Khuôn viên sạch, đẹp hơn; lượng rác phải xử lý giảm khoảng {p}%.",),
    ATVSLD: (
        "Không xảy ra tai nạn lao động, sự cố cháy nổ trong {m} tháng áp dụng; người lao động "
        "yên tâm làm việc.",
    ),
    CCHC: (
        "Thời gian giải quyết hồ sơ giảm từ {e} ngày xuống {f} ngày.",
        "Giảm khoảng {p}% giấy tờ in ấn; người dân, đoàn viên không phải đi lại nhiều lần.",
    ),
    QUAN_LY: (
        "Công việc được theo dõi công khai, minh bạch; giảm {p}% thời gian tổng hợp báo cáo.",
    ),
    KHAC: ("Đoàn viên, người lao động gắn bó hơn với đơn vị; {n} lượt người được hỗ trợ.",),
}
# Probability that the benefit is computed in money, and its median (đồng a year).
MONEY: dict[str, tuple[float, int]] = {
    SXKD: (0.93, 150_000_000), ATVSLD: (0.6, 60_000_000), MOI_TRUONG: (0.7, 70_000_000),
    QUAN_LY: (0.6, 60_000_000), CCHC: (0.45, 40_000_000), Y_TE: (0.45, 90_000_000),
    GIAO_DUC: (0.08, 20_000_000), KHAC: (0.3, 30_000_000),
}  # fmt: skip


def benefit_value(rng: random.Random, field: str) -> int | None:
    """Money saved or earned a year, log-normal around the field's median, in whole 100,000s
    of đồng; None when the benefit is not computed in money."""
    share, median = MONEY[field]
    if rng.random() >= share:
        return None
    value = rng.lognormvariate(math.log(median), 1.05)
    return max(round(value / 100_000) * 100_000, 3_000_000)


def non_monetary(rng: random.Random, field: str) -> str:
    a = rng.randint(40, 75)
    c = rng.randint(40, 120)
    e = rng.randint(5, 15)
    numbers = {
        "a": a, "b": a + rng.randint(6, 20), "c": c, "d": c * rng.randint(35, 70) // 100,
        "e": e, "f": max(1, e * rng.randint(30, 60) // 100), "m": rng.randint(2, 3),
        "n": rng.randint(12, 60), "p": rng.randint(15, 50),
    }  # fmt: skip
    return rng.choice(NON_MONETARY[field]).format(**numbers)


def describe(
    rng: random.Random,
    *,
    field: str,
    title: str,
    applying_unit: str,
    certifier: str,
    first_applied_on: dt.date,
    place: str,
) -> dict[str, Any]:
    """The content fields of the form, everything but title, kind and field."""
    value = benefit_value(rng, field)
    data: dict[str, Any] = {
        "applying_unit_name": applying_unit,
        "first_applied_on": first_applied_on,
        "prior_situation": rng.choice(PRIOR[field]),
        "novelty": f"{title}. {rng.choice(NOVELTY)}",
        "application": (
            f"Đã áp dụng từ ngày {first_applied_on:%d/%m/%Y} tại {applying_unit}; có thể nhân "
            f"rộng ra các đơn vị cùng loại ở {place}."
        ),
        "conditions": rng.choice(CONDITIONS),
        "benefit_value": value,
        "benefit_basis": rng.choice(BENEFIT_BASIS) if value is not None else "",
        "non_monetary_benefit": "",
        "benefit_certified_by": certifier,
    }
    if value is None or rng.random() < 0.2:
        data["non_monetary_benefit"] = non_monetary(rng, field)
    return data


def applying_unit_of(union_name: str) -> str:
    """'Công đoàn Trường THCS Dương Đông' -> 'Trường THCS Dương Đông'."""
    return union_name.removeprefix("Công đoàn ").strip()


# ---------------------------------------------------------------------------------------------
# What officers write

# Asked only of initiatives filed without the certification; the others ask for something else.
CERTIFY = "Bổ sung xác nhận giá trị làm lợi của đơn vị áp dụng."
RETURN_REASONS = (
    CERTIFY,
    "Bổ sung bảng tính giá trị làm lợi có chữ ký của kế toán đơn vị.",
    "Ghi rõ tỷ lệ đóng góp của từng đồng tác giả, có chữ ký xác nhận.",
    "Mô tả còn sơ sài: bổ sung tình trạng trước khi áp dụng và số liệu so sánh.",
    "Bổ sung biên bản áp dụng thử có xác nhận của thủ trưởng đơn vị.",
)
NOT_SELECTED_GRASSROOTS = (
    "Giải pháp đã được áp dụng phổ biến tại đơn vị trước năm xét, không còn tính mới.",
    "Chưa có số liệu chứng minh hiệu quả áp dụng thực tế.",
    "Trùng nội dung với sáng kiến đã được công nhận năm trước.",
    "Chưa được áp dụng hoặc áp dụng thử tại đơn vị.",
)
NOT_SELECTED_UPPER = (
    "Giá trị làm lợi thấp so với các sáng kiến khác của khối, chưa đề nghị cấp trên.",
    "Phạm vi ảnh hưởng hẹp, khó nhân rộng ra các đơn vị khác.",
    "Chưa đạt yêu cầu về tính mới ở phạm vi ngành, địa phương.",
)
WITHDRAW_REASONS = (
    "Tác giả rút để hoàn thiện, đăng ký vào đợt sau.",
    "Nhóm tác giả đề nghị rút do trùng với đề tài nghiên cứu khoa học cấp cơ sở.",
    "Tác giả chuyển công tác, đề nghị rút hồ sơ.",
)
