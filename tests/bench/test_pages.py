"""The pages `make bench` times issue as many SQL queries for a council of 120 initiatives as
for one of 360, and for a province of 48 as for one of 144: no page's query count grows with the
data (issue 8's "no page issuing more than a fixed number of queries regardless of size")."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from bench.generate import SCALES, generate
from bench.run import pages, query_counts
from thidua.reviews.selectors import forget_standings


def _times(factor: int) -> Any:
    smoke = SCALES["smoke"]
    return dataclasses.replace(
        smoke,
        grassroots=smoke.grassroots * factor,
        people=smoke.people * factor,
        initiatives=smoke.initiatives * factor,
        big_province_initiatives=smoke.big_province_initiatives * factor,
        small_province_initiatives=smoke.small_province_initiatives * factor,
    )


# Twice the smoke scale, so that every filtered list has rows, and three times that.
SMALL = _times(2)
LARGER = _times(6)


def _counted(scale: Any) -> tuple[dict[str, Any], dict[str, int]]:
    with transaction.atomic():
        manifest = generate(scale)
        forget_standings()
        counts = query_counts(manifest)
        transaction.set_rollback(True)
    forget_standings()
    return manifest, counts


@pytest.fixture(scope="module")
def counted(django_db_setup: None, django_db_blocker: Any) -> dict[str, Any]:
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=fast):
        small, small_counts = _counted(SMALL)
        larger, larger_counts = _counted(LARGER)
    return {"small": small, "larger": larger, "counts": (small_counts, larger_counts)}


@pytest.mark.django_db
def test_the_larger_data_really_is_larger(counted):
    small, larger = counted["small"], counted["larger"]

    assert larger["provinces"]["big"]["initiatives"] > small["provinces"]["big"]["initiatives"]
    assert (
        larger["counts"]["initiatives.Initiative"] == 3 * small["counts"]["initiatives.Initiative"]
    )


@pytest.mark.django_db
def test_every_page_issues_the_same_queries_whatever_the_size(counted):
    small_counts, larger_counts = counted["counts"]

    assert set(small_counts) == {page.key for page in pages(counted["small"])}
    assert larger_counts == small_counts


@pytest.mark.django_db
def test_no_page_issues_more_than_sixty_queries(counted):
    small_counts, _ = counted["counts"]

    assert max(small_counts.values()) <= 60, small_counts
