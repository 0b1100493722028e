"""The council's settings form and the member form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Programme, ProgrammeField
from thidua.orgs.models import Unit, User
from thidua.reviews import rubrics, selection
from thidua.reviews.enums import Basis, Correction, CouncilRole, Method
from thidua.reviews.models import Council, Rubric
from thidua.web.forms import DateInput
from thidua.web.initiative_forms import DateTimeInput

THRESHOLDS = [
    ("2/3", _("2/3 tổng số thành viên (Thông tư 18/2013)")),
    ("3/4", _("3/4 tổng số thành viên")),
    ("90/100", _("90% tổng số thành viên")),
    ("1/2", _("Quá nửa tổng số thành viên")),
]


def tie_breaker_choices(rubric: Rubric | None) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [
        ("", _("— không dùng —")),
        ("benefit_value", gettext("Giá trị làm lợi cao hơn")),
        ("submitted_at", gettext("Nộp sớm hơn")),
    ]
    if rubric is not None:
        choices += [
            (f"criterion:{c.code}", gettext("Điểm “%(name)s” cao hơn") % {"name": c.name})
            for c in rubric.criteria.all()
        ]
    return choices


class CouncilForm(forms.Form):
    name = forms.CharField(label=_("Tên hội đồng"), max_length=255)
    decision_number = forms.CharField(
        label=_("Quyết định thành lập số"), max_length=60, required=False,
        help_text=_("Ví dụ: 45/QĐ-LĐLĐ"),
    )  # fmt: skip
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput(), required=False)
    rubric = forms.ModelChoiceField(
        label=_("Bộ tiêu chí chấm điểm"), queryset=Rubric.objects.none(), required=False
    )
    preset = forms.ChoiceField(label=_("hoặc tạo bộ tiêu chí theo mẫu"), required=False)
    deadline = forms.DateTimeField(
        label=_("Hạn chấm điểm (giờ Việt Nam)"), widget=DateTimeInput(), required=False
    )
    reviewers_per_item = forms.IntegerField(
        label=_("Số thành viên chấm mỗi sáng kiến"), min_value=1, max_value=15, initial=3
    )
    load_cap = forms.IntegerField(
        label=_("Số sáng kiến tối đa mỗi thành viên"), min_value=1, required=False,
        help_text=_("Để trống nếu không giới hạn."),
    )  # fmt: skip
    blind = forms.BooleanField(
        label=_("Chấm ẩn danh (ẩn tên tác giả và đơn vị với người chấm)"), required=False
    )
    method = forms.ChoiceField(label=_("Cách tổng hợp điểm"), choices=Method.choices)
    correction = forms.ChoiceField(
        label=_("Hiệu chỉnh độ lệch người chấm"), choices=Correction.choices
    )
    basis = forms.ChoiceField(label=_("Xếp hạng chính thức theo"), choices=Basis.choices)
    dispute_threshold = forms.DecimalField(
        label=_("Chênh lệch điểm cần hội đồng xem lại (cao nhất − thấp nhất)"),
        min_value=Decimal(0), max_digits=6, decimal_places=2,
    )  # fmt: skip
    tie_1 = forms.ChoiceField(label=_("Khi bằng điểm, xếp trên sáng kiến có"), required=False)
    tie_2 = forms.ChoiceField(label=_("rồi đến"), required=False)
    tie_3 = forms.ChoiceField(label=_("rồi đến"), required=False)
    threshold = forms.ChoiceField(label=_("Tỷ lệ biểu quyết thông qua"), choices=THRESHOLDS)
    quota_min = forms.IntegerField(label=_("Số sáng kiến đề xuất tối thiểu"), min_value=0)
    quota_max = forms.IntegerField(
        label=_("Số sáng kiến đề xuất tối đa"), min_value=0, required=False
    )
    min_score = forms.DecimalField(
        label=_("Điểm tối thiểu để được đề xuất"), required=False, min_value=Decimal(0),
        max_digits=7, decimal_places=2,
        help_text=_("Để trống: mọi sáng kiến đạt yêu cầu của bộ tiêu chí."),
    )  # fmt: skip
    prize_mode = forms.ChoiceField(
        label=_("Trao giải theo"),
        choices=[("count", _("Số lượng mỗi giải")), ("score", _("Mức điểm tối thiểu mỗi giải"))],
    )
    prize_nhat = forms.DecimalField(label=_("Giải Nhất"), required=False, min_value=Decimal(0))
    prize_nhi = forms.DecimalField(label=_("Giải Nhì"), required=False, min_value=Decimal(0))
    prize_ba = forms.DecimalField(label=_("Giải Ba"), required=False, min_value=Decimal(0))
    prize_kk = forms.DecimalField(
        label=_("Giải Khuyến khích"), required=False, min_value=Decimal(0)
    )
    top_n = forms.IntegerField(
        label=_("Số sáng kiến có giá trị làm lợi cao nhất đề nghị cấp trên"), min_value=0
    )
    media_min = forms.IntegerField(label=_("Tuyên truyền: số người tối thiểu"), min_value=0)
    media_max = forms.IntegerField(label=_("Tuyên truyền: số người tối đa"), min_value=0)
    media_min_fields = forms.IntegerField(
        label=_("Tuyên truyền: số lĩnh vực tối thiểu"), min_value=0
    )
    unit_limits = forms.CharField(
        label=_("Giới hạn theo đơn vị gửi lên"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng: mã đơn vị: tối thiểu-tối đa, ví dụ “KG-RACHGIA: 2-15”."),
    )  # fmt: skip

    def __init__(
        self, *args: Any, programme: Programme, units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.units = units  # where a per-unit limit may point: units the officer can see
        rubric_field = cast("forms.ModelChoiceField[Rubric]", self.fields["rubric"])
        rubric_field.queryset = programme.rubrics.all()
        presets = [("", _("— không —"))] + [(k, v.name) for k, v in rubrics.PRESETS.items()]
        cast(forms.ChoiceField, self.fields["preset"]).choices = presets
        rubric = None
        if self.initial.get("rubric"):
            rubric = Rubric.objects.filter(pk=getattr(self.initial["rubric"], "pk", 0)).first()
        choices = tie_breaker_choices(rubric)
        for name in ("tie_1", "tie_2", "tie_3"):
            cast(forms.ChoiceField, self.fields[name]).choices = choices
        self.field_rows = []
        for field in programme.fields.all():
            low = f"field_{field.pk}_min"
            high = f"field_{field.pk}_max"
            self.fields[low] = forms.IntegerField(
                label=gettext("“%(name)s”: tối thiểu") % {"name": field.name},
                min_value=0, required=False,
            )  # fmt: skip
            self.fields[high] = forms.IntegerField(
                label=gettext("tối đa"), min_value=0, required=False
            )
            self.field_rows.append((field, low, high))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("quota_min"), data.get("quota_max")
        if low is not None and high is not None and high < low:
            self.add_error("quota_max", gettext("Số tối đa phải lớn hơn hoặc bằng số tối thiểu."))
        if (data.get("media_max") or 0) < (data.get("media_min") or 0):
            self.add_error("media_max", gettext("Số tối đa phải lớn hơn hoặc bằng số tối thiểu."))
        data["unit_limits_parsed"] = self._unit_limits(data.get("unit_limits") or "")
        return data

    def _unit_limits(self, text: str) -> dict[str, list[int | None]]:
        limits: dict[str, list[int | None]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            code, _sep, rest = line.partition(":")
            low, _dash, high = rest.strip().partition("-")
            unit = self.units.filter(code__iexact=code.strip()).first()
            try:
                low_value = int(low) if low.strip() else 0
                high_value = int(high) if high.strip() else None
            except ValueError:
                unit = None
            if unit is None or not rest.strip():
                self.add_error(
                    "unit_limits",
                    gettext("Dòng %(n)s: “%(line)s” không đúng dạng “mã đơn vị: tối thiểu-tối đa”.")
                    % {"n": number, "line": line.strip()},
                )
                continue
            limits[str(unit.pk)] = [low_value, high_value]
        return limits

    def council_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        numerator, denominator = (int(x) for x in data["threshold"].split("/"))
        prizes = []
        for key in selection.PRIZES:
            value = data.get(f"prize_{key}")
            if value is None:
                continue
            if data["prize_mode"] == "count":
                if int(value):
                    prizes.append({"prize": key, "count": int(value)})
            else:
                prizes.append({"prize": key, "min_score": str(value)})
        field_limits: dict[str, list[int | None]] = {}
        for field, low, high in self.field_rows:
            if data.get(low) is not None or data.get(high) is not None:
                field_limits[str(field.pk)] = [data.get(low) or 0, data.get(high)]
        values = {
            name: data[name]
            for name in [
                "name", "decision_number", "decision_date", "rubric", "deadline",
                "reviewers_per_item", "load_cap", "blind", "method", "correction", "basis",
                "dispute_threshold", "quota_min", "quota_max", "min_score", "top_n",
                "media_min", "media_max", "media_min_fields",
            ]
        }  # fmt: skip
        values.update(
            tie_breakers=[data[n] for n in ("tie_1", "tie_2", "tie_3") if data.get(n)],
            vote_numerator=numerator,
            vote_denominator=denominator,
            prizes=prizes,
            field_limits=field_limits,
            unit_limits=data["unit_limits_parsed"],
        )
        return values


def council_initial(council: Council) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(council, name)
        for name in [
            "name", "decision_number", "decision_date", "rubric", "deadline",
            "reviewers_per_item", "load_cap", "blind", "method", "correction", "basis",
            "dispute_threshold", "quota_min", "quota_max", "min_score", "top_n",
            "media_min", "media_max", "media_min_fields",
        ]
    }  # fmt: skip
    for index, key in enumerate(council.tie_breakers[:3], start=1):
        initial[f"tie_{index}"] = key
    initial["threshold"] = f"{council.vote_numerator}/{council.vote_denominator}"
    initial["prize_mode"] = "score" if any("min_score" in p for p in council.prizes) else "count"
    for tier in council.prizes:
        initial[f"prize_{tier['prize']}"] = tier.get("count", tier.get("min_score"))
    for key, (low, high) in council.field_limits.items():
        initial[f"field_{key}_min"], initial[f"field_{key}_max"] = low, high
    codes = dict(
        Unit.objects.filter(pk__in=[int(k) for k in council.unit_limits]).values_list("pk", "code")
    )
    initial["unit_limits"] = "\n".join(
        f"{codes.get(int(key), key)}: {low}-{'' if high is None else high}"
        for key, (low, high) in council.unit_limits.items()
    )
    return initial


def _user_label(user: User) -> str:
    return f"{user.full_name or user.username} ({user.username})"


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Tài khoản"), queryset=User.objects.none())
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=CouncilRole.choices, initial=CouncilRole.MEMBER
    )
    title = forms.CharField(
        label=_("Chức vụ, đơn vị công tác"), max_length=255, required=False,
        help_text=_("Ghi như trong quyết định thành lập hội đồng."),
    )  # fmt: skip
    expertise = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực chuyên môn"), queryset=ProgrammeField.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Được ưu tiên phân công sáng kiến thuộc các lĩnh vực này."),
    )  # fmt: skip
    load_cap = forms.IntegerField(
        label=_("Số sáng kiến tối đa"), min_value=1, required=False,
        help_text=_("Để trống: theo mức chung của hội đồng."),
    )  # fmt: skip

    def __init__(
        self, *args: Any, users: QuerySet[User] | None, programme: Programme, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if users is None:
            del self.fields["user"]
        else:
            user_field = cast("forms.ModelChoiceField[User]", self.fields["user"])
            user_field.queryset = users.order_by("full_name", "username")
            user_field.label_from_instance = _user_label  # type: ignore[method-assign,assignment]
        fields_field = cast(
            "forms.ModelMultipleChoiceField[ProgrammeField]", self.fields["expertise"]
        )
        fields_field.queryset = programme.fields.all()
