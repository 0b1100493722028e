"""Eligibility rules as data: each RuleKind names a pure check over plain facts; its
parameters (thresholds, dates, prizes) live in the Rule row, so a newer regulation changes
data, not code. Every failure reads as a sentence an official understands.

The Bằng Lao động sáng tạo thresholds are those of QĐ 1564/QĐ-TLĐ (2014), Điều 16
(DOMAIN.md §2): 80 million đồng (or 120 million over three consecutive years) for workers,
150 million for university-level staff without a post, 200 million for managers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from thidua.awards.enums import ContestLevel, Prize, RuleKind
from thidua.common.vietnamese import date_short, money
from thidua.orgs.enums import MemberCategory

BENEFIT_DEFAULTS: dict[str, int] = {
    MemberCategory.WORKER: 80_000_000,
    MemberCategory.PROFESSIONAL: 150_000_000,
    MemberCategory.MANAGER: 200_000_000,
}
THREE_YEAR_DEFAULT = 120_000_000


@dataclass(frozen=True)
class Facts:
    """What a rule may look at, read from the nomination, its person and its initiative."""

    member_category: str = ""
    is_union_member: bool = True
    benefit_value: int | None = None
    benefit_three_years: int | None = None
    has_initiative: bool = False
    # The initiative was endorsed (recognised) by its grassroots union or a level above.
    initiative_recognised: bool = False
    first_applied_on: dt.date | None = None
    achievement_year: int | None = None
    contest_level: str = ""
    prize: str = ""
    # Earlier nominations or awards of the same person for the same achievement, each as a
    # short description ("Quyết định số 12/QĐ-LĐLĐ", "hồ sơ đợt 2023").
    same_achievement: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def _category_label(category: str) -> str:
    return str(dict(MemberCategory.choices).get(category, category)).lower()


def benefit_threshold(params: Mapping[str, Any], facts: Facts) -> Outcome:
    if not facts.has_initiative:
        return Outcome(False, _("Chưa chọn sáng kiến để xét giá trị làm lợi."))
    thresholds = {
        **BENEFIT_DEFAULTS,
        **{k: int(v) for k, v in params.get("by_category", {}).items()},
    }
    if facts.member_category not in thresholds:
        return Outcome(
            False,
            _(
                "Chưa ghi đối tượng của người được đề nghị (công nhân, người lao động; cán bộ, "
                "viên chức trình độ đại học; cán bộ quản lý): không xác định được mức giá trị "
                "làm lợi cần đạt."
            ),
        )
    needed = thresholds[facts.member_category]
    value = facts.benefit_value or 0
    if value >= needed:
        return Outcome(
            True,
            _("Giá trị làm lợi %(value)s, đạt mức %(needed)s.")
            % {"value": money(value), "needed": money(needed)},
        )
    three_years = int(params.get("three_years", THREE_YEAR_DEFAULT))
    if (
        facts.member_category == MemberCategory.WORKER
        and three_years
        and (facts.benefit_three_years or 0) >= three_years
    ):
        return Outcome(
            True,
            _("Giá trị làm lợi 3 năm liên tiếp %(value)s, đạt mức %(needed)s.")
            % {"value": money(facts.benefit_three_years or 0), "needed": money(three_years)},
        )
    message = _(
        "Giá trị làm lợi %(value)s thấp hơn mức %(needed)s áp dụng cho đối tượng “%(who)s”."
    ) % {
        "value": money(value),
        "needed": money(needed),
        "who": _category_label(facts.member_category),
    }
    if facts.member_category == MemberCategory.WORKER and three_years:
        message += " " + _("Hoặc cần tổng giá trị làm lợi 3 năm liên tiếp từ %(needed)s.") % {
            "needed": money(three_years)
        }
    return Outcome(False, message)


def one_award(params: Mapping[str, Any], facts: Facts) -> Outcome:
    if facts.same_achievement:
        return Outcome(
            False,
            _(
                "Thành tích này đã được đề nghị hoặc khen thưởng (%(where)s): mỗi thành tích chỉ "
                "được khen thưởng một lần (Luật Thi đua, khen thưởng 2022)."
            )
            % {"where": "; ".join(facts.same_achievement)},
        )
    return Outcome(True, _("Thành tích chưa được khen thưởng lần nào."))


def date_window(params: Mapping[str, Any], facts: Facts) -> Outcome:
    start = dt.date.fromisoformat(params["from"]) if params.get("from") else None
    end = dt.date.fromisoformat(params["to"]) if params.get("to") else None
    day = facts.first_applied_on
    if day is None and facts.achievement_year:
        day = dt.date(facts.achievement_year, 12, 31)
        if start and start.year == facts.achievement_year:
            day = start
    window = _("từ %(start)s đến %(end)s") % {
        "start": date_short(start) if start else "…",
        "end": date_short(end) if end else "…",
    }
    if day is None:
        return Outcome(
            False, _("Chưa ghi thời gian đạt thành tích (cần %(window)s).") % {"window": window}
        )
    if (start and day < start) or (end and day > end):
        return Outcome(
            False,
            _("Thành tích ngày %(day)s nằm ngoài thời gian xét (%(window)s).")
            % {"day": date_short(day), "window": window},
        )
    return Outcome(True, _("Thành tích trong thời gian xét (%(window)s).") % {"window": window})


def prize_level(params: Mapping[str, Any], facts: Facts) -> Outcome:
    """`params["allowed"]`: {contest level: [prizes]} ("*" for any prize at that level)."""
    allowed: Mapping[str, list[str]] = params.get("allowed", {})
    prizes = allowed.get(facts.contest_level, [])
    level_label = dict(ContestLevel.choices).get(facts.contest_level, "")
    prize_label = dict(Prize.choices).get(facts.prize, "")
    if (
        facts.prize
        and facts.prize != Prize.PARTICIPATION
        and ("*" in prizes or facts.prize in prizes)
    ):
        return Outcome(
            True,
            _("Đạt %(prize)s cấp %(level)s.")
            % {"prize": prize_label, "level": str(level_label).lower()},
        )
    wanted = []
    for level, names in allowed.items():
        label = str(dict(ContestLevel.choices).get(level, level)).lower()
        if "*" in names:
            wanted.append(_("giải cấp %(level)s") % {"level": label})
        else:
            listed = ", ".join(str(dict(Prize.choices).get(n, n)) for n in names)
            wanted.append(_("%(prizes)s cấp %(level)s") % {"prizes": listed, "level": label})
    if not facts.prize:
        return Outcome(
            False, _("Chưa ghi giải đạt được (cần %(wanted)s).") % {"wanted": "; ".join(wanted)}
        )
    return Outcome(
        False,
        _("%(prize)s cấp %(level)s chưa đủ điều kiện (cần %(wanted)s).")
        % {
            "prize": prize_label,
            "level": str(level_label).lower() or "…",
            "wanted": "; ".join(wanted),
        },
    )


def union_member(params: Mapping[str, Any], facts: Facts) -> Outcome:
    if facts.is_union_member:
        return Outcome(True, _("Là đoàn viên công đoàn."))
    return Outcome(False, _("Người được đề nghị chưa là đoàn viên công đoàn."))


def initiative_recognised(params: Mapping[str, Any], facts: Facts) -> Outcome:
    if not facts.has_initiative:
        return Outcome(False, _("Chưa chọn sáng kiến."))
    if facts.initiative_recognised:
        return Outcome(True, _("Sáng kiến đã được công đoàn cơ sở công nhận."))
    return Outcome(
        False,
        _(
            "Sáng kiến chưa được công nhận: công đoàn cơ sở cần xét, công nhận sáng kiến trước "
            "khi đề nghị khen thưởng."
        ),
    )


CHECKS: dict[str, Callable[[Mapping[str, Any], Facts], Outcome]] = {
    RuleKind.BENEFIT_THRESHOLD: benefit_threshold,
    RuleKind.ONE_AWARD: one_award,
    RuleKind.DATE_WINDOW: date_window,
    RuleKind.PRIZE_LEVEL: prize_level,
    RuleKind.UNION_MEMBER: union_member,
    RuleKind.INITIATIVE_RECOGNISED: initiative_recognised,
}


def check(kind: str, params: Mapping[str, Any], facts: Facts) -> Outcome:
    return CHECKS[kind](params, facts)


def params_problems(kind: str, params: Mapping[str, Any]) -> list[str]:
    """What is wrong with a rule's parameters, before it is saved."""
    problems: list[str] = []
    if not isinstance(params, Mapping):
        return [_("Tham số của điều kiện không hợp lệ.")]
    if kind == RuleKind.BENEFIT_THRESHOLD:
        if not isinstance(params.get("by_category", {}), Mapping):
            return [_("Mức giá trị làm lợi phải ghi theo từng đối tượng.")]
        unknown = set(params.get("by_category", {})) - set(MemberCategory.values)
        if unknown:
            problems.append(
                _("Đối tượng không hợp lệ: %(names)s.") % {"names": ", ".join(sorted(unknown))}
            )
        for key, value in {
            **params.get("by_category", {}),
            "three_years": params.get("three_years", 0),
        }.items():
            if not isinstance(value, int) or value < 0:
                problems.append(
                    _("Mức giá trị làm lợi “%(key)s” phải là số đồng không âm.") % {"key": key}
                )
    elif kind == RuleKind.DATE_WINDOW:
        try:
            start = dt.date.fromisoformat(params["from"]) if params.get("from") else None
            end = dt.date.fromisoformat(params["to"]) if params.get("to") else None
        except (TypeError, ValueError):
            return [_("Ngày bắt đầu, kết thúc không hợp lệ.")]
        if start is None and end is None:
            problems.append(_("Cần ít nhất ngày bắt đầu hoặc ngày kết thúc."))
        elif start and end and end < start:
            problems.append(_("Ngày kết thúc phải sau ngày bắt đầu."))
    elif kind == RuleKind.PRIZE_LEVEL:
        allowed = params.get("allowed")
        if not isinstance(allowed, dict) or not allowed:
            problems.append(_("Cần chọn ít nhất một cấp và giải được xét."))
        else:
            levels, prizes = set(ContestLevel.values), set(Prize.values) | {"*"}
            for level, names in allowed.items():
                if level not in levels or not isinstance(names, list) or not set(names) <= prizes:
                    problems.append(_("Cấp hoặc giải không hợp lệ: %(level)s.") % {"level": level})
    return problems
