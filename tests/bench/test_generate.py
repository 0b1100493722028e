"""The benchmark's data generator at its smoke scale: the sizes it was asked for, the same
rows from the same seed, and data the application reads exactly as if its services had
written it (scope, visibility, councils, score sheets)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Q
from django.test import Client, override_settings
from django.urls import reverse

from bench.generate import CRITERIA, SCALES, generate, province_sizes
from thidua.awards.enums import NominationStatus
from thidua.awards.models import DecisionLine, Nomination
from thidua.campaigns.models import Programme
from thidua.initiatives.models import Initiative
from thidua.initiatives.permissions import initiatives_for_user
from thidua.initiatives.selectors import InitiativeFilters, initiative_list
from thidua.orgs.enums import Tier
from thidua.orgs.models import Person, Unit, User
from thidua.orgs.selectors import subtree_unit_ids
from thidua.reviews.enums import SheetStatus
from thidua.reviews.models import Council, ScoreSheet
from thidua.reviews.permissions import assignment_for_user
from thidua.reviews.selectors import council_initiatives, council_results

SCALE = SCALES["smoke"]


def _digest() -> str:
    """Everything a reader would notice: names, titles, search keys, scores."""
    rows: list[Any] = [
        *Unit.objects.order_by("pk").values_list("code", "name", "name_folded"),
        *Person.objects.order_by("pk").values_list("full_name", "sort_key", "unit_id"),
        *Initiative.objects.order_by("pk").values_list("code", "title", "search_text", "unit_id"),
        *ScoreSheet.objects.order_by("pk").values_list("assignment_id", "points", "total"),
        *Nomination.objects.order_by("pk").values_list("person_id", "status"),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@dataclass
class Loaded:
    manifest: dict[str, Any]
    digest: str
    first_manifest: dict[str, Any]
    first_digest: str


@pytest.fixture(scope="module")
def smoke(django_db_setup: None, django_db_blocker: Any) -> Iterator[Loaded]:
    """The smoke scale loaded twice on a fresh database (the first load rolled back); the
    second stays for the module's tests."""
    # The tests' fast hasher (conftest sets it per test; this fixture outlives a test).
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast:
        with transaction.atomic():
            first = generate(SCALE)
            first_digest = _digest()
            transaction.set_rollback(True)
        with transaction.atomic():
            second = generate(SCALE)
            yield Loaded(second, _digest(), first, first_digest)
            transaction.set_rollback(True)


def _provincial_councils() -> list[Council]:
    return list(Council.objects.filter(level__tier=Tier.PROVINCE).select_related("unit"))


@pytest.mark.django_db
def test_smoke_load_has_the_sizes_of_its_scale(smoke: Loaded) -> None:
    counts = smoke.manifest["counts"]
    units = 1 + SCALE.provinces + SCALE.upper + SCALE.grassroots
    assert counts["orgs.Unit"] == units
    assert counts["orgs.UnitPlacement"] == units
    assert counts["orgs.Person"] == SCALE.people
    assert counts["initiatives.Initiative"] == SCALE.initiatives
    assert counts["awards.Nomination"] == SCALE.nominations
    provincial = SCALE.initiatives - SCALE.upper_level_initiatives
    assert counts["reviews.ScoreSheet"] == 3 * provincial + (
        SCALE.scorers * SCALE.draft_sheets_per_scorer
    )
    provinces = smoke.manifest["provinces"]
    assert provinces["big"]["initiatives"] == SCALE.big_province_initiatives
    assert provinces["small"]["initiatives"] == SCALE.small_province_initiatives
    sizes = province_sizes(SCALE)
    assert min(sizes) == SCALE.small_province_initiatives
    assert max(sizes) == SCALE.big_province_initiatives


@pytest.mark.django_db
def test_same_seed_loads_the_same_rows(smoke: Loaded) -> None:
    def without_timings(manifest: Any) -> Any:
        # Timings differ from run to run, and so do keys on PostgreSQL (its sequences are
        # not rolled back with the first load); names, sizes and counts may not.
        if isinstance(manifest, dict):
            return {
                k: without_timings(v)
                for k, v in manifest.items()
                if k != "load_seconds" and not k.endswith(("_id", "_ids")) and k != "url"
            }
        if isinstance(manifest, list):
            return [without_timings(v) for v in manifest]
        return manifest

    assert smoke.digest == smoke.first_digest
    assert without_timings(smoke.manifest) == without_timings(smoke.first_manifest)


@pytest.mark.django_db
def test_every_initiative_before_a_province_comes_from_inside_it(smoke: Loaded) -> None:
    councils = _provincial_councils()
    assert len(councils) == SCALE.provinces
    for council in councils:
        held = council_initiatives(council)
        outside = held.exclude(unit_id__in=subtree_unit_ids(council.unit))
        assert held.exists()
        assert not outside.exists()
    assert sum(council_initiatives(c).count() for c in councils) == (
        SCALE.initiatives - SCALE.upper_level_initiatives
    )


@pytest.mark.django_db
def test_province_officer_sees_exactly_the_initiatives_before_the_province(
    smoke: Loaded,
) -> None:
    programme = Programme.objects.get(pk=smoke.manifest["programme_id"])
    for key in ("big", "typical", "small"):
        entry = smoke.manifest["provinces"][key]
        officer = User.objects.get(username=entry["username"])
        assert officer.check_password(smoke.manifest["password"])
        rows = initiative_list(
            initiatives=initiatives_for_user(officer),
            filters=InitiativeFilters(programme=programme),
        )
        reached = Initiative.objects.filter(
            unit_id__in=subtree_unit_ids(Unit.objects.get(pk=entry["unit_id"])),
            current_level__tier=Tier.PROVINCE,
        )
        assert set(rows.values_list("pk", flat=True)) == set(reached.values_list("pk", flat=True))
        assert rows.count() == entry["initiatives"]


@pytest.mark.django_db
def test_search_term_finds_some_titles_but_not_most(smoke: Loaded) -> None:
    filters = InitiativeFilters(query=smoke.manifest["search_term"])
    found = initiative_list(initiatives=Initiative.objects.all(), filters=filters).count()
    assert found == smoke.manifest["search_matches"]
    assert 0 < found < SCALE.initiatives // 2


@pytest.mark.django_db
def test_each_provincial_initiative_has_three_submitted_sheets_all_ranked(
    smoke: Loaded,
) -> None:
    for council in _provincial_councils():
        results = council_results(council)
        assert results.sheets == 3 * len(results.rows) == results.expected
        assert all(row.result is not None and row.result.sheets == 3 for row in results.rows)
        ranks = sorted(row.raw_rank or 0 for row in results.rows)
        assert ranks[0] == 1
        assert all(row.corrected_rank is not None for row in results.rows)
    assert not ScoreSheet.objects.filter(
        Q(assignment__council__level__tier=Tier.PROVINCE) & ~Q(status=SheetStatus.SUBMITTED)
    ).exists()


@pytest.mark.django_db
def test_scorers_draft_sheets_are_theirs_and_can_be_handed_in_on_the_page(
    smoke: Loaded,
) -> None:
    scoring = smoke.manifest["scoring"]
    assert len(scoring["members"]) == SCALE.scorers
    member = scoring["members"][0]
    scorer = User.objects.get(username=member["username"])
    assert len(member["assignment_ids"]) == SCALE.draft_sheets_per_scorer
    for assignment_id, sheet_id in zip(member["assignment_ids"], member["sheet_ids"], strict=True):
        assignment = assignment_for_user(scorer, assignment_id)
        assert assignment.council_id == scoring["council_id"]
        assert assignment.sheet.pk == sheet_id
        assert assignment.sheet.status == SheetStatus.DRAFT
    client = Client()
    client.force_login(scorer)
    first = member["assignment_ids"][0]
    form = {f"p_{c['code']}": c["max"] for c in scoring["criteria"]} | {"comment": "Tốt"}

    response = client.post(reverse("web:sheet", args=[first]), form)

    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(assignment_id=first)
    assert sheet.status == SheetStatus.SUBMITTED
    assert sheet.total == sum(points for _code, _name, points in CRITERIA)


@pytest.mark.django_db
def test_most_nominations_are_granted_by_signed_decisions(smoke: Loaded) -> None:
    awarded = Nomination.objects.filter(status=NominationStatus.AWARDED)
    lines = DecisionLine.objects.filter(nomination__in=awarded)
    assert awarded.count() == lines.count() == smoke.manifest["awards"]["awarded"]
    assert awarded.count() > SCALE.nominations // 2
    assert not lines.filter(Q(decision__symbol="") | ~Q(decision__status="signed")).exists()
