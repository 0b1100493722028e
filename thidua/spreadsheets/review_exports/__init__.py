"""Council workbooks: the one that justifies a council's result, the summary an initiative's
authors receive, and the template the secretary fills in to assign reviewers.

The result workbook is for whoever runs the council (names included, even in a blind
council): every sheet that was scored, counted or not, the aggregation with its spread and
correction, how each reviewer sits against the others, the proposal with its reasons and
amendments, and the votes. The authors' summary never names a reviewer.
"""

from thidua.spreadsheets.review_exports.council import CouncilWorkbook, council_workbook
from thidua.spreadsheets.review_exports.summary import (
    InitiativeSummaryWorkbook,
    initiative_summary,
    initiative_summary_workbook,
)
from thidua.spreadsheets.review_exports.template import AssignmentTemplate

__all__ = [
    "AssignmentTemplate",
    "CouncilWorkbook",
    "InitiativeSummaryWorkbook",
    "council_workbook",
    "initiative_summary",
    "initiative_summary_workbook",
]
