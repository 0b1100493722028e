import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import make_person, make_unit
from thidua.common.models import AuditEntry
from thidua.orgs import services
from thidua.orgs.models import Person, UnitPlacement


def test_login_page_is_vietnamese_and_declares_utf8(db):
    response = Client().get(reverse("login"))

    assert response.status_code == 200
    assert '<meta charset="utf-8">' in response.text
    assert "Đăng nhập" in response.text and "Quên mật khẩu" in response.text


@pytest.mark.parametrize(
    "actor",
    [
        "admin",
        "provincial_officer",
        "district_officer",
        "official_a",
        "leader",
        "council_member",
        "viewer",
    ],
)
def test_every_role_reaches_its_dashboard(world, actor):
    response = client_for(getattr(world, actor)).get("/")

    assert response.status_code == 200
    assert "Xin chào" in response.text


def test_navigation_follows_the_role(world):
    official = client_for(world.official_a).get("/").text
    admin = client_for(world.admin).get("/").text

    assert "Nhật ký" not in official and "Tài khoản</a>" not in official
    assert "Nhật ký" in admin and reverse("web:user_list") in admin


def test_people_search_ignores_diacritics_and_case(world):
    make_person("Nguyễn Văn A", unit=world.union_a)
    make_person("Nguyễn Văn Bảo", unit=world.union_a)

    response = client_for(world.provincial_officer).get(
        reverse("web:person_list"), {"q": "nguyen van a"}
    )

    names = [p.full_name for p in response.context["page"]]
    assert names == ["Nguyễn Văn A"]


def test_people_list_sorts_by_given_name_vietnamese_style(world):
    for name in ["Lê Thị Ánh", "Trần Văn An", "Phạm Đức Đạt", "Hoàng Văn Dũng", "Ngô Thị Ân"]:
        make_person(name, unit=world.union_a2)

    response = client_for(world.provincial_officer).get(
        reverse("web:person_list"), {"don_vi": world.union_a2.pk}
    )

    assert [p.full_name for p in response.context["page"]] == [
        "Trần Văn An",
        "Lê Thị Ánh",
        "Ngô Thị Ân",
        "Hoàng Văn Dũng",
        "Phạm Đức Đạt",
    ]


def test_people_list_htmx_returns_only_the_rows(world):
    response = client_for(world.provincial_officer).get(
        reverse("web:person_list"), {"q": "binh"}, headers={"HX-Request": "true"}
    )

    assert "<html" not in response.text
    assert "Trần Thị Bình" in response.text


@pytest.mark.parametrize("count", [1, 3])
def test_people_list_query_count_does_not_grow_with_rows(
    world, count, django_assert_max_num_queries
):
    for index in range(count):
        make_person(f"Người Thử {index}", unit=world.union_a2)
    client = client_for(world.provincial_officer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("web:person_list"), {"don_vi": world.union_a2.pk})

    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_unit_tree_query_count_does_not_grow_with_rows(world, count, django_assert_max_num_queries):
    for index in range(count):
        make_unit(f"Công đoàn thử {index}", parent=world.hai_phong)
    client = client_for(world.provincial_officer)

    with django_assert_max_num_queries(10):
        client.get(reverse("web:unit_tree"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("web:unit_children", args=[world.hai_phong.pk]))

    assert len(response.context["nodes"]) == count + 1  # plus An Lão


@pytest.mark.parametrize("count", [1, 3])
def test_unit_search_and_audit_list_query_counts(world, count, django_assert_max_num_queries):
    for index in range(count):
        make_unit(f"Công đoàn Khu thử {index}", parent=world.hai_phong)
    client = client_for(world.admin)

    with django_assert_max_num_queries(10):
        client.get(reverse("web:unit_tree"), {"q": "khu thu"})
    with django_assert_max_num_queries(10):
        client.get(reverse("web:audit_log"))
    with django_assert_max_num_queries(12):
        client.get(reverse("web:user_list"))


def test_unit_tree_shows_units_searched_without_diacritics(world):
    response = client_for(world.provincial_officer).get(reverse("web:unit_tree"), {"q": "an lao"})

    assert world.an_lao.name in response.text
    assert world.union_b.name not in response.text


def test_officer_merges_a_district_in_the_web_ui_and_history_keeps_the_old_tree(world):
    commune = make_unit(
        "Công đoàn xã An Lão",
        kind="cd_xa_phuong",
        parent=world.hai_phong,
        established_on=dt.date(2025, 7, 1),
    )
    client = client_for(world.provincial_officer)

    response = client.post(
        reverse("web:unit_merge", args=[world.an_lao.pk]),
        {
            "target": f"{commune.code} – {commune.name}",
            "effective_on": "2025-07-01",
            "reason": "Công văn 4173/TLĐ-ToC",
        },
    )

    assert response.status_code == 302
    before = client.get(
        reverse("web:unit_children", args=[world.an_lao.pk]), {"ngay": "2025-06-30"}
    )
    after = client.get(reverse("web:unit_children", args=[commune.pk]), {"ngay": "2025-07-01"})
    assert world.union_a.name in before.text
    assert world.union_a.name in after.text
    assert UnitPlacement.objects.on(dt.date(2025, 7, 1)).get(unit=world.union_a).parent == commune


def test_restructure_needs_rights_over_the_parent(world):
    response = client_for(world.district_officer).get(
        reverse("web:unit_move", args=[world.an_lao.pk])
    )

    assert response.status_code == 403


def test_form_errors_are_vietnamese_and_next_to_the_field(world):
    response = client_for(world.provincial_officer).post(
        reverse("web:person_create"), {"full_name": "", "gender": "nam", "unit": "KHONG-CO"}
    )

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.text
    assert "Không tìm thấy đơn vị có mã “KHONG-CO”" in response.text


def test_grassroots_official_cannot_put_a_person_in_another_union(world):
    response = client_for(world.official_a).post(
        reverse("web:person_create"),
        {
            "full_name": "Vũ Thị Hoa",
            "gender": "nu",
            "member_category": "worker",
            "unit": world.union_b.code,
        },
    )

    assert response.status_code == 200
    assert not Person.objects.filter(full_name="Vũ Thị Hoa").exists()


def test_grassroots_official_adds_a_person_to_their_union(world):
    response = client_for(world.official_a).post(
        reverse("web:person_create"),
        {
            "full_name": "Vũ  Thị Hoa",
            "gender": "nu",
            "member_category": "worker",
            "unit": world.union_a.code,
            "date_of_birth": "1990-05-02",
        },
    )

    person = Person.objects.get(full_name="Vũ Thị Hoa")
    assert response.status_code == 302
    assert person.unit == world.union_a
    assert AuditEntry.objects.filter(
        action="person_create", object_id=str(person.pk), actor=world.official_a
    ).exists()


def test_id_number_is_shown_only_to_roles_that_need_it(world):
    url = reverse("web:person_detail", args=[world.person_a.pk])

    assert "031190001234" in client_for(world.provincial_officer).get(url).text
    assert "031190001234" not in client_for(world.leader).get(url).text
    assert "031190001234" not in client_for(world.official_a).get(url).text


def test_administrator_sees_the_audit_log_of_their_subtree_only(world):
    response = client_for(world.admin).get(reverse("web:audit_log"))

    reprs = {entry.object_repr for entry in response.context["page"]}
    assert world.person_a.full_name in reprs
    assert world.person_b.full_name not in reprs


def test_admin_creates_an_account_with_a_role_in_their_subtree(world):
    response = client_for(world.admin).post(
        reverse("web:user_create"),
        {
            "username": "cdcs_moi",
            "full_name": "Đỗ Văn Minh",
            "email": "minh@example.vn",
            "unit": world.union_a2.code,
            "role": "grassroots",
        },
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "dat-lai-mat-khau" in mail.outbox[0].body


def test_login_is_throttled_after_repeated_failures(world):
    client = Client()
    for _ in range(5):
        client.post(reverse("login"), {"username": "cdcs_a", "password": "sai"})

    response = client.post(reverse("login"), {"username": "cdcs_a", "password": "mat-khau-thu-123"})

    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.text


def test_password_reset_sends_a_vietnamese_mail(world):
    response = Client().post(reverse("password_reset"), {"email": "cdcs_a@example.vn"})

    assert response.status_code == 302
    assert mail.outbox[0].subject == "thidua: đặt lại mật khẩu"
    assert "Hãy mở liên kết sau" in mail.outbox[0].body


def test_password_change_page_is_vietnamese(world):
    response = client_for(world.official_a).get(reverse("password_change"))

    assert "Đổi mật khẩu" in response.text
    assert "Mật khẩu cũ" in response.text


def test_people_of_an_ended_unit_are_listed_on_its_people_page(world):
    closing = make_unit("CĐ Công ty sắp giải thể", parent=world.an_lao)
    make_person("Hoàng Văn Lâm", unit=closing)
    services.unit_dissolve(
        actor=None, unit=closing, effective_on=dt.date(2025, 7, 1), reason="Giải thể"
    )

    response = client_for(world.district_officer).get(
        reverse("web:person_list"), {"don_vi": closing.pk}
    )

    assert [p.full_name for p in response.context["page"]] == ["Hoàng Văn Lâm"]
