"""Forms of a conference's honourees and stage: choosing a decision to hand over, an honouree's
citation and contacts, an item of the programme, and the stage settings of the award order."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Decision
from thidua.common.vietnamese import date_short
from thidua.events.award_order import MAX_STAGE
from thidua.events.enums import OrderKey
from thidua.events.models import AgendaItem, Event, Guest
from thidua.reviews.models import Council
from thidua.web.award_forms.nominations import TimeInput


def decision_label(decision: Decision) -> str:
    """ "Quyết định số 52/QĐ-LĐLĐ ngày 19/07/2024 – Giấy khen – Liên đoàn Lao động huyện An Lão
    (27 người)"."""
    when = f" ngày {date_short(decision.signed_on)}" if decision.signed_on else ""
    count = getattr(decision, "n_lines", None)
    people = f" ({count} người, tập thể)" if count is not None else ""
    return f"{decision.title}{when} – {decision.award.name} – {decision.issuer.name}{people}"


class DecisionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return decision_label(obj)


class DecisionLinkForm(forms.Form):
    decision = DecisionChoiceField(
        label=_("Quyết định khen thưởng trao tại hội nghị"),
        queryset=Decision.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Hãy chọn quyết định."),
            "invalid_choice": _("Quyết định này không trao được tại hội nghị."),
        },
    )

    def __init__(self, *args: Any, decisions: QuerySet[Decision], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Decision]", self.fields["decision"]).queryset = decisions


class CouncilChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} – {obj.unit.name}"


class CouncilLinkForm(forms.Form):
    council = CouncilChoiceField(
        label=_("Hội đồng xét chọn có kết quả trao tại hội nghị"),
        queryset=Council.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Hãy chọn hội đồng."),
            "invalid_choice": _("Hội đồng này chưa có kết quả đã thông qua để trao."),
        },
    )

    def __init__(self, *args: Any, councils: QuerySet[Council], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Council]", self.fields["council"]).queryset = councils


class CitationForm(forms.Form):
    citation = forms.CharField(
        label=_("Lời giới thiệu khi trao thưởng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Người dẫn chương trình đọc câu này khi người được khen thưởng lên sân khấu. Để "
            "trống để soạn lại theo quyết định."
        ),
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=32, required=False)


def citation_initial(guest: Guest) -> dict[str, Any]:
    return {"citation": guest.citation, "email": guest.email, "phone": guest.phone}


class AgendaItemForm(forms.Form):
    at = forms.TimeField(label=_("Giờ"), required=False, widget=TimeInput())
    title = forms.CharField(
        label=_("Nội dung"),
        max_length=500,
        error_messages={"required": _("Hãy nhập nội dung của mục chương trình.")},
        help_text=_("Ví dụ: Tuyên bố lý do, giới thiệu đại biểu"),
    )
    lead = forms.CharField(
        label=_("Người thực hiện"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Người dẫn chương trình; đồng chí Phạm Thị Nga, Chủ tịch LĐLĐ huyện"),
    )


def agenda_initial(item: AgendaItem) -> dict[str, Any]:
    return {"at": item.at, "title": item.title, "lead": item.lead}


ORDER_SLOTS = len(OrderKey.values)


class StageForm(forms.Form):
    """The stage: how many come up at a time, the sort keys in order, the presenters."""

    stage_size = forms.IntegerField(
        label=_("Số người mỗi lượt lên sân khấu"),
        min_value=1,
        max_value=MAX_STAGE,
        error_messages={
            "required": _("Hãy nhập số người mỗi lượt."),
            "min_value": _("Mỗi lượt từ 1 đến 50 người."),
            "max_value": _("Mỗi lượt từ 1 đến 50 người."),
        },
    )
    presenters = forms.CharField(
        label=_("Người trao thưởng (mỗi lượt một dòng)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Dòng 1 cho lượt 1, dòng 2 cho lượt 2…; ví dụ “Đỗ Văn Thành, Phó Chủ tịch LĐLĐ "
            "thành phố”. Thiếu dòng thì người dẫn mời trên sân khấu."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index in range(ORDER_SLOTS):
            self.fields[f"key_{index + 1}"] = forms.ChoiceField(
                label=_("Sắp xếp trước hết theo") if index == 0 else _("rồi theo"),
                choices=[("", _("(không)")), *list(OrderKey.choices)],
                required=index == 0,
                error_messages={"required": _("Hãy chọn ít nhất một tiêu chí sắp xếp.")},
            )

    def keys(self) -> list[str]:
        return [
            self.cleaned_data[f"key_{index + 1}"]
            for index in range(ORDER_SLOTS)
            if self.cleaned_data.get(f"key_{index + 1}")
        ]


def stage_initial(event: Event) -> dict[str, Any]:
    keys = list(event.award_order or [])
    initial: dict[str, Any] = {"stage_size": event.stage_size, "presenters": event.presenters}
    for index in range(ORDER_SLOTS):
        initial[f"key_{index + 1}"] = keys[index] if index < len(keys) else ""
    return initial
