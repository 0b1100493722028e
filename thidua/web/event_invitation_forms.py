"""Forms of invitations and answers: whom to send the Giấy mời to, and an answer (by the
delegate through their link, or written down by the staff after a phone call)."""

from __future__ import annotations

from typing import Any, TypedDict

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.events.enums import Rsvp
from thidua.events.invitation_sending import Scope
from thidua.events.invitations import ANSWERS, answer_errors
from thidua.events.models import Guest, GuestGroup


class Answer(TypedDict):
    answer: str
    substitute_name: str
    substitute_position: str
    note: str


class SendForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Gửi cho"),
        choices=Scope.choices,
        initial=Scope.NOT_INVITED,
        widget=forms.RadioSelect,
    )
    group = forms.ModelChoiceField(
        label=_("Nhóm"),
        queryset=GuestGroup.objects.none(),
        required=False,
        empty_label=_("— chọn nhóm —"),
    )
    guest = forms.ModelChoiceField(
        queryset=Guest.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(
        self, *args: Any, groups: QuerySet[GuestGroup], guests: QuerySet[Guest], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # One delegate is chosen on their row ("Gửi lại giấy mời"), not among the options.
        scope: Any = self.fields["scope"]
        scope.widget.choices = [c for c in Scope.choices if c[0] != Scope.GUEST]
        group_field: Any = self.fields["group"]
        group_field.queryset = groups
        guest_field: Any = self.fields["guest"]
        guest_field.queryset = guests

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("scope") == Scope.GROUP and data.get("group") is None:
            self.add_error("group", _("Hãy chọn nhóm để gửi."))
        if data.get("scope") == Scope.GUEST and data.get("guest") is None:
            self.add_error(None, _("Hãy chọn đại biểu để gửi."))
        return data


class AnswerForm(forms.Form):
    """The three answers; the substitute's name and position when someone comes instead."""

    answer = forms.ChoiceField(
        label=_("Trả lời"),
        choices=[(value, label) for value, label in Rsvp.choices if value in ANSWERS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn: tham dự, không tham dự, hoặc cử người dự thay.")},
    )
    substitute_name = forms.CharField(
        label=_("Họ và tên người dự thay"), max_length=120, required=False
    )
    substitute_position = forms.CharField(
        label=_("Chức vụ người dự thay"), max_length=200, required=False
    )
    note = forms.CharField(
        label=_("Ghi chú (không bắt buộc)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "answer" in data:
            errors = answer_errors(
                data["answer"], data.get("substitute_name", ""), data.get("substitute_position", "")
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return data

    def answer_data(self) -> Answer:
        """What the services take (rsvp_answer, rsvp_record)."""
        data = self.cleaned_data
        return {
            "answer": data["answer"],
            "substitute_name": data.get("substitute_name", ""),
            "substitute_position": data.get("substitute_position", ""),
            "note": data.get("note", ""),
        }


def answer_initial(guest: Guest) -> dict[str, str]:
    return {
        "answer": guest.rsvp if guest.rsvp in ANSWERS else "",
        "substitute_name": guest.substitute_name,
        "substitute_position": guest.substitute_position,
        "note": guest.rsvp_note,
    }
