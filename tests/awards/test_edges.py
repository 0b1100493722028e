"""Edges found by trying the demo as its users would: each a rule the pages now keep."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.awards.conftest import BEFORE, DEADLINE, LATE, VN, AnLao, al, clock, nominate  # noqa: F401
from tests.conftest import client_for
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Award
from thidua.awards.services import cycles, decisions, nominations
from thidua.campaigns import services as campaigns
from thidua.orgs.enums import Tier

HUGE = "99999999999999999999"


def test_numbers_too_large_for_the_database_never_break_a_page(al: AnLao):
    client = client_for(al.officer)
    urls = [
        reverse("web:cycle_detail", args=[al.cycle.pk]) + f"?nhom={HUGE}&don_vi={HUGE}",
        reverse("web:decision_list") + f"?don_vi={HUGE}",
        reverse("web:register") + f"?don_vi={HUGE}",
        reverse("web:award_history") + f"?don_vi={HUGE}&danh_hieu={HUGE}&nam={HUGE}",
        f"/khen-thuong/ho-so/{HUGE}/",
        f"/khen-thuong/quyet-dinh/{HUGE}/",
    ]

    codes = {url: client.get(url).status_code for url in urls}

    assert set(codes.values()) <= {200, 404}, codes


def test_a_nomination_without_its_person_says_so_in_words(al: AnLao):
    with pytest.raises(ValidationError) as refused:
        nominations.nomination_create(
            actor=al.official, category=al.category(4), unit=al.cokhi,
            data={"summary": "Thiếu người."}, now=BEFORE,
        )  # fmt: skip
    assert refused.value.message_dict["person"] == ["Hãy chọn người được đề nghị."]


def test_one_person_has_one_dossier_in_a_group(al: AnLao):
    nominate(al, 4, al.worker)

    with pytest.raises(ValidationError, match="Người này đã có một hồ sơ trong nhóm"):
        nominate(al, 4, al.worker)


def test_no_new_dossier_once_the_deadline_has_passed(al: AnLao):
    with pytest.raises(ValidationError, match="không lập hồ sơ mới được"):
        nominations.nomination_create(
            actor=al.official, category=al.category(4), unit=al.cokhi,
            data={"person": al.worker, "summary": "Muộn."}, now=LATE,
        )  # fmt: skip


def test_a_deadline_is_not_moved_into_the_past(al: AnLao):
    with pytest.raises(ValidationError, match="Hạn nộp mới đã qua"):
        cycles.cycle_update(
            actor=al.officer, cycle=al.cycle,
            data={"deadline": dt.datetime(2024, 7, 1, tzinfo=VN)}, now=BEFORE,
        )  # fmt: skip
    cycles.cycle_update(actor=al.officer, cycle=al.cycle, data={"name": "Tên mới"}, now=LATE)
    al.cycle.refresh_from_db()
    assert (al.cycle.name, al.cycle.deadline) == ("Tên mới", DEADLINE)


def test_a_returned_dossier_keeps_its_place_in_the_quota(al: AnLao):
    first = nominate(al, 5, al.worker)  # group 5: one dossier per union
    nominations.nomination_submit(actor=None, nomination=first, now=BEFORE)
    nominations.nomination_return(actor=al.officer, nomination=first, reason="Bổ sung.")
    second = nominate(al, 5, al.engineer)

    with pytest.raises(ValidationError, match="đã nộp đủ 1 hồ sơ"):
        nominations.nomination_submit(actor=None, nomination=second, now=BEFORE)
    nominations.nomination_submit(actor=None, nomination=first, now=BEFORE)
    first.refresh_from_db()
    assert first.status == NominationStatus.SUBMITTED


def test_stopping_the_comment_window_closes_it_and_its_link(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = nominate(al, 4, al.worker)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    decision = decisions.decision_create(
        actor=al.officer, issuer=al.district,
        data={"award": Award.objects.get(code="giay-khen"), "cycle": al.cycle},
    )  # fmt: skip
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])
    decision = decisions.decision_open_comment(
        actor=al.officer, decision=decision, until=BEFORE + dt.timedelta(days=3), now=BEFORE
    )
    token = decision.public_token

    decision = decisions.decision_back_to_draft(
        actor=al.officer, decision=decision, reason="Sửa danh sách."
    )

    assert (decision.comment_until, decision.public_token) == (None, "")
    assert client_for(al.official).get(f"/cong-khai/{token}/").status_code == 404


def test_a_province_cycle_proposes_its_own_bang_khen_and_names_it_in_the_subject(al: AnLao):
    programme = campaigns.programme_create(
        actor=None, name="Lao động giỏi thành phố", code="HP-LDG", running_unit=al.city,
        starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2024, 12, 31),
        levels=[{"name": "LĐLĐ thành phố", "tier": Tier.PROVINCE,
                 "deadline": dt.datetime(2024, 11, 1, tzinfo=VN)}],
    )  # fmt: skip
    city_cycle = cycles.cycle_open(
        actor=None, programme=programme, name="Khen thưởng thành phố", achievement_year=2024,
        deadline=dt.datetime(2024, 11, 1, tzinfo=VN), preset="an_lao",
    )  # fmt: skip

    awards = list(city_cycle.categories.values_list("award__code", flat=True))
    decision = decisions.decision_create(
        actor=None, issuer=al.city,
        data={"award": Award.objects.get(code="bang-khen-ldld-tinh"), "cycle": city_cycle},
    )  # fmt: skip

    assert awards == ["bang-lao-dong-sang-tao"] + ["bang-khen-ldld-tinh"] * 4
    assert decision.subject.startswith(
        "Về việc tặng Bằng khen của Liên đoàn Lao động thành phố Hải Phòng"
    )
