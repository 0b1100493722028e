"""Forms: the boundary between the browser and the services. Vietnamese labels and messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse_lazy

from thidua.orgs.enums import EducationLevel, Gender, MemberCategory, Role, UnitKind
from thidua.orgs.models import Person, Unit, code_validator
from thidua.orgs.permissions import today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnitCodeField(forms.CharField):
    """A unit chosen by its code, among the units the form allows. The widget suggests
    matches as the user types (htmx), so it stays usable with 150,000 units."""

    def __init__(self, *, units: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        self.units = units if units is not None else Unit.objects.none()
        kwargs.setdefault("help_text", "Gõ tên hoặc mã đơn vị rồi chọn trong danh sách gợi ý.")
        super().__init__(max_length=300, **kwargs)
        self.widget.attrs.update(
            {
                "list": "unit-suggestions",
                "autocomplete": "off",
                "hx-get": str(reverse_lazy("web:unit_suggest")),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#unit-suggestions",
                "hx-swap": "innerHTML",
            }
        )

    def clean(self, value: Any) -> Unit | None:
        text = super().clean(value)
        if not text:
            return None
        code = text.split(" – ")[0].strip()
        unit = self.units.filter(code__iexact=code).first()
        if unit is None:
            raise ValidationError(
                f"Không tìm thấy đơn vị có mã “{code}” trong phạm vi bạn được thao tác."
            )
        return unit

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Unit):
            return f"{value.code} – {value.name}"
        return value


class UnitForm(forms.Form):
    code = forms.CharField(label="Mã đơn vị", max_length=32, validators=[code_validator])
    name = forms.CharField(label="Tên đầy đủ", max_length=255)
    short_name = forms.CharField(
        label="Tên viết tắt trong văn bản",
        max_length=64,
        required=False,
        help_text="Ví dụ: LĐLĐ, CĐCS – dùng trong số, ký hiệu văn bản.",
    )
    place_name = forms.CharField(
        label="Địa danh",
        max_length=100,
        required=False,
        help_text="Ví dụ: An Lão – dùng ở dòng “An Lão, ngày … tháng … năm …”.",
    )
    kind = forms.ChoiceField(label="Loại đơn vị", choices=UnitKind.choices)
    established_on = forms.DateField(label="Ngày thành lập", widget=DateInput())
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    email = forms.EmailField(label="Thư điện tử", required=False)

    def __init__(
        self, *args: Any, parent_units: QuerySet[Unit] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if parent_units is not None:
            self.fields["parent"] = UnitCodeField(label="Đơn vị cấp trên", units=parent_units)
            self.order_fields(["parent"])
        else:
            self.fields["established_on"].label = "Ngày thành lập"


class UnitMoveForm(forms.Form):
    effective_on = forms.DateField(label="Có hiệu lực từ ngày", widget=DateInput(), initial=today)
    reason = forms.CharField(
        label="Căn cứ, lý do",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: Quyết định số …/QĐ-LĐLĐ ngày …",
    )

    def __init__(
        self, *args: Any, targets: QuerySet[Unit], target_label: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"] = UnitCodeField(label=target_label, units=targets)
        self.order_fields(["target"])


class UnitDissolveForm(forms.Form):
    effective_on = forms.DateField(
        label="Chấm dứt hoạt động từ ngày", widget=DateInput(), initial=today
    )
    reason = forms.CharField(
        label="Căn cứ, lý do",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: Công văn 4173/TLĐ-ToC ngày 28/5/2025",
    )


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    gender = forms.ChoiceField(label="Giới tính", choices=Gender.choices)
    date_of_birth = forms.DateField(label="Ngày sinh", widget=DateInput(), required=False)
    position = forms.CharField(label="Chức vụ", max_length=160, required=False)
    education_level = forms.ChoiceField(
        label="Trình độ", choices=[("", "— Chưa rõ —"), *EducationLevel.choices], required=False
    )
    member_category = forms.ChoiceField(
        label="Đối tượng",
        choices=MemberCategory.choices,
        help_text="Dùng để xét ngưỡng giá trị làm lợi của Bằng Lao động sáng tạo.",
    )
    is_union_member = forms.BooleanField(
        label="Là đoàn viên công đoàn", required=False, initial=True
    )
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    email = forms.EmailField(label="Thư điện tử", required=False)

    def __init__(
        self, *args: Any, units: QuerySet[Unit], with_id_number: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label="Đơn vị", units=units)
        if with_id_number:
            self.fields["id_number"] = forms.CharField(
                label="Số CCCD",
                max_length=12,
                required=False,
                help_text="Dữ liệu cá nhân – chỉ cán bộ thi đua và quản trị được xem.",
            )
        self.order_fields(["full_name", "gender", "date_of_birth", "unit", "position"])

    def clean_date_of_birth(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("date_of_birth")
        if value and value > today():
            raise ValidationError("Ngày sinh không thể ở tương lai.")
        if value and value.year < 1900:
            raise ValidationError("Năm sinh không hợp lệ.")
        return value


def person_initial(person: Person, with_id_number: bool) -> dict[str, Any]:
    initial = {
        name: getattr(person, name)
        for name in [
            "full_name",
            "gender",
            "date_of_birth",
            "position",
            "education_level",
            "member_category",
            "is_union_member",
            "phone",
            "email",
            "unit",
        ]
    }
    if with_id_number:
        initial["id_number"] = person.id_number
    return initial


class UserCreateForm(forms.Form):
    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        help_text="Chữ không dấu, chữ số và các ký tự @ . + - _",
    )
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    email = forms.EmailField(label="Thư điện tử", required=False)
    password = forms.CharField(
        label="Mật khẩu ban đầu",
        widget=forms.PasswordInput,
        required=False,
        help_text="Để trống nếu muốn người dùng tự đặt mật khẩu qua liên kết gửi thư.",
    )
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label="Tại đơn vị", units=units)
        self.order_fields(["username", "full_name", "email", "password", "unit", "role"])


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label="Tại đơn vị", units=units)
        self.order_fields(["unit", "role"])


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the matching field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
