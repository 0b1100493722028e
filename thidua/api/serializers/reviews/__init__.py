"""Review councils: settings and rubric, members and their progress, assignments, score sheets,
the ranking, slates and votes, conflicts of interest.

One module per subject: councils (query strings, rubrics as read, councils, their settings),
members (seats, seating and removing), rubrics (rubrics as written), scoring (assignments and
their Excel import, score sheets, conflicts), results (ranking, slates, votes); common holds
the score format and initiatives as a council shows them, with the rule for blind councils.
"""

from thidua.api.serializers.reviews.councils import (
    AssignmentQuerySerializer,
    ConflictQuerySerializer,
    CouncilCreateSerializer,
    CouncilDetailSerializer,
    CouncilQuerySerializer,
    CouncilReopenSerializer,
    CouncilSerializer,
    CouncilWriteSerializer,
    MyAssignmentQuerySerializer,
    RankingQuerySerializer,
)
from thidua.api.serializers.reviews.members import (
    MemberCreateSerializer,
    MemberRemovedSerializer,
    MemberSerializer,
    MemberWriteSerializer,
)
from thidua.api.serializers.reviews.results import (
    SUMMARY_SCHEMA,
    RankingRowSerializer,
    SlateAmendSerializer,
    SlateDetailSerializer,
    SlateSerializer,
    VoteWriteSerializer,
    ranking_row,
    ranking_summary,
)
from thidua.api.serializers.reviews.rubrics import (
    RubricPresetSerializer,
    RubricWriteSerializer,
    rubric_spec,
)
from thidua.api.serializers.reviews.scoring import (
    AssignmentCreateSerializer,
    AssignmentImportQuerySerializer,
    AssignmentSerializer,
    AssignmentUploadSerializer,
    AutoAssignResultSerializer,
    AutoAssignSerializer,
    ConflictDecideSerializer,
    ConflictSerializer,
    ImportReportSerializer,
    MyAssignmentSerializer,
    ReassignSerializer,
    ScoreSheetSerializer,
    SheetWriteSerializer,
)

__all__ = [
    "SUMMARY_SCHEMA",
    "AssignmentCreateSerializer",
    "AssignmentImportQuerySerializer",
    "AssignmentQuerySerializer",
    "AssignmentSerializer",
    "AssignmentUploadSerializer",
    "AutoAssignResultSerializer",
    "AutoAssignSerializer",
    "ConflictDecideSerializer",
    "ConflictQuerySerializer",
    "ConflictSerializer",
    "CouncilCreateSerializer",
    "CouncilDetailSerializer",
    "CouncilQuerySerializer",
    "CouncilReopenSerializer",
    "CouncilSerializer",
    "CouncilWriteSerializer",
    "ImportReportSerializer",
    "MemberCreateSerializer",
    "MemberRemovedSerializer",
    "MemberSerializer",
    "MemberWriteSerializer",
    "MyAssignmentQuerySerializer",
    "MyAssignmentSerializer",
    "RankingQuerySerializer",
    "RankingRowSerializer",
    "ReassignSerializer",
    "RubricPresetSerializer",
    "RubricWriteSerializer",
    "ScoreSheetSerializer",
    "SheetWriteSerializer",
    "SlateAmendSerializer",
    "SlateDetailSerializer",
    "SlateSerializer",
    "VoteWriteSerializer",
    "ranking_row",
    "ranking_summary",
    "rubric_spec",
]
