"""The demo's programmes: Kiên Giang's "75 nghìn sáng kiến" of 2021, An Lão's round of 2024
and Hải Phòng's round still open in 2026, read by the demo logins."""

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings

from thidua.campaigns.models import DeadlineExtension, Programme
from thidua.campaigns.selectors import deadline_for
from thidua.initiatives import services
from thidua.initiatives.enums import Action, StageStatus, Status
from thidua.initiatives.models import Event, Initiative, Stage
from thidua.initiatives.permissions import can_decide, can_edit, initiatives_for_user
from thidua.initiatives.selectors import progress_board
from thidua.orgs.demo import DemoResult, load_demo
from thidua.orgs.demo.ideas import CERTIFY, idea_title
from thidua.orgs.demo.programmes import KG_SILENT_UPPERS, UPPER_QUOTA
from thidua.orgs.demo.rounds import apportion
from thidua.orgs.demo.vocabulary import FIELD_WEIGHTS, VOCAB
from thidua.orgs.enums import Tier
from thidua.orgs.models import Unit, UnitPlacement, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The demo's "today": the 2026 programme's deadlines (15/12/2026 at the grassroots) are fixed
# dates after it, so tests act on that day rather than on the clock.
TODAY = dt.datetime(2026, 11, 21, 9, 0, tzinfo=VN)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[DemoResult]:
    """The demo, loaded once for this module and rolled back after it (as in test_demo.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            result = load_demo()
        yield result
        transaction.set_rollback(True)


def kien_giang() -> Programme:
    return Programme.objects.get(code="KG-75N")


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Initiative.objects.order_by("code").values_list(
            "code", "title", "unit__code", "status", "benefit_value", "current_unit__code"
        )
    )


# ---------------------------------------------------------------------------------------------
# Kiên Giang, 2021


def test_demo_kien_giang_has_about_a_thousand_initiatives_over_every_field(db, demo):
    programme = kien_giang()
    rows = Initiative.objects.filter(programme=programme)
    grassroots_then = UnitPlacement.objects.on(dt.date(2021, 3, 10)).filter(
        path__startswith=UnitPlacement.objects.on(dt.date(2021, 3, 10)).get(unit__code="KG").path,
        unit__kind="cdcs",
    )

    assert (programme.running_unit.code, programme.status) == ("KG", "launched")
    assert 1100 <= rows.count() <= 1300  # about 1,000 of them reach the province council
    assert set(rows.values_list("field__name", flat=True)) == set(
        programme.fields.values_list("name", flat=True)
    )
    assert rows.values("unit").distinct().count() >= 0.8 * grassroots_then.count()
    assert demo.initiatives == Initiative.objects.count()


def test_demo_kien_giang_levels_follow_the_seed(db, demo):
    levels = list(kien_giang().levels.order_by("order"))

    assert [(level.tier, level.has_council) for level in levels] == [
        (Tier.GRASSROOTS, False), (Tier.UPPER, False), (Tier.PROVINCE, True),
    ]  # fmt: skip
    assert [level.deadline.astimezone(VN) for level in levels] == [
        dt.datetime(2021, 4, day, 17, 0, tzinfo=VN) for day in (10, 15, 20)
    ]
    assert (levels[1].quota_max, levels[2].quota_min, levels[2].quota_max) == (None, 75, 120)


def test_demo_kien_giang_late_arrivals_each_have_an_extension(db, demo):
    stages = Stage.objects.filter(level__programme=kien_giang()).select_related("level")
    late = [stage for stage in stages if stage.entered_at > stage.level.deadline]

    assert Counter(stage.level.order for stage in late).keys() == {1, 2}
    for stage in late:
        acting_unit = stage.sender or stage.unit  # the union that submitted or forwarded
        assert stage.entered_at <= deadline_for(stage.level, acting_unit), stage
    assert all(
        ext.reason for ext in DeadlineExtension.objects.filter(level__programme__code="KG-75N")
    )


def test_demo_kien_giang_has_every_outcome_with_reasons(db, demo):
    rows = Initiative.objects.filter(programme=kien_giang())
    counts = Counter(rows.values_list("status", flat=True))
    events = Event.objects.filter(initiative__programme=kien_giang())

    assert set(counts) == set(Status.values)
    assert counts[Status.SUBMITTED] > 900  # waiting for the province council, mostly
    assert min(counts[Status.RETURNED], counts[Status.NOT_SELECTED], counts[Status.SELECTED]) >= 20
    assert counts[Status.DRAFT] + counts[Status.WITHDRAWN] < 0.1 * rows.count()
    assert 0.03 <= rows.filter(confidential=True).count() / rows.count() <= 0.08
    for action in (Action.RETURN, Action.NOT_SELECT, Action.WITHDRAW):
        assert events.filter(action=action).exists(), action
        assert not events.filter(action=action, reason="").exists(), action


def test_demo_kien_giang_returned_for_certification_lack_the_certification(db, demo):
    returned = Initiative.objects.filter(programme=kien_giang(), status=Status.RETURNED)
    last_reason = {
        initiative.pk: initiative.events.filter(action=Action.RETURN).last().reason
        for initiative in returned
    }

    for_certification = [i for i in returned if last_reason[i.pk] == CERTIFY]
    assert for_certification
    assert {i.benefit_certified_by for i in for_certification} == {""}
    assert all(i.benefit_certified_by for i in returned if last_reason[i.pk] != CERTIFY)


def test_demo_kien_giang_benefits_are_mostly_tens_to_hundreds_of_millions(db, demo):
    rows = Initiative.objects.filter(programme=kien_giang())
    values = [value for value in rows.values_list("benefit_value", flat=True) if value is not None]

    assert sum(20_000_000 <= value <= 500_000_000 for value in values) > 0.6 * len(values)
    assert 3 <= sum(value >= 1_000_000_000 for value in values) <= 40
    assert 0.2 <= rows.filter(benefit_value=None).count() / rows.count() <= 0.6


def test_demo_kien_giang_upper_unions_forward_within_their_quota(db, demo):
    reached = Stage.objects.filter(level__programme=kien_giang(), level__order=3).exclude(
        status=StageStatus.RETURNED
    )
    per_sender = Counter(reached.values_list("sender__code", flat=True))

    assert 950 <= reached.count() <= 1050
    assert UPPER_QUOTA is None or max(per_sender.values()) <= UPPER_QUOTA
    assert not set(per_sender) & set(KG_SILENT_UPPERS)
    assert set(reached.values_list("unit__code", flat=True)) == {"KG"}


def test_demo_kien_giang_silent_upper_unions_show_late_on_the_province_board(db, demo):
    rows = progress_board(
        programme=kien_giang(),
        unit=Unit.objects.get(code="KG"),
        now=dt.datetime(2021, 4, 21, 9, 0, tzinfo=VN),
    )
    late = {row.unit.code for row in rows if row.late}

    assert late == set(KG_SILENT_UPPERS)
    assert all(row.registered > 0 for row in rows)


def test_demo_an_giang_officer_sees_what_reached_kien_giang(db, demo):
    officer = User.objects.get(username="thidua_ag")
    reached_province = Initiative.objects.filter(
        pk__in=Stage.objects.filter(unit__code="KG").values("initiative_id")
    )

    visible = initiatives_for_user(officer).filter(programme=kien_giang())

    assert set(visible) == set(reached_province)
    assert visible.count() >= 75


# ---------------------------------------------------------------------------------------------
# An Lão, 2024, and what the Hải Phòng logins see of it


def test_demo_an_lao_programme_was_run_by_the_district_federation_on_the_2024_tree(db, demo):
    programme = Programme.objects.get(code="AL-LDST-2024")
    rows = Initiative.objects.filter(programme=programme)
    last = programme.levels.get(order=2)

    assert programme.running_unit.code == "HP-ANLAO"
    assert 30 <= rows.count() <= 50
    assert rows.values("unit").distinct().count() >= 8
    assert set(rows.values_list("unit__code", flat=True)) <= {
        f"HP-AL-{n:02d}" for n in range(1, 13)
    }
    assert last.deadline.astimezone(VN) < dt.datetime(2024, 7, 13, tzinfo=VN)
    assert set(Stage.objects.filter(level=last).values_list("unit__code", flat=True)) == {
        "HP-ANLAO"
    }
    assert not Stage.objects.filter(level=last, status=StageStatus.PENDING).exists()


def test_demo_hai_phong_officer_sees_what_reached_the_dissolved_district(db, demo):
    officer = User.objects.get(username="thidua_hp")
    reached_an_lao = Initiative.objects.filter(
        pk__in=Stage.objects.filter(unit__code="HP-ANLAO").values("initiative_id")
    )

    visible = initiatives_for_user(officer).filter(programme__code="AL-LDST-2024")

    assert reached_an_lao.exists()
    assert set(visible) == set(reached_an_lao)


def test_demo_grassroots_official_sees_only_own_union(db, demo):
    official = User.objects.get(username="cdcs_cokhi")

    visible = initiatives_for_user(official)

    assert set(visible.values_list("unit__code", flat=True)) == {"HP-AL-01"}
    assert visible.count() == Initiative.objects.filter(unit__code="HP-AL-01").count()
    assert set(visible.values_list("programme__code", flat=True)) == {
        "AL-LDST-2024", "HP-LDST-2026",
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Hải Phòng, 2026: something to do today


def test_demo_grassroots_official_can_submit_a_draft_today(db, demo):
    official = User.objects.get(username="cdcs_cokhi")
    draft = Initiative.objects.exclude(benefit_value=None, non_monetary_benefit="").get(
        programme__code="HP-LDST-2026", unit__code="HP-AL-01", status=Status.DRAFT
    )

    assert can_edit(official, draft)
    services.initiative_submit(actor=official, initiative=draft, now=TODAY)

    draft.refresh_from_db()
    assert (draft.status, draft.current_unit.code) == (Status.SUBMITTED, "HP-AL-01")


def test_demo_incomplete_draft_explains_what_is_missing(db, demo):
    incomplete = Initiative.objects.get(
        programme__code="HP-LDST-2026", status=Status.DRAFT, benefit_value=None,
        non_monetary_benefit="",
    )  # fmt: skip

    with pytest.raises(ValidationError, match="giá trị làm lợi"):
        services.initiative_submit(actor=None, initiative=incomplete, now=TODAY)


def test_demo_each_hai_phong_login_has_something_to_decide(db, demo):
    current = Initiative.objects.filter(programme__code="HP-LDST-2026")
    expected = {"cdcs_cokhi": "HP-AL-01", "thidua_anlao": "HP-XA-ANLAO", "thidua_hp": "HP"}

    for username, unit_code in expected.items():
        user = User.objects.get(username=username)
        waiting = current.filter(current_unit__code=unit_code, status=Status.SUBMITTED)
        assert waiting.exists(), username
        assert all(can_decide(user, initiative) for initiative in waiting), username
    assert current.filter(current_unit__code="HP-AL-01", status=Status.SELECTED).exists()


def test_demo_official_forwards_an_endorsed_initiative_to_the_commune_union(db, demo):
    official = User.objects.get(username="cdcs_cokhi")
    endorsed = Initiative.objects.get(
        programme__code="HP-LDST-2026", unit__code="HP-AL-01", status=Status.SELECTED
    )

    services.initiative_forward(actor=official, initiative=endorsed, now=TODAY)

    endorsed.refresh_from_db()
    assert (endorsed.status, endorsed.current_unit.code) == (Status.SUBMITTED, "HP-XA-ANLAO")


# ---------------------------------------------------------------------------------------------
# Loading


def test_demo_programmes_reload_the_same(db, demo):
    before = snapshot()

    load_demo(reset=True)

    assert snapshot() == before
    assert Programme.objects.count() == 3


def test_demo_second_run_adds_no_programme(db, demo):
    before = Initiative.objects.count()

    again = load_demo()

    assert not again.created
    assert (again.programmes, again.initiatives) == (3, before)
    assert Initiative.objects.count() == before


# ---------------------------------------------------------------------------------------------
# The text generator, without the database


@pytest.mark.parametrize("family", sorted(FIELD_WEIGHTS))
def test_idea_title_has_a_pattern_for_every_field_a_family_files_under(family):
    rng = random.Random(1)
    for field_name, _ in FIELD_WEIGHTS[family]:
        title, kind = idea_title(rng, family, field_name)
        assert title[0].isupper() and "{" not in title, (family, field_name)
        assert kind
    assert family in VOCAB


def test_apportion_splits_the_whole_total_by_weight():
    assert apportion(10, [1, 1, 2]) == [3, 2, 5]
    assert sum(apportion(976, [3.5, 24.5, 34.6, 7.7])) == 976


def test_demo_an_giang_officer_opens_kien_giangs_programme_with_its_board(db, demo):
    from django.test import Client
    from django.urls import reverse

    programme = Programme.objects.get(code="KG-75N")
    client = Client()
    client.force_login(User.objects.get(username="thidua_ag"))

    page = client.get(reverse("web:programme_detail", args=[programme.pk]))

    assert page.status_code == 200
    assert "Tiến độ các đơn vị trực thuộc Liên đoàn Lao động tỉnh Kiên Giang" in page.text
    assert page.text.count("Trễ hạn") == len(KG_SILENT_UPPERS)
    assert [
        event.at.year for event in Event.objects.filter(initiative__programme=programme)[:50]
    ] == [2021] * 50
