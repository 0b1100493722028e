from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Programme
from thidua.spreadsheets.base import too_big
from thidua.spreadsheets.initiative_import import (
    MODE_DRAFT,
    MODE_LABELS,
    MODE_OPTION,
    import_modes,
)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        user: Any = None,
        initial: Mapping[str, Any] | None = None,
        **import_args: Any,
    ) -> None:
        """`user` and `import_args` (what the import was given, e.g. the programme) let a
        subclass offer choices of its own."""
        super().__init__(data, files, initial=dict(initial or {}))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = settings.THIDUA_IMPORT_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(too_big(upload.size, limit))
        return upload

    def options(self) -> dict[str, str]:
        """What else was chosen with the file; kept with it until the import is confirmed."""
        return {}


class InitiativeUploadForm(UploadForm):
    sau_khi_nhap = forms.ChoiceField(
        label=_("Sau khi nhập"), widget=forms.RadioSelect, initial=MODE_DRAFT, required=False
    )

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        user: Any = None,
        initial: Mapping[str, Any] | None = None,
        programme: Programme | None = None,
        **import_args: Any,
    ) -> None:
        super().__init__(data, files, user=user, initial=initial)
        modes = import_modes(user, programme) if programme is not None else [MODE_DRAFT]
        field = cast(forms.ChoiceField, self.fields[MODE_OPTION])
        field.choices = [(mode, MODE_LABELS[mode]) for mode in modes]

    def options(self) -> dict[str, str]:
        return {MODE_OPTION: self.cleaned_data[MODE_OPTION] or MODE_DRAFT}
