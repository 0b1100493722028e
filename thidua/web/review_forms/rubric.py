"""The rubric form: name, pass mark, classes and one block per criterion."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.reviews import rubrics


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
