"""The score sheet and the small action forms: conflicts, reopening, the slate, the vote."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.reviews import rubrics, selection
from thidua.reviews.enums import VoteMethod
from thidua.reviews.models import Council, CouncilMember
from thidua.web.initiative_forms import DateTimeInput


def _seat_label(seat: CouncilMember) -> str:
    return f"{seat} – {seat.get_role_display()}"


class ScoreSheetForm(forms.Form):
    """One number per criterion, with its bands as hints, and comments."""

    comment = forms.CharField(
        label=_("Nhận xét chung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, spec: rubrics.RubricSpec, disabled: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.spec = spec
        for criterion in spec.criteria:
            self.fields[f"p_{criterion.code}"] = forms.IntegerField(
                label=criterion.name,
                min_value=0,
                max_value=criterion.max_points,
                required=False,
                disabled=disabled,
                error_messages={
                    "invalid": gettext("Hãy nhập điểm là số nguyên."),
                    "max_value": gettext("Điểm tối đa của tiêu chí này là %(limit_value)s."),
                    "min_value": gettext("Điểm không được âm."),
                },
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "min": 0, "max": criterion.max_points}
                ),
            )
            self.fields[f"n_{criterion.code}"] = forms.CharField(
                label=gettext("Ghi chú"), required=False, max_length=2000, disabled=disabled
            )
        self.fields["comment"].disabled = disabled

    def rows(self) -> list[tuple[rubrics.CriterionSpec, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"p_{c.code}"], self[f"n_{c.code}"]) for c in self.spec.criteria]

    def points(self) -> dict[str, int | None]:
        return {c.code: self.cleaned_data.get(f"p_{c.code}") for c in self.spec.criteria}

    def notes(self) -> dict[str, str]:
        return {c.code: self.cleaned_data.get(f"n_{c.code}") or "" for c in self.spec.criteria}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ConflictDecisionForm(forms.Form):
    confirm = forms.TypedChoiceField(
        label=_("Quyết định"),
        choices=[("1", _("Xác nhận xung đột lợi ích")), ("0", _("Không chấp nhận"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReopenForm(forms.Form):
    until = forms.DateTimeField(label=_("Mở lại đến (giờ Việt Nam)"), widget=DateTimeInput())
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ReassignForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Giao cho thành viên"), queryset=CouncilMember.objects.none(), required=False,
        help_text=_("Để trống để chỉ bỏ phân công."),
    )  # fmt: skip
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member_field = cast("forms.ModelChoiceField[CouncilMember]", self.fields["member"])
        member_field.queryset = council.members.filter(active=True).select_related("user")


class AmendForm(forms.Form):
    selected = forms.BooleanField(label=_("Đề xuất"), required=False)
    prize = forms.ChoiceField(label=_("Giải"), required=False)
    top = forms.BooleanField(
        label=_("Đề nghị cấp trên (nhóm giá trị làm lợi cao nhất)"), required=False
    )
    reason = forms.CharField(
        label=_("Lý do hội đồng thay đổi"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["prize"]).choices = [("", _("Không có giải"))] + [
            (key, selection.prize_label(key)) for key in selection.PRIZES
        ]


class VoteForm(forms.Form):
    method = forms.ChoiceField(label=_("Hình thức"), choices=VoteMethod.choices)
    present = forms.ModelMultipleChoiceField(
        label=_("Thành viên có mặt"), queryset=CouncilMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    held_at = forms.DateTimeField(
        label=_("Thời gian họp (giờ Việt Nam)"), widget=DateTimeInput(), required=False,
        help_text=_("Để trống nếu là lúc này."),
    )  # fmt: skip
    in_favour = forms.IntegerField(label=_("Số phiếu đồng ý"), min_value=0)
    against = forms.IntegerField(label=_("Số phiếu không đồng ý"), min_value=0)
    abstain = forms.IntegerField(label=_("Không biểu quyết"), min_value=0, initial=0)
    place = forms.CharField(label=_("Địa điểm họp"), max_length=255, required=False)
    note = forms.CharField(
        label=_("Ý kiến khác, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        present = cast("forms.ModelMultipleChoiceField[CouncilMember]", self.fields["present"])
        present.queryset = council.members.filter(active=True).select_related("user")
        present.label_from_instance = _seat_label  # type: ignore[method-assign,assignment]
        self.order_fields(["held_at", "place", "method", "present"])


class AssignForm(forms.Form):
    code = forms.CharField(label=_("Mã sáng kiến"), max_length=40)
    member = forms.ModelChoiceField(
        label=_("Thành viên chấm"), queryset=CouncilMember.objects.none()
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member_field = cast("forms.ModelChoiceField[CouncilMember]", self.fields["member"])
        member_field.queryset = council.members.filter(active=True).select_related("user")


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))
