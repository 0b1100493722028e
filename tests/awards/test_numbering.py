"""Numbers from the issuer's register: one sequence per issuer, type and year; never two
documents with one number, even when two officers sign at the same moment."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tests.awards.conftest import BEFORE, SIGNING, AnLao, nominate
from tests.factories import make_unit
from thidua.awards.models import Award, Decision
from thidua.awards.services import decisions, nominations
from thidua.documents.models import RegisterEntry
from thidua.documents.register import number_take, register_continue


def _draft(al: AnLao, *names: str) -> Decision:
    decision = decisions.decision_create(
        actor=al.officer,
        issuer=al.district,
        data={
            "award": Award.objects.get(code="giay-khen"),
            "cycle": al.cycle,
            "default_amount": 500_000,
        },
    )
    for name in names:
        decisions.line_add(actor=al.officer, decision=decision, data={"name": name})
    return decision


def test_numbers_run_per_issuer_type_and_year(al: AnLao):
    def take(issuer, code: str, day: dt.date) -> str:
        return number_take(
            actor=None, issuer=issuer, type_code=code, issued_on=day, subject="Thử"
        ).symbol

    assert take(al.district, "QĐ", dt.date(2024, 7, 1)) == "01/QĐ-LĐLĐ"
    assert take(al.district, "QĐ", dt.date(2024, 7, 2)) == "02/QĐ-LĐLĐ"
    assert take(al.district, "KH", dt.date(2024, 7, 2)) == "01/KH-LĐLĐ"
    assert take(al.other_district, "QĐ", dt.date(2024, 7, 2)) == "01/QĐ-LĐLĐ"
    assert take(al.district, "QĐ", dt.date(2025, 1, 2)) == "01/QĐ-LĐLĐ"


def test_the_register_continues_from_the_paper_book_and_never_goes_back(al: AnLao):
    register_continue(
        actor=al.officer, issuer=al.district, type_code="QĐ", year=2024, last_number=51
    )
    decision = _draft(al, "Bùi Văn Toàn")
    decisions.decision_sign(
        actor=al.officer, decision=decision, signed_on=SIGNING.date(),
        signer_name="Phạm Thị Nga", now=SIGNING,
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.symbol == "52/QĐ-LĐLĐ"
    with pytest.raises(ValidationError, match="không lùi số được"):
        register_continue(
            actor=al.officer, issuer=al.district, type_code="QĐ", year=2024, last_number=10
        )


def test_a_signed_decision_cannot_be_signed_again_nor_its_list_changed(al: AnLao):
    decision = _draft(al, "Bùi Văn Toàn")
    decisions.decision_sign(
        actor=al.officer, decision=decision, signed_on=SIGNING.date(),
        signer_name="Phạm Thị Nga", now=SIGNING,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="đã được ký"):
        decisions.decision_sign(
            actor=al.officer, decision=decision, signed_on=SIGNING.date(),
            signer_name="Phạm Thị Nga", now=SIGNING,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="chỉ sửa được dự thảo"):
        decisions.line_add(actor=al.officer, decision=decision, data={"name": "Người khác"})
    assert RegisterEntry.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks between connections: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_officers_signing_at_the_same_moment_get_two_numbers(al: AnLao):
    drafts = [_draft(al, f"Người được khen {index}") for index in range(8)]
    start = threading.Barrier(len(drafts))
    errors: list[BaseException] = []

    def sign(decision: Decision) -> None:
        try:
            start.wait()
            decisions.decision_sign(
                actor=al.officer, decision=decision, signed_on=SIGNING.date(),
                signer_name="Phạm Thị Nga", now=SIGNING,
            )  # fmt: skip
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(n or 0 for n in Decision.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(drafts) + 1))


def test_signing_needs_the_comment_window_to_be_over(al: AnLao):
    nomination = nominate(al, 4, al.teacher)
    nominations.nomination_submit(actor=None, nomination=nomination, now=BEFORE)
    nominations.nomination_accept(actor=al.officer, nomination=nomination, now=BEFORE)
    decision = _draft(al)
    decisions.lines_add_nominations(actor=al.officer, decision=decision, nominations=[nomination])
    until = BEFORE + dt.timedelta(days=3)
    decisions.decision_open_comment(actor=al.officer, decision=decision, until=until, now=BEFORE)
    decision.refresh_from_db()
    decisions.comment_add(
        decision=decision, author="Nguyễn Văn Tư", contact="0912 000 111",
        body="Đồng ý với danh sách.", now=BEFORE + dt.timedelta(hours=1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Đang trong thời gian lấy ý kiến"):
        decisions.decision_sign(
            actor=al.officer, decision=decision, signed_on=BEFORE.date(),
            signer_name="Phạm Thị Nga", now=BEFORE + dt.timedelta(days=1),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="đã kết thúc"):
        decisions.comment_add(
            decision=decision, author="Muộn", contact="", body="Góp ý muộn.",
            now=until + dt.timedelta(minutes=1),
        )  # fmt: skip
    decisions.decision_sign(
        actor=al.officer, decision=decision, signed_on=until.date(),
        signer_name="Phạm Thị Nga", now=until + dt.timedelta(hours=1),
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.symbol == "01/QĐ-LĐLĐ"
    assert decision.comments.count() == 1


def test_another_issuers_numbers_do_not_collide_in_one_database(al: AnLao):
    school_board = make_unit("Công đoàn Giáo dục huyện An Lão", parent=al.district,
                             kind="cd_nganh_dp", short_name="CĐGD")  # fmt: skip
    entry = number_take(
        actor=None, issuer=school_board, type_code="QĐ", issued_on=dt.date(2024, 7, 1),
        subject="Thử",
    )  # fmt: skip
    assert entry.symbol == "01/QĐ-CĐGD"
