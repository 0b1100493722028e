"""A unit's own templates: uploaded (checked first) and removed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.audit import audit_record
from thidua.documents.base import template_problems
from thidua.documents.kinds import generator_class
from thidua.documents.models import (
    DocumentTemplate,
)
from thidua.documents.services.common import TEMPLATE_MAX_BYTES, _user
from thidua.orgs.models import Unit
from thidua.orgs.selectors import unit_current_path

# --- templates ---------------------------------------------------------------------------------


@transaction.atomic
def template_upload(*, actor: Any, unit: Unit, kind: str, upload: UploadedFile) -> DocumentTemplate:
    """A unit's own template for `kind`, replacing the one it had. Refused, with the reason,
    when it is not a Word file, too big, or uses placeholders the kind does not have."""
    if upload.size and upload.size > TEMPLATE_MAX_BYTES:
        raise ValidationError({"file": _("Tệp mẫu quá lớn (tối đa 5 MB).")})
    data = upload.read()
    generator = generator_class(kind)
    problems = template_problems(data, generator)
    if problems:
        raise ValidationError({"file": problems})
    existing = DocumentTemplate.objects.select_for_update().filter(unit=unit, kind=kind).first()
    if existing is not None:
        existing.file.delete(save=False)
        template = existing
    else:
        template = DocumentTemplate(unit=unit, kind=kind)
    template.original_name = (upload.name or "")[:255]
    template.uploaded_by = _user(actor)
    template.uploaded_at = timezone.now()
    template.file.save(f"{kind}.docx", ContentFile(data), save=False)
    template.save()
    audit_record(
        actor=actor,
        action="template_upload",
        obj=template,
        changes={"kind": [None, kind], "file": [None, template.original_name]},
        unit_path=unit_current_path(unit),
    )
    return template


@transaction.atomic
def template_remove(*, actor: Any, template: DocumentTemplate) -> None:
    audit_record(
        actor=actor,
        action="template_remove",
        obj=template,
        changes={"kind": [template.kind, None], "file": [template.original_name, None]},
        unit_path=unit_current_path(template.unit),
    )
    template.file.delete(save=False)
    template.delete()
