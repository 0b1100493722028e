"""Reviewing a slate the council amended by hand against the same rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from django.utils.translation import gettext as _

from thidua.reviews.selection.media import _media
from thidua.reviews.selection.model import (
    Candidate,
    MediaPick,
    Rules,
    format_score,
    join_codes,
    prize_label,
)
from thidua.reviews.selection.proposal import _Builder, _by_key


@dataclass(frozen=True)
class Review:
    """An amended slate checked again: the media shortlist from what is selected now, and
    every rule the amended slate breaks."""

    media: list[MediaPick]
    problems: list[str]


def review(
    candidates: Sequence[Candidate],
    rules: Rules,
    *,
    selected: AbstractSet[int],
    prizes: Mapping[int, str],
    top: AbstractSet[int],
) -> Review:
    """Check a slate after the council changed lines by hand: the quota, the field and unit
    limits, the prize counts, the top N, initiatives chosen although they did not qualify; and
    pick the media shortlist again from the initiatives selected now."""
    builder = _Builder(candidates, rules)
    problems = list(builder.problems)
    chosen = [c for c in builder.ordered if c.item in selected]
    count = len(chosen)
    if count < rules.quota_min:
        problems.append(
            _("Đề xuất %(n)s sáng kiến, chưa đủ tối thiểu %(min)s.")
            % {"n": count, "min": rules.quota_min}
        )
    if rules.quota_max is not None and count > rules.quota_max:
        problems.append(
            _("Đề xuất %(n)s sáng kiến, vượt số tối đa %(max)s.")
            % {"n": count, "max": rules.quota_max}
        )
    # Facts for the vote, not errors: the council chose them and wrote why on each line.
    failed = [c.code for c in chosen if not c.passed or c.score is None]
    below = [
        c.code
        for c in chosen
        if c.passed and c.score is not None and rules.min_score is not None
        and c.score < rules.min_score
    ]  # fmt: skip
    if failed:
        problems.append(
            _(
                "Hội đồng đề xuất %(codes)s dù không đạt yêu cầu của bộ tiêu chí "
                "(lý do ghi ở từng dòng)."
            )
            % {"codes": join_codes(failed)}
        )
    if below:
        problems.append(
            _(
                "Hội đồng đề xuất %(codes)s dù dưới mức điểm đề xuất %(cut)s "
                "(lý do ghi ở từng dòng)."
            )
            % {"codes": join_codes(below), "cut": format_score(rules.min_score or 0)}
        )
    for group in [*_by_key(builder.fields), *_by_key(builder.units)]:
        held = sum(1 for c in chosen if group.holds(c))
        if held < group.limit.minimum:
            problems.append(
                _("%(group)s có %(n)s sáng kiến được đề xuất, chưa đủ tối thiểu %(min)s.")
                % {"group": group.sentence(), "n": held, "min": group.limit.minimum}
            )
        if group.limit.maximum is not None and held > group.limit.maximum:
            problems.append(
                _("%(group)s có %(n)s sáng kiến được đề xuất, vượt tối đa %(max)s.")
                % {"group": group.sentence(), "n": held, "max": group.limit.maximum}
            )
    for tier in rules.prizes:
        given = sum(1 for item in selected if prizes.get(item) == tier.prize)
        if tier.count is not None and given > tier.count:
            problems.append(
                _("%(prize)s: %(n)s sáng kiến, vượt số lượng quy định %(count)s.")
                % {"prize": prize_label(tier.prize), "n": given, "count": tier.count}
            )
        # A place left empty by an amendment while unprized initiatives are selected.
        unprized = count - sum(1 for item in selected if prizes.get(item))
        if tier.count is not None and given < tier.count and unprized > 0:
            problems.append(
                _("%(prize)s: %(n)s sáng kiến, ít hơn số lượng quy định %(count)s.")
                % {"prize": prize_label(tier.prize), "n": given, "count": tier.count}
            )
        if tier.min_score is not None:
            low = [
                c.code
                for c in chosen
                if prizes.get(c.item) == tier.prize and (c.score or 0) < tier.min_score
            ]
            if low:
                problems.append(
                    _("%(prize)s trao cho %(codes)s dù dưới mức %(score)s điểm.")
                    % {
                        "prize": prize_label(tier.prize),
                        "codes": join_codes(low),
                        "score": format_score(tier.min_score),
                    }
                )
    marked = len(top & selected)
    if rules.top_n and marked != min(rules.top_n, count):
        problems.append(
            _(
                "Nhóm giá trị làm lợi cao nhất đề nghị cấp trên có %(n)s sáng kiến, "
                "quy định %(top)s."
            )
            % {"n": marked, "top": rules.top_n}
        )
    media = _media(chosen, rules, problems)
    return Review(media=media, problems=problems)
