"""The An Lão scenario of Kế hoạch 35/KH-LĐLĐ, end to end through the web pages only: the
district federation opens the 2023 cycle with the seed's five groups and the 13/7/2024
deadline; grassroots unions nominate people with dossiers; an incomplete dossier is returned
and completed; a late one is refused; the federation selects and issues a numbered decision
with its list; each person's award history shows it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.awards.conftest import PDF, VN, AnLao, al, clock  # noqa: F401 (fixtures)
from tests.conftest import client_for
from thidua.awards.enums import NominationStatus
from thidua.awards.models import Award, Cycle, Decision, Nomination

JUNE_14 = dt.datetime(2024, 6, 14, 9, 0, tzinfo=VN)
JULY_8 = dt.datetime(2024, 7, 8, 10, 0, tzinfo=VN)
JULY_10 = dt.datetime(2024, 7, 10, 15, 0, tzinfo=VN)
JULY_13 = dt.datetime(2024, 7, 13, 7, 45, tzinfo=VN)
JULY_18 = dt.datetime(2024, 7, 18, 16, 0, tzinfo=VN)


@pytest.fixture
def fresh(al: AnLao) -> AnLao:
    """The An Lão tree and programme, with no cycle yet: the officer opens it on the page."""
    al.cycle.delete()
    return al


def _upload(client: Client, nomination: Nomination, *kinds: str) -> None:
    for kind in kinds:
        client.post(
            reverse("web:document_upload", args=[nomination.pk]),
            {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", PDF)},
        )


def _nominate(client: Client, cycle: Cycle, order: int, unit: Any, data: dict[str, Any]) -> Any:
    category = cycle.categories.get(order=order)
    return client.post(
        reverse("web:nomination_create", args=[cycle.pk, category.pk]),
        {"don_vi": unit.pk, **data},
    )


def test_the_an_lao_cycle_runs_from_the_plan_to_the_decision(fresh: AnLao, clock: Any):
    al = fresh
    officer, cokhi, school = (
        client_for(al.officer),
        client_for(al.official),
        client_for(al.school_official),
    )

    # 12/6/2024, the plan: the federation opens the cycle with the seed's five groups.
    clock.set(JUNE_14)
    opened = officer.post(
        reverse("web:cycle_open", args=[al.programme.pk]),
        {
            "name": "Biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu "
            "năm 2023",
            "achievement_year": "2023",
            "deadline_day": "2024-07-13",
            "deadline_time": "",
            "guidance": "Hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện.",
            "preset": "on",
        },
    )
    cycle = Cycle.objects.get(programme=al.programme)
    page = cokhi.get(reverse("web:cycle_detail", args=[cycle.pk])).content.decode()
    assert opened.status_code == 302
    assert "trước ngày 13/7/2024" in page
    assert cycle.categories.count() == 5

    # The Cơ khí union nominates a good worker (group 4) and an inventor (group 1). A dossier
    # without its minutes is not even sent: the page names the missing paper.
    clock.set(JULY_8)
    _nominate(cokhi, cycle, 4, al.cokhi, {
        "person": al.worker.pk, "summary": "Tổ trưởng tổ cơ điện, 5 năm liền LĐG.",
    })  # fmt: skip
    _nominate(cokhi, cycle, 1, al.cokhi, {
        "person": al.engineer.pk, "initiative": al.rich.pk,
        "summary": "Tự động hóa dây chuyền sơn.",
    })  # fmt: skip
    worker = Nomination.objects.get(person=al.worker)
    engineer = Nomination.objects.get(person=al.engineer)
    _upload(cokhi, worker, "to_trinh", "bao_cao")
    _upload(cokhi, engineer, "to_trinh", "bao_cao", "cong_nhan_sang_kien", "xac_nhan_lam_loi")
    incomplete = cokhi.post(reverse("web:nomination_submit", args=[worker.pk]), follow=True)
    _upload(cokhi, worker, "bien_ban")
    for nomination in (worker, engineer):
        cokhi.post(reverse("web:nomination_submit", args=[nomination.pk]))

    # The federation finds the minutes unsigned and returns the dossier, saying so; the union
    # replaces the paper and sends it again before the deadline.
    officer.post(
        reverse("web:nomination_return", args=[worker.pk]),
        {"reason": "Biên bản họp xét của công đoàn cơ sở chưa có chữ ký của chủ tọa."},
    )
    returned = cokhi.get(reverse("web:nomination_detail", args=[worker.pk])).content.decode()
    clock.set(JULY_10)
    unsigned = worker.documents.get(kind="bien_ban")
    cokhi.post(reverse("web:document_delete", args=[unsigned.pk]))
    _upload(cokhi, worker, "bien_ban")
    cokhi.post(reverse("web:nomination_submit", args=[worker.pk]))

    # The school prepares its dossier on 10/7 but sends it on the morning of 13/7: too late.
    _nominate(school, cycle, 4, al.school, {
        "person": al.teacher.pk, "summary": "Giáo viên dạy giỏi cấp thành phố.",
    })  # fmt: skip
    teacher = Nomination.objects.get(person=al.teacher)
    _upload(school, teacher, "to_trinh", "bao_cao", "bien_ban")
    clock.set(JULY_13)
    late = school.post(reverse("web:nomination_submit", args=[teacher.pk]), follow=True)

    # The federation accepts what is complete, drafts the decision from it and signs it.
    clock.set(JULY_18)
    for nomination in (worker, engineer):
        officer.post(reverse("web:nomination_accept", args=[nomination.pk]))
    officer.post(
        reverse("web:decision_create") + f"?cycle={cycle.pk}",
        {
            "issuer": al.district.pk, "award": Award.objects.get(code="giay-khen").pk,
            "cycle": cycle.pk, "subject": "", "basis": "Căn cứ Kế hoạch số 35/KH-LĐLĐ;",
            "sign_mode": "TM.", "sign_body": "BAN THƯỜNG VỤ", "signer_title": "CHỦ TỊCH",
            "signer_name": "Phạm Thị Nga", "default_amount": "500.000",
        },
    )  # fmt: skip
    decision = Decision.objects.get()
    officer.post(
        reverse("web:decision_lines_add", args=[decision.pk]),
        {"nominations": [worker.pk, engineer.pk]},
    )
    officer.post(
        reverse("web:decision_sign", args=[decision.pk]),
        {"signed_on": "2024-07-18", "signer_name": "Phạm Thị Nga"},
    )
    shown = officer.get(reverse("web:decision_detail", args=[decision.pk])).content.decode()
    history = {
        person: officer.get(reverse("web:person_detail", args=[person.pk])).content.decode()
        for person in (al.worker, al.engineer, al.teacher)
    }

    worker.refresh_from_db()
    engineer.refresh_from_db()
    teacher.refresh_from_db()
    assert "Thiếu tài liệu: Biên bản họp xét." in incomplete.content.decode()
    assert "chưa có chữ ký của chủ tọa" in returned
    assert "Đã quá hạn nộp hồ sơ (trước ngày 13/7/2024)" in late.content.decode()
    assert teacher.status == NominationStatus.DRAFT
    assert (worker.status, engineer.status) == (NominationStatus.AWARDED,) * 2
    assert "01/QĐ-LĐLĐ" in shown
    assert "An Lão, ngày 18 tháng 7 năm 2024" in shown
    assert "Bùi Văn Toàn" in shown and "Nguyễn Thị Lan" in shown
    assert "01/QĐ-LĐLĐ" in history[al.worker]
    assert "01/QĐ-LĐLĐ" in history[al.engineer]
    assert "01/QĐ-LĐLĐ" not in history[al.teacher]
    assert list(worker.events.values_list("action", flat=True)) == [
        "create", "document", "document", "document", "submit", "return", "document",
        "document", "submit", "accept", "award",
    ]  # fmt: skip
