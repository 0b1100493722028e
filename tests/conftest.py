"""Named actors for tests that read like the rules they prove.

The world: Hải Phòng (city federation) > An Lão (district federation) > two grassroots unions
A and A2; Kiên Giang (another province) > grassroots union B.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import translation

from tests.factories import make_person, make_unit, make_user
from thidua.orgs.models import Person, Unit, User


@dataclass
class World:
    hai_phong: Unit
    an_lao: Unit
    union_a: Unit
    union_a2: Unit
    kien_giang: Unit
    union_b: Unit
    person_a: Person
    person_b: Person
    admin: User
    provincial_officer: User
    district_officer: User
    official_a: User
    official_b: User
    leader: User
    council_member: User
    viewer: User


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Real hashing costs ~0.3 s a user; tests prove rules, not hash strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_temporary_folder(tmp_path_factory):
    """Uploaded and generated files go to a folder of the test session, never var/media
    (tests may still point MEDIA_ROOT elsewhere for themselves)."""
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _no_standings_from_another_test():
    """Councils' standings are kept per process by a fingerprint of their data; a test's
    council may reuse the key and frozen timestamps of an earlier test's, so each test starts
    with none kept."""
    from thidua.reviews import selectors

    selectors.forget_standings()


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test():
    # A request in English leaves English active in the thread; every test starts in Vietnamese.
    yield
    translation.activate("vi")


@pytest.fixture
def world(db: None) -> World:
    hai_phong = make_unit(
        "Liên đoàn Lao động thành phố Hải Phòng",
        code="HP",
        kind="ldld_tinh",
        short_name="LĐLĐ",
        place_name="Hải Phòng",
    )
    an_lao = make_unit(
        "Liên đoàn Lao động huyện An Lão",
        code="HP-ANLAO",
        kind="ldld_huyen",
        parent=hai_phong,
        short_name="LĐLĐ",
        place_name="An Lão",
    )
    union_a = make_unit("Công đoàn Công ty TNHH Cơ khí An Lão", code="HP-AL-001", parent=an_lao)
    union_a2 = make_unit("Công đoàn Trường THCS An Thắng", code="HP-AL-002", parent=an_lao)
    kien_giang = make_unit(
        "Liên đoàn Lao động tỉnh Kiên Giang", code="KG", kind="ldld_tinh", place_name="Kiên Giang"
    )
    union_b = make_unit("Công đoàn Công ty Xi măng Kiên Lương", code="KG-001", parent=kien_giang)
    return World(
        hai_phong=hai_phong,
        an_lao=an_lao,
        union_a=union_a,
        union_a2=union_a2,
        kien_giang=kien_giang,
        union_b=union_b,
        person_a=make_person("Trần Thị Bình", unit=union_a, id_number="031190001234"),
        person_b=make_person("Lê Văn Cường", unit=union_b, id_number="091185004321"),
        admin=make_user("quantri", unit=hai_phong, role="admin"),
        provincial_officer=make_user("canbo_hp", unit=hai_phong, role="officer"),
        district_officer=make_user("canbo_anlao", unit=an_lao, role="officer"),
        official_a=make_user("cdcs_a", unit=union_a, role="grassroots"),
        official_b=make_user("cdcs_b", unit=union_b, role="grassroots"),
        leader=make_user("lanhdao_hp", unit=hai_phong, role="leader"),
        council_member=make_user("hoidong_hp", unit=hai_phong, role="council"),
        viewer=make_user("xem_hp", unit=hai_phong, role="viewer"),
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
