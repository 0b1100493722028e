"""Opening a programme's honouring cycle and shaping it: categories, rules, quotas,
deadline extensions. Each write atomic and audited under the receiving unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import eligibility
from thidua.awards.catalogue import PRESETS
from thidua.awards.enums import AchievementField, DocumentKind
from thidua.awards.models import Award, Category, Cycle, CycleExtension, Rule, UnitQuota
from thidua.campaigns.models import Programme
from thidua.common.audit import audit_record, model_update, snapshot
from thidua.orgs.enums import Tier
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path

CYCLE_FIELDS = ["name", "achievement_year", "deadline", "guidance"]
CATEGORY_FIELDS = [
    "order",
    "name",
    "description",
    "recipient",
    "award",
    "achievement_fields",
    "required_documents",
    "quota_per_unit",
]


def _path(cycle: Cycle) -> str:
    return unit_current_path(cycle.programme.running_unit)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def cycle_open(
    *,
    actor: Any,
    programme: Programme,
    name: str,
    achievement_year: int,
    deadline: dt.datetime,
    guidance: str = "",
    preset: str = "",
    now: dt.datetime | None = None,
) -> Cycle:
    """Open the programme's honouring cycle, with a preset's categories and rules if asked
    (`"an_lao"`: the five groups of Kế hoạch 35/KH-LĐLĐ). Side effects: Cycle, categories,
    rules, audit."""
    if Cycle.objects.filter(programme=programme).exists():
        raise ValidationError(_("Chương trình này đã có đợt xét khen thưởng."))
    cycle = Cycle(
        programme=programme,
        name=name,
        achievement_year=achievement_year,
        deadline=deadline,
        guidance=guidance,
        created_by=_user(actor),
        created_at=now or timezone.now(),
    )
    cycle.full_clean()
    cycle.save()
    audit_record(
        actor=actor,
        action="cycle_open",
        obj=cycle,
        changes={k: [None, v] for k, v in snapshot(cycle, CYCLE_FIELDS).items()},
        unit_path=_path(cycle),
    )
    if preset:
        if preset not in PRESETS:
            raise ValidationError(_("Không có bộ nhóm đối tượng mẫu này."))
        awards = {a.code: a for a in Award.objects.all()}
        running = programme.running_unit
        for order, spec in enumerate(PRESETS[preset](achievement_year), start=1):
            category = category_save(
                actor=actor,
                cycle=cycle,
                data={
                    "order": order,
                    "name": spec["name"],
                    "award": _issuable(awards, spec["award"], running),
                    "achievement_fields": spec["achievement_fields"],
                    "required_documents": spec["required_documents"],
                    "quota_per_unit": spec.get("quota_per_unit"),
                },
            )
            for index, rule in enumerate(spec["rules"]):
                rule_save(
                    actor=actor,
                    category=category,
                    data={
                        "kind": rule["kind"],
                        "params": rule["params"],
                        "basis": rule.get("basis", ""),
                        "order": index,
                    },
                )
    return cycle


# A preset's form of commendation, as the running unit itself would give it: a province
# gives its Bằng khen where a district gives a Giấy khen. Awards proposed to a level above
# (the Bằng Lao động sáng tạo) stay as they are.
OWN_FORM_BY_TIER = {Tier.PROVINCE: "bang-khen-ldld-tinh", Tier.CENTRAL: "bang-khen-tld"}


def _issuable(awards: Mapping[str, Award], code: str, running: Unit) -> Award | None:
    award = awards.get(code)
    if award is None or code != "giay-khen" or award.issuable_by(running):
        return award
    return awards.get(OWN_FORM_BY_TIER.get(running.tier, ""), award)


@transaction.atomic
def cycle_update(
    *,
    actor: Any,
    cycle: Cycle,
    data: Mapping[str, Any],
    reason: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Change the cycle; a new deadline cannot be one already past (that would close the
    cycle without saying so: end it by letting the deadline come)."""
    deadline = data.get("deadline")
    if deadline is not None and deadline != cycle.deadline and deadline < (now or timezone.now()):
        raise ValidationError({"deadline": _("Hạn nộp mới đã qua: hãy chọn một thời điểm sau.")})
    model_update(
        instance=cycle,
        data={k: v for k, v in data.items() if k in CYCLE_FIELDS},
        actor=actor,
        action="cycle_update",
        unit_path=_path(cycle),
        reason=reason,
    )


@transaction.atomic
def extension_add(
    *, actor: Any, cycle: Cycle, unit: Unit | None, deadline: dt.datetime, reason: str
) -> CycleExtension:
    """A later deadline for one unit (or all), with the reason."""
    if not reason.strip():
        raise ValidationError(_("Hãy ghi lý do gia hạn."))
    if deadline <= cycle.deadline:
        raise ValidationError(_("Hạn mới phải sau hạn nộp hiện tại."))
    extension = CycleExtension.objects.create(
        cycle=cycle, unit=unit, deadline=deadline, reason=reason.strip(), created_by=_user(actor)
    )
    audit_record(
        actor=actor,
        action="cycle_extend",
        obj=cycle,
        changes={"deadline": [None, deadline.isoformat()], "unit": [None, str(unit or "")]},
        reason=reason.strip(),
        unit_path=_path(cycle),
    )
    return extension


def _check_category(data: Mapping[str, Any]) -> None:
    fields = data.get("achievement_fields", [])
    documents = data.get("required_documents", [])
    if not set(fields) <= set(AchievementField.values):
        raise ValidationError(_("Thông tin thành tích không hợp lệ."))
    if not set(documents) <= set(DocumentKind.values):
        raise ValidationError(_("Loại tài liệu không hợp lệ."))
    award = data.get("award")
    if award is not None and not isinstance(award, Award):
        raise ValidationError(_("Danh hiệu, hình thức khen thưởng không hợp lệ."))


@transaction.atomic
def category_save(
    *, actor: Any, cycle: Cycle, data: Mapping[str, Any], category: Category | None = None
) -> Category:
    """Create or change a category (what it asks, the award it proposes, its quota)."""
    _check_category(data)
    values = {k: v for k, v in data.items() if k in CATEGORY_FIELDS}
    if category is None:
        category = Category(cycle=cycle, **values)
        category.full_clean()
        category.save()
        audit_record(
            actor=actor,
            action="category_create",
            obj=category,
            changes={k: [None, v] for k, v in snapshot(category, list(values)).items()},
            unit_path=_path(cycle),
        )
        return category
    model_update(
        instance=category,
        data=values,
        actor=actor,
        action="category_update",
        unit_path=_path(cycle),
    )
    return category


@transaction.atomic
def category_delete(*, actor: Any, category: Category) -> None:
    if category.nominations.exists():
        raise ValidationError(_("Nhóm đã có hồ sơ đề nghị, không xóa được."))
    audit_record(
        actor=actor, action="category_delete", obj=category, unit_path=_path(category.cycle)
    )
    category.delete()


@transaction.atomic
def rule_save(
    *, actor: Any, category: Category, data: Mapping[str, Any], rule: Rule | None = None
) -> Rule:
    """Create or change an eligibility rule; parameters are checked before they are kept.
    Live nominations are checked against the new rule when they next move."""
    kind = data.get("kind", rule.kind if rule else "")
    params = data.get("params", rule.params if rule else {})
    if kind not in eligibility.CHECKS:
        raise ValidationError(_("Loại điều kiện không hợp lệ."))
    problems = eligibility.params_problems(kind, params)
    if problems:
        raise ValidationError(problems)
    values = {k: v for k, v in data.items() if k in {"kind", "params", "basis", "active", "order"}}
    path = _path(category.cycle)
    if rule is None:
        rule = Rule(category=category, **values)
        rule.full_clean()
        rule.save()
        audit_record(
            actor=actor,
            action="rule_create",
            obj=rule,
            changes={k: [None, v] for k, v in snapshot(rule, list(values)).items()},
            unit_path=path,
        )
        return rule
    model_update(instance=rule, data=values, actor=actor, action="rule_update", unit_path=path)
    return rule


@transaction.atomic
def rule_delete(*, actor: Any, rule: Rule) -> None:
    """A rule that was overridden stays (deactivated) so the override keeps its meaning."""
    path = _path(rule.category.cycle)
    if rule.overrides.exists():
        model_update(
            instance=rule, data={"active": False}, actor=actor, action="rule_update", unit_path=path
        )
        return
    audit_record(actor=actor, action="rule_delete", obj=rule, unit_path=path)
    rule.delete()


@transaction.atomic
def unit_quota_set(*, actor: Any, category: Category, unit: Unit, quota: int | None) -> None:
    """A different quota for one unit; None returns it to the category's."""
    before = UnitQuota.objects.filter(category=category, unit=unit).first()
    if quota is None:
        if before:
            before.delete()
    else:
        UnitQuota.objects.update_or_create(category=category, unit=unit, defaults={"quota": quota})
    audit_record(
        actor=actor,
        action="category_quota",
        obj=category,
        changes={"quota": [before.quota if before else None, quota], "unit": [None, unit.name]},
        unit_path=_path(category.cycle),
    )
