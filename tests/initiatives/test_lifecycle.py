"""The climb of an initiative, rule by rule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.initiatives.conftest import (
    BEFORE,
    GRASSROOTS_DEADLINE,
    UPPER_DEADLINE,
    climb_to_province,
    make_initiative,
)
from thidua.campaigns import services as campaigns
from thidua.common.models import AuditEntry
from thidua.initiatives import services
from thidua.initiatives.enums import StageStatus, Status
from thidua.initiatives.permissions import can_see_content, initiatives_for_user

ONE_MINUTE = dt.timedelta(minutes=1)


def test_authors_shares_must_sum_to_100(kg):
    with pytest.raises(ValidationError, match="phải bằng 100% \\(hiện là 90%\\)"):
        make_initiative(kg, authors=[(kg.author, Decimal(60)), (kg.coauthor, Decimal(30))])


def test_an_author_is_listed_once(kg):
    with pytest.raises(ValidationError, match="chỉ được ghi một lần"):
        make_initiative(kg, authors=[(kg.author, Decimal(50)), (kg.author, Decimal(50))])


def test_registration_is_at_a_grassroots_union_of_the_programme(kg):
    with pytest.raises(ValidationError, match="không phải đơn vị nhận sáng kiến"):
        make_initiative(kg, unit=kg.district)


def test_codes_number_initiatives_within_the_programme(kg):
    assert [make_initiative(kg).code for _ in range(2)] == ["KG75-00001", "KG75-00002"]


def test_an_initiative_climbs_from_grassroots_union_to_province(kg):
    initiative = make_initiative(kg)

    climb_to_province(kg, initiative)

    assert (initiative.status, initiative.current_unit) == (Status.SUBMITTED, kg.province)
    assert [(s.unit, s.status) for s in initiative.stages.order_by("level__order")] == [
        (kg.union_a, StageStatus.FORWARDED),
        (kg.district, StageStatus.FORWARDED),
        (kg.province, StageStatus.PENDING),
    ]
    assert list(initiative.events.values_list("action", flat=True)) == [
        "create",
        "submit",
        "select",
        "forward",
        "select",
        "forward",
    ]


def test_a_grassroots_union_straight_under_the_province_skips_the_missing_level(kg):
    initiative = make_initiative(kg, unit=kg.union_direct, authors=[(kg.author, Decimal(100))])
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True)

    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    assert initiative.current_unit == kg.province


def test_each_level_sees_only_what_reached_it(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    assert initiative in initiatives_for_user(kg.official_a)
    assert initiative not in initiatives_for_user(kg.district_officer)
    assert initiative not in initiatives_for_user(kg.province_officer)

    services.initiative_decide(actor=None, initiative=initiative, selected=True)
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    assert initiative in initiatives_for_user(kg.district_officer)
    assert initiative not in initiatives_for_user(kg.province_officer)


def test_a_grassroots_official_never_sees_another_unions_initiatives(kg):
    initiative = make_initiative(kg)
    climb_to_province(kg, initiative)

    assert initiative not in initiatives_for_user(kg.official_a2)
    assert initiative not in initiatives_for_user(kg.official_s)


def test_a_confidential_initiative_shows_its_content_only_to_its_union(kg):
    initiative = make_initiative(kg, confidential=True)
    climb_to_province(kg, initiative)

    assert can_see_content(kg.official_a, initiative)
    assert not can_see_content(kg.province_officer, initiative)


def test_submission_one_minute_after_the_deadline_is_refused_until_extended(kg):
    initiative = make_initiative(kg)
    late = GRASSROOTS_DEADLINE + ONE_MINUTE

    with pytest.raises(
        ValidationError,
        match="Đã quá hạn nộp của cấp “Công đoàn cơ sở” \\(hạn 17:00 ngày 10/04/2021\\)",
    ):
        services.initiative_submit(actor=kg.official_a, initiative=initiative, now=late)

    level = kg.programme.levels.get(order=1)
    campaigns.deadline_extend(
        actor=kg.province_officer,
        level=level,
        unit=kg.union_a,
        deadline=GRASSROOTS_DEADLINE + dt.timedelta(days=2),
        reason="Mất điện",
    )
    services.initiative_submit(actor=kg.official_a, initiative=initiative, now=late)

    assert initiative.status == Status.SUBMITTED
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"deadline_extend", "initiative_submit"} <= actions


def test_an_extension_for_one_union_does_not_help_another(kg):
    level = kg.programme.levels.get(order=1)
    campaigns.deadline_extend(
        actor=None,
        level=level,
        unit=kg.union_a,
        deadline=GRASSROOTS_DEADLINE + dt.timedelta(days=2),
        reason="Lũ",
    )
    other = make_initiative(kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))])

    with pytest.raises(ValidationError, match="quá hạn"):
        services.initiative_submit(
            actor=None, initiative=other, now=GRASSROOTS_DEADLINE + ONE_MINUTE
        )


def test_forwarding_after_the_next_levels_deadline_is_refused(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True)

    with pytest.raises(ValidationError, match="Công đoàn cấp trên cơ sở"):
        services.initiative_forward(
            actor=None, initiative=initiative, now=UPPER_DEADLINE + ONE_MINUTE
        )


def test_a_union_cannot_forward_more_than_its_levels_quota(kg):
    initiatives = [make_initiative(kg) for _ in range(3)]
    for initiative in initiatives:
        services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
        services.initiative_decide(actor=None, initiative=initiative, selected=True)
    for initiative in initiatives[:2]:
        services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    with pytest.raises(ValidationError, match="đã chuyển đủ 2 sáng kiến"):
        services.initiative_forward(actor=None, initiative=initiatives[2], now=BEFORE)


def test_return_goes_back_to_whoever_sent_it_with_the_reason(kg):
    initiative = make_initiative(kg)
    climb_to_province(kg, initiative)

    services.initiative_return(
        actor=kg.province_officer, initiative=initiative, reason="Bổ sung xác nhận giá trị làm lợi"
    )

    assert (initiative.status, initiative.current_unit) == (Status.RETURNED, kg.district)
    assert initiative.events.last().reason == "Bổ sung xác nhận giá trị làm lợi"
    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)
    assert initiative.current_unit == kg.province


def test_returned_to_the_authors_it_can_be_edited_and_submitted_again(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_return(actor=None, initiative=initiative, reason="Thiếu mô tả")

    services.initiative_update(
        actor=None, initiative=initiative, data={"conditions": "Có biến tần"}
    )
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    assert initiative.status == Status.SUBMITTED


def test_content_is_frozen_once_submitted(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    with pytest.raises(ValidationError, match="Chỉ sửa được"):
        services.initiative_update(actor=None, initiative=initiative, data={"title": "Khác"})


def test_authors_withdraw_before_endorsement_but_not_after(kg):
    early, late = make_initiative(kg), make_initiative(kg)
    services.initiative_submit(actor=None, initiative=early, now=BEFORE)
    services.initiative_withdraw(actor=None, initiative=early, reason="Chưa áp dụng đủ")
    services.initiative_submit(actor=None, initiative=late, now=BEFORE)
    services.initiative_decide(actor=None, initiative=late, selected=True)

    with pytest.raises(ValidationError, match="trước khi công đoàn cơ sở công nhận"):
        services.initiative_withdraw(actor=None, initiative=late, reason="Đổi ý")
    assert early.status == Status.WITHDRAWN


def test_not_selecting_needs_a_reason(kg):
    initiative = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    with pytest.raises(ValidationError):
        services.initiative_decide(actor=None, initiative=initiative, selected=False)


def test_submission_needs_a_description_and_a_benefit(kg):
    initiative = make_initiative(kg, novelty="", benefit_value=None)

    with pytest.raises(ValidationError) as error:
        services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)

    assert len(error.value.messages) == 2


def test_after_a_merger_the_receiving_federation_sees_what_reached_the_merged_one(kg):
    from tests.factories import make_unit, make_user
    from thidua.orgs import services as orgs

    initiative = make_initiative(kg)
    climb_to_province(kg, initiative)
    an_giang = make_unit("Liên đoàn Lao động tỉnh An Giang", code="AG", kind="ldld_tinh")
    officer = make_user("thidua_ag", unit=an_giang, role="officer")

    orgs.unit_merge(
        actor=None,
        unit=kg.province,
        into=an_giang,
        effective_on=dt.date(2025, 7, 1),
        reason="NQ 202/2025/QH15",
    )

    assert initiative in initiatives_for_user(officer)
    assert initiative not in initiatives_for_user(kg.official_a2)


def test_a_historical_programme_climbs_the_tree_as_it_stood_then(kg):
    from thidua.orgs import services as orgs

    initiative = make_initiative(kg)
    orgs.unit_move(
        actor=None, unit=kg.union_a, new_parent=kg.province, effective_on=dt.date(2025, 7, 1)
    )
    services.initiative_submit(actor=None, initiative=initiative, now=BEFORE)
    services.initiative_decide(actor=None, initiative=initiative, selected=True)

    services.initiative_forward(actor=None, initiative=initiative, now=BEFORE)

    assert initiative.current_unit == kg.district


def test_history_carries_the_date_of_each_act(kg):
    initiative = make_initiative(kg, now=BEFORE)
    services.initiative_submit(
        actor=None, initiative=initiative, now=BEFORE + dt.timedelta(hours=1)
    )
    services.initiative_return(actor=None, initiative=initiative, reason="Thiếu xác nhận",
                               now=BEFORE + dt.timedelta(days=1))  # fmt: skip

    assert [event.at for event in initiative.events.order_by("at")] == [
        BEFORE,
        BEFORE + dt.timedelta(hours=1),
        BEFORE + dt.timedelta(days=1),
    ]
    assert initiative.created_at == BEFORE


def test_after_a_merger_the_receiving_federation_runs_the_merged_ones_programme(kg):
    from tests.factories import make_unit, make_user
    from thidua.campaigns.permissions import can_manage, programme_for_user
    from thidua.campaigns.selectors import acting_units
    from thidua.orgs import services as orgs

    campaigns.programme_update(
        actor=None, programme=kg.programme, data={"ends_on": dt.date(2021, 5, 31)}
    )
    an_giang = make_unit("Liên đoàn Lao động tỉnh An Giang", code="AG", kind="ldld_tinh")
    officer = make_user("thidua_ag", unit=an_giang, role="officer")
    orgs.unit_merge(actor=None, unit=kg.province, into=an_giang, effective_on=dt.date(2025, 7, 1),
                    reason="NQ 202/2025/QH15")  # fmt: skip

    assert programme_for_user(officer, kg.programme.pk) == kg.programme
    assert can_manage(officer, kg.programme)
    assert acting_units(kg.programme, [an_giang]) == [kg.province]


def test_a_union_that_moved_still_sees_the_programme_it_took_part_in(kg):
    from thidua.campaigns.permissions import programme_for_user
    from thidua.orgs import services as orgs

    orgs.unit_move(
        actor=None, unit=kg.union_a, new_parent=kg.sector, effective_on=dt.date(2025, 7, 1)
    )

    assert programme_for_user(kg.official_a, kg.programme.pk) == kg.programme


def test_registration_outside_the_programme_period_is_refused(kg):
    with pytest.raises(ValidationError, match="nhận sáng kiến từ 10/03/2021"):
        make_initiative(kg, now=dt.datetime(2021, 3, 1, 9, 0, tzinfo=dt.UTC))
