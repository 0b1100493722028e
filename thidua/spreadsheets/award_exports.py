"""Commendation workbooks: a decision's list, award history, and a cycle's statistics with the
lists for the conference. Reports on the council workbooks' base (one header row a sheet, the
rows, notes below); Vietnamese in every locale, like every workbook."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from thidua.awards.enums import NominationStatus
from thidua.awards.models import Cycle, Decision, DecisionLine, Nomination
from thidua.awards.selectors import CycleStats, StatRow
from thidua.common.vietnamese import date_short, money, money_in_words
from thidua.spreadsheets.base import Column, SheetSpec, in_vietnamese
from thidua.spreadsheets.initiative_sheets import MONEY_FORMAT
from thidua.spreadsheets.review_exports.base import Table, TablesDocument, report_column

CHUNK = 2000


def date_column(header: str, field: str) -> Column:
    return replace(report_column(header, field, width=12), is_date=True)


def money_column(header: str, field: str) -> Column:
    return report_column(header, field, width=16, number_format=MONEY_FORMAT)


def _revoked(line: DecisionLine) -> str:
    return "Đã thu hồi" if line.is_revoked else ""


def _unit_now(line: DecisionLine) -> str:
    if line.person is not None:
        return line.person.unit.name
    return line.collective.name if line.collective is not None else ""


# --- a decision's list ------------------------------------------------------------------------

DECISION_LIST = SheetSpec(
    title="Danh sách",
    what="người, tập thể được khen thưởng",
    columns=(
        report_column("STT", "stt", width=6),
        report_column("Họ và tên, tên tập thể", "name", width=28),
        report_column("Chức vụ, đơn vị", "position", width=40),
        report_column("Nhóm", "group", width=40),
        report_column("Thành tích", "achievement", width=50),
        money_column("Tiền thưởng (đồng)", "amount"),
        report_column("Thu hồi", "revoked", width=12),
        report_column("Lý do thu hồi", "revoke_reason", width=40),
        report_column("Căn cứ thu hồi", "revoke_basis", width=30),
    ),
)


def decision_rows(lines: Iterable[DecisionLine]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        yield {
            "stt": number,
            "name": line.name,
            "position": line.position,
            "group": line.group,
            "achievement": line.achievement,
            "amount": line.amount,
            "revoked": _revoked(line),
            "revoke_reason": line.revoke_reason,
            "revoke_basis": line.revoke_basis,
        }


class DecisionWorkbook(TablesDocument):
    """The decision's list as it reads (group, then names Vietnamese-style), revoked lines kept
    and marked, and the decision's particulars below."""

    def __init__(self, *, decision: Decision) -> None:
        self.decision = decision
        self.name = f"quyet-dinh-khen-thuong-{decision.pk}"

    def lines(self) -> list[DecisionLine]:
        # Grouped like the page: the cycle's category order, then the line order.
        lines = list(
            self.decision.lines.select_related("nomination__category").order_by("order", "id")
        )
        firsts: dict[str, tuple[int, int]] = {}
        for line in lines:
            category = line.nomination.category if line.nomination else None
            rank = (category.order if category else 10_000, line.order)
            firsts[line.group] = min(firsts.get(line.group, rank), rank)
        return sorted(lines, key=lambda x: (firsts[x.group], x.sort_key, x.pk))

    def tables(self) -> Iterator[Table]:
        decision = self.decision
        lines = self.lines()
        total = sum(line.amount or 0 for line in lines)
        after: list[list[Any]] = [
            ["Quyết định", decision.symbol or "Dự thảo (chưa cấp số)"],
            ["Ngày ký", date_short(decision.signed_on)],
            ["Đơn vị ban hành", decision.issuer.name],
            ["Danh hiệu, hình thức", decision.award.labelled],
            ["Trích yếu", decision.subject],
            ["Số người, tập thể", len(lines)],
            ["Tổng tiền thưởng", money(total), money_in_words(total) if total else ""],
        ]
        yield Table(DECISION_LIST, decision_rows(lines), after=after)


# --- award history ----------------------------------------------------------------------------

HISTORY = SheetSpec(
    title="Lịch sử khen thưởng",
    what="khen thưởng",
    columns=(
        report_column("Họ và tên, tên tập thể", "name", width=28),
        report_column("Chức vụ, đơn vị (theo quyết định)", "position", width=40),
        report_column("Đơn vị hiện nay", "unit", width=32),
        report_column("Danh hiệu, hình thức khen thưởng", "award", width=40),
        report_column("Số quyết định", "symbol", width=16),
        date_column("Ngày ký", "signed_on"),
        report_column("Đơn vị ban hành", "issuer", width=32),
        report_column("Đợt xét, chương trình", "cycle", width=40),
        report_column("Năm", "year", width=8),
        money_column("Tiền thưởng (đồng)", "amount"),
        report_column("Thu hồi", "revoked", width=12),
        report_column("Lý do thu hồi", "revoke_reason", width=40),
    ),
)


def history_row(line: DecisionLine) -> dict[str, Any]:
    decision = line.decision
    cycle = decision.cycle
    return {
        "name": line.name,
        "position": line.position,
        "unit": _unit_now(line),
        "award": decision.award.labelled,
        "symbol": decision.symbol,
        "signed_on": decision.signed_on,
        "issuer": decision.issuer.name,
        "cycle": f"{cycle.name} ({cycle.programme.name})" if cycle is not None else "",
        "year": decision.year,
        "amount": line.amount,
        "revoked": _revoked(line),
        "revoke_reason": line.revoke_reason,
    }


class HistoryWorkbook(TablesDocument):
    """Award history as the page filtered it (`history_lines`)."""

    def __init__(self, *, lines: QuerySet[DecisionLine]) -> None:
        self.lines = lines
        self.name = f"lich-su-khen-thuong-{timezone.localdate():%Y%m%d}"

    def tables(self) -> Iterator[Table]:
        yield Table(HISTORY, (history_row(line) for line in self.lines.iterator(CHUNK)))


# --- a cycle's statistics and lists -----------------------------------------------------------


def stats_spec(title: str, label: str) -> SheetSpec:
    return SheetSpec(
        title=title,
        what="dòng thống kê",
        columns=(
            report_column(label, "label", width=50),
            report_column("Số hồ sơ gửi", "nominated", width=12),
            report_column("Hợp lệ", "accepted", width=12),
            report_column("Được khen thưởng", "awarded", width=14),
        ),
    )


def stat_rows(rows: list[StatRow], total: StatRow | None = None) -> Iterator[dict[str, Any]]:
    for row in [*rows, *([total] if total is not None else [])]:
        yield {
            "label": row.label,
            "nominated": row.nominated,
            "accepted": row.accepted,
            "awarded": row.awarded,
        }


NOMINEES = SheetSpec(
    title="Danh sách đề nghị",
    what="hồ sơ đề nghị",
    columns=(
        report_column("STT", "stt", width=6),
        report_column("Họ và tên, tên tập thể", "name", width=28),
        report_column("Đơn vị đề nghị", "unit", width=36),
        report_column("Nhóm đối tượng", "category", width=50),
        report_column("Lĩnh vực", "field", width=20),
        report_column("Đề nghị khen thưởng", "award", width=36),
        report_column("Tình trạng", "status", width=20),
        report_column("Quyết định", "decision", width=16),
    ),
)


def nominee_rows(nominations: QuerySet[Nomination]) -> Iterator[dict[str, Any]]:
    for number, nomination in enumerate(nominations.iterator(CHUNK), start=1):
        line = getattr(nomination, "decision_line", None)
        award = nomination.category.award
        yield {
            "stt": number,
            "name": nomination.nominee_name,
            "unit": nomination.unit.name,
            "category": nomination.category.name,
            "field": nomination.field.name if nomination.field else "",
            "award": award.labelled if award else "",
            "status": in_vietnamese(NominationStatus(nomination.status).label),
            "decision": line.decision.symbol if line is not None else "",
        }


AWARDEES = SheetSpec(
    title="Danh sách được khen",
    what="người, tập thể được khen thưởng",
    columns=(
        report_column("STT", "stt", width=6),
        report_column("Họ và tên, tên tập thể", "name", width=28),
        report_column("Chức vụ, đơn vị", "position", width=40),
        report_column("Nhóm", "group", width=50),
        report_column("Danh hiệu, hình thức khen thưởng", "award", width=36),
        report_column("Số quyết định", "symbol", width=16),
        date_column("Ngày ký", "signed_on"),
        money_column("Tiền thưởng (đồng)", "amount"),
        report_column("Thu hồi", "revoked", width=12),
    ),
)


def awardee_rows(lines: QuerySet[DecisionLine]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines.iterator(CHUNK), start=1):
        yield {
            "stt": number,
            "name": line.name,
            "position": line.position,
            "group": line.group,
            "award": line.decision.award.labelled,
            "symbol": line.decision.symbol,
            "signed_on": line.decision.signed_on,
            "amount": line.amount,
            "revoked": _revoked(line),
        }


class CycleStatsWorkbook(TablesDocument):
    """For the report and the conference: sent, accepted and awarded by category, unit and
    field, then the nominees and the awardees."""

    def __init__(
        self,
        *,
        cycle: Cycle,
        stats: CycleStats,
        nominees: QuerySet[Nomination],
        awardees: QuerySet[DecisionLine],
    ) -> None:
        self.cycle, self.stats = cycle, stats
        self.nominees, self.awardees = nominees, awardees
        self.name = f"thong-ke-dot-xet-{cycle.pk}-{timezone.localdate():%Y%m%d}"

    def tables(self) -> Iterator[Table]:
        stats = self.stats
        note: list[list[Any]] = [
            ["Đợt xét", self.cycle.name],
            ["Năm thành tích", self.cycle.achievement_year],
        ]
        yield Table(
            stats_spec("Theo nhóm đối tượng", "Nhóm đối tượng"),
            stat_rows(stats.by_category, stats.total),
            after=note,
        )
        yield Table(
            stats_spec("Theo đơn vị", "Đơn vị đề nghị"), stat_rows(stats.by_unit, stats.total)
        )
        yield Table(stats_spec("Theo lĩnh vực", "Lĩnh vực"), stat_rows(stats.by_field, stats.total))
        yield Table(NOMINEES, nominee_rows(self.nominees))
        yield Table(AWARDEES, awardee_rows(self.awardees))
