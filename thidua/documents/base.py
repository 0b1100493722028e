"""The one base every official document subclasses, and what they share: the heading and
signature facts, the template a unit uses (its own, an ancestor's or the built-in one), and
rendering through docxtpl in a sandbox, so a broken template reads as a sentence, not a crash.

A generator knows its kind, type code and type name, the placeholders it offers, how its
built-in template is laid out (`build`) and how to fill it from thidua's data (`context`).
Views choose one and stream `docx()` or `pdf()`.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime as dt
import functools
import io
import logging
import re
import zipfile
from collections.abc import Iterable
from typing import Any, ClassVar, Protocol

import jinja2
from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from thidua.common.vietnamese import fold
from thidua.documents.layout import Builder
from thidua.documents.models import DocumentTemplate
from thidua.orgs.models import Unit
from thidua.orgs.selectors import ancestors_on

logger = logging.getLogger(__name__)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"

# The placeholders of the heading and signature blocks, offered by every document.
COMMON_VARIABLES: dict[str, str] = {
    "co_quan_cap_tren": "Tên cơ quan cấp trên trực tiếp (chữ in hoa)",
    "co_quan_ban_hanh": "Tên đơn vị ban hành (chữ in hoa)",
    "so_ky_hieu": "Số, ký hiệu văn bản, ví dụ 35/KH-LĐLĐ",
    "dia_danh_ngay": "Địa danh, ngày tháng năm, ví dụ An Lão, ngày 12 tháng 6 năm 2024",
    "trich_yeu": "Trích yếu nội dung",
    "noi_nhan": "Danh sách nơi nhận (mỗi mục một dòng; dòng “Lưu: VT.” có sẵn trong mẫu)",
    "ky_the": "Thẩm quyền ký, ví dụ TM. BAN THƯỜNG VỤ (trống khi người đứng đầu ký)",
    "chuc_vu_ky": "Chức vụ người ký, ví dụ CHỦ TỊCH",
    "nguoi_ky": "Họ và tên người ký",
}


class DocumentError(Exception):
    """A document that cannot be written; the message is shown to the user as is."""


def date_official(value: dt.date) -> str:
    """'ngày 05 tháng 01 năm 2026', 'ngày 12 tháng 6 năm 2024': the decree puts a 0 before a
    day below 10 and before the months 1 and 2."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def place_date(place: str, day: dt.date | None, *, year: int | None = None) -> str:
    """'An Lão, ngày 12 tháng 6 năm 2024'; a draft leaves day and month blank to be written
    in by hand when it is signed."""
    place = place.strip()
    if day is None:
        when = f"ngày      tháng      năm {year or timezone.localdate().year}"
    else:
        when = date_official(day)
    return f"{place}, {when}" if place else when


def draft_number(type_code: str, issuer: Unit) -> str:
    """'      /KH-LĐLĐ': the number is written in when the document is registered."""
    suffix = f"-{issuer.short_name}" if issuer.short_name else ""
    return f"      /{type_code}{suffix}"


def _abbreviated(name: str) -> str:
    """The parent body as unions write it: "LĐLĐ THÀNH PHỐ HẢI PHÒNG", "TỔNG LĐLĐ VIỆT NAM"."""
    return re.sub(r"^(TỔNG )?LIÊN ĐOÀN LAO ĐỘNG\b", lambda m: (m[1] or "") + "LĐLĐ", name.upper())


def _unit_day(unit: Unit, day: dt.date | None) -> dt.date:
    day = day or timezone.localdate()
    if unit.ended_on and day >= unit.ended_on:
        day = unit.ended_on - dt.timedelta(days=1)
    return day


def parent_of(unit: Unit, day: dt.date | None = None) -> Unit | None:
    """The unit directly above `unit` on `day` (today; an ended unit's last day)."""
    ancestors = ancestors_on(unit, _unit_day(unit, day))
    return ancestors[-1] if ancestors else None


def issuer_lines(issuer: Unit, day: dt.date | None) -> tuple[str, str]:
    """The issuer block: the parent body as it was on the document's date (abbreviated, in
    caps) and the issuing body in caps."""
    ancestors = ancestors_on(issuer, _unit_day(issuer, day))
    parent = _abbreviated(ancestors[-1].name) if ancestors else ""
    return parent, issuer.name.upper()


def recipient_lines(lines: Iterable[str]) -> list[str]:
    """Each recipient ends with ';' as the decree writes them; "Lưu: VT" is in the template."""
    result = []
    for line in lines:
        text = line.strip().lstrip("-–•").strip().rstrip(";.,").strip()
        if text and not fold(text).startswith("luu"):
            result.append(text + ";")
    return result


def heading_context(
    *,
    issuer: Unit,
    type_code: str,
    symbol: str,
    issued_on: dt.date | None,
    place: str,
    subject: str,
    sign_mode: str,
    sign_body: str,
    signer_title: str,
    signer_name: str,
    recipients: Iterable[str] = (),
    year: int | None = None,
) -> dict[str, Any]:
    parent, name = issuer_lines(issuer, issued_on)
    return {
        "co_quan_cap_tren": parent,
        "co_quan_ban_hanh": name,
        "so_ky_hieu": symbol or draft_number(type_code, issuer),
        "dia_danh_ngay": place_date(place or issuer.place_name, issued_on, year=year),
        "trich_yeu": subject,
        "noi_nhan": recipient_lines(recipients),
        "ky_the": f"{sign_mode} {sign_body}".strip().upper() if sign_mode else "",
        "chuc_vu_ky": signer_title.upper(),
        "nguoi_ky": signer_name,
    }


MAX_TEXT = 200_000  # the longest string or list an expression in a template may build


class DocumentSandbox(SandboxedEnvironment):
    """Templates are uploaded by users, so they only read data: values are dicts, lists and
    plain values; attributes are reached only on dataclasses (their fields) and on the loop;
    no method is called; `*` and `**` cannot build huge values. Pictures (docxtpl's
    InlineImage) are printed, never looked into."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, jinja2.runtime.LoopContext):
            return attr in {"index", "index0", "first", "last", "length", "revindex"}
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return attr in {f.name for f in dataclasses.fields(obj)}
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        return False

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise jinja2.exceptions.SecurityError("lũy thừa quá lớn")
        if operator == "*":
            sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
            counts = [v for v in (left, right) if isinstance(v, int)]
            if sizes and counts and sizes[0] * max(counts) > MAX_TEXT:
                raise jinja2.exceptions.SecurityError("chuỗi quá dài")
        return super().call_binop(context, operator, left, right)


def _environment() -> SandboxedEnvironment:
    """A placeholder that does not exist is an error rather than silent blank text."""
    return DocumentSandbox(undefined=jinja2.StrictUndefined, autoescape=True)


def _template_error(error: Exception, source: DocumentTemplate | None) -> DocumentError:
    whose = (
        _("Mẫu văn bản của đơn vị “%(unit)s”") % {"unit": source.unit.name}
        if source is not None
        else _("Mẫu văn bản có sẵn")
    )
    if isinstance(error, jinja2.TemplateSyntaxError):
        detail = _("sai cú pháp chỗ đặt trường (%(message)s)") % {"message": error.message}
    elif isinstance(error, jinja2.UndefinedError):
        detail = _("dùng một trường không có: %(message)s") % {"message": error.message}
    elif isinstance(error, jinja2.exceptions.SecurityError):
        detail = _("dùng một biểu thức không được phép (%(message)s)") % {"message": error}
    elif isinstance(error, zipfile.BadZipFile):
        detail = _("không phải tệp Word (.docx) đọc được")
    else:
        detail = _("không điền được dữ liệu vào mẫu (%(error)s)") % {"error": type(error).__name__}
    return DocumentError(
        _("%(whose)s %(detail)s. Hãy sửa hoặc gỡ mẫu ở trang “Mẫu văn bản”.")
        % {"whose": whose, "detail": detail}
    )


class DocumentGenerator(abc.ABC):
    """One kind of official document, filled from one object of thidua."""

    kind: ClassVar[str]
    type_code: ClassVar[str]
    type_name: ClassVar[str]  # "KẾ HOẠCH"
    variables: ClassVar[dict[str, str]] = {}
    landscape: ClassVar[bool] = False
    extension = "docx"
    content_type = DOCX_CONTENT_TYPE

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    # -- what each document says --------------------------------------------------------------

    @property
    @abc.abstractmethod
    def issuer(self) -> Unit:
        """The unit whose template and register the document uses."""

    @property
    def day(self) -> dt.date | None:
        """The document's date (None while a draft has none)."""
        return None

    @property
    def stem(self) -> str:
        """The file name without extension, in ASCII: 'ke-hoach-35-kh-ldld'."""
        return self.kind

    @classmethod
    @abc.abstractmethod
    def build(cls, b: Builder) -> None:
        """Lay out the built-in template with placeholders."""

    @abc.abstractmethod
    def context(self, template: DocxTemplate) -> dict[str, Any]:
        """The values of the placeholders (the template is given for pictures)."""

    @classmethod
    def all_variables(cls) -> dict[str, str]:
        return {**COMMON_VARIABLES, **cls.variables}

    # -- templates ----------------------------------------------------------------------------

    @classmethod
    def builtin(cls) -> bytes:
        return _builtin(cls)

    def template_source(self) -> DocumentTemplate | None:
        """The unit's own template for this kind, else the nearest ancestor's, else None
        (the built-in one)."""
        issuer = self.issuer
        chain = [issuer, *reversed(ancestors_on(issuer, _unit_day(issuer, self.day)))]
        found = {
            t.unit_id: t
            for t in DocumentTemplate.objects.filter(
                kind=self.kind, unit__in=[u.pk for u in chain]
            ).select_related("unit")
        }
        for unit in chain:
            if unit.pk in found:
                return found[unit.pk]
        return None

    def _template(self) -> tuple[DocxTemplate, DocumentTemplate | None]:
        source = self.template_source()
        try:
            if source is None:
                return DocxTemplate(io.BytesIO(self.builtin())), None
            with source.file.open("rb") as handle:
                return DocxTemplate(io.BytesIO(handle.read())), source
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise _template_error(error, source) from error

    # -- output -------------------------------------------------------------------------------

    @property
    def filename(self) -> str:
        return f"{self.stem}.{self.extension}"

    def render(self, out: io.BufferedIOBase | io.BytesIO) -> None:
        template, source = self._template()
        context = self.context(template)
        try:
            template.render(context, _environment(), autoescape=True)
        except Exception as error:
            # A template is user input: whatever it does wrong reads as a sentence naming it.
            logger.warning("document template failed: %s", error, exc_info=True)
            raise _template_error(error, source) from error
        template.save(out)

    def docx(self) -> bytes:
        out = io.BytesIO()
        self.render(out)
        return out.getvalue()

    def pdf(self) -> bytes:
        from thidua.documents.pdf import docx_to_pdf

        return docx_to_pdf(self.docx())


class Renderable(Protocol):
    """What views stream: a generator, or a registered document's stored file."""

    content_type: str

    @property
    def stem(self) -> str: ...

    @property
    def filename(self) -> str: ...

    def docx(self) -> bytes: ...

    def pdf(self) -> bytes: ...


class StoredDocument:
    """A registered document as it was stored when its number was taken."""

    content_type = DOCX_CONTENT_TYPE

    def __init__(self, stem: str, data: bytes) -> None:
        self._stem = stem
        self.data = data

    @property
    def stem(self) -> str:
        return self._stem

    @property
    def filename(self) -> str:
        return f"{self._stem}.docx"

    def docx(self) -> bytes:
        return self.data

    def pdf(self) -> bytes:
        from thidua.documents.pdf import docx_to_pdf

        return docx_to_pdf(self.data)


@functools.cache
def _builtin(cls: type[DocumentGenerator]) -> bytes:
    builder = Builder(landscape=cls.landscape)
    cls.build(builder)
    return builder.save()


def template_problems(data: bytes, generator: type[DocumentGenerator]) -> list[str]:
    """What is wrong with an uploaded template, in sentences; empty when it can be used."""
    try:
        template = DocxTemplate(io.BytesIO(data))
        used = template.get_undeclared_template_variables(_environment())
    except jinja2.TemplateSyntaxError as error:
        return [
            _(
                "Sai cú pháp chỗ đặt trường (thường do thiếu hoặc thừa một dấu ngoặc {{ }} "
                "hay {%% %%}, hoặc thiếu {%% endif %%}, {%% endfor %%}); chi tiết: %(message)s."
            )
            % {"message": error.message}
        ]
    except (zipfile.BadZipFile, KeyError, ValueError):
        return [_("Tệp không phải tài liệu Word (.docx) đọc được.")]
    known = set(generator.all_variables())
    unknown = sorted(set(used) - known)
    if unknown:
        return [
            _("Mẫu dùng trường không có trong loại văn bản này: %(names)s.")
            % {"names": ", ".join(unknown)}
        ]
    return []
