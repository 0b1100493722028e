"""Forms of the conference's day: adding someone who came without an invitation, at the door."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.events.models import GuestGroup


class WalkInForm(forms.Form):
    """Who came, in which group of guests they sit. The name is checked by the service, in its
    own words."""

    group = forms.ModelChoiceField(
        label=_("Nhóm khách mời"),
        queryset=GuestGroup.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Hãy chọn một nhóm khách mời của hội nghị.")},
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    unit_name = forms.CharField(label=_("Cơ quan, đơn vị"), max_length=255, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=32, required=False)

    def __init__(self, *args: Any, groups: list[GuestGroup], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[GuestGroup]", self.fields["group"])
        field.queryset = GuestGroup.objects.filter(pk__in=[group.pk for group in groups])
        # The plan's order, as the groups are listed on the conference page.
        field.choices = [(group.pk, group.name) for group in groups]
        self.fields["phone"].widget.input_type = "tel"
