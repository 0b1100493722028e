"""`thidua event_reminders`: send the reminders due now (run it every 15 minutes from cron or a
systemd timer). Each delegate is reminded once however often it runs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from thidua.events.invitation_sending import reminders_send


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc lịch hội nghị cho đại biểu đã được mời qua thư điện tử, chưa từ chối và "
        "chưa được nhắc, khi đã đến giờ nhắc (số giờ nhắc trước giờ khai mạc của mỗi hội "
        "nghị). Chạy lại không gửi trùng; nên chạy mỗi 15 phút."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = reminders_send()
        self.stdout.write(f"Đã gửi {done.sent} thư nhắc lịch; {done.failed} thư gửi không được.")
