"""The measures that call thidua's functions directly rather than through HTTP: aggregation over
every score sheet of a level, the Excel import and export, the certificate batch. Each runs in
a process of its own (`python -m bench.functions NAME MANIFEST`), so the peak memory it
reports is its own, and prints one JSON object."""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _peak_mb() -> float:
    """This process's peak resident memory so far: VmHWM, which starts again at exec (unlike
    getrusage's maximum, which a child inherits from the process that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def aggregation(manifest: dict[str, Any]) -> dict[str, Any]:
    """Every submitted sheet of the provincial councils, read from the database, then
    aggregated with the reviewer-bias correction (the function the ranking page calls)."""
    from thidua.reviews import scoring
    from thidua.reviews.enums import AssignmentStatus, SheetStatus
    from thidua.reviews.models import Council, ScoreSheet

    councils = [province["council_id"] for province in manifest["provinces"].values()]
    level_id = Council.objects.get(pk=councils[0]).level_id
    started = time.perf_counter()
    rows = ScoreSheet.objects.filter(
        assignment__council__level_id=level_id,
        assignment__status=AssignmentStatus.ACTIVE,
        status=SheetStatus.SUBMITTED,
    ).values_list("assignment__initiative_id", "assignment__member_id", "total", "points")
    sheets = [
        scoring.Sheet(
            item=item,
            reviewer=member,
            total=float(total),
            criteria={code: float(value or 0) for code, value in points.items()},
        )
        for item, member, total, points in rows.iterator(chunk_size=20_000)
    ]
    loaded = time.perf_counter()
    results = scoring.aggregate(
        sheets, method="mean", correction="offset", low=0.0, high=100.0, dispute_threshold=30.0
    )
    done = time.perf_counter()
    return {
        "sheets": len(sheets),
        "items": len(results),
        "load_seconds": round(loaded - started, 2),
        "seconds": round(done - loaded, 2),
    }


def _import_workbook(manifest: dict[str, Any], rows: int, folder: Path) -> Path:
    """`rows` initiatives in the programme's own import template, registered at grassroots
    unions of the typical province, with titles and authors like the generator's."""
    import random

    from openpyxl import Workbook

    from bench import words
    from thidua.campaigns.models import Programme
    from thidua.orgs.demo.names import random_full_name
    from thidua.orgs.models import Unit, UnitPlacement
    from thidua.spreadsheets.initiative_sheets import import_sheet

    programme = Programme.objects.get(pk=manifest["programme_id"])
    spec = import_sheet(programme)
    province = Unit.objects.get(pk=manifest["provinces"]["typical"]["unit_id"])
    path = UnitPlacement.objects.filter(unit=province, valid_to__isnull=True).get().path
    grassroots = list(
        UnitPlacement.objects.filter(
            path__startswith=path, valid_to__isnull=True, unit__kind="cdcs"
        ).values_list("unit__code", flat=True)[:200]
    )
    fields = list(programme.fields.values_list("name", flat=True))
    topics = list(words.PROCESSES)
    rng = random.Random(10_000)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 (a new workbook has a sheet)
    headers = [column.header for column in spec.columns]
    sheet.append(headers)
    for index in range(rows):
        values = {
            "unit_code": rng.choice(grassroots),
            "field": (field := rng.choice(fields)),
            "title": words.title(rng, field if field in words.PROCESSES else rng.choice(topics)),
            "solution_kind": "Giải pháp kỹ thuật",
            "authors": random_full_name(rng, region="north", gender="nam"),
            "first_applied_on": "15/03/2026",
            "benefit_value": str(rng.randrange(10, 2_000) * 1_000_000),
            "applying_unit_name": f"Phân xưởng {index % 12 + 1}",
        }
        sheet.append([values.get(column.field, "") for column in spec.columns])
    target = folder / "nhap-10000-sang-kien.xlsx"
    book.save(target)
    return target


def excel_import(manifest: dict[str, Any], rows: int = 10_000) -> dict[str, Any]:
    """The initiative import of the typical province's staff: a dry run, then the real one
    (all-or-nothing, each row through the services and audited)."""
    from thidua.campaigns.models import Programme
    from thidua.orgs.models import User
    from thidua.spreadsheets.initiative_import import initiatives_import

    folder = Path(tempfile.mkdtemp(prefix="thidua-bench-import-"))
    workbook = _import_workbook(manifest, rows, folder)
    actor = User.objects.get(username=manifest["provinces"]["typical"]["username"])
    programme = Programme.objects.get(pk=manifest["programme_id"])
    figures: dict[str, Any] = {"rows": rows}
    for dry_run in (True, False):
        started = time.perf_counter()
        with workbook.open("rb") as source:
            report = initiatives_import(
                actor=actor, programme=programme, file=source, dry_run=dry_run
            )
        seconds = round(time.perf_counter() - started, 2)
        problems = [str(problem) for problem in report.problems][:5]
        if problems or report.rejected:
            raise RuntimeError(f"the import refused the sheet: {problems}")
        figures["dry_run_seconds" if dry_run else "seconds"] = seconds
    return figures


def excel_export(manifest: dict[str, Any]) -> dict[str, Any]:
    """Every initiative of the programme the national staff see, as the list's Excel export."""
    from thidua.campaigns.models import Programme
    from thidua.initiatives.models import Initiative
    from thidua.orgs.models import User
    from thidua.spreadsheets.initiative_exports import initiatives_export
    from thidua.spreadsheets.initiative_filters import InitiativeFilters

    user = User.objects.get(username=manifest["national"]["username"])
    programme = Programme.objects.get(pk=manifest["programme_id"])
    started = time.perf_counter()
    with initiatives_export(user=user, filters=InitiativeFilters(programme=programme)) as out:
        size = out.seek(0, os.SEEK_END)
    seconds = round(time.perf_counter() - started, 2)
    rows = Initiative.objects.filter(programme=programme).count()
    return {"seconds": seconds, "bytes": size, "rows": rows}


def standings(manifest: dict[str, Any]) -> dict[str, Any]:
    """The largest province's council ranking computed from scratch: what the first view after
    a sheet is handed in costs (later views reuse it until the next change)."""
    from thidua.reviews.models import Council
    from thidua.reviews.selectors import council_standings

    council = Council.objects.select_related("rubric").get(
        pk=manifest["provinces"]["big"]["council_id"]
    )
    started = time.perf_counter()
    computed = council_standings(council)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "initiatives": len(computed.rows),
        "sheets": computed.sheets,
    }


def certificates(manifest: dict[str, Any], size: int = 1_000) -> dict[str, Any]:
    from bench import certificates as batch

    figures = batch.run(size)
    return {"seconds": figures["seconds"], "pages": figures["pages"]}


MEASURES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "aggregation": aggregation,
    "import": excel_import,
    "export": excel_export,
    "certificates": certificates,
    "standings": standings,
}


def main(argv: list[str]) -> int:
    name, manifest_path = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    manifest = json.loads(Path(manifest_path).read_text())
    figures = MEASURES[name](manifest)
    figures["peak_mb"] = _peak_mb()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
