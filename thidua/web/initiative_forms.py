"""Forms for programmes and initiatives: the browser's side of the campaigns and initiatives
services. Labels marked for translation; money typed as people type it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.enums import DEFAULT_FIELDS
from thidua.campaigns.models import Programme, ProgrammeLevel
from thidua.campaigns.rules import share_problems
from thidua.common.vietnamese import money
from thidua.initiatives.enums import SolutionKind
from thidua.initiatives.services import CONTENT_FIELDS
from thidua.orgs.enums import Tier
from thidua.orgs.models import Person, Unit
from thidua.spreadsheets.base import CellError
from thidua.spreadsheets.parsing import parse_money
from thidua.web.forms import DateInput, UnitCodeField


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MoneyField(forms.CharField):
    """Whole đồng: accepts '1.200.000.000', '1,2 tỷ', '800 triệu'."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("Đồng chẵn, ví dụ 1.200.000.000 hoặc 1,2 tỷ."))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return money(value).removesuffix(" đồng")
        return value

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_money(text)
        except CellError as error:
            raise ValidationError(str(error)) from None


# A level's name on the form, and (in Vietnamese, whatever the page's language: it is the
# programme's data, shared by everyone who takes part) the name the new level is given.
TIER_LEVEL_NAMES = {
    Tier.GRASSROOTS: _("Công đoàn cơ sở"),
    Tier.UPPER: _("Công đoàn cấp trên trực tiếp cơ sở"),
    Tier.PROVINCE: _("Liên đoàn Lao động tỉnh, thành phố / Công đoàn ngành trung ương"),
    Tier.CENTRAL: _("Tổng Liên đoàn Lao động Việt Nam"),
}


def _in_vietnamese(text: Any) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Tên chương trình, phong trào"), max_length=255)
    code = forms.CharField(
        label=_("Ký hiệu"),
        max_length=32,
        help_text=_("Chữ không dấu, dùng trong mã sáng kiến, ví dụ KG75."),
    )
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DateInput())
    description = forms.CharField(
        label=_("Nội dung, yêu cầu"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    fields_text = forms.CharField(
        label=_("Lĩnh vực (mỗi dòng một lĩnh vực)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        initial="\n".join(DEFAULT_FIELDS),
    )

    def __init__(self, *args: Any, running_units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["running_unit"] = UnitCodeField(label=_("Đơn vị chủ trì"), units=running_units)
        self.order_fields(["name", "code", "running_unit"])
        for tier in Tier:
            prefix = f"level_{tier.value}"
            self.fields[f"{prefix}_on"] = forms.BooleanField(
                label=gettext("Có cấp xét: %(level)s") % {"level": TIER_LEVEL_NAMES[tier]},
                required=False,
            )
            self.fields[f"{prefix}_deadline"] = forms.DateTimeField(
                label=_("Hạn nộp (giờ Việt Nam)"), required=False, widget=DateTimeInput()
            )
            self.fields[f"{prefix}_quota_max"] = forms.IntegerField(
                label=_("Mỗi đơn vị được chuyển lên tối đa"), required=False, min_value=0
            )
            self.fields[f"{prefix}_has_council"] = forms.BooleanField(
                label=_("Có hội đồng xét duyệt"), required=False
            )

    def level_rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (
                str(TIER_LEVEL_NAMES[tier]),
                [
                    self[f"level_{tier.value}_{name}"]
                    for name in ("on", "deadline", "quota_max", "has_council")
                ],
            )
            for tier in sorted(Tier, reverse=True)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        levels = []
        for tier in sorted(Tier, reverse=True):
            prefix = f"level_{tier.value}"
            if not data.get(f"{prefix}_on"):
                continue
            if not data.get(f"{prefix}_deadline"):
                self.add_error(f"{prefix}_deadline", gettext("Hãy ghi hạn nộp của cấp này."))
                continue
            levels.append(
                {
                    "name": _in_vietnamese(TIER_LEVEL_NAMES[tier]),
                    "tier": tier,
                    "deadline": data[f"{prefix}_deadline"],
                    "quota_max": data.get(f"{prefix}_quota_max"),
                    "has_council": bool(data.get(f"{prefix}_has_council")),
                }
            )
        if not levels and not self.errors:
            raise ValidationError(gettext("Hãy chọn ít nhất một cấp xét."))
        data["levels"] = levels
        data["fields"] = [
            line.strip() for line in data.get("fields_text", "").splitlines() if line.strip()
        ]
        return data


class LevelForm(forms.Form):
    name = forms.CharField(label=_("Tên cấp xét"), max_length=120)
    deadline = forms.DateTimeField(label=_("Hạn nộp (giờ Việt Nam)"), widget=DateTimeInput())
    quota_min = forms.IntegerField(label=_("Số tối thiểu được chuyển lên"), min_value=0)
    quota_max = forms.IntegerField(
        label=_("Số tối đa được chuyển lên"), min_value=0, required=False
    )
    has_council = forms.BooleanField(label=_("Có hội đồng xét duyệt"), required=False)


class ExtensionForm(forms.Form):
    level = forms.ModelChoiceField(label=_("Cấp xét"), queryset=ProgrammeLevel.objects.none())
    deadline = forms.DateTimeField(label=_("Hạn mới (giờ Việt Nam)"), widget=DateTimeInput())
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(
        self, *args: Any, programme: Programme, units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["level"]).queryset = programme.levels.all()
        self.fields["unit"] = UnitCodeField(
            label=_("Cho đơn vị"),
            units=units,
            required=False,
            help_text=_("Để trống để gia hạn cho tất cả các đơn vị."),
        )
        self.order_fields(["level", "unit", "deadline", "reason"])


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Tên sáng kiến"), max_length=500)
    solution_kind = forms.ChoiceField(label=_("Loại giải pháp"), choices=SolutionKind.choices)
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Programme.objects.none())
    applying_unit_name = forms.CharField(
        label=_("Đơn vị áp dụng"),
        max_length=255,
        required=False,
        help_text=_("Cơ quan, doanh nghiệp áp dụng; để trống nếu là chính đơn vị đăng ký."),
    )
    first_applied_on = forms.DateField(
        label=_("Ngày áp dụng lần đầu (hoặc áp dụng thử)"), widget=DateInput()
    )
    prior_situation = forms.CharField(
        label=_("Tình trạng trước khi có sáng kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    novelty = forms.CharField(
        label=_("Nội dung và tính mới của sáng kiến"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    application = forms.CharField(
        label=_("Cách thức, khả năng áp dụng"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    conditions = forms.CharField(
        label=_("Điều kiện cần thiết để áp dụng"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    benefit_value = MoneyField(label=_("Giá trị làm lợi hằng năm (đồng)"), required=False)
    benefit_basis = forms.CharField(
        label=_("Cách tính giá trị làm lợi"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    non_monetary_benefit = forms.CharField(
        label=_("Lợi ích không tính được bằng tiền"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    benefit_certified_by = forms.CharField(
        label=_("Đơn vị, người xác nhận giá trị làm lợi"), max_length=255, required=False
    )
    confidential = forms.BooleanField(
        label=_("Có nội dung cần bảo mật"),
        required=False,
        help_text=_("Ngoài công đoàn cơ sở và hội đồng, chỉ hiện tên, lĩnh vực, tóm tắt lợi ích."),
    )

    AUTHOR_ROWS = 5

    def __init__(
        self, *args: Any, programme: Programme, people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["field"]).queryset = programme.fields.all()
        for index in range(self.AUTHOR_ROWS):
            self.fields[f"author_{index}"] = forms.ModelChoiceField(
                label=gettext("Tác giả %(number)s") % {"number": index + 1},
                queryset=people,
                required=index == 0,
                empty_label=_("— Chọn người —"),
            )
            self.fields[f"share_{index}"] = forms.DecimalField(
                label=_("Tỷ lệ đóng góp (%)"),
                required=False,
                min_value=Decimal("0.01"),
                max_value=Decimal(100),
                decimal_places=2,
            )

    def author_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"author_{i}"], self[f"share_{i}"]) for i in range(self.AUTHOR_ROWS)]

    def content_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith(("author_", "share_"))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        authors: list[tuple[Person, Decimal]] = []
        for index in range(self.AUTHOR_ROWS):
            person, share = data.get(f"author_{index}"), data.get(f"share_{index}")
            if person is None and share is None:
                continue
            if person is None:
                self.add_error(f"author_{index}", gettext("Hãy chọn tác giả cho tỷ lệ này."))
            elif share is None:
                if index == 0 and not any(
                    data.get(f"author_{i}") for i in range(1, self.AUTHOR_ROWS)
                ):
                    authors.append((person, Decimal(100)))
                else:
                    self.add_error(
                        f"share_{index}", gettext("Hãy ghi tỷ lệ đóng góp của tác giả này.")
                    )
            else:
                authors.append((person, share))
        if authors and not any(name.startswith(("author_", "share_")) for name in self.errors):
            # The service checks this too; here it shows beside the authors in the same round
            # as every other mistake on the form.
            for problem in share_problems([share for _, share in authors]):
                self.add_error("share_0", problem)
        data["authors"] = authors
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CONTENT_FIELDS}


def initiative_initial(initiative: Any) -> dict[str, Any]:
    initial = {name: getattr(initiative, name) for name in CONTENT_FIELDS}
    for index, authorship in enumerate(initiative.authorships.all()):
        initial[f"author_{index}"] = authorship.person
        initial[f"share_{index}"] = authorship.share
    return initial


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp đính kèm"), help_text=_("PDF, Word, Excel hoặc ảnh; tối đa 20 MB.")
    )


def default_deadline(days: int) -> dt.datetime:
    return timezone.localtime() + dt.timedelta(days=days)
