"""Forms of the honouring conference pages: the conference and its plan, a guest group, a guest
(typed, or found in the people register), and filling a group with the grassroots chairs."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Cycle
from thidua.events.models import Event, Guest
from thidua.orgs.models import Person, Unit
from thidua.web.award_forms.nominations import TimeInput
from thidua.web.forms import DateInput, UnitCodeField, add_service_errors

# Beyond this many organisers (a national administrator), the unit is typed with suggestions.
SELECT_LIMIT = 100
WHEN_REQUIRED = _("Hãy nhập thời gian bắt đầu hội nghị (ngày và giờ).")
# The services name the moment "starts_at"; the form asks for it as a day and an hour.
SERVICE_FIELDS = {"starts_at": "starts_day"}


def service_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal next to the field the user typed it in."""
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {SERVICE_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
        )
    add_service_errors(form, error)


def _lines_help() -> Any:
    return _("Mỗi ý một dòng; văn bản đánh số, gạch đầu dòng theo thứ tự các dòng.")


class EventForm(forms.Form):
    """The conference: who organises it (new ones only), what it honours, when and where; on
    edit, the plan's texts too."""

    cycle = forms.ModelChoiceField(
        label=_("Đợt xét khen thưởng"),
        queryset=Cycle.objects.none(),
        required=False,
        help_text=_(
            "Nội dung, đối tượng biểu dương và hạn gửi hồ sơ của kế hoạch được soạn sẵn từ đợt "
            "xét này; sửa được sau."
        ),
    )
    title = forms.CharField(
        label=_("Tên hội nghị"),
        max_length=300,
        required=False,
        help_text=_("Để trống để đặt theo tên đợt xét khen thưởng."),
    )
    starts_day = forms.DateField(
        label=_("Ngày họp"), widget=DateInput(), error_messages={"required": WHEN_REQUIRED}
    )
    starts_time = forms.TimeField(
        label=_("Giờ bắt đầu"),
        widget=TimeInput(),
        error_messages={"required": WHEN_REQUIRED},
    )
    place = forms.CharField(
        label=_("Địa điểm"),
        max_length=255,
        error_messages={"required": _("Hãy nhập địa điểm tổ chức hội nghị.")},
        help_text=_("Ví dụ: Hội trường Huyện ủy"),
    )

    def __init__(
        self,
        *args: Any,
        organisers: QuerySet[Unit] | None = None,
        cycles: QuerySet[Cycle],
        event: Event | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if organisers is not None:
            if organisers.count() > SELECT_LIMIT:
                self.fields["organiser"] = UnitCodeField(
                    label=_("Đơn vị tổ chức"), units=organisers
                )
            else:
                self.fields["organiser"] = forms.ModelChoiceField(
                    label=_("Đơn vị tổ chức"),
                    queryset=organisers.order_by("name"),
                    empty_label=None,
                )
            self.order_fields(["organiser"])
        if event is None:
            cast("forms.ModelChoiceField[Cycle]", self.fields["cycle"]).queryset = cycles
            return
        del self.fields["cycle"]
        self.fields["title"].required = True
        self.fields["title"].help_text = ""
        self.fields["title"].error_messages["required"] = _("Hãy nhập tên hội nghị.")
        self.fields["cycles"] = forms.ModelMultipleChoiceField(
            label=_("Đợt xét khen thưởng"),
            queryset=cycles,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        texts = {
            "basis": (_("Mở đầu (căn cứ, mục đích chung)"), 4, ""),
            "purposes": (_("I. Mục đích, yêu cầu"), 5, _lines_help()),
            "contents": (_("II. Nội dung biểu dương"), 4, _lines_help()),
            "honourees": (_("III.1. Đại biểu được biểu dương, khen thưởng"), 4, _lines_help()),
            "tasks": (
                _("V. Tổ chức thực hiện"),
                4,
                _("Mỗi đơn vị một dòng: “Đơn vị: việc phải làm”."),
            ),
        }
        texts["responsible"] = (
            _("Người phụ trách"),
            3,
            _("Mỗi người một dòng: “Họ tên, chức vụ: việc phụ trách”."),
        )
        for name, (label, rows, help_text) in texts.items():
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": rows}),
            )
        self.fields["remind_hours"] = forms.IntegerField(
            label=_("Nhắc lịch trước giờ khai mạc (giờ)"),
            required=False,
            min_value=0,
            max_value=720,
            help_text=_("Thư nhắc gửi cho đại biểu có thư điện tử chưa từ chối; 0 là không nhắc."),
            error_messages={
                "invalid": _("Số giờ nhắc lịch phải là số nguyên."),
                "min_value": _("Số giờ nhắc lịch không được âm."),
                "max_value": _("Nhắc lịch trước nhiều nhất 720 giờ (30 ngày)."),
            },
        )

    def starts_at(self) -> dt.datetime:
        return timezone.make_aware(
            dt.datetime.combine(self.cleaned_data["starts_day"], self.cleaned_data["starts_time"]),
            timezone.get_current_timezone(),
        )

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {"title": data["title"], "starts_at": self.starts_at(), "place": data["place"]}
        for name in (
            "basis", "purposes", "contents", "honourees", "tasks", "responsible", "remind_hours",
        ):  # fmt: skip
            if name in self.fields and data[name] is not None:  # a blank number: unchanged
                values[name] = data[name]
        return values


def event_initial(event: Event) -> dict[str, Any]:
    local = timezone.localtime(event.starts_at)
    return {
        "title": event.title,
        "starts_day": local.date(),
        "starts_time": local.time().replace(second=0, microsecond=0),
        "place": event.place,
        "basis": event.basis,
        "purposes": event.purposes,
        "contents": event.contents,
        "honourees": event.honourees,
        "tasks": event.tasks,
        "responsible": event.responsible,
        "remind_hours": event.remind_hours,
        "cycles": list(event.cycles.all()),
    }


class GuestGroupForm(forms.Form):
    name = forms.CharField(
        label=_("Nhóm khách mời"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy nhập tên nhóm khách mời.")},
        help_text=_("Như kế hoạch ghi, ví dụ: Các đồng chí Chủ tịch công đoàn cơ sở;"),
    )


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    unit_name = forms.CharField(label=_("Cơ quan, đơn vị"), max_length=255, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=32, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The service says what is missing: a name, or a person whose name it takes.
        self.fields["name"].help_text = ""


class GuestAddForm(GuestForm):
    """A guest typed in, or a person found in the user's people (what is left blank comes from
    their record)."""

    person = forms.ModelChoiceField(
        label=_("Người trong danh sách"), queryset=Person.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, people: QuerySet[Person], candidates: list[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Person]", self.fields["person"])
        # Only the people found by the search are offered; the queryset checks the scope.
        field.queryset = people.select_related("unit")
        field.widget = forms.RadioSelect(
            choices=[("", _("Không chọn (nhập họ tên bên dưới)"))]
            + [
                (p.pk, ", ".join(part for part in (p.full_name, p.position, p.unit.name) if part))
                for p in candidates
            ]
        )
        self.fields["name"].help_text = _("Để trống để dùng thông tin của người đã chọn.")
        self.order_fields(["person"])


def guest_initial(guest: Guest) -> dict[str, Any]:
    return {
        name: getattr(guest, name) for name in ("name", "position", "unit_name", "email", "phone")
    }


class FillForm(forms.Form):
    """The unit whose grassroots unions' chairs are invited."""

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            label=_("Các công đoàn cơ sở thuộc"),
            units=units,
            help_text=_(
                "Gõ tên hoặc mã đơn vị rồi chọn trong danh sách gợi ý: mời Chủ tịch của mọi "
                "công đoàn cơ sở thuộc đơn vị này (trong cây của đơn vị tổ chức). Người đã "
                "có trong danh sách khách mời không bị thêm lần nữa."
            ),
        )


class MoveForm(forms.Form):
    to = forms.IntegerField(min_value=1, max_value=10_000)
