"""The preset rubrics, transcribed from local rules."""

from __future__ import annotations

from decimal import Decimal

from thidua.reviews.rubrics.model import Band, CriterionSpec, GradeClass, RubricSpec

_UNVERIFIED = "chưa xác minh, cần điều chỉnh theo quy định địa phương"

PRESETS: dict[str, RubricSpec] = {
    "da_nang": RubricSpec(
        name="Đà Nẵng – QĐ 465/QĐ-SGDĐT (ngành giáo dục)",
        description=(
            "Đạt khi tổng điểm từ 50 trở lên và mỗi tiêu chí từ 10 điểm trở lên. "
            "Loại A: từ 85 điểm, tính mới từ 30; loại B: 70–84 điểm, tính mới từ 20; "
            "loại C: 50–69 điểm, tính mới từ 10."
        ),
        criteria=(
            CriterionSpec(
                code="tinh_moi",
                name="Tính mới",
                max_points=40,
                minimum=10,
                bands=(
                    Band(31, 40, "Hoàn toàn mới, chưa từng được áp dụng"),
                    Band(21, 30, "Cải tiến lớn so với giải pháp đã có"),
                    Band(11, 20, "Cải tiến một phần giải pháp đã có"),
                    Band(0, 10, "Ít điểm mới"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=30,
                minimum=10,
                bands=(
                    Band(21, 30, "Áp dụng rộng rãi trong toàn ngành"),
                    Band(11, 20, "Áp dụng được ở đơn vị và một số đơn vị khác"),
                    Band(0, 10, "Chỉ áp dụng trong phạm vi hẹp tại đơn vị"),
                ),
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả (lợi ích)",
                max_points=30,
                minimum=10,
                needs_money_for_top_band=True,
                bands=(
                    Band(21, 30, "Có giá trị làm lợi tính được bằng tiền"),
                    Band(11, 20, "Hiệu quả rõ rệt nhưng chưa tính được bằng tiền"),
                    Band(0, 10, "Hiệu quả thấp"),
                ),
            ),
        ),
        pass_mark=Decimal(50),
        classes=(
            GradeClass("A", Decimal(85), "tinh_moi", 30),
            GradeClass("B", Decimal(70), "tinh_moi", 20),
            GradeClass("C", Decimal(50), "tinh_moi", 10),
        ),
    ),
    "son_la": RubricSpec(
        name="Sơn La – Mẫu số 03",
        description=(
            "Tiêu chí tính mới theo Mẫu số 03. Điểm tối đa 35 của “Khả năng áp dụng” và 35 của "
            f"“Hiệu quả” là giả định ({_UNVERIFIED})."
        ),
        criteria=(
            CriterionSpec(
                code="tinh_moi",
                name="Tính mới",
                max_points=30,
                bands=(
                    Band(27, 30, "Hoàn toàn mới"),
                    Band(21, 26, "Mới, có cải tiến lớn"),
                    Band(16, 20, "Có cải tiến một phần"),
                    Band(1, 15, "Ít điểm mới"),
                    Band(0, 0, "Sao chép"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=35,
                description=f"Điểm tối đa giả định ({_UNVERIFIED}).",
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả",
                max_points=35,
                description=f"Điểm tối đa giả định ({_UNVERIFIED}).",
            ),
        ),
        pass_mark=Decimal(50),
    ),
    "thai_nguyen": RubricSpec(
        name="Thái Nguyên – cuộc thi sáng tạo",
        description=(
            "Hội đồng chấm ba tiêu chí (tối đa 80 điểm) và xếp hạng; điểm bình chọn của công chúng "
            "được hiển thị nhưng không cộng vào điểm của hội đồng."
        ),
        criteria=(
            # The source gives points only; the bands are suggested hints for the sheet.
            CriterionSpec(
                code="tinh_sang_tao",
                name="Tính sáng tạo",
                max_points=20,
                bands=(
                    Band(16, 20, "Hoàn toàn mới, có tính đột phá"),
                    Band(11, 15, "Cải tiến đáng kể so với cách làm cũ"),
                    Band(6, 10, "Cải tiến một phần"),
                    Band(0, 5, "Ít điểm mới"),
                ),
            ),
            CriterionSpec(
                code="hieu_qua",
                name="Hiệu quả kinh tế – xã hội",
                max_points=30,
                bands=(
                    Band(21, 30, "Hiệu quả lớn, có số liệu chứng minh"),
                    Band(11, 20, "Hiệu quả rõ rệt"),
                    Band(0, 10, "Hiệu quả thấp hoặc chưa chứng minh được"),
                ),
            ),
            CriterionSpec(
                code="kha_nang_ap_dung",
                name="Khả năng áp dụng",
                max_points=30,
                bands=(
                    Band(21, 30, "Áp dụng rộng rãi trong tỉnh, trong ngành"),
                    Band(11, 20, "Áp dụng được ở nhiều đơn vị"),
                    Band(0, 10, "Chỉ áp dụng tại đơn vị"),
                ),
            ),
            CriterionSpec(
                code="binh_chon",
                name="Bình chọn của công chúng",
                max_points=20,
                counted=False,
                description="Do công chúng bình chọn, không do hội đồng chấm.",
            ),
        ),
    ),
}
