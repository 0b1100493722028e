"""Keeping an uploaded file between the preview and the confirmation.

The file is stored as MEDIA_ROOT/imports/<random token>.xlsx; the user's session maps the
token to the kind of import and the user who uploaded it. A token that is not in the
requesting user's own session is a 404, so nobody can reach another user's upload, and the
path is built only from tokens this module made.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

SESSION_KEY = "spreadsheet_imports"
# An upload nobody confirmed or cancelled is removed at the next upload after this long.
MAX_AGE = dt.timedelta(days=1)
TOKEN_PATTERN = r"[A-Za-z0-9_-]{32}"  # noqa: S105 - a URL pattern, not a secret


@dataclass(frozen=True)
class StagedFile:
    token: str
    kind: str
    filename: str
    # What the upload page was given with the file (the programme, what to do after importing)
    options: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return imports_dir() / f"{self.token}.xlsx"

    @property
    def query(self) -> str:
        return query_string(self.options)


def query_string(options: Mapping[str, str]) -> str:
    """'?chuong_trinh=5&sau_khi_nhap=submit', or nothing: the upload page's URL takes the
    options back."""
    return "?" + urlencode(sorted(options.items())) if options else ""


def imports_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def _entries(request: HttpRequest) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = request.session.get(SESSION_KEY, {})
    return entries


def _purge_old() -> None:
    cutoff = time.time() - MAX_AGE.total_seconds()
    for path in imports_dir().glob("*.xlsx"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def stage(
    request: HttpRequest,
    *,
    kind: str,
    upload: UploadedFile,
    options: Mapping[str, str] | None = None,
) -> StagedFile:
    """Store `upload` with `options`; it replaces this user's previous upload of the same
    kind."""
    imports_dir().mkdir(parents=True, exist_ok=True)
    _purge_old()
    entries = _entries(request)
    for token in [token for token, entry in entries.items() if entry["kind"] == kind]:
        (imports_dir() / f"{token}.xlsx").unlink(missing_ok=True)
        del entries[token]
    staged = StagedFile(
        token=secrets.token_urlsafe(24), kind=kind, filename=upload.name or "",
        options=dict(options or {}),
    )  # fmt: skip
    with staged.path.open("xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    entries[staged.token] = {
        "kind": kind, "user": request.user.pk, "filename": staged.filename,
        "options": staged.options,
    }  # fmt: skip
    request.session[SESSION_KEY] = entries
    return staged


def staged_file(request: HttpRequest, *, token: str) -> StagedFile:
    entry = _entries(request).get(token)
    if entry is None or entry["user"] != request.user.pk:
        raise Http404(_("Không tìm thấy tệp đã tải lên; hãy tải tệp lên lại."))
    staged = StagedFile(
        token=token, kind=entry["kind"], filename=entry["filename"],
        options=entry.get("options", {}),
    )  # fmt: skip
    if not staged.path.exists():
        discard(request, staged)
        raise Http404(_("Không tìm thấy tệp đã tải lên; hãy tải tệp lên lại."))
    return staged


def discard(request: HttpRequest, staged: StagedFile) -> None:
    staged.path.unlink(missing_ok=True)
    entries = _entries(request)
    entries.pop(staged.token, None)
    request.session[SESSION_KEY] = entries
