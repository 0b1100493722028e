"""REST endpoints for review councils: councils with their members and rubric, assignments
(also from Excel), score sheets, the ranking, slates and votes, conflicts of interest.

Each handler fetches through thidua.reviews.permissions (404 when the council is not the
user's to see; 403 when they see it but do not run it; a score sheet only for the member it
is assigned to) -> parses (400) -> calls one service with `actor=request.user` -> responds.
Assignments, slates and conflicts have no funnel of their own: their council's is used (the
fetchers in each module; candidates to move to thidua.reviews.permissions once the web UI
wants them).
"""

from thidua.api.views.reviews.assignments import AssignmentViewSet, ConflictViewSet
from thidua.api.views.reviews.councils import CouncilViewSet
from thidua.api.views.reviews.results import SlateViewSet

__all__ = [
    "AssignmentViewSet",
    "ConflictViewSet",
    "CouncilViewSet",
    "SlateViewSet",
]
