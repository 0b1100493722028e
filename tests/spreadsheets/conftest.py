"""Workbooks built in memory, and uploads kept under a temporary MEDIA_ROOT."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

PERSON_HEADERS = [
    "Mã", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Trình độ",
    "Đối tượng", "Đoàn viên", "Điện thoại", "Thư điện tử", "Số CCCD",
]  # fmt: skip
UNIT_HEADERS = [
    "Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Địa danh", "Mã đơn vị cấp trên",
    "Ngày thành lập", "Điện thoại", "Thư điện tử",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def xlsx(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "Người") -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "danh-sach.xlsx"
    return out


def person_row(**values: Any) -> list[Any]:
    """A people row in PERSON_HEADERS order; unnamed cells are empty."""
    keys = {
        "id": "Mã", "name": "Họ và tên", "gender": "Giới tính", "born": "Ngày sinh",
        "position": "Chức vụ", "unit": "Mã đơn vị", "education": "Trình độ",
        "category": "Đối tượng", "member": "Đoàn viên", "phone": "Điện thoại",
        "email": "Thư điện tử", "id_number": "Số CCCD",
    }  # fmt: skip
    by_header = {keys[key]: value for key, value in values.items()}
    return [by_header.get(header) for header in PERSON_HEADERS]


def read_back(content: bytes, sheet: str | None = None) -> list[tuple[Any, ...]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
    workbook.close()
    return rows
