"""The honourees page's "Hội đồng xét chọn" section (seed 004): the province's officer links
the council whose result was voted through, fetches its prize winners, and unlinks it; the API
mirrors it."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import client_for
from tests.events.test_honourees_selections import ceremony, decide
from tests.reviews.conftest import cw, kg  # noqa: F401  fixtures
from thidua.events.models import Guest


def test_the_organiser_links_the_council_fetches_its_winners_and_unlinks_it(cw):
    decide(cw)
    event = ceremony(cw)
    client = client_for(cw.kg.province_officer)
    page = reverse("web:event_honourees", args=[event.pk])

    offered = client.get(page).content.decode()
    linked = client.post(
        reverse("web:event_council_link", args=[event.pk]), {"council": cw.council.pk}, follow=True
    ).content.decode()
    synced = client.post(
        reverse("web:event_honourees_sync", args=[event.pk]), follow=True
    ).content.decode()
    unlinked = client.post(
        reverse("web:event_council_unlink", args=[event.pk, cw.council.pk]), follow=True
    ).content.decode()

    assert "Hội đồng xét chọn" in offered and "Gắn hội đồng" in offered
    assert "2 sáng kiến đạt giải" in linked and "Bỏ hội đồng" in linked
    assert "Giải Nhất" in synced and "Giải Nhì" in synced
    assert Guest.objects.filter(group__event=event, slate_line__isnull=False).count() == 2
    assert "Chưa gắn hội đồng xét chọn nào." in unlinked


def test_the_api_links_and_lists_the_councils(cw):
    decide(cw)
    event = ceremony(cw)
    client = client_for(cw.kg.province_officer)
    url = f"/api/v1/events/{event.pk}/councils/"

    before = client.get(url).json()
    after = client.post(url, {"link": [cw.council.pk]}, content_type="application/json").json()
    refused = client.post(url, {"link": [999_999]}, content_type="application/json")

    assert ([c["id"] for c in before["offered"]], before["linked"]) == ([cw.council.pk], [])
    assert [(c["id"], c["prize_count"]) for c in after["linked"]] == [(cw.council.pk, 2)]
    assert after["offered"] == []
    assert refused.status_code == 400
