"""Scoring rubrics (thang điểm) of initiative review councils, and the rules a sheet must obey.

A rubric is plain data: the criteria with their maximum points, optional band hints, a pass mark
and grade classes. The presets transcribe local rules; a council may copy one and edit it.
Everything here is pure: no database, no request.
"""

from thidua.reviews.rubrics.model import (
    Band,
    CriterionSpec,
    GradeClass,
    Outcome,
    RubricSpec,
    format_points,
    outcome,
    rubric_problems,
    sheet_problems,
    sheet_total,
)
from thidua.reviews.rubrics.presets import PRESETS
from thidua.reviews.rubrics.text import format_bands, format_classes, parse_bands, parse_classes

__all__ = [
    "PRESETS",
    "Band",
    "CriterionSpec",
    "GradeClass",
    "Outcome",
    "RubricSpec",
    "format_bands",
    "format_classes",
    "format_points",
    "outcome",
    "parse_bands",
    "parse_classes",
    "rubric_problems",
    "sheet_problems",
    "sheet_total",
]
