"""`thidua demo`: load the demo data (once) and print the demo logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import ProtectedError

from thidua.orgs.demo import DEMO_PASSWORD, DemoLogin, load_demo


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: cây tổ chức Hải Phòng (An Lão), Kiên Giang, An Giang, Dầu khí; vài "
        "trăm người; mỗi vai trò một tài khoản; các chương trình sáng kiến Kiên Giang 2021, "
        "An Lão 2024 và Hải Phòng 2026. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "XÓA toàn bộ đơn vị, người, vai trò, các tài khoản mẫu và nhật ký về tổ chức, "
                "rồi tạo lại dữ liệu mẫu."
            ),
        )

        parser.add_argument(
            "--khong-chuong-trinh",
            action="store_true",
            dest="no_programmes",
            help="Chỉ tạo cây tổ chức, người và tài khoản, không tạo chương trình, sáng kiến.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            # The demo accounts share a published password, one of them a superuser.
            raise CommandError("Không tạo dữ liệu mẫu khi THIDUA_PRODUCTION bật.")
        try:
            result = load_demo(
                stdout=self.stdout, reset=options["reset"], programmes=not options["no_programmes"]
            )
        except ProtectedError as exc:
            raise CommandError(
                "Không xóa được dữ liệu tổ chức: còn dữ liệu khác (sáng kiến, hồ sơ…) tham chiếu "
                "đến đơn vị hoặc người."
            ) from exc
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã tạo dữ liệu mẫu: {result.units} đơn vị, {result.people} người, "
                    f"{len(result.logins)} tài khoản, {result.programmes} chương trình, "
                    f"{result.initiatives} sáng kiến."
                )
            )
        else:
            self.stdout.write(
                "Dữ liệu đã có (đơn vị mã TLD đã tồn tại): không tạo thêm. "
                "Dùng --reset để xóa và tạo lại."
            )
        if result.logins:
            self.print_logins(result.logins)

    def print_logins(self, logins: list[DemoLogin]) -> None:
        write = self.stdout.write
        write("")
        write(self.style.MIGRATE_HEADING(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD})"))
        write(f"{'Tên đăng nhập':<14} {'Vai trò':<38} Đơn vị")
        for login in logins:
            write(f"{login.username:<14} {login.role_label:<38} {login.unit_name}")
            write(f"{'':<14} {login.full_name}: {login.can_do}")
        write("")
        write("Đăng nhập bằng một tài khoản ở trên (địa chỉ in ở dòng cuối).")
