"""Demo data for `thidua demo` (`make demo`): a corner of the union tree, a few hundred people
and one login per role.

Modelled on the two seed documents: the An Lão district federation of Hải Phòng as it stood
when it issued Kế hoạch 35/KH-LĐLĐ (12/6/2024, signed by Phạm Thị Nga), and the Kiên Giang
provincial federation of the "75 nghìn sáng kiến" programme (2021). Then the 2025 restructure
(DOMAIN.md §2) is applied to part of the tree, effective 01/07/2025:

- the An Lão district federation ends: its grassroots unions move to two new commune unions
  under Hải Phòng, and it is dissolved (Công văn 4173/TLĐ-ToC);
- Kiên Giang province merges into An Giang: LĐLĐ tỉnh Kiên Giang is merged into LĐLĐ tỉnh An
  Giang, whose tree takes over Kiên Giang's units from that date.

The other district federations are left as they were: the demo shows the restructure, it does
not replay all of it. Apart from the seed's signer, every unit and person here is illustrative.

On that tree run three programmes (programmes.py): Kiên Giang's "75 nghìn sáng kiến" of 2021,
whose provincial council (councils.py) has scored the nearly 1,000 initiatives that reached it
and proposed a slate not yet voted on, An Lão's round of 2024, and Hải Phòng's round still open
in 2026, whose city council is scoring.

Deterministic: one random.Random(DEMO_SEED), consumed in a fixed order, so two loads produce
the same people. Everything is written through the orgs services, so it is audited like real
data (with no actor: the system).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from django.db import transaction

from thidua.awards.models import Cycle, Decision, Nomination
from thidua.common.audit import audit_record
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import fold
from thidua.orgs import services
from thidua.orgs.demo.awards import awards_summary, awards_wipe, load_awards
from thidua.orgs.demo.councils import council_summary, councils_wipe, load_councils
from thidua.orgs.demo.documents import documents_summary, documents_wipe, load_documents
from thidua.orgs.demo.events import events_summary, events_wipe, load_events
from thidua.orgs.demo.names import PHONE_PREFIXES, REGIONS, _day_between, random_full_name
from thidua.orgs.demo.programmes import load_programmes, programme_summary, programmes_wipe
from thidua.orgs.demo.tree import (
    COMMUNE_OFFICE_STAFF,
    COMMUNES,
    DEMO_USERNAMES,
    GRASSROOTS_CHAIR,
    LOGINS,
    NAMED_PEOPLE,
    TREE,
    UnitSpec,
)
from thidua.orgs.demo.workplaces import (
    DEMO_PASSWORD,
    DEMO_SEED,
    DISSOLVE_REASON,
    MERGE_REASON,
    MOVE_REASON,
    RESTRUCTURE_ON,
    ROOT_CODE,
    UNIVERSITY,
    Job,
    _Writer,
)
from thidua.orgs.enums import Gender, MemberCategory, Role, UnitKind
from thidua.orgs.models import Membership, Person, Unit, UnitPlacement, User
from thidua.reviews.models import Council

# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    role_label: str
    unit_name: str
    full_name: str
    can_do: str


@dataclass
class DemoResult:
    created: bool
    units: int = 0
    people: int = 0
    logins: list[DemoLogin] = field(default_factory=list)
    programmes: int = 0
    initiatives: int = 0
    councils: int = 0
    cycles: int = 0
    nominations: int = 0
    decisions: int = 0


@dataclass
class _Loader:
    rng: random.Random
    out: _Writer | None
    units: dict[str, Unit] = field(default_factory=dict)
    specs: dict[str, UnitSpec] = field(default_factory=dict)
    region_of: dict[str, str] = field(default_factory=dict)  # unit code -> top-level code
    named: dict[tuple[str, str], Person] = field(default_factory=dict)  # (unit code, name)
    # Unit code when created -> its people then (a merge later moves them to another unit).
    created: dict[str, list[Person]] = field(default_factory=dict)
    people_created: int = 0

    def say(self, text: str) -> None:
        if self.out is not None:
            self.out.write(text)

    def create_tree(self, spec: UnitSpec, parent: UnitSpec | None, top: str) -> None:
        established = spec.established_on or _day_between(
            self.rng, dt.date(2001, 1, 1), dt.date(2023, 12, 31)
        )
        self.units[spec.code] = services.unit_create(
            actor=None,
            code=spec.code,
            name=spec.name,
            kind=spec.kind,
            parent=self.units[parent.code] if parent else None,
            established_on=established,
            short_name=spec.short_name,
            place_name=spec.place_name or (parent.place_name if parent else ""),
        )
        self.specs[spec.code] = spec
        self.region_of[spec.code] = top
        for child in spec.children:
            # The parent's place stands in for a grassroots union's own (a school in An Lão
            # dates its documents "An Lão, ngày …").
            placed = child if child.place_name else replace(child, place_name=spec.place_name)
            self.create_tree(placed, spec, child.code if spec.code == ROOT_CODE else top)

    def create_people_for(self, code: str) -> None:
        spec = self.specs[code]
        unit = self.units[code]
        named = [person for person in NAMED_PEOPLE if person.unit_code == code]
        for person in named:
            self.add_person(
                unit_code=code,
                full_name=person.full_name,
                gender=person.gender,
                position=person.position,
                education=person.education,
                date_of_birth=person.date_of_birth,
                manager=person.manager,
            )
        taken = {person.position for person in named}
        workplace = spec.workplace
        jobs: list[Job] = []
        if unit.is_grassroots and GRASSROOTS_CHAIR not in taken:
            jobs.append(Job(GRASSROOTS_CHAIR, 1, workplace.chair_education, manager=True))
        if spec.head and workplace.head.title not in taken:
            jobs.append(workplace.head)
        extra = self.rng.randint(3, 5) if unit.is_grassroots else self.rng.randint(1, 2)
        weights = [job.weight for job in workplace.jobs]
        jobs += self.rng.choices(workplace.jobs, weights, k=extra)
        region = REGIONS[self.region_of[code]][0]
        for job in jobs:
            share = workplace.female_share if job.female_share is None else job.female_share
            gender = Gender.FEMALE if self.rng.random() < share else Gender.MALE
            born_from = dt.date(1965, 1, 1)
            born_to = dt.date(1985, 12, 31) if job.manager else dt.date(2002, 12, 31)
            self.add_person(
                unit_code=code,
                full_name=random_full_name(self.rng, region=region, gender=gender),
                gender=gender,
                position=job.title,
                education=self.rng.choice(job.education),
                date_of_birth=_day_between(self.rng, born_from, born_to),
                manager=job.manager,
            )

    def add_person(
        self,
        *,
        unit_code: str,
        full_name: str,
        gender: str,
        position: str,
        education: str,
        date_of_birth: dt.date,
        manager: bool,
    ) -> None:
        if manager:
            category = MemberCategory.MANAGER
        elif education in UNIVERSITY:
            category = MemberCategory.PROFESSIONAL
        else:
            category = MemberCategory.WORKER
        phone = ""
        if self.rng.random() < 0.8:
            phone = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
        email = ""
        if self.rng.random() < 0.15:
            email = _email_for(full_name, self.rng.randrange(100))
        id_number = ""
        if self.rng.random() < 0.4:
            province = REGIONS[self.region_of[unit_code]][1]
            century = 0 if date_of_birth.year < 2000 else 2
            sex = 0 if gender == Gender.MALE else 1
            id_number = (
                f"{province}{century + sex}{date_of_birth.year % 100:02d}"
                f"{self.rng.randrange(10**6):06d}"
            )
        person = services.person_create(
            actor=None,
            data={
                "full_name": full_name,
                "gender": gender,
                "date_of_birth": date_of_birth,
                "position": position,
                "unit": self.units[unit_code],
                "education_level": education,
                "member_category": category,
                "phone": phone,
                "email": email,
                "id_number": id_number,
            },
        )
        self.people_created += 1
        self.created.setdefault(unit_code, []).append(person)
        if any(p.unit_code == unit_code and p.full_name == full_name for p in NAMED_PEOPLE):
            self.named[(unit_code, full_name)] = person

    def restructure_2025(self) -> None:
        hai_phong = self.units["HP"]
        for code, name, moved in COMMUNES:
            self.units[code] = services.unit_create(
                actor=None,
                code=code,
                name=name,
                kind=UnitKind.CD_XA_PHUONG,
                parent=hai_phong,
                established_on=RESTRUCTURE_ON,
                short_name="CĐX",
                place_name=name.split("xã ")[-1],
            )
            self.specs[code] = UnitSpec(code=code, name=name, workplace=COMMUNE_OFFICE_STAFF)
            self.region_of[code] = "HP"
            for grassroots in moved:
                services.unit_move(
                    actor=None,
                    unit=self.units[grassroots],
                    new_parent=self.units[code],
                    effective_on=RESTRUCTURE_ON,
                    reason=MOVE_REASON,
                )
        services.unit_dissolve(
            actor=None,
            unit=self.units["HP-ANLAO"],
            effective_on=RESTRUCTURE_ON,
            reason=DISSOLVE_REASON,
        )
        services.unit_merge(
            actor=None,
            unit=self.units["KG"],
            into=self.units["AG"],
            effective_on=RESTRUCTURE_ON,
            reason=MERGE_REASON,
        )

    def create_logins(self) -> None:
        for login in LOGINS:
            person = self.named.get((login.person_unit or login.unit_code, login.person_name))
            user = services.user_create(
                actor=None,
                username=login.username,
                full_name=login.full_name,
                email=f"{login.username}@example.vn",
                password=DEMO_PASSWORD,
                person=person,
            )
            if login.superuser:
                # No service grants superuser: it is an operator's act, not an app feature.
                user.is_superuser = user.is_staff = True
                user.save(update_fields=["is_superuser", "is_staff"])
                audit_record(
                    actor=None,
                    action="user_update",
                    obj=user,
                    changes={"is_superuser": [False, True], "is_staff": [False, True]},
                )
            services.membership_add(
                actor=None, user=user, unit=self.units[login.unit_code], role=login.role
            )


def _walk(spec: UnitSpec) -> Iterator[UnitSpec]:
    yield spec
    for child in spec.children:
        yield from _walk(child)


def _email_for(full_name: str, number: int) -> str:
    """'Nguyễn Văn Hùng' -> 'hungnv07@example.vn', the usual Vietnamese office pattern."""
    words = fold(full_name).split()
    return f"{words[-1]}{''.join(word[0] for word in words[:-1])}{number:02d}@example.vn"


def demo_logins() -> list[DemoLogin]:
    """The demo logins that exist in the database, in the order of LOGINS."""
    memberships = {
        (m.user.username, m.role): m
        for m in Membership.objects.filter(user__username__in=DEMO_USERNAMES).select_related(
            "user", "unit"
        )
    }
    rows = []
    for login in LOGINS:
        membership = memberships.get((login.username, login.role))
        if membership is None:
            continue
        label = Role(login.role).label + (" (siêu quản trị)" if login.superuser else "")
        rows.append(
            DemoLogin(
                username=login.username,
                password=DEMO_PASSWORD,
                role=login.role,
                role_label=label,
                unit_name=membership.unit.name,
                full_name=membership.user.full_name,
                can_do=login.can_do,
            )
        )
    return rows


def demo_wipe() -> None:
    """Delete every conference, decision, nomination and cycle, the document register, every
    council, programme and initiative, unit, placement, person and membership, the demo and
    council accounts, and their audit entries. Only for `thidua demo --reset`: it destroys real
    data."""
    documents_wipe()  # first: registered documents hold their register entries
    events_wipe()  # then: conferences hold their organisers and invite people
    awards_wipe()  # then: decisions and nominations protect people, units and initiatives
    councils_wipe()
    programmes_wipe()
    Membership.objects.all().delete()
    User.objects.filter(username__in=DEMO_USERNAMES).delete()
    Person.objects.all().delete()
    UnitPlacement.objects.all().delete()
    Unit.objects.exclude(merged_into=None).update(merged_into=None)
    Unit.objects.all().delete()
    AuditEntry.objects.filter(object_type__startswith="orgs.").delete()


@transaction.atomic
def load_demo(
    *, stdout: _Writer | None = None, reset: bool = False, programmes: bool = True
) -> DemoResult:
    """Build the demo tree, people, logins and programmes; do nothing if the root (code TLD)
    exists.

    Side effects: 77 units, about 430 people, 9 login accounts, the 2025 restructure
    (placements closed and opened, one unit dissolved, one merged), three programmes with about
    1,280 initiatives, two councils (7 more accounts, about 3,000 score sheets, a draft slate),
    two honouring cycles with about 30 dossiers (small PDF files under MEDIA_ROOT) and two
    signed decisions (awards.py), An Lão's honouring conference with its guests (events.py),
    and the audit entries of all of it. With `reset`, `demo_wipe()` runs first. Without
    `programmes`, only the organisation and logins (a few seconds instead of about 45 s), and no
    commendation work (it needs the programmes).
    """
    if reset:
        demo_wipe()
    if Unit.objects.filter(code=ROOT_CODE).exists():
        summary = programme_summary()
        return DemoResult(
            created=False,
            units=Unit.objects.count(),
            people=Person.objects.count(),
            logins=demo_logins(),
            programmes=len(summary),
            initiatives=sum(count for _, count in summary),
            councils=Council.objects.count(),
            cycles=Cycle.objects.count(),
            nominations=Nomination.objects.count(),
            decisions=Decision.objects.count(),
        )
    loader = _Loader(rng=random.Random(DEMO_SEED), out=stdout)
    loader.say("Tạo cây tổ chức như năm 2024…")
    loader.create_tree(TREE, None, ROOT_CODE)
    loader.say("Tạo người…")
    for spec in _walk(TREE):
        loader.create_people_for(spec.code)
    loader.say("Sắp xếp tổ chức từ 01/07/2025: An Lão giải thể, Kiên Giang sáp nhập vào An Giang…")
    loader.restructure_2025()
    for code, _, _ in COMMUNES:
        loader.create_people_for(code)
    loader.say("Tạo tài khoản…")
    loader.create_logins()
    built = []
    councils = []
    if programmes:
        loader.say("Tạo chương trình thi đua: Kiên Giang 2021, An Lão 2024, Hải Phòng 2026…")
        built = load_programmes(loader)
    for programme, count in built:
        loader.say(
            f"  {programme.code}: {programme.name} ({programme.running_unit.name}, "
            f"{programme.starts_on:%d/%m/%Y}–{programme.ends_on:%d/%m/%Y}): {count} sáng kiến."
        )
    if programmes:
        loader.say("Hội đồng xét duyệt: Kiên Giang chấm xong, Hải Phòng đang chấm…")
        councils = load_councils(loader)
    for council in councils:
        loader.say(council_summary(council))
    cycles = []
    if programmes:
        loader.say(
            "Khen thưởng: An Lão xét thành tích năm 2023 (Quyết định 52/QĐ-LĐLĐ) và năm 2022, "
            "Hải Phòng đang nhận hồ sơ…"
        )
        cycles = load_awards(loader)
        for line in awards_summary():
            loader.say(line)
        loader.say("Hội nghị biểu dương: An Lão, 14h00 ngày 23/7/2024 (Kế hoạch 35/KH-LĐLĐ)…")
        load_events(loader)
        for line in events_summary():
            loader.say(line)
        loader.say("Văn bản: Kế hoạch 35/KH-LĐLĐ, giấy mời, giấy khen có mã xác minh…")
        load_documents(loader)
        for line in documents_summary():
            loader.say(line)
    return DemoResult(
        created=True,
        units=len(loader.units),
        people=loader.people_created,
        logins=demo_logins(),
        programmes=len(built),
        initiatives=sum(count for _, count in built),
        councils=len(councils),
        cycles=len(cycles),
        nominations=Nomination.objects.count(),
        decisions=Decision.objects.count(),
    )
