"""Forms of the decision pages: the draft, its lines, the comment window, the signature, the
revocation, the public comment, and continuing the register from a paper book."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import AwardKind, SignMode
from thidua.awards.models import Award, Cycle, Decision, DecisionLine, Nomination
from thidua.awards.services.decisions import DECISION_FIELDS
from thidua.orgs.models import Person, Unit
from thidua.orgs.permissions import today
from thidua.web.forms import DateInput, UnitCodeField
from thidua.web.initiative_forms import DateTimeInput, MoneyField


class AwardSelect(forms.Select):
    """Options carry who may issue the award (the catalogue's words) as their tooltip."""

    def __init__(self, *args: Any, awards: dict[str, Award] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.awards = awards or {}

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(name, value, *args, **kwargs)
        award = self.awards.get(str(value))
        if award is not None:
            option["attrs"]["title"] = award.issuer_text
        return option


class AwardField(forms.ChoiceField):
    """An award by its id. The options shown are what the issuer may decide; any active award
    is accepted here, so the service's refusal (with the catalogue's reason) reaches the user."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.awards: dict[str, Award] = {}

    def valid_value(self, value: Any) -> bool:
        return str(value) in self.awards

    def clean(self, value: Any) -> Award | None:
        text = super().clean(value)
        return self.awards[str(text)] if text else None


class DecisionForm(forms.Form):
    """A draft decision. The award list shows only what the chosen issuer may decide; the
    service checks it again (a stale page or a crafted request gets its plain refusal)."""

    issuer = forms.ModelChoiceField(label=_("Đơn vị ban hành"), queryset=Unit.objects.none())
    award = AwardField(label=_("Danh hiệu, hình thức khen thưởng"), widget=AwardSelect)
    cycle = forms.ModelChoiceField(
        label=_("Đợt xét khen thưởng"),
        queryset=Cycle.objects.none(),
        required=False,
        help_text=_("Để trống nếu quyết định không theo một đợt xét."),
    )
    subject = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        required=False,
        help_text=_("Để trống để dùng trích yếu mặc định theo danh hiệu, hình thức."),
    )
    basis = forms.CharField(
        label=_("Căn cứ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi căn cứ một dòng, ví dụ: Căn cứ Luật Thi đua, khen thưởng năm 2022;"),
    )
    sign_mode = forms.ChoiceField(label=_("Hình thức ký"), choices=SignMode.choices, required=False)
    sign_body = forms.CharField(
        label=_("Tập thể, người đứng đầu"),
        max_length=120,
        required=False,
        help_text=_("Ví dụ: BAN THƯỜNG VỤ (sau “TM.”)."),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120)
    signer_name = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    default_amount = MoneyField(
        label=_("Mức thưởng mỗi cá nhân (đồng)"),
        required=False,
        help_text=_("Đồng chẵn, ví dụ 500.000; áp dụng cho các dòng thêm vào danh sách."),
    )

    def __init__(
        self,
        *args: Any,
        issuers: QuerySet[Unit] | None,
        cycles: QuerySet[Cycle],
        issuer: Unit | None = None,
        refresh_url: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.awards = {str(a.pk): a for a in Award.objects.filter(active=True)}
        if issuers is None:
            del self.fields["issuer"]
        else:
            cast("forms.ModelChoiceField[Unit]", self.fields["issuer"]).queryset = issuers
            self.fields["issuer"].widget.attrs.update(
                {
                    "hx-get": refresh_url,
                    "hx-trigger": "change",
                    "hx-target": "#id_award",
                    "hx-select": "#id_award",
                    "hx-swap": "outerHTML",
                    "hx-include": "closest form",
                }
            )
            if issuer is None:
                issuer = self._chosen_issuer(issuers)
        cast("forms.ModelChoiceField[Cycle]", self.fields["cycle"]).queryset = cycles
        field = cast(AwardField, self.fields["award"])
        field.awards = self.awards
        field.choices = self._award_choices(issuer, issuers)
        cast(AwardSelect, field.widget).awards = self.awards
        field.help_text = _(
            "Chỉ hiện danh hiệu, hình thức mà đơn vị ban hành có thẩm quyền quyết định; "
            "rê chuột lên từng mục để xem thẩm quyền."
        )

    def _chosen_issuer(self, issuers: QuerySet[Unit]) -> Unit | None:
        raw = self.data.get("issuer") if self.is_bound else self.initial.get("issuer")
        if isinstance(raw, Unit):
            return raw
        try:
            return issuers.filter(pk=int(str(raw))).first() if raw else None
        except ValueError:
            return None

    def _award_choices(
        self, issuer: Unit | None, issuers: QuerySet[Unit] | None
    ) -> list[tuple[Any, Any]]:
        if issuer is not None:
            allowed = [a for a in self.awards.values() if a.issuable_by(issuer)]
        else:
            units = list(issuers) if issuers is not None else []
            allowed = [a for a in self.awards.values() if any(a.issuable_by(u) for u in units)]
        groups: list[tuple[Any, Any]] = [("", _("— Chọn —"))]
        for kind in (AwardKind.TITLE, AwardKind.FORM):
            options = [(str(a.pk), a.name) for a in allowed if a.kind == kind]
            if options:
                groups.append((kind.label, options))
        return groups

    def service_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k in DECISION_FIELDS}
        data["sign_mode"] = data.get("sign_mode") or ""
        return data


def decision_initial(decision: Decision) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(decision, name) for name in DECISION_FIELDS}
    initial["award"] = str(decision.award_id)
    return initial


class AddNominationsForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Hồ sơ hợp lệ"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một hồ sơ.")},
    )

    def __init__(self, *args: Any, nominations: QuerySet[Nomination], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelMultipleChoiceField[Nomination]", self.fields["nominations"])
        field.queryset = nominations


class LineForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên, tên tập thể"), max_length=255, required=False)
    position = forms.CharField(label=_("Chức vụ, đơn vị"), max_length=400, required=False)
    group = forms.CharField(label=_("Nhóm"), max_length=500, required=False)
    achievement = forms.CharField(
        label=_("Thành tích"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    amount = MoneyField(label=_("Tiền thưởng (đồng)"), required=False)


class LineAddForm(LineForm):
    """A person found in the user's people, or a collective (a unit, or only its name)."""

    person = forms.ModelChoiceField(
        label=_("Cá nhân"), queryset=Person.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        people: QuerySet[Person],
        candidates: list[Person],
        units: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Person]", self.fields["person"])
        field.queryset = people.select_related("unit")
        # Only the people found by the search are offered; the queryset checks the scope.
        field.widget = forms.RadioSelect(
            choices=[("", _("Không chọn cá nhân (khen tập thể, hoặc ghi tên bên dưới)"))]
            + [
                (p.pk, ", ".join(part for part in (p.full_name, p.position, p.unit.name) if part))
                for p in candidates
            ]
        )
        self.fields["collective"] = UnitCodeField(
            label=_("Tập thể (đơn vị)"), units=units, required=False
        )
        self.fields["name"].help_text = _("Để trống để dùng tên của cá nhân, tập thể đã chọn.")
        self.order_fields(["person", "collective", "name"])


def line_initial(line: DecisionLine) -> dict[str, Any]:
    return {name: getattr(line, name) for name in ("name", "position", "group", "achievement")} | {
        "amount": line.amount
    }


def _default_until() -> dt.datetime:
    day = today() + dt.timedelta(days=5)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(17, 0)))


class CommentOpenForm(forms.Form):
    until = forms.DateTimeField(
        label=_("Lấy ý kiến đến (giờ Việt Nam)"), widget=DateTimeInput(), initial=_default_until
    )


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput(), initial=today)
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=120)


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 3}))
    basis = forms.CharField(
        label=_("Căn cứ thu hồi"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Quyết định số …/QĐ-LĐLĐ ngày …"),
    )


class BackToDraftForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do dừng lấy ý kiến để sửa danh sách"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PublicCommentForm(forms.Form):
    author = forms.CharField(label=_("Họ và tên"), max_length=120)
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử"),
        max_length=120,
        required=False,
        help_text=_("Để đơn vị ban hành liên hệ lại nếu cần; không công khai."),
    )
    body = forms.CharField(
        label=_("Nội dung góp ý"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class RegisterContinueForm(forms.Form):
    issuer = forms.ModelChoiceField(label=_("Đơn vị ban hành"), queryset=Unit.objects.none())
    type_code = forms.CharField(
        label=_("Loại văn bản (ký hiệu)"),
        max_length=16,
        initial=Decision.TYPE_CODE,
        help_text=_("Ví dụ: QĐ, KH, TTr, BC."),
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    last_number = forms.IntegerField(
        label=_("Số cuối cùng đã dùng trong sổ giấy"),
        min_value=0,
        max_value=999_999,
        help_text=_("Văn bản tiếp theo sẽ mang số kế tiếp."),
    )

    def __init__(self, *args: Any, issuers: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Unit]", self.fields["issuer"]).queryset = issuers
        self.fields["year"].initial = today().year
