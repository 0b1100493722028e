"""The demo's honouring conference (thidua.events): the An Lão district federation's Hội nghị
biểu dương of Kế hoạch 35/KH-LĐLĐ (seed 000), written through the events services.

The plan is the seed's, word for word: its opening paragraph, the three purposes of section I,
the two contents of section II, those honoured (III.1), the six groups of guests (III.2) and
the two tasks of section VI, with the dossiers' deadline "trước ngày 13/7/2024". The conference
honours the 2023 cycle of awards.py and meets at 14h00 on 23/7/2024 in the Hội trường Huyện ủy.

Each group has a few guests: the city federation's chair and a head of department (people of
the demo), the district's leaders (invented: the people register holds union members only),
the district federation's staff, the chair of every grassroots union (filled from the tree, as
the page's "Mời chủ tịch các CĐCS" does), the heads of three workplaces whose people are
honoured, and two reporters.

The day is prepared as the organiser does it on the conference's pages: Giấy khen 52/QĐ-LĐLĐ
(signed 19/7/2024) is handed over and its honourees fetched as delegates, with their citations;
the usual programme from 14h00; five people a batch on stage, presented in turn by the city
federation's and the district's leaders among the guests and the federation's chair. No
invitation is sent: the demo's user sends them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from thidua.awards.models import Cycle, Decision
from thidua.common.models import AuditEntry
from thidua.common.vietnamese import time_in_words
from thidua.events import agenda, honourees, services
from thidua.events.enums import GroupKind
from thidua.events.models import Event, Guest, GuestGroup
from thidua.orgs.demo.programmes import AL_CODE
from thidua.orgs.demo.rounds import vn_time
from thidua.orgs.demo.tree import GRASSROOTS_CHAIR
from thidua.orgs.enums import MemberCategory
from thidua.orgs.models import Person, Unit
from thidua.orgs.selectors import subtree_unit_ids

if TYPE_CHECKING:
    from thidua.orgs.demo.loader import _Loader

AL_EVENT_TITLE = (
    "Hội nghị biểu dương Lao động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023"
)
AL_EVENT_STARTS = vn_time(2024, 7, 23, 14, 0)
AL_EVENT_PLACE = "Hội trường Huyện ủy"
AL_PLAN_DAY = vn_time(2024, 6, 12, 8, 30)  # Kế hoạch 35/KH-LĐLĐ is dated 12/6/2024
AL_BASIS = (
    "Thực hiện Chương trình công tác năm 2024 của Ban Chấp hành Liên đoàn Lao động huyện; "
    "thiết thực chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam "
    "(28/7/1929-28/7/2023), Liên đoàn Lao động huyện An Lão tổ chức Hội nghị biểu dương Lao "
    "động sáng tạo, Lao động giỏi, cán bộ công đoàn tiêu biểu năm 2023, cụ thể như sau:"
)
AL_PURPOSES = [
    "Đánh giá tổng kết phong trào thi đua Lao động sáng tạo, Lao động giỏi năm 2023. Khẳng "
    "định kết quả, bài học kinh nghiệm về tổ chức các phong trào thi đua, công tác khen thưởng; "
    "việc xây dựng và nhân rộng điển hình tiên tiến trong công nhân, viên chức, người lao động; "
    "chỉ rõ những tồn tại, hạn chế và đề ra các giải pháp đổi mới trong thời gian tới.",
    "Biểu dương, tôn vinh công nhân, viên chức, người lao động, cán bộ công đoàn có thành tích "
    "xuất sắc trong phong trào thi đua Lao động sáng tạo, Lao động giỏi tiêu biểu 2023.",
    "Thông qua Hội nghị biểu dương nhằm thu hút được sự quan tâm, động viên của các cấp, các "
    "ngành, các cơ quan, đơn vị, doanh nghiệp và thực sự trở thành ngày hội của công nhân, viên "
    "chức, người lao động thành phố; đảm bảo thiết thực, hiệu quả, tiết kiệm, tránh hình thức, "
    "lãng phí.",
]
AL_CONTENTS = [
    "Những cá nhân có đề tài, giải pháp sáng kiến được đề nghị Tổng Liên đoàn Lao động Việt Nam "
    "tặng Bằng lao động sáng tạo năm 2023; cá nhân tham gia Hội thi sáng tạo kỹ thuật thành phố "
    "Hải phòng Lần thứ 2 năm 2023.",
    "Đoàn viên đạt giải Quốc Gia, giải Nhất, Nhì cấp thành phố trong các cuộc thi do các ngành "
    "tổ chức",
]
AL_HONOUREES = [
    "Cá nhân có đề tài, giải pháp sáng kiến được đề nghị Tổng Liên đoàn Lao động Việt Nam tặng "
    "Bằng lao động sáng tạo năm 2023, cá nhân tham gia Hội thi sáng tạo kỹ thuật thành phố Hải "
    "phòng Lần thứ 2 năm 2023.",
    "Đoàn viên đạt giải Quốc Gia, giải Nhất, Nhì cấp thành phố trong các cuộc thi do các ngành "
    "tổ chức",
]
AL_TASKS = [
    "Liên đoàn Lao động huyện: Hướng dẫn, tổng hợp hồ sơ, xét chọn lao động giỏi tiêu biểu, cán "
    "bộ công đoàn tiêu biểu năm 2023; Xây dựng báo cáo kết quả phong trào thi đua Lao động sáng "
    "tạo, Lao động giỏi tiêu biểu 2023;",
    "Công đoàn cơ sở: Xem xét, lựa chọn các cá nhân đủ điều kiện, tiêu chuẩn theo quy định; "
    "hoàn thiện hồ sơ gửi về Liên đoàn Lao động huyện (trước ngày 13/7/2024).",
]
AL_GUEST_GROUPS = [
    "Đại biểu Thường trực, các Ban Liên đoàn Lao động thành phố;",
    "Đại biểu Lãnh đạo Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận tổ quốc "
    "Việt Nam huyện; một số phòng, ban, ngành, đoàn thể huyện;",
    "Các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, UBKT Liên đoàn Lao động huyện "
    "khóa VII, nhiệm kỳ 2023-2028;",
    "Các đồng chí Chủ tịch công đoàn cơ sở;",
    "Đại diện lãnh đạo chuyên môn, Công đoàn các đơn vị cơ sở có Lao động sáng tạo, Lao động "
    "giỏi được biểu dương tại Hội nghị;",
    "Phóng viên: Đài Phát thanh và Truyền hình Hải Phòng, Trung tâm VH TT & TT huyện.",
]
# Guests outside the union's people register: (name, position, workplace), by group.
DISTRICT_LEADERS = [
    ("Nguyễn Văn Hòa", "Phó Bí thư Thường trực Huyện ủy", "Huyện ủy An Lão"),
    ("Trần Thị Thu Hường", "Phó Chủ tịch Hội đồng nhân dân huyện",
     "Hội đồng nhân dân huyện An Lão"),
    ("Lê Minh Đức", "Phó Chủ tịch Ủy ban nhân dân huyện", "Ủy ban nhân dân huyện An Lão"),
    ("Phạm Văn Khải", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
     "Ủy ban Mặt trận Tổ quốc Việt Nam huyện An Lão"),
]  # fmt: skip
INSPECTION_CHAIR = (
    "Đỗ Thị Hạnh",
    "Chủ nhiệm Ủy ban Kiểm tra",
    "Liên đoàn Lao động huyện An Lão",
)
REPORTERS = [
    ("Vũ Hoàng Long", "Phóng viên", "Đài Phát thanh và Truyền hình Hải Phòng"),
    ("Nguyễn Thị Mai Anh", "Phóng viên", "Trung tâm Văn hóa, Thông tin và Thể thao huyện An Lão"),
]
# Workplaces whose people are honoured in 52/QĐ-LĐLĐ; their heads are invited (group 5).
HONOURED_WORKPLACES = ("HP-AL-01", "HP-AL-05", "HP-AL-06")
CITY_GUESTS = (("HP", "Đỗ Văn Thành"), ("HP", "Lê Thị Hồng Nhung"))
AL_DECISION = "52/QĐ-LĐLĐ"
AL_STAGE_SIZE = 5
AL_HOST = "Phạm Thị Nga, Chủ tịch Liên đoàn Lao động huyện An Lão"


def _workplace(unit: Unit) -> str:
    """The workplace a union gathers, where its head works: "Công đoàn Trường THPT An Lão" ->
    "Trường THPT An Lão"."""
    prefix = "Công đoàn "
    return unit.name[len(prefix) :] if unit.name.startswith(prefix) else unit.name


def _head_of(unit: Unit) -> Person | None:
    """The head of a grassroots union's workplace: its first manager who is not a union post
    nor a deputy."""
    managers = Person.objects.filter(unit=unit, member_category=MemberCategory.MANAGER)
    for person in managers.order_by("id"):
        if person.position != GRASSROOTS_CHAIR and not person.position.startswith("Phó"):
            return person
    return None


def _add_people(group: GuestGroup, rows: list[tuple[str, str, str]]) -> None:
    for name, position, unit_name in rows:
        services.guest_add(
            actor=None,
            group=group,
            data={"name": name, "position": position, "unit_name": unit_name},
        )


def load_events(loader: _Loader) -> Event:
    """Write An Lão's conference (see the module's docstring).

    Side effects: one Event linked to the An Lão 2023 cycle and to 52/QĐ-LĐLĐ, its six guest
    groups and about 25 guests, the decision's 25 honourees in their groups, a programme of six
    items, the stage settings, the audit entries of all of it."""
    district = loader.units["HP-ANLAO"]
    event = services.event_create(
        actor=None,
        organiser=district,
        cycle=Cycle.objects.get(programme__code=AL_CODE),
        data={
            "title": AL_EVENT_TITLE,
            "starts_at": AL_EVENT_STARTS,
            "place": AL_EVENT_PLACE,
            "basis": AL_BASIS,
            "purposes": "\n".join(AL_PURPOSES),
            "contents": "\n".join(AL_CONTENTS),
            "honourees": "\n".join(AL_HONOUREES),
            "tasks": "\n".join(AL_TASKS),
        },
        guest_groups=AL_GUEST_GROUPS,
        now=AL_PLAN_DAY,
    )
    city, leaders, committee, chairs, workplaces, press = list(event.guest_groups.all())
    for key in CITY_GUESTS:
        person = loader.named[key]
        services.guest_add(actor=None, group=city, data={}, person=person)
    _add_people(leaders, DISTRICT_LEADERS)
    staff = Person.objects.filter(unit=district).exclude(position="Chủ tịch").order_by("id")
    for person in staff:
        services.guest_add(actor=None, group=committee, data={}, person=person)
    _add_people(committee, [INSPECTION_CHAIR])
    services.guests_fill_from_units(
        actor=None,
        group=chairs,
        units_query=Unit.objects.filter(pk__in=subtree_unit_ids(district)),
    )
    for code in HONOURED_WORKPLACES:
        unit = loader.units[code]
        head = _head_of(unit)
        if head is not None:
            services.guest_add(
                actor=None, group=workplaces, data={"unit_name": _workplace(unit)}, person=head
            )
    _add_people(press, REPORTERS)
    _prepare_the_day(event, city, leaders)
    return event


def _presenter(guest: Guest) -> str:
    return ", ".join(part for part in (guest.name, guest.position, guest.unit_name) if part)


def _prepare_the_day(event: Event, city: GuestGroup, leaders: GuestGroup) -> None:
    """The honourees of 52/QĐ-LĐLĐ, the usual programme and the stage (see the docstring)."""
    decision = Decision.objects.get(issuer=event.organiser, symbol=AL_DECISION)
    honourees.event_decision_link(actor=None, event=event, decision=decision)
    honourees.honourees_sync(actor=None, event=event)
    agenda.agenda_prefill(actor=None, event=event)
    # The city's chair, the district's party secretary, the city's head of department, the
    # People's Committee, then the host; in turn, as many as there are batches.
    city_guests = list(city.guests.order_by("order"))
    district = list(leaders.guests.order_by("order"))
    presenters = [
        _presenter(city_guests[0]),
        _presenter(district[0]),
        _presenter(city_guests[1]),
        _presenter(district[2]),
        AL_HOST,
        _presenter(district[1]),
    ]
    agenda.stage_settings_update(
        actor=None, event=event, stage_size=AL_STAGE_SIZE, presenters="\n".join(presenters)
    )


def events_summary() -> list[str]:
    """Lines for the demo's printout: each conference, when and where, and its guests."""
    rows = []
    for event in Event.objects.select_related("organiser").order_by("starts_at"):
        groups = list(event.guest_groups.filter(kind=GroupKind.GUEST))
        guests = sum(group.guests.count() for group in groups)
        honoured = Guest.objects.filter(group__event=event, group__kind=GroupKind.HONOUREE)
        decisions = ", ".join(
            event.decisions.order_by("signed_on").values_list("symbol", flat=True)
        )
        batches = len(honourees.event_award_order(event).batches)
        rows.append(
            f"  {event.title} ({event.organiser.name}, "
            f"{time_in_words(timezone.localtime(event.starts_at))}, {event.place}): "
            f"{len(groups)} nhóm khách mời, {guests} khách mời; "
            f"{honoured.count()} người được khen thưởng"
            + (f" theo {decisions}" if decisions else "")
            + f", trao trong {batches} lượt; chương trình {event.agenda.count()} mục; "
            "chưa gửi giấy mời (đăng nhập thidua_hp: Gửi giấy mời, Điểm danh, Báo cáo tham dự)."
        )
    return rows


def events_wipe() -> None:
    """Delete every conference with its guests, and their audit entries (for `demo --reset`).
    Runs first: conferences hold their organiser, and link the cycles."""
    Event.objects.all().delete()
    AuditEntry.objects.filter(object_type__startswith="events.").delete()
