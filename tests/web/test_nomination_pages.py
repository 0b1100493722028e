"""The honouring cycle in the browser's terms: the grassroots official builds and sends a
dossier, the district's emulation officer shapes the cycle and checks the dossiers, an
outsider from another district sees none of it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.awards.conftest import (  # noqa: F401 (fixtures)
    BEFORE,
    DEADLINE,
    LATE,
    PDF,
    VN,
    AnLao,
    al,
    clock,
    nominate,
)
from tests.conftest import client_for
from tests.factories import make_user
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Cycle, Nomination, Rule
from thidua.awards.services import nominations
from thidua.campaigns import services as campaigns
from thidua.common.models import AuditEntry
from thidua.orgs.enums import Tier


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def _pdf(name: str = "to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _submitted(al: AnLao, order: int, person: Any, **data: Any) -> Nomination:
    nomination = nominate(al, order, person, **data)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nomination.refresh_from_db()
    return nomination


# --- seeing -----------------------------------------------------------------------------------


def test_the_official_finds_the_cycle_in_the_menu_with_its_deadline(al: AnLao, clock: Any):
    clock.set(BEFORE)
    client = client_for(al.official)

    home = client.get(reverse("web:dashboard"))
    page = client.get(reverse("web:cycle_list"))

    assert f'href="{reverse("web:cycle_list")}"' in home.text
    assert al.cycle.name in page.text
    assert "trước ngày 13/7/2024" in page.text


def test_a_pure_council_member_has_no_awards_menu(al: AnLao):
    member = make_user("hoidong_anlao", unit=al.district, role="council")

    home = client_for(member).get(reverse("web:dashboard"))

    assert f'href="{reverse("web:cycle_list")}"' not in home.text


def test_the_cycle_page_shows_categories_awards_papers_and_rules_in_words(al: AnLao, clock: Any):
    clock.set(BEFORE)

    page = client_for(al.official).get(reverse("web:cycle_detail", args=[al.cycle.pk]))

    assert page.status_code == 200
    assert "Hình thức khen thưởng: Bằng Lao động sáng tạo" in page.text
    assert "Công nhân: 80.000.000 đồng" in page.text
    assert "3 năm liên tiếp: 120.000.000 đồng" in page.text
    assert "Toàn quốc: giải bất kỳ" in page.text
    assert "Biên bản họp xét" in page.text
    assert "Hồ sơ của đơn vị" in page.text
    assert reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk]) in page.text
    assert reverse("web:cycle_edit", args=[al.cycle.pk]) not in page.text


def test_an_outsider_official_sees_nothing_of_an_lao(al: AnLao):
    nomination = nominate(al, 4, al.worker)
    document = nomination.documents.first()
    assert document is not None
    client = client_for(al.outsider_official)

    listing = client.get(reverse("web:cycle_list"))

    assert al.cycle.name not in listing.text
    assert client.get(reverse("web:cycle_detail", args=[al.cycle.pk])).status_code == 404
    assert client.get(reverse("web:nomination_detail", args=[nomination.pk])).status_code == 404
    assert client.get(reverse("web:document_download", args=[document.pk])).status_code == 404
    create = reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk])
    assert client.get(create).status_code == 404
    assert client.post(reverse("web:nomination_submit", args=[nomination.pk])).status_code == 404


def test_the_other_union_cannot_act_on_a_dossier(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = nominate(al, 4, al.worker)
    client = client_for(al.school_official)

    submit = client.post(reverse("web:nomination_submit", args=[nomination.pk]))
    page = client.get(reverse("web:nomination_detail", args=[nomination.pk]))

    assert submit.status_code == 404
    assert page.status_code == 404


def test_shaping_pages_are_for_the_districts_officer_only(al: AnLao):
    rule = al.category(1).rules.first()
    assert rule is not None
    pages = [
        reverse("web:cycle_edit", args=[al.cycle.pk]),
        reverse("web:cycle_extend", args=[al.cycle.pk]),
        reverse("web:category_create", args=[al.cycle.pk]),
        reverse("web:category_edit", args=[al.cycle.pk, al.category(1).pk]),
        reverse("web:rule_create", args=[al.cycle.pk, al.category(1).pk]),
        reverse("web:rule_edit", args=[al.cycle.pk, rule.pk]),
    ]
    officer, official = client_for(al.officer), client_for(al.official)

    assert [officer.get(url).status_code for url in pages] == [200] * len(pages)
    assert [official.get(url).status_code for url in pages] == [403] * len(pages)


def test_a_leader_reads_the_cycle_but_does_not_nominate(al: AnLao):
    client = client_for(al.leader)

    page = client.get(reverse("web:cycle_detail", args=[al.cycle.pk]))
    create = client.get(reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk]))

    assert page.status_code == 200
    assert create.status_code == 403


# --- opening and shaping ----------------------------------------------------------------------


def _new_programme(al: AnLao) -> Any:
    programme = campaigns.programme_create(
        actor=None,
        name="Phong trào thi đua năm 2024",
        code="AL-2024",
        running_unit=al.district,
        starts_on=dt.date(2024, 6, 12),
        ends_on=dt.date(2024, 12, 31),
        levels=[{"name": "LĐLĐ huyện", "tier": Tier.UPPER, "deadline": DEADLINE}],
    )
    campaigns.programme_launch(actor=None, programme=programme, now=BEFORE)
    return programme


def test_the_officer_opens_a_cycle_with_the_seeds_five_categories(al: AnLao, clock: Any):
    clock.set(BEFORE)
    programme = _new_programme(al)
    client = client_for(al.officer)
    detail = client.get(reverse("web:programme_detail", args=[programme.pk]))

    response = client.post(
        reverse("web:cycle_open", args=[programme.pk]),
        {
            "name": "Biểu dương Lao động giỏi năm 2024",
            "achievement_year": "2024",
            "deadline_day": "2024-07-13",
            "deadline_time": "",
            "guidance": "Gửi hồ sơ về Ban Tổ chức.",
            "preset": "on",
        },
    )

    cycle = Cycle.objects.get(programme=programme)
    assert "Mở đợt xét khen thưởng" in detail.text
    assert response.status_code == 302
    assert cycle.deadline == DEADLINE
    assert cycle.categories.count() == 5
    assert AuditEntry.objects.filter(action="cycle_open", object_id=str(cycle.pk)).exists()


def test_the_cycle_list_offers_the_officer_to_open_a_cycle_for_a_new_programme(al: AnLao):
    programme = _new_programme(al)

    officer = client_for(al.officer).get(reverse("web:cycle_list"))
    official = client_for(al.official).get(reverse("web:cycle_list"))

    assert reverse("web:cycle_open", args=[programme.pk]) in officer.text
    assert reverse("web:cycle_open", args=[programme.pk]) not in official.text


def test_the_programme_page_links_to_its_cycle(al: AnLao):
    page = client_for(al.official).get(reverse("web:programme_detail", args=[al.programme.pk]))

    assert reverse("web:cycle_detail", args=[al.cycle.pk]) in page.text
    assert reverse("web:cycle_open", args=[al.programme.pk]) not in page.text


def test_an_official_cannot_open_a_cycle(al: AnLao):
    programme = _new_programme(al)

    response = client_for(al.official).get(reverse("web:cycle_open", args=[programme.pk]))

    assert response.status_code == 403


def test_the_deadline_is_extended_for_one_union_with_a_reason(al: AnLao, clock: Any):
    clock.set(BEFORE)
    client = client_for(al.officer)

    response = client.post(
        reverse("web:cycle_extend", args=[al.cycle.pk]),
        {
            "unit": f"{al.school.code} – {al.school.name}",
            "deadline_day": "2024-07-15",
            "deadline_time": "17:00",
            "reason": "Trường nghỉ hè, xin thêm hai ngày.",
        },
        follow=True,
    )

    extension = al.cycle.extensions.get()
    assert extension.unit == al.school
    assert extension.deadline == dt.datetime(2024, 7, 15, 17, 0, tzinfo=VN)
    assert "Đã gia hạn nộp hồ sơ cho Công đoàn Trường THPT An Lão: 17:00 ngày 15/7/2024." in (
        response.text
    )


def test_a_category_proposes_an_award_chosen_from_titles_and_forms(al: AnLao):
    from thidua.awards.models import Award

    award = Award.objects.get(code="tap-the-lao-dong-xuat-sac")
    client = client_for(al.officer)
    form = client.get(reverse("web:category_create", args=[al.cycle.pk]))

    client.post(
        reverse("web:category_create", args=[al.cycle.pk]),
        {
            "order": "6",
            "name": "Tập thể lao động xuất sắc",
            "recipient": "collective",
            "award": str(award.pk),
            "required_documents": ["to_trinh", "bao_cao"],
            "quota_per_unit": "1",
        },
    )

    category = al.cycle.categories.get(order=6)
    assert '<optgroup label="Danh hiệu thi đua">' in form.text
    assert '<optgroup label="Hình thức khen thưởng">' in form.text
    assert (category.award, category.recipient) == (award, "collective")
    assert category.required_documents == ["to_trinh", "bao_cao"]


def test_a_unit_gets_its_own_quota(al: AnLao):
    category = al.category(4)

    client_for(al.officer).post(
        reverse("web:category_quota", args=[al.cycle.pk, category.pk]),
        {"unit": f"{al.cokhi.code} – {al.cokhi.name}", "quota": "3"},
    )

    assert nominations.quota_for(category, al.cokhi) == 3


def test_benefit_thresholds_are_typed_as_people_write_money(al: AnLao):
    category = al.category(2)

    response = client_for(al.officer).post(
        reverse("web:rule_create", args=[al.cycle.pk, category.pk]),
        {
            "kind": "benefit_threshold",
            "worker": "90.000.000",
            "professional": "150000000",
            "manager": "200 000 000",
            "three_years": "",
            "basis": "QĐ 1564/QĐ-TLĐ, Điều 16",
            "active": "on",
        },
    )

    rule = category.rules.get(kind="benefit_threshold")
    assert response.status_code == 302
    assert rule.params == {
        "by_category": {"worker": 90_000_000, "professional": 150_000_000, "manager": 200_000_000},
        "three_years": 0,
    }


def test_a_date_window_ending_before_it_starts_is_refused_in_vietnamese(al: AnLao):
    category = al.category(4)

    response = client_for(al.officer).post(
        reverse("web:rule_create", args=[al.cycle.pk, category.pk]),
        {"kind": "date_window", "date_from": "2023-12-31", "date_to": "2023-01-01"},
    )

    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.text
    assert not category.rules.filter(kind="date_window").exists()


def test_the_prize_grid_keeps_any_prize_and_chosen_prizes(al: AnLao):
    rule = al.category(3).rules.get(kind="prize_level")
    client = client_for(al.officer)
    form = client.get(reverse("web:rule_edit", args=[al.cycle.pk, rule.pk]))

    client.post(
        reverse("web:rule_edit", args=[al.cycle.pk, rule.pk]),
        {
            "kind": "prize_level",
            "allowed_national": ["*"],
            "allowed_province": ["first"],
            "active": "on",
        },
    )

    rule.refresh_from_db()
    assert 'name="allowed_province" value="second"' in form.text
    assert rule.params == {"allowed": {"national": ["*"], "province": ["first"]}}


# --- building and sending a dossier -----------------------------------------------------------


def test_the_create_form_asks_only_what_the_category_needs(al: AnLao):
    client = client_for(al.official)

    first = client.get(reverse("web:nomination_create", args=[al.cycle.pk, al.category(1).pk]))
    fourth = client.get(reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk]))

    assert 'name="initiative"' in first.text and 'name="benefit_three_years"' in first.text
    assert al.cheap.title in first.text
    assert 'name="initiative"' not in fourth.text and 'name="prize"' not in fourth.text
    assert al.worker.full_name in fourth.text and al.teacher.full_name not in fourth.text
    assert 'name="override_reason"' not in fourth.text


def test_under_80_million_is_refused_on_the_form_and_nothing_is_saved(al: AnLao, clock: Any):
    clock.set(BEFORE)

    response = client_for(al.official).post(
        reverse("web:nomination_create", args=[al.cycle.pk, al.category(1).pk]),
        {
            "don_vi": al.cokhi.pk,
            "person": al.worker.pk,
            "initiative": al.cheap.pk,
            "summary": "Cải tiến đồ gá hàn, tăng năng suất.",
        },
    )

    assert response.status_code == 200
    assert "Chưa đủ điều kiện đề nghị" in response.text
    assert "Giá trị làm lợi 65.000.000 đồng thấp hơn mức 80.000.000 đồng" in response.text
    assert "liên hệ cán bộ thi đua của Liên đoàn Lao động huyện An Lão" in response.text
    assert 'name="override_reason"' not in response.text
    assert not Nomination.objects.exists()


def test_the_officer_overrides_the_threshold_with_an_audited_reason(al: AnLao, clock: Any):
    clock.set(BEFORE)
    client = client_for(al.officer)
    url = reverse("web:nomination_create", args=[al.cycle.pk, al.category(1).pk])
    data = {
        "don_vi": al.cokhi.pk,
        "person": al.worker.pk,
        "initiative": al.cheap.pk,
        "summary": "Cải tiến đồ gá hàn, tăng năng suất.",
    }

    refused = client.post(url, data)
    saved = client.post(url, {**data, "override_reason": "Giá trị năm 2024 đã xác nhận bổ sung."})

    nomination = Nomination.objects.get()
    entry = AuditEntry.objects.get(action="nomination_override", object_id=str(nomination.pk))
    assert 'name="override_reason"' in refused.text
    assert saved.status_code == 302
    assert (entry.actor, entry.reason) == (al.officer, "Giá trị năm 2024 đã xác nhận bổ sung.")
    page = client.get(reverse("web:nomination_detail", args=[nomination.pk]))
    assert "Xét ngoại lệ: Giá trị năm 2024 đã xác nhận bổ sung." in page.text


def test_the_official_builds_attaches_and_submits(al: AnLao, clock: Any):
    clock.set(BEFORE)
    client = client_for(al.official)

    created = client.post(
        reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk]),
        {"don_vi": al.cokhi.pk, "person": al.worker.pk, "summary": "Tổ trưởng xuất sắc."},
    )
    nomination = Nomination.objects.get()
    for kind in ["to_trinh", "bao_cao", "bien_ban"]:
        client.post(
            reverse("web:document_upload", args=[nomination.pk]),
            {"kind": kind, "file": _pdf(f"{kind}.pdf")},
        )
    submitted = client.post(reverse("web:nomination_submit", args=[nomination.pk]), follow=True)

    nomination.refresh_from_db()
    assert created.status_code == 302
    assert nomination.documents.count() == 3
    assert nomination.status == NominationStatus.SUBMITTED
    assert "Đã nộp, chờ thẩm định" in submitted.text


def test_an_incomplete_dossier_names_the_missing_paper(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = nominate(al, 4, al.worker)
    nomination.documents.filter(kind="bien_ban").delete()

    response = client_for(al.official).post(
        reverse("web:nomination_submit", args=[nomination.pk]), follow=True
    )

    nomination.refresh_from_db()
    assert "Thiếu tài liệu: Biên bản họp xét." in response.text
    assert nomination.status == NominationStatus.DRAFT


def test_a_late_submission_is_refused_and_stays_a_draft(al: AnLao, clock: Any):
    clock.set(LATE)
    nomination = nominate(al, 4, al.worker)

    response = client_for(al.official).post(
        reverse("web:nomination_submit", args=[nomination.pk]), follow=True
    )

    nomination.refresh_from_db()
    assert "Đã quá hạn nộp hồ sơ (trước ngày 13/7/2024)" in response.text
    assert nomination.status == NominationStatus.DRAFT
    assert nomination.events.filter(action="late").exists()


def test_a_document_is_downloaded_under_its_own_name(al: AnLao):
    nomination = nominate(al, 4, al.worker)
    document = nomination.documents.first()
    assert document is not None

    response = client_for(al.official).get(reverse("web:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="ho-so.pdf"' in response["Content-Disposition"]


def test_a_document_is_removed_while_the_dossier_is_a_draft(al: AnLao):
    nomination = nominate(al, 4, al.worker)
    document = nomination.documents.get(kind="bien_ban")

    client_for(al.official).post(reverse("web:document_delete", args=[document.pk]))

    assert not nomination.documents.filter(kind="bien_ban").exists()


# --- checking ---------------------------------------------------------------------------------


def test_the_officer_returns_the_official_resubmits_the_officer_accepts(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = _submitted(al, 4, al.worker)
    officer, official = client_for(al.officer), client_for(al.official)

    refused = officer.post(
        reverse("web:nomination_return", args=[nomination.pk]), {"reason": ""}, follow=True
    )
    officer.post(
        reverse("web:nomination_return", args=[nomination.pk]),
        {"reason": "Biên bản họp xét thiếu chữ ký của chủ tọa."},
    )
    seen = official.get(reverse("web:nomination_detail", args=[nomination.pk]))
    official.post(reverse("web:nomination_submit", args=[nomination.pk]))
    officer.post(reverse("web:nomination_accept", args=[nomination.pk]))

    nomination.refresh_from_db()
    assert "Hãy ghi rõ hồ sơ cần bổ sung gì." in refused.text
    assert "Biên bản họp xét thiếu chữ ký của chủ tọa." in seen.text
    assert nomination.status == NominationStatus.ACCEPTED
    assert list(nomination.events.values_list("action", flat=True))[-4:] == [
        "submit",
        "return",
        "submit",
        "accept",
    ]


def test_the_officer_rejects_with_a_reason(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = _submitted(al, 4, al.worker)

    client_for(al.officer).post(
        reverse("web:nomination_reject", args=[nomination.pk]),
        {"reason": "Đã được khen cùng thành tích năm 2023."},
    )

    nomination.refresh_from_db()
    assert (nomination.status, nomination.reason) == (
        NominationStatus.REJECTED,
        "Đã được khen cùng thành tích năm 2023.",
    )


def test_the_official_cannot_judge_a_dossier(al: AnLao, clock: Any):
    clock.set(BEFORE)
    nomination = _submitted(al, 4, al.worker)

    response = client_for(al.official).post(reverse("web:nomination_accept", args=[nomination.pk]))

    nomination.refresh_from_db()
    assert response.status_code == 403
    assert nomination.status == NominationStatus.SUBMITTED


def test_the_officer_searches_dossiers_without_diacritics(al: AnLao):
    nominate(al, 4, al.worker)
    nominate(al, 4, al.teacher)

    page = client_for(al.officer).get(
        reverse("web:cycle_detail", args=[al.cycle.pk]), {"q": "toan"}
    )

    assert [row["nomination"].person for row in page.context["rows"]] == [al.worker]


def test_the_officer_sees_which_papers_are_missing(al: AnLao):
    nomination = nominate(al, 4, al.worker)
    nomination.documents.filter(kind="bao_cao").delete()

    page = client_for(al.officer).get(reverse("web:cycle_detail", args=[al.cycle.pk]))

    assert "Thiếu: Báo cáo thành tích" in page.text


@pytest.mark.parametrize("count", [1, 3])
def test_the_cycle_nominations_list_query_count_does_not_grow_with_rows(
    al: AnLao, count: int, django_assert_max_num_queries: Any
):
    for person in [al.worker, al.engineer, al.teacher][:count]:
        nominate(al, 4, person)
    client = client_for(al.officer)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("web:cycle_detail", args=[al.cycle.pk]))

    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_units_own_list_query_count_does_not_grow_with_rows(
    al: AnLao, count: int, django_assert_max_num_queries: Any
):
    Rule.objects.filter(category__cycle=al.cycle).delete()  # no rules: any person, any category
    for order in [4, 5, 3][:count]:
        nominate(al, order, al.worker, contest="Hội thi tay nghề", contest_level="national",
                 prize="first", achievement_year=2023)  # fmt: skip
    client = client_for(al.official)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("web:cycle_detail", args=[al.cycle.pk]))

    assert len(response.context["own_rows"]) == count


def test_after_the_deadline_the_cycle_page_offers_no_new_dossier(al: AnLao, clock: Any):
    url = reverse("web:cycle_detail", args=[al.cycle.pk])
    create = reverse("web:nomination_create", args=[al.cycle.pk, al.category(4).pk])
    clock.set(BEFORE)
    before = client_for(al.official).get(url).text
    clock.set(LATE)
    after = client_for(al.official).get(url).text

    assert create in before
    assert create not in after
