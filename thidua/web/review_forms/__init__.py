"""Forms of the council pages: the council's settings, members, rubric, the score sheet,
conflicts, reopening, amending the slate and recording the vote."""

from thidua.web.review_forms.council import (
    THRESHOLDS,
    CouncilForm,
    MemberForm,
    council_initial,
    tie_breaker_choices,
)
from thidua.web.review_forms.rubric import RubricForm, rubric_initial
from thidua.web.review_forms.sheet import (
    AmendForm,
    AssignForm,
    ConflictDecisionForm,
    ReasonForm,
    ReassignForm,
    ReopenForm,
    ScoreSheetForm,
    UploadForm,
    VoteForm,
)

__all__ = [
    "THRESHOLDS",
    "AmendForm",
    "AssignForm",
    "ConflictDecisionForm",
    "CouncilForm",
    "MemberForm",
    "ReasonForm",
    "ReassignForm",
    "ReopenForm",
    "RubricForm",
    "ScoreSheetForm",
    "UploadForm",
    "VoteForm",
    "council_initial",
    "rubric_initial",
    "tie_breaker_choices",
]
