"""Search keys: how a client's name, phone and e-mail are folded so that "zolkiewski" finds "Żółkiewski".

The same folding is applied to what is stored and to what is typed, so matching is a plain substring test.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into base + accent, folded the way people type them.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ħ": "h",
        "ŀ": "l",
        "ŧ": "t",
        "ß": "ss",
        "ſ": "s",
        "ʼ": "'",
        "’": "'",
        "‘": "'",
    }
)
_NON_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")
_PHONE_LIKE = re.compile(r"^[\d\s+()./-]+$")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of text; scripts without accents (Arabic, Han) pass unchanged."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.translate(_EXTRA_FOLDS)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", folded)).strip()


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def looks_like_phone(query: str) -> bool:
    return bool(_PHONE_LIKE.match(query)) and sum(ch.isdigit() for ch in query) >= 2


def query_key(query: str) -> str:
    """The folded form of what was typed in the search box: digits only when it looks like a phone number."""
    if looks_like_phone(query):
        # A trunk "0" typed before a national number is not stored in the international form: drop it.
        number = digits(query)
        return number.lstrip("0") or number
    return fold(query)


def phone_prefix(query: str, region: str | None) -> str | None:
    """The start of an E.164 number (digits only) that a typed phone query stands for, when it can be known:
    "+48 60" -> "4860", "0044 79" -> "4479", "07700" with region GB -> "447700"; None for bare digits."""
    raw = query.strip()
    number = digits(raw)
    if raw.startswith("+"):
        return number or None
    if raw.startswith("00"):
        return number[2:] or None
    if raw.startswith("0") and region:
        import phonenumbers  # imported on first use: it is slow to load

        country_code = phonenumbers.country_code_for_region(region.upper())
        if country_code:
            return f"{country_code}{number[1:]}"
    return None


def client_keys(
    first_name: str,
    last_name: str,
    preferred_name: str,
    phone: str,
    phone_e164: str,
    email: str,
) -> tuple[str, str, str]:
    """(sort_key, name_key, search_text) for one client."""
    first, last, preferred = fold(first_name), fold(last_name), fold(preferred_name)
    sort_key = f"{last} {first}".strip()
    name_key = f"{first} {last}".strip()
    parts = [name_key, sort_key]
    if preferred and preferred != first:
        parts.append(f"{preferred} {last}".strip())
    if email:
        parts.append(email.strip().lower())
    phone_digits = digits(phone)
    e164_digits = digits(phone_e164)
    for number in dict.fromkeys(filter(None, (phone_digits, e164_digits))):
        parts.append(number)
    # " | " keeps one field's end and the next field's start from matching as one word.
    return sort_key, name_key, " | ".join(parts)


def like_prefix(key: str) -> str:
    """A LIKE pattern matching text that starts with key (with LIKE's wildcards escaped by backslash)."""
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts5_phrase(key: str) -> str:
    """key as one FTS5 string literal, so nothing typed is read as query syntax."""
    return '"' + key.replace('"', '""') + '"'
