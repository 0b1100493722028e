"""REST endpoints for commendation: the award catalogue, honouring cycles (categories, rules,
quotas of single units, extensions, statistics), nominations and their papers, decisions and
award history, and the issuers' document registers.

Each handler fetches through thidua.awards.permissions (404 when the object has not reached
the user; 403 when it has but they may not act) -> parses (400) -> calls one service with
`actor=request.user` -> responds. Rows inside an object (a category, a paper, a line) come
through their object's funnel: the fetchers in common.py.
"""

from thidua.api.views.awards.cycles import AwardViewSet, CycleViewSet
from thidua.api.views.awards.decisions import AwardHistoryViewSet, DecisionViewSet
from thidua.api.views.awards.nominations import NominationViewSet
from thidua.api.views.awards.quotas import CycleQuotaViewSet
from thidua.api.views.awards.registers import RegisterViewSet

__all__ = [
    "AwardHistoryViewSet",
    "AwardViewSet",
    "CycleQuotaViewSet",
    "CycleViewSet",
    "DecisionViewSet",
    "NominationViewSet",
    "RegisterViewSet",
]
