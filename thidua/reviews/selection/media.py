"""The media shortlist: authors of selected initiatives suggested for stories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from thidua.reviews.selection.model import Candidate, MediaPick, Rules, order_key


@dataclass
class _Person:
    person: int
    name: str
    consented: bool
    items: list[Candidate]

    def strength(self) -> tuple[int, tuple[int, str, int], int]:
        return (-len(self.items), order_key(self.items[0]), self.person)


def _media(selected: Sequence[Candidate], rules: Rules, problems: list[str]) -> list[MediaPick]:
    """Authors of selected initiatives to suggest for media stories: one per field first,
    strongest first, so the stories show the breadth of the movement."""
    people: dict[int, _Person] = {}
    for candidate in selected:
        for author in candidate.authors:
            entry = people.setdefault(
                author.person, _Person(author.person, author.name, author.consented, [])
            )
            # Consent belongs to the person; one record without it is enough to hold back.
            entry.consented = entry.consented and author.consented
            if all(mine.item != candidate.item for mine in entry.items):
                entry.items.append(candidate)
    pool = sorted((p for p in people.values() if p.consented), key=_Person.strength)
    withheld = [p for p in people.values() if not p.consented]
    leads: dict[int, _Person] = {}
    for person in pool:
        leads.setdefault(person.items[0].field, person)
    picks = list(leads.values())[: max(rules.media_max, 0)]
    field_leads = {person.person for person in picks}
    wanted = min(rules.media_min, rules.media_max)
    for person in pool:
        if len(picks) >= wanted:
            break
        if all(pick.person != person.person for pick in picks):
            picks.append(person)
    media = [
        _media_pick(person, lead=person.person in field_leads, rules=rules) for person in picks
    ]
    if len(media) < rules.media_min:
        message = _("Chỉ chọn được %(n)s người để tuyên truyền, chưa đủ tối thiểu %(min)s") % {
            "n": len(media),
            "min": rules.media_min,
        }
        if withheld:
            message += _("; %(n)s tác giả chưa đồng ý cho tuyên truyền") % {"n": len(withheld)}
        problems.append(message + ".")
    covered = {pick.field for pick in media}
    if len(covered) < rules.media_min_fields:
        message = _(
            "Những người được chọn để tuyên truyền chỉ thuộc %(n)s lĩnh vực, "
            "chưa đủ tối thiểu %(min)s lĩnh vực"
        ) % {"n": len(covered), "min": rules.media_min_fields}
        elsewhere = [p for p in withheld if p.items[0].field not in covered]
        if elsewhere:
            message += _("; %(n)s tác giả ở lĩnh vực khác chưa đồng ý cho tuyên truyền") % {
                "n": len(elsewhere)
            }
        problems.append(message + ".")
    return media


def _media_pick(person: _Person, *, lead: bool, rules: Rules) -> MediaPick:
    best = person.items[0]
    reason = _("Tác giả của %(n)s sáng kiến được đề xuất, cao nhất xếp hạng %(rank)s") % {
        "n": len(person.items),
        "rank": best.rank,
    }
    if lead:
        reason += _("; tiêu biểu cho lĩnh vực “%(field)s”") % {"field": best.field_name}
    else:
        reason += _("; chọn thêm cho đủ %(min)s người") % {"min": rules.media_min}
    return MediaPick(
        person=person.person,
        name=person.name,
        field=best.field,
        field_name=best.field_name,
        items=tuple(candidate.item for candidate in person.items),
        reason=reason + ".",
    )
