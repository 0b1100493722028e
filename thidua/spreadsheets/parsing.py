"""Values as people type them into Excel, read without a database.

Text comes in either Unicode form (a name pasted from a PDF is often decomposed, NFD) and with
non-breaking or zero-width spaces; sums of money are written "1.200.000.000", "1,2 tỷ",
"800 triệu" or "1.200.000.000 đồng"; authors are written "Nguyễn Văn An (70%); Lê Thị Bình
(30%)". Each parser returns the typed value or raises CellError with a message the import
report shows as is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from thidua.campaigns.rules import share_problems
from thidua.common.vietnamese import fold
from thidua.spreadsheets.base import CellError

# Spaces Excel users paste from the web and from Word, read as plain spaces; characters that
# show as nothing at all are dropped.
_ODD_SPACES = {ord(char): " " for char in "\u00a0\u2002\u2003\u2007\u2009\u202f\u3000"}
_INVISIBLE = {ord(char): None for char in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}
_CLEAN = _ODD_SPACES | _INVISIBLE


def clean_text(value: str) -> str:
    """One Unicode form (NFC, as the web forms store text), plain spaces, ends trimmed."""
    return unicodedata.normalize("NFC", value).translate(_CLEAN).strip()


# --- money -------------------------------------------------------------------------------

# The amounts stay as Vietnamese write them (that is what the parser reads); only "hoặc" is
# translated.
MONEY_EXAMPLE = gettext_lazy("1.200.000.000, 1,2 tỷ hoặc 800 triệu")
NOT_MONEY = gettext_noop("“%(value)s” không phải là số tiền; hãy ghi ví dụ %(example)s.")
# Nobody's initiative saves more than this a year; a larger number is a typing slip.
MAX_MONEY = 10**15
_SCALES = {"ty": 10**9, "ti": 10**9, "trieu": 10**6, "tr": 10**6, "nghin": 10**3, "ngan": 10**3}
_SCALE_SPLIT = re.compile(r"\s*(ty|ti|trieu|tr|nghin|ngan)\b\s*")
_CURRENCY = re.compile(r"\s*(?:vnd|dong|d)?\s*(?:/\s*nam)?$")
# Digits, then either thousands groups separated by one mark (". , or space") or nothing,
# then an optional decimal part after the other mark.
_NUMBER = re.compile(
    r"(?P<whole>\d{1,3}(?P<sep>[., ])\d{3}(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<mark>[.,])(?P<fraction>\d+))?"
)


def _amount(text: str, *, scaled: bool) -> Decimal | None:
    """'1.200.000' -> 1200000; with a scale word after it ('tỷ'), '1,2' -> 1.2 and '1,500' ->
    1.5 as Vietnamese write decimals, while '1.500' stays fifteen hundred. A bare sum of đồng
    has no decimals, so there '1,500' is fifteen hundred as English writes it."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    whole, sep, mark, fraction = match["whole"], match["sep"], match["mark"], match["fraction"]
    if sep and mark == sep:
        return None  # '1.234.5'
    if scaled and sep == "," and whole.count(",") == 1 and not mark:
        whole, fraction = whole.split(",")
    digits = whole.replace(sep, "") if sep else whole
    return Decimal(f"{digits}.{fraction or 0}")


def parse_money(value: Any) -> int:
    """A sum in whole đồng: an Excel number, or text such as '1.200.000.000 đồng', '1,2 tỷ',
    '800 triệu', '1 tỷ 200 triệu', '1 200 000 000'."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellError(_(NOT_MONEY) % {"value": value, "example": MONEY_EXAMPLE})
    if isinstance(value, int | float):
        if value < 0 or (isinstance(value, float) and not math.isfinite(value)):
            raise CellError(_(NOT_MONEY) % {"value": value, "example": MONEY_EXAMPLE})
        return _whole_dong(Decimal(str(value)), value)
    raw = clean_text(value)
    text = _CURRENCY.sub("", fold(raw))
    pieces = _SCALE_SPLIT.split(text)
    numbers, scales = pieces[0::2], pieces[1::2]
    if scales and numbers[-1] == "":
        numbers.pop()
    if not numbers:
        raise CellError(_(NOT_MONEY) % {"value": raw, "example": MONEY_EXAMPLE})
    total = Decimal(0)
    previous = None
    for index, number in enumerate(numbers):
        scale = _SCALES[scales[index]] if index < len(scales) else 1
        amount = _amount(number, scaled=scale > 1)
        # Parts go from large to small: '1 tỷ 200 triệu', never '200 triệu 1 tỷ' or '1 tỷ 200'.
        if amount is None or (previous is not None and (scale >= previous or scale == 1)):
            raise CellError(_(NOT_MONEY) % {"value": raw, "example": MONEY_EXAMPLE})
        total += amount * scale
        previous = scale
    return _whole_dong(total, raw)


def _whole_dong(amount: Decimal, shown: Any) -> int:
    if amount != amount.to_integral_value():
        raise CellError(
            _("“%(value)s” không phải là số đồng chẵn: số tiền ghi bằng đồng, không có phần lẻ.")
            % {"value": shown}
        )
    if amount > MAX_MONEY:
        message = _("“%(value)s” lớn quá mức có thể; hãy xem lại số tiền.")
        raise CellError(message % {"value": shown})
    return int(amount)


# --- authors -----------------------------------------------------------------------------

AUTHORS_EXAMPLE = "Nguyễn Văn An (70%); Lê Thị Bình (30%)"
# Authors are separated by ';', a new line, or a comma that is neither inside parentheses nor
# a decimal comma ('33,33%').
_AUTHOR_SPLIT = re.compile(r"[;\n]|,(?!\s*\d)(?![^()]*\))")
_NUMBERING = re.compile(r"^\d{1,3}\s*[.)/-]\s+")
_SHARE = r"\d{1,3}(?:[.,]\d+)?"
_AUTHOR = re.compile(
    rf"(?P<name>[^\d%()\[\]]+?)\s*"
    rf"(?:[(\[]\s*(?P<in_brackets>{_SHARE})\s*%?\s*[)\]]|[-–:]?\s*(?P<after>{_SHARE})\s*%)?"
)


def parse_authors(value: Any) -> tuple[tuple[str, Decimal], ...]:
    """'Nguyễn Văn An (70%); Lê Thị Bình (30%)' -> (('Nguyễn Văn An', 70), ('Lê Thị Bình',
    30)). One author without a share has 100%; several must each have theirs, adding up to
    100 (the programme's own rule, campaigns.rules.share_problems)."""
    if not isinstance(value, str):
        message = _("Hãy ghi tên tác giả và tỷ lệ, ví dụ: %(example)s.")
        raise CellError(message % {"example": AUTHORS_EXAMPLE})
    authors: list[tuple[str, Decimal | None]] = []
    for part in _AUTHOR_SPLIT.split(clean_text(value)):
        part = _NUMBERING.sub("", part.strip())
        if not part:
            continue
        authors.append(_author(part))
    if not authors:
        raise CellError(_("Ô này không được để trống."))
    names = [name for name, _share in authors]
    folded = [fold(name) for name in names]
    twice = sorted({name for name, key in zip(names, folded, strict=True) if folded.count(key) > 1})
    if twice:
        raise CellError(
            _("Tác giả “%(name)s” được ghi hơn một lần.") % {"name": "”, “".join(twice)}
        )
    if len(authors) == 1 and authors[0][1] is None:
        return ((authors[0][0], Decimal(100)),)
    missing = [name for name, share in authors if share is None]
    if missing:
        raise CellError(
            _("Chưa ghi tỷ lệ đóng góp của: %(names)s. Ví dụ: %(example)s.")
            % {"names": ", ".join(missing), "example": AUTHORS_EXAMPLE}
        )
    shares = [(name, share) for name, share in authors if share is not None]
    problems = share_problems([share for _name, share in shares])
    if problems:
        raise CellError(" ".join(problems))
    return tuple(shares)


def _author(text: str) -> tuple[str, Decimal | None]:
    match = _AUTHOR.fullmatch(text)
    name = " ".join(match["name"].split()).strip(" -–:") if match else ""
    if match is None or not any(char.isalpha() for char in name):
        raise CellError(
            _("Không đọc được tác giả “%(text)s”; hãy ghi ví dụ: %(example)s.")
            % {"text": text, "example": AUTHORS_EXAMPLE}
        )
    written = match["in_brackets"] or match["after"]
    if written is None:
        return name, None
    share = Decimal(written.replace(",", "."))
    if share != share.quantize(Decimal("0.01")):
        raise CellError(_("Tỷ lệ của “%(name)s” ghi tối đa hai chữ số thập phân.") % {"name": name})
    return name, share


def share_text(share: Decimal) -> str:
    """70.00 -> '70', 33.33 -> '33,33': how a share is written back into a workbook."""
    return f"{share.normalize():f}".replace(".", ",")
