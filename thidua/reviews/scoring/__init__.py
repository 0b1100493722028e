"""Statistics over reviewers' sheets: aggregation, reviewer bias, agreement and ranking.

Floats only; money never passes through here.

Two corrections for reviewer bias are offered, besides ``"none"``:

``"standardise"``
    The classic choice (as in Evalato and most award platforms): each reviewer's totals become
    z-scores against that reviewer's own mean and spread, then are put back on the pooled mean
    and spread of all totals. It corrects both level and scale, but it assumes every reviewer saw
    an equally good batch: a reviewer who happened to draw weak initiatives is pushed up.

``"offset"`` (the default)
    An additive two-way model, total = item effect + reviewer bias + noise, fitted by
    alternating least squares. Because each item's effect is estimated from all its reviewers,
    a reviewer's bias is measured on the same initiatives others scored, so a weak batch is not
    mistaken for harshness. It keeps the rubric's scale (only levels move), which is what a
    council reading "72 points" expects. It is the recommended default for the usual design of
    about three reviewers per initiative with random assignment, where the item-reviewer graph
    is well connected. It does not correct a reviewer who uses a narrower or wider range, and a
    reviewer with only a few sheets gets a noisy bias (no shrinkage is applied). Biases are only
    comparable within a connected group of reviewers and items.
"""

from thidua.reviews.scoring.agreement import (
    ReviewerReport,
    agreement_label,
    icc1,
    krippendorff_alpha_interval,
    reviewer_reports,
)
from thidua.reviews.scoring.bias import (
    CORRECTIONS,
    ItemResult,
    aggregate,
    correct,
    offset_correct,
    reviewer_offsets,
    standard_scores,
    standardise,
)
from thidua.reviews.scoring.descriptive import (
    METHODS,
    Key,
    Sheet,
    central,
    mean,
    median,
    spread,
    trimmed_mean,
)
from thidua.reviews.scoring.ranking import (
    CRITERION_PREFIX,
    TIE_BREAKERS,
    Ranked,
    RankInput,
    rank,
    tie_breaker_label,
)

__all__ = [
    "CORRECTIONS",
    "CRITERION_PREFIX",
    "METHODS",
    "TIE_BREAKERS",
    "ItemResult",
    "Key",
    "RankInput",
    "Ranked",
    "ReviewerReport",
    "Sheet",
    "aggregate",
    "agreement_label",
    "central",
    "correct",
    "icc1",
    "krippendorff_alpha_interval",
    "mean",
    "median",
    "offset_correct",
    "rank",
    "reviewer_offsets",
    "reviewer_reports",
    "spread",
    "standard_scores",
    "standardise",
    "tie_breaker_label",
    "trimmed_mean",
]
