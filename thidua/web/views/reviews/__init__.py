"""Council pages: forming a council, its rubric and members, assignment, conflicts, the score
sheet with "save and next", the ranking raw and corrected side by side, the slate, the vote,
and the exports that justify the result."""

from thidua.web.views.reviews.assignments import (
    assignment_add,
    assignment_auto,
    assignment_board,
    assignment_change,
    assignment_import,
    assignment_template,
    conflict_decide,
    conflict_list,
)
from thidua.web.views.reviews.councils import (
    council_create,
    council_detail,
    council_edit,
    council_list,
    council_open,
    council_reopen,
    member_add,
    member_edit,
    member_remove,
    rubric_edit,
)
from thidua.web.views.reviews.results import (
    council_export,
    initiative_review,
    ranking,
    slate_amend,
    slate_propose,
    slate_view,
    slate_vote,
)
from thidua.web.views.reviews.scoring import (
    my_sheets,
    sheet,
    sheet_conflict,
)

__all__ = [
    "assignment_add",
    "assignment_auto",
    "assignment_board",
    "assignment_change",
    "assignment_import",
    "assignment_template",
    "conflict_decide",
    "conflict_list",
    "council_create",
    "council_detail",
    "council_edit",
    "council_export",
    "council_list",
    "council_open",
    "council_reopen",
    "initiative_review",
    "member_add",
    "member_edit",
    "member_remove",
    "my_sheets",
    "ranking",
    "rubric_edit",
    "sheet",
    "sheet_conflict",
    "slate_amend",
    "slate_propose",
    "slate_view",
    "slate_vote",
]
