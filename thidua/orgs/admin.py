from django.contrib import admin

from thidua.orgs.models import Membership, Person, Unit, UnitPlacement, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ["code", "name", "kind", "ended_on"]
    search_fields = ["code", "name_folded"]
    list_filter = ["kind", "end_kind"]


@admin.register(UnitPlacement)
class UnitPlacementAdmin(admin.ModelAdmin[UnitPlacement]):
    list_display = ["unit", "parent", "path", "valid_from", "valid_to"]
    raw_id_fields = ["unit", "parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["full_name", "unit", "position"]
    search_fields = ["name_folded"]
    raw_id_fields = ["unit"]


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["username", "full_name", "email", "is_active"]
    search_fields = ["username", "full_name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "unit", "role"]
    raw_id_fields = ["user", "unit"]
