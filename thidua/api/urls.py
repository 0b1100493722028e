"""/api/v1/: units, people, the current user, programmes, initiatives and their attachments,
review councils (assignments, score sheets, ranking, slates, conflicts of interest),
commendation (the award catalogue, honouring cycles with their categories, rules and the
quotas of single units, nominations and their papers, decisions, award history, the issuers'
document registers), honouring conferences (their plan, guest groups and guests), background
jobs (imports and exports: progress, result, file, retry), token login, and the OpenAPI
schema with its docs (Swagger UI and Redoc served from local files, no CDN).

Route names carry the object they take (unit, person, programme, initiative, attachment,
council, assignment, slate, conflict, award, cycle, nomination, decision, event):
tests/web/test_access_walk.py classifies parametrised routes by name. The quotas sit under
"cycles" on a viewset of their own, named "cycle-category-…" like the cycle's other routes;
the register ("register-list", "register-continue") takes no parameters."""

from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import SimpleRouter

from thidua.api.views.awards import (
    AwardHistoryViewSet,
    AwardViewSet,
    CycleQuotaViewSet,
    CycleViewSet,
    DecisionViewSet,
    NominationViewSet,
    RegisterViewSet,
)
from thidua.api.views.documents import (
    BatchViewSet,
    CertificateCheckViewSet,
    DecisionFileViewSet,
    DocumentViewSet,
)
from thidua.api.views.event_awards import EventAwardViewSet
from thidua.api.views.event_checkin import EventCheckinViewSet
from thidua.api.views.event_invitations import EventInvitationViewSet, RsvpView
from thidua.api.views.events import EventViewSet
from thidua.api.views.initiatives import AttachmentViewSet, InitiativeViewSet
from thidua.api.views.jobs import JobViewSet
from thidua.api.views.orgs import MeView, PersonViewSet, UnitViewSet
from thidua.api.views.programmes import ProgrammeViewSet
from thidua.api.views.reviews import (
    AssignmentViewSet,
    ConflictViewSet,
    CouncilViewSet,
    SlateViewSet,
)

app_name = "api"

router = SimpleRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("people", PersonViewSet, basename="person")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("initiatives", InitiativeViewSet, basename="initiative")
router.register("attachments", AttachmentViewSet, basename="attachment")
router.register("councils", CouncilViewSet, basename="council")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("slates", SlateViewSet, basename="slate")
router.register("conflicts", ConflictViewSet, basename="conflict")
router.register("awards", AwardViewSet, basename="award")
router.register("award-history", AwardHistoryViewSet, basename="award-history")
router.register("cycles", CycleViewSet, basename="cycle")
router.register("cycles", CycleQuotaViewSet, basename="cycle-category")
router.register("nominations", NominationViewSet, basename="nomination")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("registers", RegisterViewSet, basename="register")
router.register("events", EventViewSet, basename="event")
# A conference's day: honourees, agenda, award order; invitations and answers (RSVP);
# check-in and attendance. Each concern in its own viewset, under the same prefixes.
router.register("events", EventAwardViewSet, basename="event-award")
router.register("events", EventInvitationViewSet, basename="event-invitation")
router.register("events", EventCheckinViewSet, basename="event-checkin")
router.register("documents", DocumentViewSet, basename="document")
router.register("decisions", DecisionFileViewSet, basename="decision-document")
router.register("document-batches", BatchViewSet, basename="document-batch")
router.register("certificates", CertificateCheckViewSet, basename="certificate")
router.register("jobs", JobViewSet, basename="job")

urlpatterns: list[URLPattern | URLResolver] = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("auth/token/", obtain_auth_token, name="token"),
    path("me/", MeView.as_view(), name="me"),
    # A delegate answers their invitation with the personal link it carries (no login).
    path("rsvp/<str:token>/", RsvpView.as_view(), name="rsvp"),
    *router.urls,
]
