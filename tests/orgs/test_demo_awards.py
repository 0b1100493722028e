"""The demo's commendation work (thidua/orgs/demo/awards.py): An Lão's cycle for 2023 and its
decision 52/QĐ-LĐLĐ, the 2022 decision with a revoked award, and Hải Phòng's cycle open today,
read through the services, selectors and access funnel the pages use; and the conference of
Kế hoạch 35/KH-LĐLĐ (thidua/orgs/demo/events.py), which shares this module's one load."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from thidua.awards.eligibility import BENEFIT_DEFAULTS
from thidua.awards.enums import DecisionStatus, NominationAction, NominationStatus
from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination, NominationEvent
from thidua.awards.permissions import (
    can_build,
    can_run,
    can_sign,
    cycles_for_user,
    decisions_for_user,
    nominations_for_user,
)
from thidua.awards.selectors import history_lines
from thidua.awards.services import nominations
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import time_in_words
from thidua.documents.models import RegisterCounter, RegisterEntry
from thidua.events.honourees import event_award_order
from thidua.events.models import Event, Guest, lines
from thidua.events.permissions import can_manage_event, events_for_user
from thidua.events.wording import is_union_chair
from thidua.initiatives.enums import Status
from thidua.orgs.demo import DemoResult, load_demo
from thidua.orgs.demo.awards import (
    AL_CYCLE_NAME,
    OVERRIDE_REASON,
    REJECT_REASON,
    RETURN_REASON,
    REVOKE_BASIS,
    awards_summary,
)
from thidua.orgs.demo.programmes import AL_CODE, HP_CODE
from thidua.orgs.models import Unit, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[DemoResult]:
    """The whole demo, loaded once for this module and rolled back after it (as in
    test_demo_programmes.py); its dossier papers go to a temporary MEDIA_ROOT."""
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=str(media)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            result = load_demo()
        yield result
        transaction.set_rollback(True)


def an_lao() -> Cycle:
    return Cycle.objects.get(programme__code=AL_CODE)


def hai_phong() -> Cycle:
    return Cycle.objects.get(programme__code=HP_CODE)


def decision(symbol: str) -> Decision:
    return Decision.objects.get(symbol=symbol)


def user(username: str) -> User:
    return User.objects.get(username=username)


# ---------------------------------------------------------------------------------------------
# An Lão, achievements of 2023


def test_demo_an_lao_cycle_follows_kế_hoạch_35(db, demo):
    cycle = an_lao()

    assert (cycle.name, cycle.achievement_year) == (AL_CYCLE_NAME, 2023)
    assert cycle.programme.running_unit.code == "HP-ANLAO"
    assert cycle.deadline == dt.datetime(2024, 7, 13, 0, 0, tzinfo=VN)
    assert cycle.created_at == dt.datetime(2024, 6, 12, 9, 0, tzinfo=VN)
    assert cycle.categories.count() == 5
    assert list(cycle.categories.values_list("award__code", flat=True)) == [
        "bang-lao-dong-sang-tao", "giay-khen", "giay-khen", "giay-khen", "giay-khen",
    ]  # fmt: skip


def test_demo_an_lao_dossiers_come_from_several_unions_in_every_group(db, demo):
    rows = an_lao().nominations.all()
    sent = rows.exclude(status=NominationStatus.DRAFT)

    assert 20 <= rows.count() <= 30
    assert set(rows.values_list("category__order", flat=True)) == {1, 2, 3, 4, 5}
    assert rows.values("unit").distinct().count() >= 8
    for category in an_lao().categories.exclude(quota_per_unit=None):
        per_unit = Counter(sent.filter(category=category).values_list("unit_id", flat=True))
        assert max(per_unit.values()) <= (category.quota_per_unit or 0), category.name
    for nomination in rows:
        assert not nominations.missing_documents(nomination), nomination
        for document in nomination.documents.all():
            assert document.content_type == "application/pdf"
            with document.file.open("rb") as handle:
                assert handle.read(8) == b"%PDF-1.4"


def test_demo_an_lao_group_one_authors_reach_their_threshold_but_one_by_exception(db, demo):
    group = an_lao().nominations.filter(category__order=1).select_related("person", "initiative")
    below = []

    for nomination in group:
        initiative = nomination.initiative
        assert initiative.programme.code == AL_CODE
        assert initiative.status == Status.SELECTED
        assert initiative.authorships.filter(person=nomination.person).exists()
        if (initiative.benefit_value or 0) < BENEFIT_DEFAULTS[nomination.person.member_category]:
            below.append(nomination)
    assert len(group) >= 5
    [overridden] = below
    assert overridden.person.member_category == "worker"
    assert (overridden.initiative.benefit_value or 0) < 80_000_000
    assert overridden.overrides.get().reason == OVERRIDE_REASON
    entry = AuditEntry.objects.get(action="nomination_override", object_id=str(overridden.pk))
    assert entry.reason == OVERRIDE_REASON
    assert overridden.status == NominationStatus.AWARDED


def test_demo_an_lao_contest_winners_name_their_contest_and_prize(db, demo):
    contests = an_lao().nominations.filter(category__order__in=[2, 3])

    assert contests.filter(contest__startswith="Hội thi sáng tạo kỹ thuật thành phố Hải Phòng")
    assert contests.filter(contest_level="national").exists()
    assert {"first", "second"} <= set(contests.values_list("prize", flat=True))
    assert not contests.filter(achievement_year=None).exists()


def test_demo_an_lao_returned_dossier_was_completed_sent_again_and_awarded(db, demo):
    [returned] = an_lao().nominations.filter(events__action=NominationAction.RETURN)
    actions = list(returned.events.values_list("action", flat=True))

    assert returned.events.get(action=NominationAction.RETURN).reason == RETURN_REASON
    assert actions[actions.index("return") :] == [
        "return", "document", "document", "submit", "accept", "award",
    ]  # fmt: skip
    minutes = returned.documents.get(kind="bien_ban")
    assert minutes.name == "bien-ban-hop-xet-cua-cong-doan-co-so.pdf"
    assert returned.status == NominationStatus.AWARDED


def test_demo_an_lao_late_dossier_was_refused_and_stays_a_draft(db, demo):
    [late] = an_lao().nominations.filter(events__action=NominationAction.LATE)
    refusal = late.events.get(action=NominationAction.LATE)

    assert late.status == NominationStatus.DRAFT
    assert timezone.localtime(refusal.at).date() == dt.date(2024, 7, 13)
    assert "Đã quá hạn nộp hồ sơ (trước ngày 13/7/2024)" in refusal.reason
    assert not late.events.filter(action=NominationAction.SUBMIT).exists()


def test_demo_an_lao_one_dossier_is_not_considered_with_a_reason(db, demo):
    [rejected] = an_lao().nominations.filter(status=NominationStatus.REJECTED)

    assert rejected.reason == REJECT_REASON
    assert rejected.events.get(action=NominationAction.REJECT).reason == REJECT_REASON


def test_demo_an_lao_history_is_dated_in_2024(db, demo):
    events = NominationEvent.objects.filter(nomination__cycle=an_lao())

    assert {timezone.localtime(event.at).year for event in events} == {2024}
    assert all(
        dt.date(2024, 6, 12) <= timezone.localtime(event.at).date() <= dt.date(2024, 7, 19)
        for event in events
    )
    for nomination in an_lao().nominations.all():
        submitted = nomination.submitted_at
        assert submitted is None or submitted < an_lao().deadline


def test_demo_an_lao_decision_52_is_signed_and_published_by_the_district(db, demo):
    issued = decision("52/QĐ-LĐLĐ")
    awarded = an_lao().nominations.filter(status=NominationStatus.AWARDED)

    assert issued.symbol.endswith("/QĐ-LĐLĐ")
    assert (issued.issuer.code, issued.issuer.short_name) == ("HP-ANLAO", "LĐLĐ")
    assert (issued.award.code, issued.status) == ("giay-khen", DecisionStatus.PUBLISHED)
    assert (issued.signed_on, issued.signer_name) == (dt.date(2024, 7, 19), "Phạm Thị Nga")
    assert (issued.sign_mode, issued.sign_body, issued.signer_title) == (
        "TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH",
    )  # fmt: skip
    assert issued.subject.startswith("Về việc khen thưởng các cá nhân tiêu biểu")
    assert "Kế hoạch số 35/KH-LĐLĐ ngày 12/6/2024" in issued.basis
    assert "999/QĐ-TLĐ" in issued.basis
    assert issued.lines.count() == awarded.count() == 25
    assert set(issued.lines.values_list("amount", flat=True)) == {500_000}
    assert (issued.register_entry.number, issued.register_entry.year) == (52, 2024)
    assert timezone.localtime(issued.comment_from).date() == dt.date(2024, 7, 15)
    assert timezone.localtime(issued.comment_until).date() == dt.date(2024, 7, 18)
    assert issued.comments.count() == 1


def test_demo_register_continues_the_paper_book(db, demo):
    anlao = Unit.objects.get(code="HP-ANLAO")
    counters = RegisterCounter.objects.filter(issuer=anlao, type_code="QĐ")

    assert dict(counters.values_list("year", "last_number")) == {2023: 48, 2024: 52}
    assert list(
        RegisterEntry.objects.filter(type_code="QĐ")
        .order_by("year")
        .values_list("symbol", flat=True)
    ) == ["48/QĐ-LĐLĐ", "52/QĐ-LĐLĐ"]


def test_demo_plan_35_is_registered_and_written_as_seed_000_says(db, demo):
    from tests.documents.docx_checks import text_of
    from thidua.documents.kinds.plan import PlanGenerator
    from thidua.documents.models import Certificate, OfficialDocument

    plan = OfficialDocument.objects.get(symbol="35/KH-LĐLĐ")
    text = text_of(PlanGenerator(plan).docx())

    for fact in [
        "Số: 35/KH-LĐLĐ",
        "An Lão, ngày 12 tháng 6 năm 2024",
        "KẾ HOẠCH",
        "Tổ chức Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu "
        "biểu năm 2023",
        "1. Thời gian: từ 14h00' ngày 23 tháng 7 năm 2024 (thứ ba).",
        "2. Địa điểm: Hội trường Huyện ủy.",
        "trước ngày 13/7/2024",
        "- Thường trực, các Ban LĐLĐ thành phố;",
        "- Lưu: VT.",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Phạm Thị Nga",
        "LĐLĐ THÀNH PHỐ HẢI PHÒNG",
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN AN LÃO",
    ]:
        assert fact in text, fact
    assert Certificate.objects.filter(decision_line__decision__symbol="52/QĐ-LĐLĐ").count() == 25


# ---------------------------------------------------------------------------------------------
# History across years


def test_demo_several_people_hold_awards_of_two_years(db, demo):
    lines = history_lines(DecisionLine.objects.all()).exclude(person=None)
    years: dict[int, set[int]] = {}
    for line in lines:
        years.setdefault(line.person_id or 0, set()).add(line.decision.year or 0)

    assert sum(held == {2023, 2024} for held in years.values()) >= 3


def test_demo_one_award_of_2022_was_revoked_with_its_reason(db, demo):
    old = decision("48/QĐ-LĐLĐ")
    [revoked] = old.lines.exclude(revoked_at=None)

    assert old.signed_on == dt.date(2023, 7, 20)
    assert old.status == DecisionStatus.PUBLISHED
    assert old.lines.exclude(collective=None).count() == 1
    assert revoked.revoke_reason.startswith("Kê khai không đúng giá trị làm lợi")
    assert revoked.revoke_basis == REVOKE_BASIS
    assert timezone.localtime(revoked.revoked_at).year == 2024
    assert not history_lines(old.lines.all(), include_revoked=False).filter(pk=revoked.pk)


# ---------------------------------------------------------------------------------------------
# Hải Phòng, open today


def test_demo_hai_phong_cycle_is_open_for_weeks_from_the_day_of_loading(db, demo):
    cycle = hai_phong()
    deadline = timezone.localtime(cycle.deadline)

    assert cycle.programme.running_unit.code == "HP"
    assert cycle.categories.count() == 5
    assert deadline > timezone.now() + dt.timedelta(days=14)
    assert (deadline.hour, deadline.minute) == (17, 0)
    assert deadline.weekday() < 5


def test_demo_cdcs_cokhi_has_drafts_and_a_sent_dossier(db, demo):
    official = user("cdcs_cokhi")
    mine = hai_phong().nominations.filter(unit__code="HP-AL-01")

    assert Counter(mine.values_list("status", flat=True)) == {"draft": 2, "submitted": 1}
    assert all(can_build(official, nomination) for nomination in mine)
    missing = [nominations.missing_documents(nomination) for nomination in mine]
    assert [label for found in missing for _, label in found] == ["Xác nhận giá trị làm lợi"]


def test_demo_cdcs_cokhi_can_send_the_complete_draft_today(db, demo):
    official = user("cdcs_cokhi")
    [ready] = [
        nomination
        for nomination in hai_phong().nominations.filter(unit__code="HP-AL-01", status="draft")
        if not nominations.completeness_problems(nomination)
    ]

    nominations.nomination_submit(actor=official, nomination=ready)

    ready.refresh_from_db()
    assert ready.status == NominationStatus.SUBMITTED


def test_demo_thidua_hp_runs_the_open_cycle_and_has_dossiers_to_review(db, demo):
    officer = user("thidua_hp")
    waiting = nominations_for_user(officer).filter(
        cycle=hai_phong(), status=NominationStatus.SUBMITTED
    )

    assert can_run(officer, hai_phong())
    assert waiting.count() >= 2
    assert not waiting.filter(status=NominationStatus.DRAFT).exists()


# ---------------------------------------------------------------------------------------------
# After the restructure: who holds An Lão's records


def test_demo_an_lao_records_pass_to_the_city_after_the_restructure(db, demo):
    cycle, issued = an_lao(), decision("52/QĐ-LĐLĐ")
    officer, leader = user("thidua_hp"), user("lanhdao_hp")
    commune, official = user("thidua_anlao"), user("cdcs_cokhi")

    assert can_run(officer, cycle)
    assert cycle in cycles_for_user(leader) and not can_run(leader, cycle)
    assert can_sign(leader, issued.issuer)
    assert issued in decisions_for_user(officer) and issued in decisions_for_user(leader)
    # The commune union did not inherit the district: it sees its unions' people's awards.
    assert cycle not in cycles_for_user(commune)
    assert issued in decisions_for_user(commune)
    assert cycle in cycles_for_user(official)
    assert issued in decisions_for_user(official)
    assert not decisions_for_user(user("thidua_ag")).exists()


# ---------------------------------------------------------------------------------------------
# The conference of Kế hoạch 35/KH-LĐLĐ (thidua/orgs/demo/events.py)


def an_lao_event() -> Event:
    return Event.objects.get(organiser__code="HP-ANLAO")


def test_demo_conference_carries_the_facts_of_the_plan(db, demo):
    event = an_lao_event()

    assert event.title == (
        "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
    )
    assert event.starts_at == dt.datetime(2024, 7, 23, 14, 0, tzinfo=VN)
    assert time_in_words(timezone.localtime(event.starts_at)) == ("14h00 ngày 23 tháng 7 năm 2024")
    assert event.place == "Hội trường Huyện ủy"
    assert list(event.cycles.all()) == [an_lao()]
    assert event.basis.startswith("Thực hiện Chương trình công tác năm 2024 của Ban Chấp hành")
    assert event.basis.endswith("cán bộ công đoàn tiêu biểu năm 2023, cụ thể như sau:")
    assert len(lines(event.purposes)) == 3
    assert lines(event.purposes)[1].startswith("Biểu dương, tôn vinh công nhân, viên chức")
    assert [line[:40] for line in lines(event.contents)] == [
        "Những cá nhân có đề tài, giải pháp sáng ",
        "Đoàn viên đạt giải Quốc Gia, giải Nhất, ",
    ]
    assert len(lines(event.honourees)) == 2
    assert lines(event.tasks)[0].startswith("Liên đoàn Lao động huyện: Hướng dẫn, tổng hợp hồ sơ")
    assert lines(event.tasks)[1].endswith(
        "hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện (trước ngày 13/7/2024)."
    )


def test_demo_conference_invites_the_six_groups_of_section_iii(db, demo):
    groups = list(an_lao_event().guest_groups.filter(kind="guest").order_by("order"))

    assert [group.name for group in groups] == [
        "Đại biểu Thường trực, các Ban Liên đoàn Lao động thành phố;",
        "Đại biểu Lãnh đạo Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận tổ quốc "
        "Việt Nam huyện; một số phòng, ban, ngành, đoàn thể huyện;",
        "Các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, UBKT Liên đoàn Lao động huyện "
        "khóa VII, nhiệm kỳ 2023-2028;",
        "Các đồng chí Chủ tịch công đoàn cơ sở;",
        "Đại diện lãnh đạo chuyên môn, Công đoàn các đơn vị cơ sở có Lao động sáng tạo, Lao động "
        "giỏi được biểu dương tại Hội nghị;",
        "Phóng viên: Đài Phát thanh và Truyền hình Hải Phòng, Trung tâm VH TT & TT huyện.",
    ]
    assert all(group.guests.exists() for group in groups)
    city = groups[0].guests.order_by("order").first()
    assert (city.name, city.person.unit.code) == ("Đỗ Văn Thành", "HP")
    chairs = list(groups[3].guests.select_related("person__unit"))
    honoured_chairs = [
        g
        for g in Guest.objects.filter(
            group__event=groups[0].event, decision_line__isnull=False
        ).select_related("person__unit")
        if g.person is not None and is_union_chair(g.person.position)
    ]
    # Every grassroots union of the district in 2024 has its chair invited, once: as a guest,
    # or, when 52/QĐ-LĐLĐ honours them, as an honouree.
    assert {g.person.unit.code for g in chairs + honoured_chairs} == {
        f"HP-AL-{n:02d}" for n in range(1, 13)
    }
    assert len(chairs) + len(honoured_chairs) == 12
    assert "Bùi Văn Toàn" in {g.name for g in chairs}
    assert "Phạm Thị Nga" not in set(Guest.objects.values_list("name", flat=True))  # the host


def test_demo_conference_hands_over_52_and_calls_its_honourees_five_at_a_time(db, demo):
    event = an_lao_event()
    order = event_award_order(event)

    assert [d.symbol for d in event.decisions.all()] == ["52/QĐ-LĐLĐ"]
    honoured = Guest.objects.filter(group__event=event, decision_line__isnull=False)
    assert honoured.count() == 25
    assert {g.award_name for g in honoured} == {"Giấy khen của Liên đoàn Lao động huyện An Lão"}
    groups = list(event.guest_groups.filter(kind="honouree").order_by("order"))
    assert [g.name for g in groups] == [
        c.name for c in an_lao().categories.order_by("order") if c.name in {g.name for g in groups}
    ]
    assert all(g.citation.startswith("Đồng chí ") for g in honoured)
    assert [len(batch.people) for batch in order.batches] == [5, 5, 5, 5, 5]
    assert order.batches[0].presenter.startswith("Đỗ Văn Thành, Chủ tịch")
    assert order.batches[4].presenter.startswith("Phạm Thị Nga")
    assert [item.at.strftime("%H:%M") for item in event.agenda.order_by("order")][:2] == [
        "14:00",
        "14:15",
    ]
    assert not Guest.objects.filter(group__event=event, invited_at__isnull=False).exists()


def test_demo_conference_is_organised_by_the_city_after_the_restructure(db, demo):
    event = an_lao_event()

    assert event in events_for_user(user("thidua_hp"))
    assert can_manage_event(user("thidua_hp"), event)
    assert event in events_for_user(user("lanhdao_hp"))
    assert not can_manage_event(user("lanhdao_hp"), event)
    assert not events_for_user(user("thidua_anlao")).exists()
    assert not events_for_user(user("cdcs_cokhi")).exists()
    assert AuditEntry.objects.filter(action="event_create", object_id=str(event.pk)).exists()


# ---------------------------------------------------------------------------------------------
# Loading


def test_demo_counts_and_prints_the_commendation_work(db, demo):
    lines = awards_summary()

    assert (demo.cycles, demo.decisions) == (2, 2)
    assert demo.nominations == Nomination.objects.count()
    assert any("52/QĐ-LĐLĐ" in line and "25 cá nhân" in line for line in lines)
    assert any("1 nộp quá hạn bị từ chối" in line for line in lines)


def test_demo_reset_removes_the_commendation_work(db, demo):
    load_demo(reset=True, programmes=False)

    assert not Cycle.objects.exists()
    assert not Nomination.objects.exists()
    assert not Decision.objects.exists()
    assert not RegisterEntry.objects.exists() and not RegisterCounter.objects.exists()
    assert not AuditEntry.objects.filter(object_type__startswith="awards.").exists()
    assert not AuditEntry.objects.filter(object_type__startswith="documents.").exists()
    assert not Event.objects.exists()
    assert not AuditEntry.objects.filter(object_type__startswith="events.").exists()
