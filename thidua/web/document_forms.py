"""Forms of the document pages: a draft's facts, its registration, a unit's template and the
public certificate check."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import SignMode
from thidua.documents.enums import DocumentKind
from thidua.documents.models import OfficialDocument
from thidua.events.models import GuestGroup
from thidua.orgs.models import Unit
from thidua.orgs.permissions import today
from thidua.web.forms import DateInput


class DocumentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = OfficialDocument
        fields = [
            "subject",
            "addressee",
            "guest_group",
            "per_group",
            "place_name",
            "recipients",
            "sign_mode",
            "sign_body",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "subject": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        document: OfficialDocument = self.instance
        self.fields["sign_mode"] = forms.ChoiceField(
            label=_("Hình thức ký"), choices=SignMode.choices, required=False
        )
        if document.kind != DocumentKind.PROPOSAL:
            del self.fields["addressee"]
        if document.kind == DocumentKind.INVITATION:
            groups: QuerySet[GuestGroup] = GuestGroup.objects.filter(event=document.event_id)
            field = self.fields["guest_group"]
            field.queryset = groups  # type: ignore[attr-defined]
            field.label = _("Chỉ mời nhóm")
            field.empty_label = _("Tất cả các nhóm")  # type: ignore[attr-defined]
            field.required = False
        else:
            del self.fields["guest_group"]
            del self.fields["per_group"]
        if document.kind == DocumentKind.MINUTES:
            for name in ("sign_mode", "sign_body", "signer_title", "signer_name"):
                del self.fields[name]


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Ngày văn bản (ngày ký)"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = today()


class TemplateUploadForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("Tệp mẫu (.docx)"),
        help_text=_("Tải mẫu có sẵn về, sửa lời văn trong Word, giữ nguyên các trường {{ … }}."),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class CertificateCheckForm(forms.Form):
    code = forms.RegexField(
        regex=r"^[A-Za-z0-9 -]{1,20}$",
        error_messages={"invalid": _("Mã xác minh chỉ gồm chữ, số và dấu gạch ngang.")},
        label=_("Mã xác minh"),
        max_length=20,
        help_text=_("In trên giấy khen, giấy chứng nhận, ví dụ GK-7F3K-92QD."),
    )


class InitiativeCertificatesForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị cấp giấy"), queryset=Unit.objects.none())
    issued_on = forms.DateField(label=_("Ngày cấp"), widget=DateInput())
    sign_label = forms.CharField(
        label=_("Thẩm quyền ký"), max_length=160, required=False, initial="TM. BAN THƯỜNG VỤ"
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=120)
    fmt = forms.ChoiceField(
        label=_("In thành"),
        choices=[("pdf", _("Một tệp PDF")), ("zip", _("Tệp ZIP, mỗi giấy một tệp Word"))],
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
        self.fields["issued_on"].initial = today()
