"""Review councils: settings and rubric, members and their progress, assignments, score sheets,
the ranking, slates and votes, conflicts of interest.

One module per subject: councils (query strings, rubrics, councils, their settings), scoring
(assignments, score sheets, conflicts), results (ranking, slates, votes); common holds the
score format and initiatives as a council shows them, with the rule for blind councils.
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
from thidua.api.serializers.reviews.scoring import (
    AssignmentCreateSerializer,
    AssignmentSerializer,
    AutoAssignResultSerializer,
    AutoAssignSerializer,
    ConflictDecideSerializer,
    ConflictSerializer,
    MyAssignmentSerializer,
    ScoreSheetSerializer,
    SheetWriteSerializer,
)

__all__ = [
    "SUMMARY_SCHEMA",
    "AssignmentCreateSerializer",
    "AssignmentQuerySerializer",
    "AssignmentSerializer",
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
    "MyAssignmentQuerySerializer",
    "MyAssignmentSerializer",
    "RankingQuerySerializer",
    "RankingRowSerializer",
    "ScoreSheetSerializer",
    "SheetWriteSerializer",
    "SlateAmendSerializer",
    "SlateDetailSerializer",
    "SlateSerializer",
    "VoteWriteSerializer",
    "ranking_row",
    "ranking_summary",
]
