"""Eligibility rules as data: pure checks over plain facts, then wired to nominations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.awards.conftest import BEFORE, AnLao, nominate
from tests.factories import make_person
from thidua.awards import eligibility
from thidua.awards.eligibility import Facts
from thidua.awards.enums import AwardKind, NominationStatus
from thidua.awards.models import Award
from thidua.awards.services import cycles, decisions, nominations


@pytest.mark.parametrize(
    ("category", "value", "three_years", "ok"),
    [
        ("worker", 80_000_000, None, True),
        ("worker", 79_999_999, None, False),
        ("worker", 60_000_000, 120_000_000, True),
        ("professional", 149_000_000, None, False),
        ("professional", 150_000_000, None, True),
        ("professional", 60_000_000, 300_000_000, False),  # three years: workers only
        ("manager", 199_000_000, None, False),
        ("manager", 200_000_000, None, True),
    ],
)
def test_lao_dong_sang_tao_thresholds_follow_the_member_category(category, value, three_years, ok):
    facts = Facts(
        member_category=category,
        benefit_value=value,
        benefit_three_years=three_years,
        has_initiative=True,
    )
    assert eligibility.benefit_threshold({}, facts).ok is ok


def test_a_newer_regulation_changes_the_threshold_as_data():
    facts = Facts(member_category="worker", benefit_value=90_000_000, has_initiative=True)
    outcome = eligibility.benefit_threshold({"by_category": {"worker": 100_000_000}}, facts)
    assert not outcome.ok
    assert "90.000.000 đồng thấp hơn mức 100.000.000 đồng" in outcome.message


def test_prize_rule_takes_a_national_prize_or_a_city_first_or_second():
    params = {"allowed": {"national": ["*"], "province": ["first", "second"]}}
    assert eligibility.prize_level(params, Facts(contest_level="national", prize="third")).ok
    assert eligibility.prize_level(params, Facts(contest_level="province", prize="second")).ok
    third = eligibility.prize_level(params, Facts(contest_level="province", prize="third"))
    assert not third.ok
    assert third.message.startswith("Giải Ba cấp tỉnh, thành phố chưa đủ điều kiện")


def test_date_window_reads_the_first_application_or_the_year():
    params = {"from": "2023-01-01", "to": "2023-12-31"}
    assert eligibility.date_window(params, Facts(first_applied_on=dt.date(2023, 5, 1))).ok
    assert not eligibility.date_window(params, Facts(first_applied_on=dt.date(2024, 1, 2))).ok
    assert eligibility.date_window(params, Facts(achievement_year=2023)).ok
    assert not eligibility.date_window(params, Facts(achievement_year=2022)).ok


def test_broken_parameters_are_refused_before_they_are_kept(al: AnLao):
    category = al.category(2)
    with pytest.raises(ValidationError, match="Ngày kết thúc phải sau ngày bắt đầu"):
        cycles.rule_save(
            actor=al.officer,
            category=category,
            data={"kind": "date_window", "params": {"from": "2023-12-31", "to": "2023-01-01"}},
        )


def test_one_achievement_is_awarded_once(al: AnLao):
    first = nominate(al, 1, al.engineer, initiative=al.rich)
    nominations.nomination_submit(actor=None, nomination=first, now=BEFORE)
    with pytest.raises(ValidationError, match="mỗi thành tích chỉ được khen thưởng một lần"):
        nominate(
            al,
            2,
            al.engineer,
            initiative=al.rich,
            contest="Hội thi sáng tạo kỹ thuật",
            prize="first",
            achievement_year=2023,
        )


def test_the_quota_of_a_unit_holds_at_submission(al: AnLao):
    for person in (al.worker, al.engineer):
        nominations.nomination_submit(actor=None, nomination=nominate(al, 4, person), now=BEFORE)
    third_person = make_person("Đỗ Thị Hoa", unit=al.cokhi, gender="nu")
    third = nominate(al, 4, third_person)
    with pytest.raises(ValidationError, match="đã nộp đủ 2 hồ sơ"):
        nominations.nomination_submit(actor=None, nomination=third, now=BEFORE)
    assert third.status == NominationStatus.DRAFT


def test_a_rule_changed_after_submission_is_checked_again_on_acceptance(al: AnLao):
    nomination = nominate(al, 1, al.engineer, initiative=al.rich)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    rule = al.category(1).rules.get(kind="benefit_threshold")
    cycles.rule_save(
        actor=al.officer,
        category=al.category(1),
        rule=rule,
        data={"params": {"by_category": {"professional": 200_000_000}}},
    )
    with pytest.raises(
        ValidationError, match=r"180\.000\.000 đồng thấp hơn mức 200\.000\.000 đồng"
    ):
        nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(
        actor=al.officer,
        nomination=nomination,
        now=BEFORE,
        override_reason="Hội đồng thống nhất xét theo quy định cũ.",
    )
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ACCEPTED
    assert nomination.overrides.get().reason == "Hội đồng thống nhất xét theo quy định cũ."


def test_the_grassroots_official_cannot_override(al: AnLao):
    with pytest.raises(ValidationError) as refused:
        nominations.nomination_create(
            actor=al.official,
            category=al.category(1),
            unit=al.cokhi,
            data={"person": al.worker, "initiative": al.cheap, "summary": "Sáng kiến."},
            override_reason="Xin xét ngoại lệ.",
            can_override=False,
            now=BEFORE,
        )
    assert "Chỉ cán bộ thi đua của Liên đoàn Lao động huyện An Lão" in " ".join(
        refused.value.messages
    )


def test_titles_and_forms_stay_apart_in_the_catalogue(catalogue):
    kinds = dict(Award.objects.values_list("code", "kind"))
    assert kinds["lao-dong-gioi"] == AwardKind.TITLE
    assert kinds["chien-si-thi-dua-co-so"] == AwardKind.TITLE
    assert kinds["giay-khen"] == AwardKind.FORM
    assert kinds["bang-lao-dong-sang-tao"] == AwardKind.FORM
    assert Award.objects.get(code="lao-dong-gioi").labelled == "Danh hiệu thi đua: Lao động giỏi"


def test_a_title_decision_reads_as_a_recognition(al: AnLao):
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={"award": Award.objects.get(code="lao-dong-gioi"), "cycle": al.cycle},
    )
    assert decision.subject.startswith("Về việc công nhận danh hiệu “Lao động giỏi”")


def test_an_initiative_not_yet_recognised_by_its_union_cannot_carry_a_nomination(al: AnLao):
    al.rich.stages.update(status="pending")

    with pytest.raises(ValidationError, match="Sáng kiến chưa được công nhận"):
        nominate(al, 1, al.engineer, initiative=al.rich)


def test_the_catalogue_comes_back_whole_and_once_on_an_emptied_database(catalogue):
    from thidua.awards.catalogue import CATALOGUE
    from thidua.awards.services.catalogue import catalogue_load

    Award.objects.filter(code="giay-khen").update(name="Giấy khen (đã sửa)")
    Award.objects.exclude(code="giay-khen").delete()
    catalogue_load()
    catalogue_load()

    assert Award.objects.count() == len(CATALOGUE)
    assert Award.objects.get(code="giay-khen").name == "Giấy khen (đã sửa)"
