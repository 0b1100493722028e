"""The council's proposed slate: which scored initiatives go up, with which prize, which are
the top few by value and benefit, and which authors are suggested for media stories.

Pure functions, no database: the views build `Candidate`s from the council's ranking and the
programme's `Rules`, call `propose`, and show every `Line.reason` and `Slate.problems` so the
council sees why each initiative is in or out and which rules could not be met.
"""

from thidua.reviews.selection.amended import Review, review
from thidua.reviews.selection.model import (
    PRIZES,
    Author,
    Candidate,
    Limit,
    Line,
    MediaPick,
    PrizeTier,
    Rules,
    Slate,
    format_score,
    join_codes,
    order_key,
    prize_label,
)
from thidua.reviews.selection.proposal import propose

__all__ = [
    "PRIZES",
    "Author",
    "Candidate",
    "Limit",
    "Line",
    "MediaPick",
    "PrizeTier",
    "Review",
    "Rules",
    "Slate",
    "format_score",
    "join_codes",
    "order_key",
    "prize_label",
    "propose",
    "review",
]
