"""A conference's attendance as a workbook: the counts by group (III.1 honourees, then III.2
guests, with their totals), every delegate with their answer and whether they came, and those
honoured who did not come (their award goes to their unit). Vietnamese in every locale, like
every workbook."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from thidua.common.vietnamese import time_in_words
from thidua.events.attendance import AttendanceReport, Counts, GroupAttendance
from thidua.events.enums import Rsvp
from thidua.events.models import Event, Guest
from thidua.spreadsheets.base import SheetSpec, in_vietnamese
from thidua.spreadsheets.review_exports.base import (
    Table,
    TablesDocument,
    report_column,
    when_column,
)

COUNTS = SheetSpec(
    title="Theo nhóm",
    what="nhóm đại biểu",
    columns=(
        report_column("Nhóm đại biểu", "name", width=50),
        report_column("Được mời", "invited", width=10),
        report_column("Xác nhận dự", "confirmed", width=10),
        report_column("Từ chối", "declined", width=10),
        report_column("Có mặt", "present", width=10),
        report_column("Vắng mặt", "absent", width=10),
        report_column("Đến không có giấy mời", "walk_ins", width=12),
    ),
)

DELEGATES = SheetSpec(
    title="Danh sách đại biểu",
    what="đại biểu",
    columns=(
        report_column("STT", "stt", width=6),
        report_column("Nhóm", "group", width=40),
        report_column("Họ và tên", "name", width=28),
        report_column("Chức vụ", "position", width=28),
        report_column("Cơ quan, đơn vị", "unit_name", width=36),
        report_column("Hình thức khen thưởng", "award", width=36),
        report_column("Trả lời", "rsvp", width=18),
        report_column("Người dự thay", "substitute", width=28),
        report_column("Có mặt", "present", width=10),
        when_column("Giờ có mặt", "present_at"),
        report_column("Đến không có giấy mời", "walk_in", width=12),
    ),
)

ABSENT = SheetSpec(
    title="Được khen vắng mặt",
    what="người được khen thưởng vắng mặt",
    columns=(
        report_column("STT", "stt", width=6),
        report_column("Họ và tên, tên tập thể", "name", width=28),
        report_column("Cơ quan, đơn vị", "unit_name", width=40),
        report_column("Hình thức khen thưởng", "award", width=40),
        report_column("Nhóm", "group", width=40),
    ),
)


def _count_row(name: str, counts: Counts) -> dict[str, Any]:
    return {
        "name": name,
        "invited": counts.invited,
        "confirmed": counts.confirmed,
        "declined": counts.declined,
        "present": counts.present,
        "absent": counts.absent,
        "walk_ins": counts.walk_ins,
    }


def count_rows(report: AttendanceReport) -> Iterator[dict[str, Any]]:
    """III.1's groups and their subtotal, III.2's and theirs, then the whole conference."""
    for title, rows, subtotal in (
        ("Cộng III.1. Đại biểu được biểu dương, khen thưởng", report.honouree_groups,
         report.honourees),
        ("Cộng III.2. Đại biểu khách mời", report.guest_groups, report.guests),
    ):  # fmt: skip
        for row in rows:
            yield _count_row(row.group.name, row.counts)
        if rows:
            yield _count_row(title, subtotal)
    yield _count_row("Tổng cộng", report.total)


def _substitute(guest: Guest) -> str:
    if guest.rsvp != Rsvp.SUBSTITUTE or not guest.substitute_name:
        return ""
    return ", ".join(part for part in (guest.substitute_name, guest.substitute_position) if part)


def delegate_rows(groups: list[GroupAttendance]) -> Iterator[dict[str, Any]]:
    number = 0
    for row in groups:
        for guest in [*row.present, *row.absent, *row.walk_ins]:
            number += 1
            yield {
                "stt": number,
                "group": row.group.name,
                "name": guest.name,
                "position": guest.position,
                "unit_name": guest.unit_name,
                "award": guest.award_name,
                "rsvp": "" if guest.walk_in else in_vietnamese(Rsvp(guest.rsvp).label),
                "substitute": _substitute(guest),
                "present": "Có" if guest.present_at else "Không",
                "present_at": guest.present_at,
                "walk_in": "Có" if guest.walk_in else "",
            }


def absent_rows(report: AttendanceReport) -> Iterator[dict[str, Any]]:
    for number, guest in enumerate(report.honourees_absent, start=1):
        yield {
            "stt": number,
            "name": guest.name,
            "unit_name": guest.unit_name,
            "award": guest.award_name,
            "group": guest.group.name,
        }


class AttendanceWorkbook(TablesDocument):
    def __init__(self, *, event: Event, report: AttendanceReport) -> None:
        self.event, self.report = event, report
        self.name = f"tham-du-hoi-nghi-{event.pk}-{timezone.localdate():%Y%m%d}"

    def tables(self) -> Iterator[Table]:
        event = self.event
        note: list[list[Any]] = [
            ["Hội nghị", event.title],
            ["Thời gian", time_in_words(timezone.localtime(event.starts_at))],
            ["Địa điểm", event.place],
            ["Đơn vị tổ chức", event.organiser.name],
        ]
        yield Table(COUNTS, count_rows(self.report), after=note)
        yield Table(DELEGATES, delegate_rows(self.report.groups))
        yield Table(ABSENT, absent_rows(self.report))
