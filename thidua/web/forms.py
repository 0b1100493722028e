"""Forms: the boundary between the browser and the services. Vietnamese labels and messages,
translated (lazily: fields are built at import) for the other languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
        kwargs.setdefault("help_text", _("Gõ tên hoặc mã đơn vị rồi chọn trong danh sách gợi ý."))
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
                gettext("Không tìm thấy đơn vị có mã “%(code)s” trong phạm vi bạn được thao tác.")
                % {"code": code}
            )
        return unit

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Unit):
            return f"{value.code} – {value.name}"
        return value


class UnitForm(forms.Form):
    code = forms.CharField(label=_("Mã đơn vị"), max_length=32, validators=[code_validator])
    name = forms.CharField(label=_("Tên đầy đủ"), max_length=255)
    short_name = forms.CharField(
        label=_("Tên viết tắt trong văn bản"),
        max_length=64,
        required=False,
        help_text=_("Ví dụ: LĐLĐ, CĐCS – dùng trong số, ký hiệu văn bản."),
    )
    place_name = forms.CharField(
        label=_("Địa danh"),
        max_length=100,
        required=False,
        help_text=_("Ví dụ: An Lão – dùng ở dòng “An Lão, ngày … tháng … năm …”."),
    )
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitKind.choices)
    established_on = forms.DateField(label=_("Ngày thành lập"), widget=DateInput())
    phone = forms.CharField(label=_("Điện thoại"), max_length=32, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)

    def __init__(
        self, *args: Any, parent_units: QuerySet[Unit] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if parent_units is not None:
            self.fields["parent"] = UnitCodeField(label=_("Đơn vị cấp trên"), units=parent_units)
            self.order_fields(["parent"])
        else:
            self.fields["established_on"].label = _("Ngày thành lập")


class UnitMoveForm(forms.Form):
    effective_on = forms.DateField(
        label=_("Có hiệu lực từ ngày"), widget=DateInput(), initial=today
    )
    reason = forms.CharField(
        label=_("Căn cứ, lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: Quyết định số …/QĐ-LĐLĐ ngày …"),
    )

    def __init__(
        self, *args: Any, targets: QuerySet[Unit], target_label: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"] = UnitCodeField(label=target_label, units=targets)
        self.order_fields(["target"])


class UnitDissolveForm(forms.Form):
    effective_on = forms.DateField(
        label=_("Chấm dứt hoạt động từ ngày"), widget=DateInput(), initial=today
    )
    reason = forms.CharField(
        label=_("Căn cứ, lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: Công văn 4173/TLĐ-ToC ngày 28/5/2025"),
    )


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=Gender.choices)
    date_of_birth = forms.DateField(label=_("Ngày sinh"), widget=DateInput(), required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=160, required=False)
    education_level = forms.ChoiceField(
        label=_("Trình độ"),
        choices=[("", _("— Chưa rõ —")), *EducationLevel.choices],
        required=False,
    )
    member_category = forms.ChoiceField(
        label=_("Đối tượng"),
        choices=MemberCategory.choices,
        help_text=_("Dùng để xét ngưỡng giá trị làm lợi của Bằng Lao động sáng tạo."),
    )
    is_union_member = forms.BooleanField(
        label=_("Là đoàn viên công đoàn"), required=False, initial=True
    )
    publicity_consent = forms.BooleanField(
        label=_("Đồng ý cho tuyên truyền, đưa tin"),
        required=False,
        help_text=_("Chỉ người đã đồng ý mới được chọn làm phóng sự, đưa tin."),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=32, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)

    def __init__(
        self, *args: Any, units: QuerySet[Unit], with_id_number: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label=_("Đơn vị"), units=units)
        if with_id_number:
            self.fields["id_number"] = forms.CharField(
                label=_("Số CCCD"),
                max_length=12,
                required=False,
                help_text=_("Dữ liệu cá nhân – chỉ cán bộ thi đua và quản trị được xem."),
            )
        self.order_fields(["full_name", "gender", "date_of_birth", "unit", "position"])

    def clean_date_of_birth(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("date_of_birth")
        if value and value > today():
            raise ValidationError(gettext("Ngày sinh không thể ở tương lai."))
        if value and value.year < 1900:
            raise ValidationError(gettext("Năm sinh không hợp lệ."))
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
            "publicity_consent",
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
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, chữ số và các ký tự @ . + - _"),
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"),
        widget=forms.PasswordInput,
        required=False,
        help_text=_("Để trống nếu muốn người dùng tự đặt mật khẩu qua liên kết gửi thư."),
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label=_("Tại đơn vị"), units=units)
        self.order_fields(["username", "full_name", "email", "password", "unit", "role"])


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label=_("Tại đơn vị"), units=units)
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
