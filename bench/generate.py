"""The benchmark's deterministic data: a national union tree, its people, one national
programme with its initiatives before the provincial councils, their score sheets, and an
honouring cycle with its nominations and signed decisions.

Usage (on a migrated, empty database given by DATABASE_URL):
    python -m bench.generate --scale smoke|province|national [--json manifest.json]

The rows are those the services would have written (derived fields computed with the same
helpers: folded names, sort keys, search text, placement paths, sheet totals), inserted in
bulk with explicit ids: COPY on PostgreSQL, executemany on SQLite. The few rows that set the
stage (programme, rubric, councils, the honouring cycle, decision numbers) go through the
services themselves. Audit entries are written only by those services.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from bench import words

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ESTABLISHED = dt.date(2000, 1, 1)
PROGRAMME_START = dt.date(2026, 1, 1)
PROGRAMME_END = dt.date(2027, 12, 31)
COUNCILS_OPEN = dt.datetime(2026, 4, 1, 8, 0, tzinfo=TZ)
STAMP = dt.datetime(2026, 4, 1, 8, 0, tzinfo=TZ)  # for "created now" columns of bulk rows
BATCH = 20_000


@dataclass(frozen=True)
class Scale:
    provinces: int  # provincial federations and central sector unions
    upper: int  # upper-level unions
    grassroots: int
    people: int
    initiatives: int
    big_province_initiatives: int
    small_province_initiatives: int
    nominations: int
    scorers: int
    draft_sheets_per_scorer: int

    @property
    def upper_level_initiatives(self) -> int:
        """Initiatives before the small province's upper-level council (where the scorers'
        drafts are); the rest are before the provincial councils."""
        return 2 * self.draft_sheets_per_scorer


SCALES = {
    "smoke": Scale(5, 12, 40, 400, 160, 60, 10, 30, 3, 4),
    "province": Scale(12, 70, 10_000, 100_000, 25_000, 7_500, 1_000, 2_000, 50, 20),
    "national": Scale(35, 700, 100_000, 1_000_000, 250_000, 75_000, 1_000, 20_000, 50, 200),
}

# The provincial rubric: five criteria, 100 points.
CRITERIA = (
    ("tinh_moi", "Tính mới, tính sáng tạo", 30),
    ("kha_nang_ap_dung", "Khả năng áp dụng, nhân rộng", 20),
    ("hieu_qua", "Hiệu quả kinh tế, xã hội", 30),
    ("pham_vi", "Phạm vi ảnh hưởng", 10),
    ("ho_so", "Chất lượng hồ sơ, thuyết minh", 10),
)


# ---------------------------------------------------------------------------------------------
# Pure helpers


def apportion(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """Split `total` into len(weights) whole shares of at least `minimum`, the rest in
    proportion to the weights (largest remainder; ties to the earlier index)."""
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError(f"cannot give {len(weights)} shares {minimum} each out of {total}")
    weight_sum = sum(weights)
    exact = [rest * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    left = rest - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))[:left]:
        shares[index] += 1
    return [minimum + share for share in shares]


def province_sizes(scale: Scale) -> list[int]:
    """Initiatives before each provincial council: the big one first, the small one second,
    the others skewed between them (a few large federations, many smaller)."""
    others = scale.provinces - 2
    rest = (
        scale.initiatives
        - scale.big_province_initiatives
        - scale.small_province_initiatives
        - scale.upper_level_initiatives
    )
    weights = [1 / (k + 1) for k in range(others)]
    middle = apportion(rest, weights, minimum=scale.small_province_initiatives + 1)
    return [scale.big_province_initiatives, scale.small_province_initiatives, *middle]


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


# ---------------------------------------------------------------------------------------------
# Bulk insertion with explicit ids


class Table:
    """Rows of one model, buffered and written in batches; ids are given here, so rows can
    point at each other before anything is written."""

    def __init__(self, model: Any, loader: Loader) -> None:
        from django.db import connection, models
        from django.db.models import Max
        from django.utils import timezone

        self.model = model
        self.loader = loader
        self.fields = list(model._meta.concrete_fields)
        self.attnames = [f.attname for f in self.fields]
        self.table = model._meta.db_table
        self.next_id = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0
        ops = connection.ops
        self.defaults: dict[str, Any] = {}
        self.convert: list[Callable[[Any], Any] | None] = []
        for f in self.fields:
            if isinstance(f, models.DateTimeField):
                self.convert.append(
                    lambda v: None if v is None else ops.adapt_datetimefield_value(v)
                )
            elif isinstance(f, models.DateField):
                self.convert.append(lambda v: None if v is None else ops.adapt_datefield_value(v))
            elif isinstance(f, models.JSONField):
                self.convert.append(json.dumps)
            else:
                self.convert.append(None)
            if f.primary_key:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = STAMP
            elif f.has_default():
                self.defaults[f.attname] = STAMP if f.default is timezone.now else f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            elif isinstance(f, models.CharField | models.TextField):
                self.defaults[f.attname] = ""

    def add(self, **values: Any) -> int:
        pk = values.pop("id", None) or self.next_id
        self.next_id = max(self.next_id, pk + 1)
        merged = {**self.defaults, **values, "id": pk}
        row = []
        for name, convert in zip(self.attnames, self.convert, strict=True):
            value = merged[name]  # a KeyError here: a required column the generator forgot
            row.append(convert(value) if convert is not None and value is not None else value)
        self.rows.append(tuple(row))
        if len(self.rows) >= BATCH:
            # Every table, in the order first used: parents before the rows that point at them
            # (foreign keys are checked as each batch goes in, see generate()).
            self.loader.flush()
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        from django.db import connection

        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        table = connection.ops.quote_name(self.table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                raw = cursor.cursor
                with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                # Names come from the model's metadata, quoted; values are parameters.
                sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(sql, self.rows)
        self.written += len(self.rows)
        self.rows = []


class Loader:
    def __init__(self) -> None:
        self.tables: dict[Any, Table] = {}

    def __getitem__(self, model: Any) -> Table:
        if model not in self.tables:
            self.tables[model] = Table(model, self)
        return self.tables[model]

    def flush(self) -> None:
        for table in self.tables.values():
            table.flush()

    def reset_sequences(self) -> None:
        """Explicit ids leave PostgreSQL's sequences behind: move them past the rows."""
        from django.core.management.color import no_style
        from django.db import connection

        self.flush()
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.tables))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


# ---------------------------------------------------------------------------------------------
# The generator


@dataclass
class Province:
    index: int
    unit_id: int
    code: str
    name: str
    place: str
    region: str
    sector: bool
    size: int
    uppers: list[int] = field(default_factory=list)  # unit ids
    grassroots: list[int] = field(default_factory=list)  # indexes into State.grassroots


@dataclass
class Grassroots:
    unit_id: int
    upper_id: int
    province: int
    name: str
    workplace: str
    kind: str
    first_person: int = 0
    people: int = 0


@dataclass
class State:
    rng: random.Random
    loader: Loader
    provinces: list[Province] = field(default_factory=list)
    grassroots: list[Grassroots] = field(default_factory=list)
    root_id: int = 0
    names: list[str] = field(default_factory=list)
    name_index: dict[str, int] = field(default_factory=dict)
    person_name: array[int] = field(default_factory=lambda: array("I"))
    person_position: array[int] = field(default_factory=lambda: array("B"))
    person_base: int = 0
    unit_names: dict[int, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def _phase(state: State, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    state.loader.flush()
    state.timings[name] = round(time.perf_counter() - started, 2)


def _add_unit(
    state: State,
    *,
    code: str,
    name: str,
    kind: str,
    parent: tuple[str, int] | None,
    short_name: str = "",
    place_name: str = "",
    established_on: dt.date = ESTABLISHED,
) -> tuple[int, str, int]:
    """A unit and its placement, as unit_create writes them; returns (id, path, depth)."""
    from thidua.common.vietnamese import fold
    from thidua.orgs.models import Unit, UnitPlacement, path_segment

    units = state.loader[Unit]
    pk = units.next_id
    units.add(
        id=pk,
        code=code,
        name=name,
        short_name=short_name,
        place_name=place_name,
        kind=kind,
        established_on=established_on,
        ended_on=None,
        end_kind="",
        merged_into_id=None,
        name_folded=fold(f"{name} {code}"),
    )
    prefix, depth = parent if parent else ("", -1)
    path = prefix + path_segment(pk)
    parent_id = int(prefix.rstrip("/").rsplit("/", 1)[-1], 36) if prefix else None
    state.loader[UnitPlacement].add(
        unit_id=pk,
        parent_id=parent_id,
        path=path,
        depth=depth + 1,
        valid_from=established_on,
        valid_to=None,
    )
    state.unit_names[pk] = name
    return pk, path, depth + 1


def _tree(state: State, scale: Scale) -> None:
    from thidua.orgs.enums import UnitKind

    rng = state.rng
    sizes = province_sizes(scale)
    sectors = scale.provinces * 4 // 35
    root_id, root_path, root_depth = _add_unit(
        state,
        code="TLD",
        name="Tổng Liên đoàn Lao động Việt Nam",
        kind=UnitKind.TLD,
        parent=None,
        short_name="TLĐ",
        place_name="Hà Nội",
        established_on=dt.date(1929, 7, 28),
    )
    state.root_id = root_id
    uppers = apportion(scale.upper, sizes, minimum=2 if scale.upper >= 2 * scale.provinces else 1)
    # Every upper-level union has at least one grassroots union; the rest follow the sizes.
    extra = apportion(scale.grassroots - sum(uppers), sizes)
    grassroots_counts = [u + e for u, e in zip(uppers, extra, strict=True)]
    for index, size in enumerate(sizes):
        sector = index >= scale.provinces - sectors
        if sector:
            number = index - (scale.provinces - sectors)
            name = words.SECTORS[number % len(words.SECTORS)]
            place, region, city = "Hà Nội", "north", False
            kind, short = UnitKind.CD_NGANH_TW, "CĐN"
        else:
            place, city, region = words.PROVINCES[index % len(words.PROVINCES)]
            if index >= len(words.PROVINCES):
                place = f"{place} {index // len(words.PROVINCES) + 1}"
            name = f"Liên đoàn Lao động {'thành phố' if city else 'tỉnh'} {place}"
            kind, short = UnitKind.LDLD_TINH, "LĐLĐ"
        code = f"P{index + 1:02d}"
        pk, path, depth = _add_unit(
            state,
            code=code,
            name=name,
            kind=kind,
            parent=(root_path, root_depth),
            short_name=short,
            place_name=place,
        )
        province = Province(index, pk, code, name, place, region, sector, size)
        state.provinces.append(province)
        per_upper = apportion(
            grassroots_counts[index], [1 / (j + 1) ** 0.7 for j in range(uppers[index])], 1
        )
        for j, count in enumerate(per_upper):
            upper_kind, upper_name, theme = _upper_name(rng, province, j, city)
            upper_id, upper_path, upper_depth = _add_unit(
                state,
                code=f"{code}-U{j + 1:03d}",
                name=upper_name,
                kind=upper_kind,
                parent=(path, depth),
                short_name="CĐ",
                place_name=place,
            )
            province.uppers.append(upper_id)
            for _ in range(count):
                workplace_kind = theme or words.weighted(rng, words.WORKPLACES)
                workplace = words.workplace(rng, workplace_kind)
                union_name = f"Công đoàn cơ sở {workplace}"
                number = len(province.grassroots) + 1
                unit_id, _, _ = _add_unit(
                    state,
                    code=f"{code}-CS{number:05d}",
                    name=union_name,
                    kind=UnitKind.CDCS,
                    parent=(upper_path, upper_depth),
                    short_name="CĐCS",
                    place_name=place,
                )
                province.grassroots.append(len(state.grassroots))
                state.grassroots.append(
                    Grassroots(unit_id, upper_id, index, union_name, workplace, workplace_kind)
                )


def _upper_name(
    rng: random.Random, province: Province, j: int, city: bool
) -> tuple[str, str, str | None]:
    """(kind, name, workplace theme or None for a mix) of the j-th upper-level union."""
    from thidua.orgs.enums import UnitKind

    if province.sector:
        corp = words.CORPORATIONS[(province.index * 7 + j) % len(words.CORPORATIONS)]
        suffix = f" {j // len(words.CORPORATIONS) + 1}" if j >= len(words.CORPORATIONS) else ""
        themes = {"Công đoàn Y tế Việt Nam": "health", "Công đoàn Giáo dục Việt Nam": "school"}
        return UnitKind.CD_TONG_CONG_TY, f"Công đoàn {corp}{suffix}", themes.get(province.name)
    if j == 0:
        return UnitKind.CD_KCN, f"Công đoàn các Khu công nghiệp {province.place}", "company"
    if 1 <= j <= len(words.LOCAL_SECTORS) and j % 3 == 1:
        sector = words.LOCAL_SECTORS[(j // 3) % len(words.LOCAL_SECTORS)]
        theme = {"Giáo dục": "school", "Y tế": "health"}.get(sector, "company")
        return UnitKind.CD_NGANH_DP, f"Công đoàn ngành {sector} {province.place}", theme
    ward = "phường" if city else rng.choice(("xã", "xã", "phường"))
    return UnitKind.CD_XA_PHUONG, f"Công đoàn {ward} {words.place(rng)} ({j})", None


def _people(state: State, scale: Scale) -> None:
    from thidua.common.vietnamese import fold, name_sort_key
    from thidua.orgs.demo.names import random_full_name
    from thidua.orgs.enums import EducationLevel, Gender, MemberCategory
    from thidua.orgs.models import Person

    rng = state.rng
    people = state.loader[Person]
    state.person_base = people.next_id
    minimum = 3 if scale.people >= 3 * scale.grassroots else 1
    weights = [rng.lognormvariate(0, 0.8) for _ in state.grassroots]
    counts = apportion(scale.people, weights, minimum)
    keys: dict[str, tuple[str, str]] = {}
    educations = list(EducationLevel.values)
    female_share = {"company": 0.55, "school": 0.75, "health": 0.65, "office": 0.5}
    for union, count in zip(state.grassroots, counts, strict=True):
        region = state.provinces[union.province].region
        union.first_person, union.people = people.next_id, count
        for _ in range(count):
            female = rng.random() < female_share[union.kind]
            gender = Gender.FEMALE if female else Gender.MALE
            name = random_full_name(rng, region=region, gender=gender)
            if name not in keys:
                keys[name] = (name_sort_key(name), fold(name))
                state.name_index[name] = len(state.names)
                state.names.append(name)
            sort_key, folded = keys[name]
            position = rng.randrange(len(words.POSITIONS))
            education = rng.choice(educations)
            manager = position == len(words.POSITIONS) - 1
            category = (
                MemberCategory.MANAGER
                if manager
                else MemberCategory.PROFESSIONAL
                if education in {"dai_hoc", "thac_si", "tien_si"}
                else MemberCategory.WORKER
            )
            people.add(
                full_name=name,
                gender=gender,
                date_of_birth=dt.date(
                    1965 + rng.randrange(38), 1 + rng.randrange(12), 1 + rng.randrange(28)
                ),
                position=words.POSITIONS[position],
                unit_id=union.unit_id,
                education_level=education,
                member_category=category,
                is_union_member=True,
                publicity_consent=rng.random() < 0.4,
                sort_key=sort_key,
                name_folded=folded,
            )
            state.person_name.append(state.name_index[name])
            state.person_position.append(position)


def _person(state: State, pk: int) -> tuple[str, str]:
    offset = pk - state.person_base
    return state.names[state.person_name[offset]], words.POSITIONS[state.person_position[offset]]


def _users(state: State, scale: Scale, password_hash: str) -> dict[str, Any]:
    """Staff of the national root and of the big, typical and small provinces."""
    from thidua.orgs.enums import Role
    from thidua.orgs.models import Membership, User

    # The accounts' loader first: its rows are written before the memberships that point at them.
    state.loader[User]
    memberships = state.loader[Membership]
    by_size = sorted(state.provinces[2:], key=lambda p: (-p.size, p.index))
    typical = by_size[len(by_size) // 2] if by_size else state.provinces[0]
    chosen = {"big": state.provinces[0], "typical": typical, "small": state.provinces[1]}

    national = _add_user(
        state, password_hash, "tld.quantri", "Quản trị Tổng Liên đoàn", superuser=True
    )
    memberships.add(user_id=national, unit_id=state.root_id, role=Role.ADMIN, created_at=STAMP)
    out: dict[str, Any] = {"national": {"unit_id": state.root_id, "username": "tld.quantri"}}
    for key, province in chosen.items():
        username = f"{province.code.lower()}.canbo"
        pk = _add_user(state, password_hash, username, f"Cán bộ thi đua {province.name}")
        memberships.add(user_id=pk, unit_id=province.unit_id, role=Role.OFFICER, created_at=STAMP)
        out[key] = {"province": province, "username": username, "user_id": pk}
    return out


def _programme(state: State, actor: Any) -> tuple[Any, dict[int, Any], Any]:
    """The national programme (through the services), its levels, fields and rubric."""
    from thidua.campaigns.services import programme_create, programme_launch
    from thidua.orgs.enums import Tier
    from thidua.orgs.models import Unit
    from thidua.reviews import rubrics
    from thidua.reviews.services import rubric_create

    def deadline(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(17, 0), tzinfo=TZ)

    programme = programme_create(
        actor=actor,
        name="Chương trình “Sáng kiến, sáng tạo của người lao động” giai đoạn 2026–2027",
        code="SK2627",
        running_unit=Unit.objects.get(pk=state.root_id),
        starts_on=PROGRAMME_START,
        ends_on=PROGRAMME_END,
        levels=[
            {
                "name": "Công đoàn cơ sở",
                "tier": Tier.GRASSROOTS,
                "deadline": deadline(dt.date(2027, 6, 30)),
                "has_council": False,
            },
            {
                "name": "Công đoàn cấp trên trực tiếp cơ sở",
                "tier": Tier.UPPER,
                "deadline": deadline(dt.date(2027, 8, 31)),
                "has_council": True,
            },
            {
                "name": "Liên đoàn Lao động tỉnh, thành phố và công đoàn ngành trung ương",
                "tier": Tier.PROVINCE,
                "deadline": deadline(dt.date(2027, 10, 31)),
                "has_council": True,
            },
            {
                "name": "Tổng Liên đoàn Lao động Việt Nam",
                "tier": Tier.CENTRAL,
                "deadline": deadline(dt.date(2027, 12, 15)),
                "has_council": True,
            },
        ],
        fields=list(words.FIELDS),
        description="Phát động trong toàn hệ thống công đoàn.",
    )
    programme_launch(actor=actor, programme=programme, now=dt.datetime(2026, 1, 2, 8, 0, tzinfo=TZ))
    spec = rubrics.RubricSpec(
        name="Thang điểm xét sáng kiến cấp tỉnh",
        criteria=tuple(
            rubrics.CriterionSpec(code=code, name=name, max_points=points)
            for code, name, points in CRITERIA
        ),
        pass_mark=Decimal(50),
        classes=(
            rubrics.GradeClass(label="A", min_total=Decimal(85)),
            rubrics.GradeClass(label="B", min_total=Decimal(70)),
            rubrics.GradeClass(label="C", min_total=Decimal(50)),
        ),
    )
    rubric = rubric_create(actor=actor, programme=programme, spec=spec, now=STAMP)
    levels = {level.tier: level for level in programme.levels.all()}
    return programme, levels, rubric


def _initiatives(
    state: State, scale: Scale, programme: Any, levels: dict[int, Any], fields: dict[str, int]
) -> dict[int, list[tuple[int, bool]]]:
    """Every initiative, registered at its grassroots union and carried up, as the lifecycle
    leaves it: before its provincial council (or, for a few in the small province, its
    upper-level council). Returns, per holder unit id, [(initiative id, has money value)]."""
    from thidua.common.vietnamese import fold
    from thidua.initiatives.enums import Action, StageStatus, Status
    from thidua.initiatives.models import Authorship, Event, Initiative, Stage

    rng = state.rng
    initiatives, authorships = state.loader[Initiative], state.loader[Authorship]
    stages, events = state.loader[Stage], state.loader[Event]
    grassroots_level, upper_level = levels[3], levels[2]
    province_level = levels[1]
    small = state.provinces[1]
    scorers_upper = small.uppers[0]
    # Which grassroots union each initiative comes from, province by province.
    origins: list[list[int]] = []
    for province in state.provinces:
        pool = province.grassroots
        weights = [state.grassroots[g].people for g in pool]
        origins.append(rng.choices(pool, weights=weights, k=province.size))
    under_upper = [g for g in small.grassroots if state.grassroots[g].upper_id == scorers_upper]
    upper_origins = rng.choices(under_upper, k=scale.upper_level_initiatives)
    order = [p.index for p in state.provinces for _ in range(p.size)]
    order += [-1] * scale.upper_level_initiatives  # -1: stays at the upper level
    rng.shuffle(order)
    cursors = [0] * len(state.provinces)
    upper_cursor = 0
    held: dict[int, list[tuple[int, bool]]] = {}
    span = (dt.datetime(2026, 3, 1, tzinfo=TZ) - dt.datetime(2026, 1, 5, tzinfo=TZ)).total_seconds()
    start = dt.datetime(2026, 1, 5, 7, 30, tzinfo=TZ)
    total = len(order)
    for number, province_index in enumerate(order, start=1):
        if province_index >= 0:
            origin = origins[province_index][cursors[province_index]]
            cursors[province_index] += 1
        else:
            origin = upper_origins[upper_cursor]
            upper_cursor += 1
        union = state.grassroots[origin]
        province = state.provinces[union.province]
        field_name = words.weighted(rng, words.FIELD_MIX[union.kind])
        title = words.title(rng, field_name)
        code = f"{programme.code}-{number:05d}"
        created = start + dt.timedelta(seconds=span * (number - 1) / total + rng.randrange(3600))
        submitted = created + dt.timedelta(hours=rng.randrange(2, 72))
        endorsed = submitted + dt.timedelta(days=rng.randrange(5, 15))
        to_upper = endorsed + dt.timedelta(days=1)
        upper_selected = to_upper + dt.timedelta(days=rng.randrange(5, 12))
        to_province = upper_selected + dt.timedelta(days=1)
        money = rng.random() < 0.75
        benefit = int(round(rng.lognormvariate(17.5, 1.0), -3)) if money else None
        authors = rng.sample(
            range(union.first_person, union.first_person + union.people),
            min(union.people, rng.choice((1, 1, 2, 2, 3))),
        )
        at_province = province_index >= 0
        level = province_level if at_province else upper_level
        holder = province.unit_id if at_province else union.upper_id
        author_names = " ".join(_person(state, pk)[0] for pk in authors)
        pk = initiatives.add(
            programme_id=programme.pk,
            code=code,
            title=title,
            solution_kind=words.weighted(rng, words.SOLUTION_KINDS),
            field_id=fields[field_name],
            unit_id=union.unit_id,
            applying_unit_name=union.workplace,
            first_applied_on=dt.date(2025, 1 + rng.randrange(12), 1 + rng.randrange(28)),
            prior_situation="Trước đây công việc làm thủ công, mất nhiều thời gian, dễ sai sót.",
            novelty=rng.choice(words.NOVELTY),
            application=rng.choice(words.APPLICATION),
            conditions="Không cần đầu tư thêm thiết bị lớn.",
            benefit_value=benefit,
            benefit_basis=words.BENEFIT_BASIS if money else "",
            non_monetary_benefit="" if money else rng.choice(words.NON_MONETARY),
            benefit_certified_by=union.workplace if money else "",
            confidential=rng.random() < 0.03,
            status=Status.SUBMITTED,
            current_level_id=level.pk,
            current_unit_id=holder,
            created_by_id=None,
            created_at=created,
            updated_at=to_province if at_province else to_upper,
            search_text=fold(f"{code} {title} {author_names} {union.name}"),
        )
        shares = _shares(len(authors))
        for order_index, (person, share) in enumerate(zip(authors, shares, strict=True)):
            authorships.add(initiative_id=pk, person_id=person, share=share, order=order_index)
        stages.add(
            initiative_id=pk,
            level_id=grassroots_level.pk,
            unit_id=union.unit_id,
            sender_id=None,
            status=StageStatus.FORWARDED,
            entered_at=submitted,
            decided_at=endorsed,
        )
        history = [
            (created, Action.CREATE, None, union.unit_id, "", Status.DRAFT),
            (
                submitted,
                Action.SUBMIT,
                grassroots_level.pk,
                union.unit_id,
                Status.DRAFT,
                Status.SUBMITTED,
            ),
            (
                endorsed,
                Action.SELECT,
                grassroots_level.pk,
                union.unit_id,
                Status.SUBMITTED,
                Status.SELECTED,
            ),
            (
                to_upper,
                Action.FORWARD,
                upper_level.pk,
                union.upper_id,
                Status.SELECTED,
                Status.SUBMITTED,
            ),
        ]
        if at_province:
            stages.add(
                initiative_id=pk,
                level_id=upper_level.pk,
                unit_id=union.upper_id,
                sender_id=union.unit_id,
                status=StageStatus.FORWARDED,
                entered_at=to_upper,
                decided_at=upper_selected,
            )
            stages.add(
                initiative_id=pk,
                level_id=province_level.pk,
                unit_id=province.unit_id,
                sender_id=union.upper_id,
                status=StageStatus.PENDING,
                entered_at=to_province,
                decided_at=None,
            )
            history += [
                (
                    upper_selected,
                    Action.SELECT,
                    upper_level.pk,
                    union.upper_id,
                    Status.SUBMITTED,
                    Status.SELECTED,
                ),
                (
                    to_province,
                    Action.FORWARD,
                    province_level.pk,
                    province.unit_id,
                    Status.SELECTED,
                    Status.SUBMITTED,
                ),
            ]
        else:
            stages.add(
                initiative_id=pk,
                level_id=upper_level.pk,
                unit_id=union.upper_id,
                sender_id=union.unit_id,
                status=StageStatus.PENDING,
                entered_at=to_upper,
                decided_at=None,
            )
        for at, action, level_id, unit_id, status_from, status_to in history:
            events.add(
                initiative_id=pk,
                at=at,
                actor_id=None,
                action=action,
                level_id=level_id,
                unit_id=unit_id,
                status_from=status_from,
                status_to=status_to,
                reason="",
            )
        held.setdefault(holder, []).append((pk, money))
    # The next initiative registered through the app takes the number after the last one here.
    type(programme).objects.filter(pk=programme.pk).update(initiative_seq=scale.initiatives)
    return held


def _shares(count: int) -> list[Decimal]:
    """Contribution shares summing to 100, as the registration form accepts them."""
    if count == 1:
        return [Decimal(100)]
    if count == 2:
        return [Decimal(60), Decimal(40)]
    return [Decimal(50), Decimal(30), Decimal(20)]


def _add_user(
    state: State, password_hash: str, username: str, full_name: str, *, superuser: bool = False
) -> int:
    """One account row (every account shares one password hash); its key."""
    from thidua.orgs.models import User

    return int(
        state.loader[User].add(
            password=password_hash,
            last_login=None,
            is_superuser=superuser,
            username=username,
            first_name="",
            last_name="",
            email=f"{username}@example.vn",
            is_staff=superuser,
            is_active=True,
            date_joined=STAMP,
            full_name=full_name,
            person_id=None,
        )
    )


def _council_users(
    state: State, prefix: str, count: int, unit_id: int, password_hash: str, region: str
) -> list[tuple[int, str]]:
    from thidua.orgs.demo.names import random_full_name
    from thidua.orgs.enums import Gender, Role
    from thidua.orgs.models import Membership

    out = []
    for k in range(count):
        username = f"{prefix}{k + 1:02d}"
        gender = Gender.FEMALE if state.rng.random() < 0.4 else Gender.MALE
        full_name = random_full_name(state.rng, region=region, gender=gender)
        pk = _add_user(state, password_hash, username, full_name)
        state.loader[Membership].add(
            user_id=pk, unit_id=unit_id, role=Role.COUNCIL, created_at=STAMP
        )
        out.append((pk, username))
    return out


def _seat(state: State, council_id: int, user_id: int, role: str, title: str) -> int:
    from thidua.reviews.models import CouncilMember

    return state.loader[CouncilMember].add(
        council_id=council_id,
        user_id=user_id,
        role=role,
        title=title,
        load_cap=None,
        active=True,
        joined_at=COUNCILS_OPEN - dt.timedelta(days=3),
    )


def _councils(
    state: State,
    scale: Scale,
    actor: Any,
    levels: dict[int, Any],
    rubric: Any,
    held: dict[int, list[tuple[int, bool]]],
    password_hash: str,
) -> dict[str, Any]:
    """A council per province (scoring, every initiative with three submitted sheets), the
    small province's upper-level council (the scorers' drafts) and a forming national one."""
    from thidua.orgs.models import Unit
    from thidua.reviews import rubrics
    from thidua.reviews.enums import AssignmentSource, CouncilRole, SheetStatus
    from thidua.reviews.models import Assignment, Council, ScoreSheet
    from thidua.reviews.services import council_create, council_open

    rng = state.rng
    spec = rubric.spec()
    assignments, sheets = state.loader[Assignment], state.loader[ScoreSheet]
    roles = [CouncilRole.CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.SECRETARY]
    province_councils: dict[int, int] = {}

    def form(level: Any, unit_id: int, name: str) -> Council:
        return council_create(
            actor=actor,
            level=level,
            unit=Unit.objects.get(pk=unit_id),
            data={
                "name": name,
                "decision_number": f"{10 + len(province_councils)}/QĐ-LĐLĐ",
                "decision_date": dt.date(2026, 3, 25),
                "rubric": rubric,
                "reviewers_per_item": 3,
            },
            now=COUNCILS_OPEN - dt.timedelta(days=5),
        )

    for province in state.provinces:
        items = held.get(province.unit_id, [])
        council = form(levels[1], province.unit_id, f"Hội đồng xét duyệt sáng kiến {province.name}")
        province_councils[province.index] = council.pk
        size = int(clamp(len(items) * 3 / 2000, 5, 21))
        members = _council_users(
            state,
            f"{province.code.lower()}.hd",
            size,
            province.unit_id,
            password_hash,
            province.region,
        )
        seats = []
        bias = []
        for k, (user_id, _) in enumerate(members):
            role = roles[k] if k < len(roles) else CouncilRole.MEMBER
            seats.append(_seat(state, council.pk, user_id, role, f"Ủy viên, {province.name}"))
            bias.append(rng.gauss(0, 0.06))
        state.loader.flush()
        council_open(actor=actor, council=council)
        for i, (initiative_id, _money) in enumerate(items):
            quality = clamp(rng.gauss(0.62, 0.13), 0.1, 0.98)
            for r in range(3):
                member = (i + r) % len(seats)
                assigned = assignments.add(
                    council_id=council.pk,
                    member_id=seats[member],
                    initiative_id=initiative_id,
                    status="active",
                    source=AssignmentSource.AUTO,
                    assigned_by_id=None,
                    assigned_at=COUNCILS_OPEN,
                    ended_at=None,
                    end_reason="",
                )
                points: dict[str, int | None] = {
                    code: round(maximum * clamp(quality + bias[member] + rng.gauss(0, 0.08), 0, 1))
                    for code, _name, maximum in CRITERIA
                }
                at = COUNCILS_OPEN + dt.timedelta(minutes=rng.randrange(60 * 24 * 20))
                sheets.add(
                    assignment_id=assigned,
                    points=points,
                    notes={},
                    comment="",
                    total=rubrics.sheet_total(spec, points),
                    status=SheetStatus.SUBMITTED,
                    updated_at=at,
                    submitted_at=at,
                )
    # The scorers: members of the small province's upper-level council, each with drafts.
    small = state.provinces[1]
    upper_id = small.uppers[0]
    items = held.get(upper_id, [])
    council = form(
        levels[2], upper_id, f"Hội đồng xét duyệt sáng kiến {state.unit_names[upper_id]}"
    )
    scorers = _council_users(
        state, f"{small.code.lower()}.u1.hd", scale.scorers, upper_id, password_hash, small.region
    )
    seats = [
        _seat(state, council.pk, user_id, CouncilRole.MEMBER, "Ủy viên") for user_id, _ in scorers
    ]
    state.loader.flush()
    council_open(actor=actor, council=council)
    members_out = []
    drafted = CRITERIA[:2]
    for s, ((_user_id, username), seat) in enumerate(zip(scorers, seats, strict=True)):
        ids, sheet_ids = [], []
        for t in range(scale.draft_sheets_per_scorer):
            initiative_id, _money = items[(s * 7 + t) % len(items)]
            assigned = assignments.add(
                council_id=council.pk,
                member_id=seat,
                initiative_id=initiative_id,
                status="active",
                source=AssignmentSource.AUTO,
                assigned_by_id=None,
                assigned_at=COUNCILS_OPEN,
                ended_at=None,
                end_reason="",
            )
            partial: dict[str, int | None] = {
                code: rng.randrange(maximum // 2, maximum + 1) for code, _n, maximum in drafted
            }
            clean = {code: partial.get(code) for code, _n, _m in CRITERIA}
            sheet = sheets.add(
                assignment_id=assigned,
                points=partial,
                notes={},
                comment="",
                total=rubrics.sheet_total(spec, clean),
                status=SheetStatus.DRAFT,
                updated_at=COUNCILS_OPEN + dt.timedelta(hours=2),
                submitted_at=None,
            )
            ids.append(assigned)
            sheet_ids.append(sheet)
        members_out.append({"username": username, "assignment_ids": ids, "sheet_ids": sheet_ids})
    national = form(levels[0], state.root_id, "Hội đồng xét duyệt sáng kiến Tổng Liên đoàn")
    return {
        "province_councils": province_councils,
        "national_council_id": national.pk,
        "scoring": {
            "council_id": council.pk,
            "url": "/cham-diem/{assignment_id}/",
            "form": "p_<criterion code>=<points>, comment=<text>; no save_draft: hands it in",
            "criteria": [{"code": c, "name": n, "max": m} for c, n, m in CRITERIA],
            "members": members_out,
        },
    }


def _awards(state: State, scale: Scale, actor: Any) -> dict[str, Any]:
    """The big province's honouring cycle (through the services), its nominations (most
    granted by signed decisions of up to 1,000 lines)."""
    from thidua.awards.enums import NominationAction, NominationStatus
    from thidua.awards.models import Decision, DecisionLine, Nomination, NominationEvent
    from thidua.awards.services.catalogue import catalogue_load
    from thidua.awards.services.cycles import cycle_open
    from thidua.awards.services.decisions import decision_create
    from thidua.campaigns.services import programme_create, programme_launch
    from thidua.common.vietnamese import fold, name_sort_key
    from thidua.documents.register import number_take
    from thidua.orgs.enums import Tier
    from thidua.orgs.models import Unit

    catalogue_load()  # the forms of award, as migrations load them (a flushed test database)
    rng = state.rng
    big = state.provinces[0]
    issuer = Unit.objects.get(pk=big.unit_id)
    deadline = dt.datetime(2026, 10, 15, 17, 0, tzinfo=TZ)
    programme = programme_create(
        actor=actor,
        name=f"Phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2026 – {big.name}",
        code="LDG26",
        running_unit=issuer,
        starts_on=PROGRAMME_START,
        ends_on=dt.date(2026, 12, 31),
        levels=[
            {"name": "Công đoàn cơ sở", "tier": Tier.GRASSROOTS, "deadline": deadline},
            {
                "name": "Công đoàn cấp trên trực tiếp cơ sở",
                "tier": Tier.UPPER,
                "deadline": deadline,
            },
            {"name": big.name, "tier": Tier.PROVINCE, "deadline": deadline},
        ],
        fields=list(words.FIELDS),
    )
    programme_launch(actor=actor, programme=programme, now=dt.datetime(2026, 1, 5, tzinfo=TZ))
    cycle = cycle_open(
        actor=actor,
        programme=programme,
        name=f"Khen thưởng phong trào Lao động giỏi, lao động sáng tạo năm 2026 – {big.name}",
        achievement_year=2026,
        deadline=deadline,
        preset="an_lao",
        now=dt.datetime(2026, 1, 5, tzinfo=TZ),
    )
    # The two groups with a per-union quota and no achievement facts to prove.
    categories = list(cycle.categories.filter(quota_per_unit__isnull=False).order_by("order"))
    slots = [(c, c.quota_per_unit or 0) for c in categories]
    capacity = sum(quota for _c, quota in slots) * len(big.grassroots)
    if scale.nominations > capacity:
        raise ValueError(f"{scale.nominations} nominations exceed the quotas ({capacity})")
    unions = list(big.grassroots)
    rng.shuffle(unions)
    picked: list[tuple[Any, Grassroots, int]] = []
    for g in unions:
        union = state.grassroots[g]
        people = rng.sample(
            range(union.first_person, union.first_person + union.people),
            min(union.people, sum(q for _c, q in slots)),
        )
        cursor = 0
        for category, quota in slots:
            for _ in range(quota):
                if cursor < len(people) and len(picked) < scale.nominations:
                    picked.append((category, union, people[cursor]))
                    cursor += 1
        if len(picked) >= scale.nominations:
            break
    awarded_count = round(len(picked) * 0.9)
    accepted_count = round(len(picked) * 0.05)
    decisions: dict[int, list[tuple[int, int]]] = {}  # decision id -> [(nomination, person)]
    open_decision: dict[int, Decision] = {}
    nominations, events = state.loader[Nomination], state.loader[NominationEvent]
    lines = state.loader[DecisionLine]
    for index, (category, union, person) in enumerate(picked):
        name, position = _person(state, person)
        status = (
            NominationStatus.AWARDED
            if index < awarded_count
            else NominationStatus.ACCEPTED
            if index < awarded_count + accepted_count
            else NominationStatus.SUBMITTED
        )
        created = dt.datetime(2026, 8, 1, 8, tzinfo=TZ) + dt.timedelta(
            minutes=rng.randrange(60 * 24 * 40)
        )
        submitted = created + dt.timedelta(days=rng.randrange(1, 10))
        accepted = submitted + dt.timedelta(days=rng.randrange(3, 15))
        summary = (
            f"Hoàn thành xuất sắc nhiệm vụ năm 2026 tại {union.workplace}; tích cực tham gia "
            "phong trào thi đua và hoạt động công đoàn."
        )
        pk = nominations.add(
            cycle_id=cycle.pk,
            category_id=category.pk,
            unit_id=union.unit_id,
            person_id=person,
            collective_id=None,
            collective_name="",
            field_id=None,
            initiative_id=None,
            contest="",
            contest_level="",
            prize="",
            achievement_year=None,
            benefit_three_years=None,
            summary=summary,
            status=status,
            reason="",
            submitted_at=submitted,
            decided_at=accepted if status != NominationStatus.SUBMITTED else None,
            created_by_id=None,
            created_at=created,
            updated_at=accepted,
            search_text=fold(f"{name} {union.name}  "),
        )
        history = [
            (created, NominationAction.CREATE, "", NominationStatus.DRAFT),
            (
                submitted,
                NominationAction.SUBMIT,
                NominationStatus.DRAFT,
                NominationStatus.SUBMITTED,
            ),
        ]
        if status != NominationStatus.SUBMITTED:
            history.append(
                (
                    accepted,
                    NominationAction.ACCEPT,
                    NominationStatus.SUBMITTED,
                    NominationStatus.ACCEPTED,
                )
            )
        for at, action, status_from, status_to in history:
            events.add(
                nomination_id=pk,
                at=at,
                actor_id=None,
                action=action,
                status_from=status_from,
                status_to=status_to,
                reason="",
            )
        if status == NominationStatus.AWARDED:
            decision = open_decision.get(category.pk)
            if decision is None or len(decisions[decision.pk]) >= 1000:
                decision = decision_create(
                    actor=actor,
                    issuer=issuer,
                    data={
                        "award": category.award,
                        "cycle": cycle,
                        "signer_name": "Nguyễn Văn Hùng",
                    },
                    now=dt.datetime(2026, 11, 1, tzinfo=TZ),
                )
                open_decision[category.pk] = decision
                decisions[decision.pk] = []
            decisions[decision.pk].append((pk, person))
            line_name = name
            lines.add(
                decision_id=decision.pk,
                order=len(decisions[decision.pk]),
                nomination_id=pk,
                person_id=person,
                collective_id=None,
                name=line_name,
                position=f"{position}, {state.unit_names[union.unit_id]}",
                group=category.name,
                achievement=summary,
                amount=decision.default_amount,
                sort_key=name_sort_key(line_name),
                name_folded=fold(line_name),
                revoked_at=None,
                revoke_reason="",
                revoke_basis="",
                revoked_by_id=None,
            )
    state.loader.flush()
    signed_on = dt.date(2026, 11, 10)
    signed_at = dt.datetime(2026, 11, 10, 15, tzinfo=TZ)
    for decision_id, members in decisions.items():
        decision = Decision.objects.get(pk=decision_id)
        entry = number_take(
            actor=actor,
            issuer=issuer,
            type_code=Decision.TYPE_CODE,
            issued_on=signed_on,
            subject=decision.subject,
            signer=decision.signer_name,
            obj=decision,
        )
        Decision.objects.filter(pk=decision_id).update(
            register_entry=entry,
            number=entry.number,
            year=entry.year,
            symbol=entry.symbol,
            signed_on=signed_on,
            signed_by=actor,
            status="signed",
        )
        for nomination_id, _person_id in members:
            events.add(
                nomination_id=nomination_id,
                at=signed_at,
                actor_id=actor.pk,
                action=NominationAction.AWARD,
                status_from=NominationStatus.ACCEPTED,
                status_to=NominationStatus.AWARDED,
                reason=f"Quyết định số {entry.symbol}",
            )
    return {
        "cycle_id": cycle.pk,
        "nominations": len(picked),
        "awarded": awarded_count,
        "decisions": len(decisions),
    }


MODELS = (
    "orgs.Unit",
    "orgs.UnitPlacement",
    "orgs.Person",
    "orgs.User",
    "orgs.Membership",
    "campaigns.Programme",
    "campaigns.ProgrammeLevel",
    "campaigns.ProgrammeField",
    "initiatives.Initiative",
    "initiatives.Authorship",
    "initiatives.Stage",
    "initiatives.Event",
    "reviews.Rubric",
    "reviews.Criterion",
    "reviews.Council",
    "reviews.CouncilMember",
    "reviews.Assignment",
    "reviews.ScoreSheet",
    "awards.Cycle",
    "awards.Category",
    "awards.Nomination",
    "awards.NominationEvent",
    "awards.Decision",
    "awards.DecisionLine",
)


def generate(
    scale: Scale,
    *,
    password: str = "bench-2026",  # noqa: S107 (the benchmark's accounts, printed in its manifest)
    seed: int = 2026,
) -> dict[str, Any]:
    """Load the data of `scale` into the (migrated, empty) default database; return the
    manifest a benchmark client needs: who logs in, which ids to ask for, what to search."""
    from django.apps import apps
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    from thidua.campaigns.models import ProgrammeField
    from thidua.common.search import word_prefix_q
    from thidua.initiatives.models import Initiative
    from thidua.orgs.models import Unit, User

    if Unit.objects.exists():
        raise RuntimeError("bench.generate needs an empty, migrated database")
    started = time.perf_counter()
    state = State(rng=random.Random(seed), loader=Loader())
    # One hash for every generated account, with a fixed salt: same input, same rows.
    password_hash = make_password(password, salt="thiduabench2026")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Check foreign keys batch by batch, not all at the commit: the time shows in the
            # phase that wrote the rows, and the server holds no queue of millions of checks.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        with _phase(state, "tree"):
            _tree(state, scale)
        with _phase(state, "people"):
            _people(state, scale)
        with _phase(state, "users"):
            staff = _users(state, scale, password_hash)
        actor = User.objects.get(username="tld.quantri")
        with _phase(state, "programme"):
            programme, levels, rubric = _programme(state, actor)
            fields = {f.name: f.pk for f in ProgrammeField.objects.filter(programme=programme)}
        with _phase(state, "initiatives"):
            held = _initiatives(state, scale, programme, levels, fields)
        with _phase(state, "councils_and_sheets"):
            councils = _councils(state, scale, actor, levels, rubric, held, password_hash)
        with _phase(state, "awards"):
            awards = _awards(state, scale, actor)
        state.loader.reset_sequences()
        committing = time.perf_counter()
    state.timings["commit"] = round(time.perf_counter() - committing, 2)
    if connection.vendor == "postgresql":
        with _phase(state, "analyze"), connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    state.timings["total"] = round(time.perf_counter() - started, 2)
    provinces = {}
    for key in ("big", "typical", "small"):
        province: Province = staff[key]["province"]
        provinces[key] = {
            "unit_id": province.unit_id,
            "name": province.name,
            "username": staff[key]["username"],
            "council_id": councils["province_councils"][province.index],
            "initiatives": province.size,
        }
    search_field = fields["An toàn vệ sinh lao động"]
    search_matches = Initiative.objects.filter(word_prefix_q("search_text", words.SEARCH_TERM))
    return {
        "scale": {"name": _scale_name(scale), **asdict(scale)},
        "seed": seed,
        "password": password,
        "programme_id": programme.pk,
        "search_term": words.SEARCH_TERM,
        "search_matches": search_matches.count(),
        "field_id": search_field,
        "national": staff["national"],
        "provinces": provinces,
        "national_council_id": councils["national_council_id"],
        "upper_council_id": councils["scoring"]["council_id"],
        "scoring": councils["scoring"],
        "awards": awards,
        "counts": {label: apps.get_model(label).objects.count() for label in MODELS},
        "load_seconds": state.timings,
        "database": connection.vendor,
    }


def _scale_name(scale: Scale) -> str:
    return next((name for name, known in SCALES.items() if known == scale), "custom")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="smoke")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--password", default="bench-2026")
    parser.add_argument("--json", type=argparse.FileType("w", encoding="utf-8"))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    manifest = generate(SCALES[args.scale], password=args.password, seed=args.seed)
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    if args.json:
        args.json.write(text)
        args.json.close()
    summary = {k: v for k, v in manifest.items() if k != "scoring"}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    for phase, seconds in manifest["load_seconds"].items():
        print(f"{phase:>22}: {seconds:8.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
