from decimal import Decimal

from tests.initiatives.conftest import BEFORE, climb_to_province, make_initiative
from thidua.initiatives import services
from thidua.initiatives.permissions import initiatives_for_user
from thidua.initiatives.selectors import (
    InitiativeFilters,
    initiative_list,
    progress_board,
    status_counts,
)


def test_search_finds_title_author_and_unit_without_diacritics(kg):
    initiative = make_initiative(kg)

    for query in ["bom tang ap", "tran van hai", "cap thoat nuoc", "KG75-00001"]:
        rows = initiative_list(
            initiatives=initiatives_for_user(kg.official_a), filters=InitiativeFilters(query=query)
        )
        assert list(rows) == [initiative], query


def test_filters_by_benefit_range_and_field(kg):
    small = make_initiative(kg, benefit_value=50_000_000)
    big = make_initiative(kg, benefit_value=2_000_000_000)
    visible = initiatives_for_user(kg.official_a)

    rows = initiative_list(
        initiatives=visible, filters=InitiativeFilters(benefit_min=100_000_000, sort="gia-tri")
    )

    assert list(rows) == [big]
    assert small not in rows


def test_status_counts_cover_every_status(kg):
    make_initiative(kg)
    submitted = make_initiative(kg)
    services.initiative_submit(actor=None, initiative=submitted, now=BEFORE)

    counts = status_counts(initiatives_for_user(kg.official_a))

    assert (counts["draft"], counts["submitted"], counts["withdrawn"]) == (1, 1, 0)


def test_progress_board_counts_what_reached_the_province_per_child(kg):
    climb_to_province(kg, make_initiative(kg))
    services.initiative_submit(
        actor=None,
        initiative=make_initiative(
            kg, unit=kg.union_a2, authors=[(kg.outsider_author, Decimal(100))]
        ),
        now=BEFORE,
    )

    rows = {
        row.unit: row
        for row in progress_board(programme=kg.programme, unit=kg.province, now=BEFORE)
    }

    district = rows[kg.district]
    assert (
        district.grassroots_total,
        district.grassroots_submitted,
        district.registered,
        district.reached_us,
    ) == (
        2,
        2,
        2,
        1,
    )
    assert (rows[kg.sector].grassroots_submitted, rows[kg.sector].late) == (0, False)


def test_progress_board_marks_a_child_late_after_the_deadline(kg):
    import datetime as dt

    from tests.initiatives.conftest import PROVINCE_DEADLINE

    rows = {
        row.unit: row
        for row in progress_board(
            programme=kg.programme,
            unit=kg.province,
            now=PROVINCE_DEADLINE + dt.timedelta(minutes=1),
        )
    }

    assert rows[kg.sector].late


def test_registering_units_are_the_programmes_grassroots_unions_in_the_users_scope(kg):
    from tests.factories import make_unit
    from thidua.campaigns.selectors import registering_units
    from thidua.orgs.permissions import Cap, units_for_user

    make_unit("CĐ ngoài chương trình", kind="ldld_tinh")

    province = registering_units(
        kg.programme, units_for_user(kg.province_officer, Cap.MANAGE_PEOPLE)
    )
    official = registering_units(kg.programme, units_for_user(kg.official_a, Cap.MANAGE_PEOPLE))

    assert set(province) == {kg.union_a, kg.union_a2, kg.union_s, kg.union_direct}
    assert list(official) == [kg.union_a]
