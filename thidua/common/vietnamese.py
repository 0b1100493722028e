"""Vietnamese text: name ordering, diacritic-free search keys, dates and money in words.

Pure functions, no database: the rules of the language, tested on their own.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

# The Vietnamese alphabet, in dictionary order, with f j w z (foreign names) placed where
# the Latin alphabet puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: index + 1 for index, letter in enumerate(_ALPHABET)}

# Tone marks as combining characters, in dictionary order (Hoàng Phê): level, grave (huyền),
# hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
_TONES = {"\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0301": 5, "\u0323": 6}
# Marks that make a different letter rather than a tone.
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "'"}
_HAT = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}


def _split_letter(char: str) -> tuple[str, int]:
    """One precomposed character -> (base Vietnamese letter, tone rank); tone 1 is level."""
    lower = char.lower()
    if lower == "đ":
        return "đ", 1
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    tone = 1
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark == "\u0306" and base == "a":
            base = "ă"
        elif mark == "\u0302" and base in _HAT:
            base = _HAT[base]
        elif mark == "\u031b" and base in _HORN:
            base = _HORN[base]
    return base, tone


def _word_key(word: str) -> str:
    """Letters first, then tones: 'an' < 'anh' < 'án' is wrong; 'an' < 'án' < 'anh' is right
    because tones only break ties between words with the same letters."""
    letters: list[str] = []
    tones: list[str] = []
    for char in word:
        base, tone = _split_letter(char)
        rank = _LETTER_RANK.get(base)
        if rank is None:
            # Digits sort after letters, in numeric order; anything else after digits.
            letters.append(f"{80 + int(base)}" if base.isdigit() else "99")
            continue
        letters.append(f"{rank:02d}")
        tones.append(str(tone))
    return "".join(letters) + "00" + "".join(tones)


def split_name(full_name: str) -> tuple[str, str]:
    """'Nguyễn Văn An' -> ('Nguyễn Văn', 'An'): the given name is the last word."""
    words = full_name.split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """A key that orders people Vietnamese-style: by given name, then family and middle names,
    each compared letter by letter in the Vietnamese alphabet with tones after letters.

    The key is plain ASCII digits so every database collation orders it the same way.
    """
    rest, given = split_name(full_name)
    parts = [given, *rest.split()]
    # "|" (0x7C) would sort after digits; " " (0x20) sorts before them, so a shorter name
    # with the same words sorts first.
    return " ".join(_word_key(part) for part in parts if part)


def fold(text: str) -> str:
    """Lower case without diacritics: 'Nguyễn Văn Ánh' -> 'nguyen van anh'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


def search_terms(query: str) -> list[str]:
    """The folded words of a search query; each must start a word of a row for it to match
    (see `word_prefix_q`)."""
    return fold(query).split()


def date_in_words(value: dt.date) -> str:
    """'ngày 12 tháng 6 năm 2024' – day and month below 10 get a leading zero in documents
    only where the issuer asks; the seed writes 'ngày 12 tháng 6 năm 2024'."""
    return f"ngày {value.day:d} tháng {value.month:d} năm {value.year:d}"


def time_in_words(value: dt.datetime) -> str:
    """'14h00 ngày 23 tháng 7 năm 2024': the hour of a meeting as plans and invitations write
    it. `value` is read as it is: pass a local time (timezone.localtime)."""
    return f"{value.hour:d}h{value.minute:02d} {date_in_words(value.date())}"


def date_short(value: dt.date | None) -> str:
    """'12/06/2024', the form used in lists and spreadsheets."""
    return value.strftime("%d/%m/%Y") if value else ""


def thousands(number: int) -> str:
    """12500 -> '12.500': a count written the Vietnamese way."""
    sign = "-" if number < 0 else ""
    return f"{sign}{abs(number):,}".replace(",", ".")


def money(amount: int) -> str:
    """1200000000 -> '1.200.000.000 đồng'. Money is whole đồng, never a float."""
    return thousands(amount) + " đồng"


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = ["", "nghìn", "triệu", "tỷ"]


def _three_digits(number: int, full: bool) -> str:
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and (full or hundreds):
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def number_in_words(number: int) -> str:
    """1200000000 -> 'một tỷ hai trăm triệu'. Groups of three digits; 'tỷ' repeats above."""
    if number == 0:
        return "không"
    if number < 0:
        return "âm " + number_in_words(-number)
    billions, below = divmod(number, 1_000_000_000)
    parts: list[str] = []
    if billions:
        parts.append(number_in_words(billions) + " tỷ")
    groups: list[int] = []
    for _ in range(3):
        below, group = divmod(below, 1000) if below else (0, 0)
        groups.append(group)
    # groups: units, thousands, millions
    started = bool(billions)
    for scale_index in (2, 1, 0):
        group = groups[scale_index]
        if group == 0:
            continue
        text = _three_digits(group, full=started)
        parts.append(f"{text} {_SCALES[scale_index]}".strip())
        started = True
    return " ".join(parts)


def money_in_words(amount: int) -> str:
    """1200000000 -> 'Một tỷ hai trăm triệu đồng'."""
    words = number_in_words(amount) + " đồng"
    return words[0].upper() + words[1:]


_WEEKDAYS = ["thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"]


def weekday_name(value: dt.date) -> str:
    """dt.date(2024, 7, 23) -> 'thứ ba'."""
    return _WEEKDAYS[value.weekday()]


def clock_time(value: dt.datetime | dt.time) -> str:
    """14:00 -> "14h00'", the way plans and invitations write the hour."""
    return f"{value.hour:02d}h{value.minute:02d}'"


def lower_first(text: str) -> str:
    """'Tổ chức hội nghị' -> 'tổ chức hội nghị', to continue a sentence."""
    return text[:1].lower() + text[1:] if text else text
