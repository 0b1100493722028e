"""Forms of the council pages: the council's settings, members, rubric, the score sheet,
conflicts, reopening, amending the slate and recording the vote."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Programme, ProgrammeField
from thidua.orgs.models import Unit, User
from thidua.reviews import rubrics, selection
from thidua.reviews.enums import Basis, Correction, CouncilRole, Method, VoteMethod
from thidua.reviews.models import Council, CouncilMember, Rubric
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


def _seat_label(seat: CouncilMember) -> str:
    return f"{seat} – {seat.get_role_display()}"


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


class RubricForm(forms.Form):
    """A rubric written out: name, pass mark, classes as text, and one block per criterion."""

    name = forms.CharField(label=_("Tên bộ tiêu chí"), max_length=200)
    description = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    pass_mark = forms.DecimalField(
        label=_("Tổng điểm tối thiểu để đạt"), required=False, min_value=Decimal(0),
        max_digits=7, decimal_places=2,
    )  # fmt: skip
    classes = forms.CharField(
        label=_("Xếp loại"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một loại, cao nhất trước: “A: 85; tinh_moi >= 30”."),
    )  # fmt: skip

    ROWS = 6

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criterion_rows: list[list[str]] = []
        for index in range(1, self.ROWS + 1):
            prefix = f"c{index}"
            self.fields[f"{prefix}_name"] = forms.CharField(
                label=gettext("Tiêu chí %(n)s") % {"n": index}, max_length=200, required=False
            )
            self.fields[f"{prefix}_code"] = forms.SlugField(
                label=gettext("Mã"), max_length=32, required=False
            )
            self.fields[f"{prefix}_max"] = forms.IntegerField(
                label=gettext("Điểm tối đa"), min_value=1, max_value=1000, required=False
            )
            self.fields[f"{prefix}_weight"] = forms.DecimalField(
                label=gettext("Trọng số"), min_value=Decimal(0), max_digits=5,
                decimal_places=2, required=False, initial=Decimal(1), localize=True,
            )  # fmt: skip
            self.fields[f"{prefix}_minimum"] = forms.IntegerField(
                label=gettext("Tối thiểu để đạt"), min_value=0, required=False
            )
            self.fields[f"{prefix}_counted"] = forms.BooleanField(
                label=gettext("Tính vào tổng điểm"), required=False, initial=True
            )
            self.fields[f"{prefix}_money"] = forms.BooleanField(
                label=gettext("Mức cao nhất cần giá trị làm lợi bằng tiền"), required=False
            )
            self.fields[f"{prefix}_bands"] = forms.CharField(
                label=gettext("Các mức điểm"), required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=gettext("Mỗi dòng: “27-30: Hoàn toàn mới”."),
            )  # fmt: skip
            self.criterion_rows.append(
                [
                    f"{prefix}_{n}"
                    for n in (
                        "name",
                        "code",
                        "max",
                        "weight",
                        "minimum",
                        "counted",
                        "money",
                        "bands",
                    )
                ]
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        criteria = []
        for index, names in enumerate(self.criterion_rows, start=1):
            name_key, code_key, max_key, weight_key, min_key, counted_key, money_key, bands_key = (
                names
            )
            if not (data.get(name_key) or "").strip():
                continue
            if not data.get(code_key):
                self.add_error(
                    code_key, gettext("Tiêu chí %(n)s cần mã (chữ không dấu).") % {"n": index}
                )
                continue
            if not data.get(max_key):
                self.add_error(max_key, gettext("Tiêu chí %(n)s cần điểm tối đa.") % {"n": index})
                continue
            try:
                bands = rubrics.parse_bands(data.get(bands_key) or "", max_points=data[max_key])
            except ValueError as error:
                self.add_error(bands_key, str(error))
                continue
            criteria.append(
                rubrics.CriterionSpec(
                    code=data[code_key],
                    name=data[name_key].strip(),
                    max_points=data[max_key],
                    weight=data.get(weight_key) or Decimal(0)
                    if data.get(weight_key) is not None
                    else Decimal(1),
                    minimum=data.get(min_key),
                    counted=bool(data.get(counted_key)),
                    needs_money_for_top_band=bool(data.get(money_key)),
                    bands=bands,
                )
            )
        try:
            classes = rubrics.parse_classes(data.get("classes") or "")
        except ValueError as error:
            self.add_error("classes", str(error))
            classes = ()
        if not criteria and not self.errors:
            raise ValidationError(gettext("Bộ tiêu chí cần ít nhất một tiêu chí."))
        data["spec"] = rubrics.RubricSpec(
            name=data.get("name", ""),
            description=data.get("description", ""),
            criteria=tuple(criteria),
            pass_mark=data.get("pass_mark"),
            classes=classes,
        )
        return data


def rubric_initial(spec: rubrics.RubricSpec) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "name": spec.name,
        "description": spec.description,
        "pass_mark": spec.pass_mark,
        "classes": rubrics.format_classes(spec.classes),
    }
    for index, criterion in enumerate(spec.criteria, start=1):
        prefix = f"c{index}"
        initial.update(
            {
                f"{prefix}_name": criterion.name,
                f"{prefix}_code": criterion.code,
                f"{prefix}_max": criterion.max_points,
                f"{prefix}_weight": criterion.weight,
                f"{prefix}_minimum": criterion.minimum,
                f"{prefix}_counted": criterion.counted,
                f"{prefix}_money": criterion.needs_money_for_top_band,
                f"{prefix}_bands": rubrics.format_bands(criterion.bands),
            }
        )
    return initial


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
