"""Walks the whole URL map as the grassroots official of union A.

Every route that takes an object must answer 404 for union B's objects (another province),
by GET and by POST, in the web UI, the API and downloads alike. Every route without
parameters must not show B's data. A new route with parameters fails here until it is
classified in OBJECT_KIND, so no route escapes the check.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import World, client_for
from tests.factories import make_event, make_user
from thidua.awards.models import Award
from thidua.awards.services import cycles, decisions, nominations
from thidua.awards.services.catalogue import catalogue_load
from thidua.campaigns import services as campaigns
from thidua.documents import services as documents
from thidua.documents.enums import BatchStatus, DocumentKind
from thidua.documents.kinds.plan import PlanGenerator
from thidua.documents.models import DocumentBatch, DocumentTemplate
from thidua.events import services as events
from thidua.initiatives import services as initiatives
from thidua.jobs.enums import JobKind, JobStatus
from thidua.jobs.models import Job
from thidua.orgs.enums import Tier
from thidua.reviews import services as reviews
from thidua.reviews.rubrics import PRESETS

FUTURE = dt.datetime(2099, 12, 31, 17, 0, tzinfo=dt.UTC)

# Which object a route's parameters name, by the route's name.
OBJECT_KIND = {
    "attachment": "attachment",
    "initiative": "initiative",
    "programme": "programme",
    "unit": "unit",
    "person": "person",
    "people": "person",
    "user": "user",
    "membership": "user",
    # Review councils in the API (router names: "council-assignments"). "council-" comes before
    # "assignment-"; the hyphen keeps these off the web routes, whose names use "_".
    "council-": "council",
    "assignment-": "assignment",
    "slate-": "slate",
    "conflict-": "conflict",
    # Commendation in the API (router names: "cycle-category-rules", "decision-line-revoke").
    "cycle-": "cycle",
    "nomination-": "nomination",
    "decision-": "decision",
    # Honouring conferences in the API ("event-guest-group-guest").
    "event-": "event",
    # Documents in the API ("document-batch-file", "document-issue"); after "decision-", which
    # names the decision's own files ("decision-document-file").
    "document-batch-": "batch",
    "document-": "official",
    # Background jobs, on the web ("job_detail") and in the API ("job-retry").
    "job": "job",
}
# Web routes of councils, by full name: their `pk` is the council (or, for a score sheet, the
# assignment; for forming one, the programme); further parameters name objects inside it.
COUNCIL_ROUTES = {
    "council_detail", "council_edit", "council_open", "council_reopen", "rubric_edit",
    "member_add", "member_edit", "member_remove", "assignment_board", "assignment_auto",
    "assignment_add", "assignment_change", "assignment_template", "assignment_import",
    "conflict_list", "conflict_decide", "ranking", "initiative_review", "council_export",
    "slate", "slate_propose", "slate_amend", "slate_vote",
}  # fmt: skip
# Web routes of commendation, by full name: what their `pk` is; further parameters
# (category_pk, rule_pk, line_pk) name objects inside it.
CYCLE_ROUTES = {
    "cycle_detail", "cycle_edit", "cycle_extend", "category_create", "category_edit",
    "category_delete", "category_quota", "rule_create", "rule_edit", "rule_delete",
    "nomination_create", "cycle_stats", "cycle_stats_export",
}  # fmt: skip
NOMINATION_ROUTES = {
    "nomination_detail", "nomination_edit", "nomination_submit", "nomination_withdraw",
    "nomination_return", "nomination_accept", "nomination_reject", "nomination_override",
    "document_upload",
}  # fmt: skip
DECISION_ROUTES = {
    "decision_detail", "decision_edit", "decision_lines_add", "line_add", "line_edit",
    "line_remove", "line_revoke", "decision_comment_open", "decision_back_to_draft",
    "decision_sign", "decision_publish", "decision_export",
}  # fmt: skip
# Web routes of conferences: `pk` is the conference; group_pk and guest_pk name rows inside it.
EVENT_ROUTES = {
    "event_detail", "event_edit", "event_group_add", "event_group_edit", "event_group_remove",
    "event_group_move", "event_group_fill", "event_guest_add", "event_guest_edit",
    "event_guest_remove", "event_guest_move",
    # The day: honourees, agenda and award order; invitations and answers; check-in and
    # attendance. decision_pk, council_pk, item_pk, message_pk and code name things inside the
    # conference.
    "event_honourees", "event_decision_link", "event_decision_unlink", "event_honourees_sync",
    "event_council_link", "event_council_unlink",
    "event_citation_edit", "event_agenda", "event_agenda_prefill", "event_agenda_add",
    "event_agenda_edit", "event_agenda_remove", "event_agenda_move", "event_award_order",
    "event_script_docx",
    "event_invitations", "event_invitations_send", "event_rsvp_record", "event_rsvp_reissue",
    "event_message_bounced",
    "event_checkin", "event_checkin_counts", "event_checkin_code", "event_checkin_mark",
    "event_checkin_undo", "event_walk_in", "event_attendance", "event_attendance_xlsx",
    "event_close", "event_reopen",
}  # fmt: skip
ROUTE_KIND = {
    **{f"web:{name}": "council" for name in COUNCIL_ROUTES},
    **{f"web:{name}": "cycle" for name in CYCLE_ROUTES},
    **{f"web:{name}": "nomination" for name in NOMINATION_ROUTES},
    **{f"web:{name}": "decision" for name in DECISION_ROUTES},
    **{f"web:{name}": "event" for name in EVENT_ROUTES},
    "web:cycle_open": "programme",
    "web:document_download": "document",
    "web:document_delete": "document",
    "web:council_create": "programme",
    **{
        f"web:official_{name}": "official" for name in ("detail", "edit", "issue", "delete", "file")
    },
    "web:official_create": "event",
    "web:decision_file": "decision",
    "web:decision_certificates": "decision",
    **{f"web:batch_{name}": "batch" for name in ("detail", "file", "retry")},
    "web:template_file": "template",
    "web:template_remove": "template",
    "web:sheet": "assignment",
    "web:sheet_conflict": "assignment",
}
# Routes whose parameters are not an object of a union.
# The public comment page takes a secret token, and is public by design; the award catalogue
# is the same for everyone.
NOT_OBJECT_ROUTES = {
    "password_reset_confirm", "set_language", "spreadsheets:import_confirm",
    "web:public_comment", "api:award-detail",
    # Certificates are checked by their code, by anyone (public by design); the built-in
    # templates are the same for everyone.
    "web:certificate_check", "api:certificate-detail", "web:template_builtin",
    # A delegate answers their invitation through the personal link it carries: the signed
    # token is the key (public by design, throttled; tests/events/test_invitations.py).
    "web:rsvp", "api:rsvp",
}  # fmt: skip
SKIPPED_NAMESPACES = {"admin"}  # Django's admin: staff only, tested separately below.


@dataclass
class Route:
    name: str
    regex: str
    params: list[str]


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from _walk(
                entry.url_patterns, prefix + str(entry.pattern.regex.pattern).lstrip("^"), ns
            )
        elif isinstance(entry, URLPattern):
            regex = prefix + str(entry.pattern.regex.pattern).lstrip("^")
            name = (
                f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or regex)
            )
            params = re.findall(r"\(\?P<(\w+)>", regex)
            yield Route(name=name, regex=regex, params=params)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


def _fill(regex: str, values: dict[str, object]) -> str:
    path = regex.rstrip("$").replace("\\Z", "").replace("\\", "")
    for param, value in values.items():
        path = re.sub(rf"\(\?P<{param}>[^)]*\)", str(value), path)
    path = re.sub(r"\(\?P<format>[^)]*\)\??", "", path)
    return "/" + path.replace("^", "").replace("?", "")


def _kind(route: Route) -> str | None:
    if route.name in ROUTE_KIND:
        return ROUTE_KIND[route.name]
    short = route.name.split(":")[-1]
    for key, kind in OBJECT_KIND.items():
        if key in short:
            return kind
    return None


MISSING = 987654


@dataclass
class BWork:
    """Union B's part in its own province's programme: an initiative with an attachment, and
    its council with an assignment, a declared conflict and a proposed slate."""

    programme: object
    level: object
    initiative: object
    attachment: object
    council: object
    assignment: object
    conflict: object
    slate: object
    slate_line: object
    cycle: object
    category: object
    rule: object
    nomination: object
    document: object
    decision: object
    decision_line: object
    event: object
    guest_group: object
    guest: object
    official: object
    batch: object
    job: object
    template: object


@pytest.fixture
def b_work(world, settings, tmp_path) -> BWork:
    settings.MEDIA_ROOT = tmp_path
    programme = campaigns.programme_create(
        actor=None,
        name="Sáng kiến Kiên Giang",
        code="KGW",
        running_unit=world.kien_giang,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2027, 12, 31),
        levels=[
            {"name": "CĐCS", "tier": Tier.GRASSROOTS, "deadline": FUTURE},
            {"name": "LĐLĐ tỉnh", "tier": Tier.PROVINCE, "deadline": FUTURE},
        ],
    )
    campaigns.programme_launch(actor=None, programme=programme)
    initiative = initiatives.initiative_create(
        actor=None,
        programme=programme,
        unit=world.union_b,
        data={
            "title": "Sáng kiến của công đoàn B",
            "solution_kind": "ky_thuat",
            "field": programme.fields.first(),
            "first_applied_on": dt.date(2026, 2, 1),
            "novelty": "Mới",
            "benefit_value": 10_000_000,
        },
        authors=[(world.person_b, Decimal(100))],
    )
    attachment = initiatives.attachment_add(
        actor=None, initiative=initiative, upload=SimpleUploadedFile("b.pdf", b"%PDF-1.4 b")
    )
    initiatives.initiative_submit(actor=None, initiative=initiative)
    level = programme.levels.get(order=1)
    rubric = reviews.rubric_create(actor=None, programme=programme, spec=PRESETS["son_la"])
    council = reviews.council_create(
        actor=None, level=level, unit=world.union_b, data={"name": "Hội đồng B", "rubric": rubric}
    )
    seats = [
        reviews.member_add(actor=None, council=council, user=world.official_b),
        reviews.member_add(actor=None, council=council, user=make_user("giamkhao_b")),
    ]
    assignment, declared = (
        reviews.assignment_add(actor=None, council=council, seat=seat, initiative=initiative)
        for seat in seats
    )
    conflict = reviews.conflict_declare(actor=None, assignment=declared, reason="Người quen")
    slate = reviews.slate_propose(actor=None, council=council)
    catalogue_load()
    cycle = cycles.cycle_open(
        actor=None, programme=programme, name="Khen thưởng B", achievement_year=2026,
        deadline=FUTURE, preset="an_lao",
    )  # fmt: skip
    category = cycle.categories.get(order=4)
    nomination = nominations.nomination_create(
        actor=None, category=category, unit=world.union_b,
        data={"person": world.person_b, "summary": "Thành tích của B"},
    )  # fmt: skip
    document = nominations.document_add(
        actor=None, nomination=nomination, kind="bao_cao",
        upload=SimpleUploadedFile("bc.pdf", b"%PDF-1.4 b"),
    )  # fmt: skip
    decision = decisions.decision_create(
        actor=None, issuer=world.kien_giang,
        data={"award": Award.objects.get(code="bang-khen-ldld-tinh"), "cycle": cycle},
    )  # fmt: skip
    decision_line = decisions.line_add(
        actor=None, decision=decision, person=world.person_b, data={}
    )
    event = make_event(world.kien_giang, cycle=cycle, title="Hội nghị biểu dương Kiên Giang")
    guest_group = event.guest_groups.get(order=1)
    guest = events.guest_add(actor=None, group=guest_group, data={}, person=world.person_b)
    official = documents.document_create(actor=None, kind=DocumentKind.PLAN, obj=event)
    batch = DocumentBatch.objects.create(
        kind=DocumentKind.AWARD_CERTIFICATE, title="Giấy khen B", unit=world.kien_giang,
        decision=decision, status=BatchStatus.FAILED, error="Thử",
    )  # fmt: skip
    job = Job.objects.create(
        kind=JobKind.PERSON_EXPORT, title="Xuất danh sách người", created_by=world.official_b,
        unit=world.union_b, status=JobStatus.FAILED, error="Thử",
    )  # fmt: skip
    template = DocumentTemplate.objects.create(
        unit=world.kien_giang, kind=DocumentKind.PLAN,
        file=SimpleUploadedFile("mau.docx", PlanGenerator.builtin()),
    )  # fmt: skip
    return BWork(
        official=official,
        batch=batch,
        job=job,
        template=template,
        programme=programme,
        level=level,
        initiative=initiative,
        attachment=attachment,
        council=council,
        assignment=assignment,
        conflict=conflict,
        slate=slate,
        slate_line=slate.lines.get(),
        cycle=cycle,
        category=category,
        rule=category.rules.first(),
        nomination=nomination,
        document=document,
        decision=decision,
        decision_line=decision_line,
        event=event,
        guest_group=guest_group,
        guest=guest,
    )


def _object_values(
    route: Route, world: World, work: BWork, *, missing: bool = False
) -> dict[str, object]:
    kind = _kind(route)
    targets = {
        "unit": world.union_b.pk,
        "person": world.person_b.pk,
        "user": world.official_b.pk,
        "programme": work.programme.pk,
        "initiative": work.initiative.pk,
        "attachment": work.attachment.pk,
        "council": work.council.pk,
        "assignment": work.assignment.pk,
        "slate": work.slate.pk,
        "conflict": work.conflict.pk,
        "cycle": work.cycle.pk,
        "nomination": work.nomination.pk,
        "document": work.document.pk,
        "decision": work.decision.pk,
        "event": work.event.pk,
        "official": work.official.pk,
        "batch": work.batch.pk,
        "job": work.job.pk,
        "template": work.template.pk,
    }
    values: dict[str, object] = {}
    for param in route.params:
        if param == "format":
            continue
        if param == "kind":
            values[param] = "ke-hoach"
        elif param == "fmt":
            values[param] = "docx"
        elif missing:
            values[param] = MISSING
        elif param == "membership_pk":
            values[param] = world.official_b.memberships.get().pk
        elif param == "level_pk":
            values[param] = work.level.pk
        elif param == "line_pk" and kind == "decision":
            values[param] = work.decision_line.pk
        elif param == "line_pk":
            values[param] = work.slate_line.pk
        elif param == "category_pk":
            values[param] = work.category.pk
        elif param == "rule_pk":
            values[param] = work.rule.pk
        elif param == "document_pk":
            values[param] = work.document.pk
        elif param == "unit_pk":
            values[param] = world.union_b.pk
        elif param in {"seat_pk", "member_pk"}:
            values[param] = work.assignment.member_id
        elif param == "assignment_pk":
            values[param] = work.assignment.pk
        elif param == "conflict_pk":
            values[param] = work.conflict.pk
        elif param == "initiative_pk":
            values[param] = work.initiative.pk
        elif param == "group_pk":
            values[param] = work.guest_group.pk
        elif param == "guest_pk":
            values[param] = work.guest.pk
        else:
            values[param] = targets[kind]
    return values


def test_every_route_with_parameters_is_classified():
    unclassified = [
        route.name
        for route in all_routes()
        if [p for p in route.params if p != "format"]
        and route.name not in NOT_OBJECT_ROUTES
        and _kind(route) is None
    ]

    assert unclassified == [], "classify these routes in OBJECT_KIND or NOT_OBJECT_ROUTES"


@pytest.mark.parametrize("method", ["get", "post"])
def test_union_a_official_gets_404_for_every_route_about_union_b(world, b_work, method):
    """404 for union B's objects, exactly as for an object that does not exist; a route that
    does not take this method answers 405 alike for both, which reveals nothing."""
    client = client_for(world.official_a)
    answers = {}
    for route in all_routes():
        if not [p for p in route.params if p != "format"] or route.name in NOT_OBJECT_ROUTES:
            continue
        url = _fill(route.regex, _object_values(route, world, b_work))
        missing_url = _fill(route.regex, _object_values(route, world, b_work, missing=True))
        answer = getattr(client, method)(url).status_code
        answers[f"{route.name} {url}"] = (answer, getattr(client, method)(missing_url).status_code)

    assert answers, "the walk found no routes with parameters"
    assert {
        route: codes
        for route, codes in answers.items()
        if codes[0] != codes[1] or codes[0] not in {404, 405}
    } == {}
    assert any(codes[0] == 404 for codes in answers.values())


def test_routes_without_parameters_show_nothing_of_union_b(world, b_work):
    client = client_for(world.official_a)
    leaks = {}
    for route in all_routes():
        if [p for p in route.params if p != "format"]:
            continue
        url = _fill(route.regex, {})
        response = client.get(url)
        assert response.status_code < 500, url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="ignore")
        secrets = (
            world.union_b.name,
            world.person_b.full_name,
            world.union_b.code,
            b_work.initiative.title,
        )
        for secret in secrets:
            if secret in text:
                leaks[url] = secret

    assert leaks == {}


def test_anonymous_visitors_are_sent_to_login_or_refused(world):
    client = client_for.__globals__["Client"]()
    for route in all_routes():
        if [p for p in route.params if p != "format"] or route.name in {
            "login",
            "password_reset",
            "password_reset_done",
            "password_reset_complete",
            "set_language",
            "api:schema",
            "api:docs",
            "api:swagger-ui",
            "api:redoc",
            "api:token",
            "web:certificate_check_form",  # anyone checks a certificate's code, by design
        }:
            continue
        url = _fill(route.regex, {})
        response = client.get(url)

        assert response.status_code in {302, 401, 403, 405}, (
            f"{route.name} {url} -> {response.status_code}"
        )


def test_django_admin_is_closed_to_union_officials(world):
    response = client_for(world.official_a).get("/quan-tri-django/")

    assert response.status_code == 302
