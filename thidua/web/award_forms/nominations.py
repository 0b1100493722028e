"""Forms of honouring cycles and nominations: the cycle and its deadline, categories, rules
with their parameters typed as people type them, quotas, and the nomination itself (only the
achievement its category asks for)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import (
    AchievementField,
    AwardKind,
    ContestLevel,
    DocumentKind,
    Prize,
    Recipient,
    RuleKind,
)
from thidua.awards.models import Award, Category, Cycle, Nomination, Rule
from thidua.campaigns.models import Programme
from thidua.common.vietnamese import date_short, money
from thidua.initiatives.models import Initiative
from thidua.orgs.enums import MemberCategory
from thidua.orgs.models import Person, Unit
from thidua.web.forms import DateInput, UnitCodeField
from thidua.web.initiative_forms import MoneyField

PRESET_AN_LAO = "an_lao"
MONEY_HELP = _("Đồng chẵn, ví dụ 80.000.000 hoặc 80000000.")
# Short names of the member groups for rule summaries; the full names are on the form.
MEMBER_SHORT = {
    MemberCategory.WORKER: _("Công nhân"),
    MemberCategory.PROFESSIONAL: _("Viên chức đại học trở lên"),
    MemberCategory.MANAGER: _("Cán bộ quản lý"),
}
ANY_PRIZE = "*"
GRID_PRIZES = [(value, label) for value, label in Prize.choices if value != Prize.PARTICIPATION]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def local_deadline(day: dt.date, time: dt.time | None) -> dt.datetime:
    """A deadline in the project's time zone; no hour means 00:00, "trước ngày …"."""
    return timezone.make_aware(
        dt.datetime.combine(day, time or dt.time(0, 0)), timezone.get_current_timezone()
    )


def deadline_initial(deadline: dt.datetime) -> dict[str, Any]:
    local = timezone.localtime(deadline)
    time = local.time().replace(second=0, microsecond=0)
    return {"deadline_day": local.date(), "deadline_time": None if time == dt.time(0) else time}


class DeadlineFields(forms.Form):
    deadline_day = forms.DateField(label=_("Hạn nộp hồ sơ: ngày"), widget=DateInput())
    deadline_time = forms.TimeField(
        label=_("giờ"),
        required=False,
        widget=TimeInput(),
        help_text=_(
            "Để trống nếu kế hoạch ghi “trước ngày …”: hồ sơ phải đến trước 0 giờ của ngày đó."
        ),
    )

    def deadline(self) -> dt.datetime:
        return local_deadline(
            self.cleaned_data["deadline_day"], self.cleaned_data.get("deadline_time")
        )


class CycleForm(DeadlineFields):
    name = forms.CharField(label=_("Tên đợt xét khen thưởng"), max_length=255)
    achievement_year = forms.IntegerField(label=_("Năm thành tích"), min_value=2000, max_value=2100)
    guidance = forms.CharField(
        label=_("Hướng dẫn cho công đoàn cơ sở"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Hồ sơ gồm những gì, gửi về đâu, liên hệ ai."),
    )
    preset = forms.BooleanField(
        label=_("Dùng 5 nhóm đối tượng theo Kế hoạch 35/KH-LĐLĐ"),
        required=False,
        help_text=_("Tạo sẵn các nhóm, tài liệu bắt buộc và điều kiện xét; sửa được sau."),
    )
    field_order = ["name", "achievement_year", "deadline_day", "deadline_time", "guidance"]

    def __init__(self, *args: Any, opening: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not opening:
            del self.fields["preset"]

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "achievement_year": data["achievement_year"],
            "deadline": self.deadline(),
            "guidance": data["guidance"],
        }


def cycle_initial(cycle: Cycle) -> dict[str, Any]:
    return {
        "name": cycle.name,
        "achievement_year": cycle.achievement_year,
        "guidance": cycle.guidance,
        **deadline_initial(cycle.deadline),
    }


def cycle_open_initial(programme: Programme) -> dict[str, Any]:
    last = programme.levels.order_by("-order").first()
    initial: dict[str, Any] = {
        # Data stays Vietnamese in every locale: the cycle's name as it is saved.
        "name": f"Xét khen thưởng: {programme.name}",
        "achievement_year": programme.starts_on.year,
    }
    if last is not None:
        initial.update(deadline_initial(last.deadline))
    return initial


class ExtensionForm(DeadlineFields):
    reason = forms.CharField(label=_("Lý do gia hạn"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline_day"].label = _("Hạn mới: ngày")
        self.fields["unit"] = UnitCodeField(
            label=_("Cho đơn vị"),
            units=units,
            required=False,
            help_text=_("Để trống để gia hạn cho tất cả các đơn vị."),
        )
        self.order_fields(["unit", "deadline_day", "deadline_time", "reason"])


# --- categories -------------------------------------------------------------------------------


def award_choices(awards: Iterable[Award]) -> list[tuple[Any, Any]]:
    """Titles and forms in their own groups, so one is never taken for the other."""
    groups: dict[str, list[tuple[str, str]]] = {kind: [] for kind in AwardKind.values}
    for award in awards:
        groups[award.kind].append((str(award.pk), award.name))
    labels = dict(AwardKind.choices)
    return [("", _("— Chưa chọn —"))] + [
        (labels[kind], items) for kind, items in groups.items() if items
    ]


class CategoryForm(forms.Form):
    order = forms.IntegerField(label=_("Thứ tự"), min_value=1, initial=1)
    name = forms.CharField(
        label=_("Tên nhóm đối tượng"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    description = forms.CharField(
        label=_("Tiêu chuẩn, ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    recipient = forms.ChoiceField(
        label=_("Đối tượng"),
        choices=[(Recipient.INDIVIDUAL, _("Cá nhân")), (Recipient.COLLECTIVE, _("Tập thể"))],
    )
    award = forms.ChoiceField(label=_("Đề nghị danh hiệu, hình thức khen thưởng"), required=False)
    achievement_fields = forms.MultipleChoiceField(
        label=_("Thông tin thành tích cần khai"),
        choices=AchievementField.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    required_documents = forms.MultipleChoiceField(
        label=_("Tài liệu bắt buộc trong hồ sơ"),
        choices=DocumentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quota_per_unit = forms.IntegerField(
        label=_("Số hồ sơ tối đa mỗi đơn vị"),
        min_value=0,
        required=False,
        help_text=_("Để trống nếu không giới hạn."),
    )

    def __init__(self, *args: Any, awards: Iterable[Award], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.awards = {str(award.pk): award for award in awards}
        cast(forms.ChoiceField, self.fields["award"]).choices = award_choices(self.awards.values())

    def clean_award(self) -> Award | None:
        value = self.cleaned_data.get("award") or ""
        return self.awards.get(value)

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields}


def category_initial(category: Category) -> dict[str, Any]:
    return {
        "order": category.order,
        "name": category.name,
        "description": category.description,
        "recipient": category.recipient,
        "award": str(category.award_id or ""),
        "achievement_fields": category.achievement_fields,
        "required_documents": category.required_documents,
        "quota_per_unit": category.quota_per_unit,
    }


class UnitQuotaForm(forms.Form):
    quota = forms.IntegerField(
        label=_("Số hồ sơ tối đa của đơn vị này"),
        min_value=0,
        required=False,
        help_text=_("Để trống để trở lại mức chung của nhóm."),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(label=_("Đơn vị"), units=units)
        self.order_fields(["unit", "quota"])


# --- rules ------------------------------------------------------------------------------------


class RuleForm(forms.Form):
    """One rule: its kind, then the parameters of that kind as plain fields (the others are
    ignored)."""

    kind = forms.ChoiceField(label=_("Loại điều kiện"), choices=RuleKind.choices)
    worker = MoneyField(label=MemberCategory.WORKER.label, required=False, help_text=MONEY_HELP)
    professional = MoneyField(
        label=MemberCategory.PROFESSIONAL.label, required=False, help_text=MONEY_HELP
    )
    manager = MoneyField(label=MemberCategory.MANAGER.label, required=False, help_text=MONEY_HELP)
    three_years = MoneyField(
        label=_("Hoặc tổng 3 năm liên tiếp (công nhân, người lao động)"),
        required=False,
        help_text=_("Để trống hoặc 0 nếu không xét theo 3 năm."),
    )
    date_from = forms.DateField(label=_("Từ ngày"), widget=DateInput(), required=False)
    date_to = forms.DateField(label=_("Đến ngày"), widget=DateInput(), required=False)
    basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: QĐ 1564/QĐ-TLĐ, Điều 16."),
    )
    active = forms.BooleanField(label=_("Đang áp dụng"), required=False, initial=True)

    BENEFIT = ["worker", "professional", "manager", "three_years"]
    DATES = ["date_from", "date_to"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for level, _label in ContestLevel.choices:
            self.fields[f"allowed_{level}"] = forms.MultipleChoiceField(
                label=_label,
                choices=[(ANY_PRIZE, _("Giải bất kỳ")), *GRID_PRIZES],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def benefit_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.BENEFIT]

    def date_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.DATES]

    def prize_grid(self) -> list[tuple[str, list[Any]]]:
        """Rows of the contest-level × prize grid: the level and its checkboxes."""
        return [
            (str(label), list(self[f"allowed_{level}"])) for level, label in ContestLevel.choices
        ]

    def prize_headings(self) -> list[str]:
        return [str(_("Giải bất kỳ")), *(str(label) for _v, label in GRID_PRIZES)]

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        kind = data["kind"]
        if kind == RuleKind.BENEFIT_THRESHOLD:
            by_category = {
                name: data[name]
                for name in ("worker", "professional", "manager")
                if data.get(name) is not None
            }
            return {"by_category": by_category, "three_years": data.get("three_years") or 0}
        if kind == RuleKind.DATE_WINDOW:
            return {
                "from": data["date_from"].isoformat() if data.get("date_from") else "",
                "to": data["date_to"].isoformat() if data.get("date_to") else "",
            }
        if kind == RuleKind.PRIZE_LEVEL:
            allowed = {}
            for level in ContestLevel.values:
                prizes = data.get(f"allowed_{level}") or []
                if prizes:
                    allowed[level] = [ANY_PRIZE] if ANY_PRIZE in prizes else list(prizes)
            return {"allowed": allowed}
        return {}

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "params": self.params(),
            "basis": data["basis"],
            "active": data["active"],
        }


def rule_initial(rule: Rule) -> dict[str, Any]:
    params = rule.params or {}
    initial: dict[str, Any] = {"kind": rule.kind, "basis": rule.basis, "active": rule.active}
    for name, value in (params.get("by_category") or {}).items():
        initial[name] = value
    if "three_years" in params:
        initial["three_years"] = params["three_years"] or None
    for key, name in (("from", "date_from"), ("to", "date_to")):
        if params.get(key):
            initial[name] = dt.date.fromisoformat(params[key])
    for level, prizes in (params.get("allowed") or {}).items():
        initial[f"allowed_{level}"] = prizes
    return initial


def rule_new_initial(kind: str) -> dict[str, Any]:
    from thidua.awards.eligibility import BENEFIT_DEFAULTS, THREE_YEAR_DEFAULT

    initial: dict[str, Any] = {"kind": kind or RuleKind.UNION_MEMBER, "active": True}
    initial.update({str(name): amount for name, amount in BENEFIT_DEFAULTS.items()})
    initial["three_years"] = THREE_YEAR_DEFAULT
    return initial


def rule_words(rule: Rule) -> str:
    """The rule's parameters in words: "Công nhân: 80.000.000 đồng · …"."""
    params = rule.params or {}
    if rule.kind == RuleKind.BENEFIT_THRESHOLD:
        parts = [
            f"{MEMBER_SHORT.get(MemberCategory(name), name)}: {money(int(value))}"
            for name, value in (params.get("by_category") or {}).items()
            if name in MemberCategory.values
        ]
        if params.get("three_years"):
            parts.append(
                gettext("3 năm liên tiếp: %(amount)s")
                % {"amount": money(int(params["three_years"]))}
            )
        return " · ".join(parts)
    if rule.kind == RuleKind.DATE_WINDOW:
        start = dt.date.fromisoformat(params["from"]) if params.get("from") else None
        end = dt.date.fromisoformat(params["to"]) if params.get("to") else None
        return gettext("từ %(start)s đến %(end)s") % {
            "start": date_short(start) if start else "…",
            "end": date_short(end) if end else "…",
        }
    if rule.kind == RuleKind.PRIZE_LEVEL:
        levels, prizes = dict(ContestLevel.choices), dict(Prize.choices)
        parts = []
        for level, names in (params.get("allowed") or {}).items():
            wanted = (
                gettext("giải bất kỳ")
                if ANY_PRIZE in names
                else ", ".join(str(prizes.get(n, n)) for n in names)
            )
            parts.append(f"{levels.get(level, level)}: {wanted}")
        return " · ".join(parts)
    return ""


# --- nominations ------------------------------------------------------------------------------


class InitiativeChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        initiative = cast(Initiative, obj)
        return f"{initiative.code} – {initiative.title}"


class NominationForm(forms.Form):
    """The nominee and only the achievement the category asks for. Requirements the service
    checks (person, initiative, prize…) are left to it, so its plain sentences are shown."""

    person = forms.ModelChoiceField(
        label=_("Người được đề nghị"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("— Chọn người —"),
        help_text=_("Người chưa có trong danh sách: thêm ở mục “Người” trước."),
    )
    collective_name = forms.CharField(
        label=_("Tên tập thể được đề nghị"), max_length=255, required=False
    )
    initiative = InitiativeChoiceField(
        label=_("Sáng kiến"),
        queryset=Initiative.objects.none(),
        required=False,
        empty_label=_("— Chọn sáng kiến —"),
        help_text=_("Sáng kiến trong chương trình này do người của đơn vị làm tác giả."),
    )
    contest = forms.CharField(label=_("Cuộc thi, hội thi"), max_length=255, required=False)
    contest_level = forms.ChoiceField(
        label=_("Cấp tổ chức cuộc thi"),
        choices=[("", _("— Chọn cấp —")), *ContestLevel.choices],
        required=False,
    )
    prize = forms.ChoiceField(
        label=_("Giải đạt được"), choices=[("", _("— Chọn giải —")), *Prize.choices], required=False
    )
    achievement_year = forms.IntegerField(
        label=_("Năm đạt thành tích"), min_value=1975, max_value=2100, required=False
    )
    benefit_three_years = MoneyField(
        label=_("Giá trị làm lợi 3 năm liên tiếp (đồng)"),
        required=False,
        help_text=_("Nếu có: tổng 3 năm liên tiếp, ví dụ 120.000.000."),
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("— Không chọn —"),
        help_text=_("Để trống: lấy theo lĩnh vực của sáng kiến (nếu có)."),
    )
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Hãy tóm tắt thành tích của người được đề nghị.")},
    )
    override_reason = forms.CharField(
        label=_("Lý do xét ngoại lệ (được ghi vào nhật ký)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    # Category's achievement field -> form field.
    ASKED = {
        AchievementField.INITIATIVE: "initiative",
        AchievementField.CONTEST: "contest",
        AchievementField.CONTEST_LEVEL: "contest_level",
        AchievementField.PRIZE: "prize",
        AchievementField.YEAR: "achievement_year",
        AchievementField.BENEFIT_THREE_YEARS: "benefit_three_years",
    }

    def __init__(
        self,
        *args: Any,
        category: Category,
        people: QuerySet[Person],
        initiatives: QuerySet[Initiative],
        can_override: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.category = category
        for name, queryset in (
            ("person", people),
            ("initiative", initiatives),
            ("field", category.cycle.programme.fields.all()),
        ):
            cast("forms.ModelChoiceField[Any]", self.fields[name]).queryset = queryset
        if category.recipient == Recipient.INDIVIDUAL:
            del self.fields["collective_name"]
        elif category.recipient == Recipient.COLLECTIVE:
            del self.fields["person"]
        for asked, name in self.ASKED.items():
            if not category.asks(asked):
                del self.fields[name]
        if not can_override:
            del self.fields["override_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            self.category.recipient == Recipient.BOTH
            and not data.get("person")
            and not (data.get("collective_name") or "").strip()
        ):
            raise ValidationError(gettext("Hãy chọn người hoặc ghi tên tập thể được đề nghị."))
        return data

    def service_data(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "override_reason" and name in self.fields
        }

    def reason_for_override(self) -> str:
        return str(self.cleaned_data.get("override_reason") or "")


def nomination_initial(nomination: Nomination) -> dict[str, Any]:
    names = [
        "person",
        "collective_name",
        "initiative",
        "contest",
        "contest_level",
        "prize",
        "achievement_year",
        "benefit_three_years",
        "field",
        "summary",
    ]
    return {name: getattr(nomination, name) for name in names}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("Tệp"), help_text=_("PDF, Word, Excel hoặc ảnh; tối đa 20 MB."))
