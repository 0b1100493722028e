from django.contrib import admin

from thidua.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ["id", "kind", "title", "status", "done", "total", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["created_at", "started_at", "finished_at", "attempts"]
