"""Every write about councils: forming them, the rubric, assignment, conflicts of interest,
score sheets, reopening, the slate and the vote. Each is atomic and audited; the arithmetic is
done by the pure modules (`rubrics`, `assignment`, `scoring`, `selection`).

Callers use `from thidua.reviews import services` and `services.<entity>_<action>`; the modules
below only group them."""

from thidua.reviews.services.assignments import (
    assignment_add,
    assignment_end,
    assignment_problem,
    assignment_reassign,
    assignments_auto,
    assignments_import,
    conflict_decide,
    conflict_declare,
)
from thidua.reviews.services.common import COUNCIL_FIELDS
from thidua.reviews.services.councils import (
    council_create,
    council_open,
    council_reopen,
    council_update,
    member_add,
    member_remove,
    member_update,
    scoring_open,
)
from thidua.reviews.services.rubric import rubric_create, rubric_is_locked, rubric_update
from thidua.reviews.services.sheets import sheet_save
from thidua.reviews.services.slates import (
    selection_rules,
    slate_amend,
    slate_propose,
    slate_vote,
    vote_passes,
)

__all__ = [
    "COUNCIL_FIELDS",
    "assignment_add",
    "assignment_end",
    "assignment_problem",
    "assignment_reassign",
    "assignments_auto",
    "assignments_import",
    "conflict_decide",
    "conflict_declare",
    "council_create",
    "council_open",
    "council_reopen",
    "council_update",
    "member_add",
    "member_remove",
    "member_update",
    "rubric_create",
    "rubric_is_locked",
    "rubric_update",
    "scoring_open",
    "selection_rules",
    "sheet_save",
    "slate_amend",
    "slate_propose",
    "slate_vote",
    "vote_passes",
]
