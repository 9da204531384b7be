"""Realistic, international demo clients for the demo studio and the benchmark (stdlib only, deterministic).

`demo_clients(count, seed, today)` yields `ClientDraft`s: names from many cultures spelt in their own scripts
(about four in five in Latin script, as in a European studio), mostly men, valid mobile numbers for the
country the client lives in, e-mails at reserved example domains, addresses, emergency contacts, and an SMP
profile that fits the reason for treatment. The same seed and `today` always give the same clients, and a
shorter run is a prefix of a longer one. The data (names, places, phone ranges) lives in `demo_names`.

Written for speed (the benchmark builds 100,000 clients): weighted choices are 1,000-slot tables picked with
one random number, and formats are compiled once at import.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import TypeVar

from smp_desktop.core import demo_names as data
from smp_desktop.core.domain import (
    NORWOOD_STAGES,
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    TreatmentReason,
)
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry

__all__ = ["EMAIL_DOMAINS", "FEMALE_SHARE", "demo_clients"]

EMAIL_DOMAINS = ("example.com", "example.org", "example.net")  # reserved (RFC 2606): never a real mailbox
FEMALE_SHARE = 0.15  # SMP clients are mostly men; women come for alopecia and density

T = TypeVar("T")
Rnd = Callable[[], float]


def _table(items: Sequence[T], weights: str | Sequence[float]) -> tuple[T, ...]:
    """A weighted choice as a 1,000-slot table, so that a pick is `table[int(rnd() * 1000)]`."""
    cum = list(accumulate(float(w) for w in (weights.split() if isinstance(weights, str) else weights)))
    return tuple(items[bisect(cum, (i + 0.5) * cum[-1] / 1000)] for i in range(1000))


def _choices(kind: Callable[[str], T], spec: str) -> tuple[T, ...]:
    """`_choices(ScarKind, "fut_strip=55 fue_dots=45")`: a table of enum members by their stored values."""
    pairs = _pairs(spec)
    return _table([kind(value) for value in pairs], [float(w) for w in pairs.values()])


def _split(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(part.strip().replace("_", " ") for part in text.split(sep) if part.strip())


def _pairs(text: str) -> dict[str, str]:
    return dict(entry.partition("=")[::2] for entry in text.split())


def _pick(seq: Sequence[T], rnd: Rnd) -> T:
    return seq[int(rnd() * len(seq))]


def _common(seq: Sequence[T], rnd: Rnd) -> T:
    """Early entries more often (lists run from common to rare), as names are in a real population."""
    return seq[int(len(seq) * rnd() ** 1.25)]


# --- Transliteration for e-mail addresses ----------------------------------------------------------------
_CYRILLIC = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdezijklmnoprstufye", strict=True)) | _pairs(
    "ё=yo ж=zh й=y х=kh ц=ts ч=ch ш=sh щ=shch ъ= ь= ю=yu я=ya"
)
_UKRAINIAN = _CYRILLIC | _pairs("г=h ґ=g и=y і=i ї=yi є=ye '=")
_GREEK = dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)) | _pairs("θ=th χ=ch ψ=ps")
_GREEK_PAIRS = tuple(_pairs("ου=ou αι=ai ει=ei οι=oi αυ=av ευ=ev γγ=ng γκ=gk μπ=mp").items())
_LATIN = str.maketrans(_pairs("ł=l ø=o æ=ae œ=oe ß=ss đ=d ı=i ð=d"))
_TABLES = {"ru": _CYRILLIC, "uk": _UKRAINIAN, "el": _GREEK}


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@cache
def _ascii(text: str, scheme: str = "") -> str:
    """Lower-case ASCII letters and digits for an e-mail address: "Łukasz" -> "lukasz", "Γιώργος" -> "giorgos"."""
    s = text.lower()
    if scheme == "el":
        s = _strip_marks(s)
        s = ("b" + s[2:]) if s.startswith("μπ") else s
        for greek, latin in _GREEK_PAIRS:
            s = s.replace(greek, latin)
    elif scheme == "uk":
        s = s.replace("ий", "yi")
    if scheme in _TABLES:
        s = "".join(_TABLES[scheme].get(ch, ch) for ch in s)
    s = _strip_marks(s.translate(_LATIN))
    return "".join(ch for ch in s if ch.isascii() and ch.isalnum())


# --- Parsed data -----------------------------------------------------------------------------------------
_FEMALE_ENDINGS = {
    "pl": _pairs("ski=ska cki=cka dzki=dzka"),
    "ru": _pairs("ский=ская цкий=цкая ой=ая ов=ова ев=ева ёв=ёва ин=ина ын=ына"),
    "uk": _pairs("ський=ська цький=цька ов=ова ев=ева ін=іна ин=ина"),
}


def _female_surname(male: str, rule: str) -> str:
    for ending, female in _FEMALE_ENDINGS.get(rule, {}).items():
        if male.endswith(ending):
            return male[: -len(ending)] + female
    return male


@dataclass(frozen=True, slots=True)
class _Culture:
    lang: str
    homes: tuple[str, ...]  # weighted table of country keys
    primary_home: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[tuple[str, str], ...]  # (male form, female form)
    forms: dict[str, tuple[str, str]]  # either form -> both forms
    middle_m: tuple[str, ...]  # Vietnamese middle names ("Văn", "Thị")
    middle_f: tuple[str, ...]
    ascii_of: dict[str, str]  # every name -> its ASCII form for e-mails
    nicknames: dict[str, tuple[str, ...]]
    abroad_m: tuple[str, ...]  # English names some use abroad
    abroad_f: tuple[str, ...]
    translit: str
    double: float  # chance of two surnames
    keeps: bool  # women keep their own surname when they marry
    order: str  # "" given name first; "1" family name first, no space (CJK); "vi" family first with spaces
    fitzpatrick: tuple[int, ...]
    hair: tuple[str, ...]

    def ascii(self, name: str) -> str:
        return self.ascii_of.get(name) or _ascii(name, self.translit)

    def full_name(self, first: str, last: str) -> str:
        if self.order == "1":
            return last + first
        return f"{last} {first}" if self.order else f"{first} {last}"


_HAIR_WORDS = ("black", "dark brown", "brown", "light brown", "blond", "red")


def _culture(raw: dict[str, str]) -> _Culture:
    latin: dict[str, str] = {}

    def names(text: str) -> tuple[str, ...]:
        entries = [entry.partition("=") for entry in _split(text)]
        latin.update((native, spelled) for native, _, spelled in entries if spelled)
        return tuple(native for native, _, _ in entries)

    homes = [entry.split(":") for entry in raw["homes"].split()]
    surnames = []
    for entry in names(raw["surnames"]):
        his, _, hers = entry.partition("/")
        surnames.append((his, hers or _female_surname(his, raw.get("fem", ""))))
    male, female, scheme = names(raw["male"]), names(raw["female"]), raw.get("translit", "")
    everyone = {*male, *female, *(form for pair in surnames for form in pair)}
    return _Culture(
        lang=raw["lang"],
        homes=_table([h for h, _ in homes], [float(w) for _, w in homes]),
        primary_home=homes[0][0],
        male=male,
        female=female,
        surnames=tuple(surnames),
        forms={form: pair for pair in surnames for form in pair},
        middle_m=_split(raw.get("middle_m", "")),
        middle_f=_split(raw.get("middle_f", "")),
        ascii_of={name: _ascii(latin[name]) if name in latin else _ascii(name, scheme) for name in everyone},
        nicknames={name: _split(options, ",") for name, options in _pairs(raw.get("nick", "")).items()},
        abroad_m=_split(raw.get("abroad_m", "")),
        abroad_f=_split(raw.get("abroad_f", "")),
        translit=scheme,
        double=float(raw.get("double", "0")),
        keeps=bool(raw.get("keeps")),
        order=raw.get("cjk", ""),
        fitzpatrick=_table(range(1, 7), raw["fitz"]),
        hair=_table(_HAIR_WORDS, raw["hair"]),
    )


_Postcode = tuple[str, tuple[str, ...]]  # format with one {} a random character, the characters to draw from


@dataclass(frozen=True, slots=True)
class _Country:
    iso: str
    phones: tuple[tuple[str, int], ...]  # (format with the prefix filled in and {} for the digits, 10**digits)
    cities: tuple[tuple[str, tuple[_Postcode, ...]], ...]
    streets: tuple[str, ...]
    line1: tuple[str, ...]
    line2: tuple[str, ...]
    p2: float  # chance of a second address line


_POSTCODE_CHARACTERS = {"#": "0123456789", "%": "123456789", "@": data.POSTCODE_LETTERS}


def _country(key: str, raw: dict[str, str]) -> _Country:
    phones = []
    for group in raw["phone"].split(";"):
        prefixes, _, digits = group.partition(":")
        for prefix in prefixes.split():
            pattern = raw["format"].replace("*", "x" * (len(prefix) + int(digits) - raw["format"].count("x")))
            for digit in prefix:
                pattern = pattern.replace("x", digit, 1)
            phones.append((pattern.replace("x", "{}"), 10 ** int(digits)))
    cities = []
    for entry in raw["cities"].split():
        city, _, templates = entry.partition("=")
        postcodes = tuple(
            (
                "".join("{}" if ch in _POSTCODE_CHARACTERS else ch for ch in template.replace("_", " ")),
                tuple(_POSTCODE_CHARACTERS[ch] for ch in template if ch in _POSTCODE_CHARACTERS),
            )
            for template in templates.split("|")
        )
        cities.append((city.replace("_", " "), postcodes))
    return _Country(
        iso=raw.get("iso", key),
        phones=tuple(phones),
        cities=tuple(cities),
        streets=_split(raw["streets"]),
        line1=tuple(raw["line1"].split("|")),
        line2=tuple(raw["line2"].split("|")) if raw["line2"] else (),
        p2=float(raw["p2"]),
    )


_CULTURES = _table(
    [_culture(raw) for raw in data.CULTURES.values()], [float(raw["weight"]) for raw in data.CULTURES.values()]
)
_COUNTRIES = {key: _country(key, raw) for key, raw in data.COUNTRIES.items()}
_NOTES = {lang: _split(text, ";") for lang, text in data.NOTES.items()}
_SCALP_NOTES = {ScalpCondition(k): _split(v, ";") for k, v in data.SCALP_NOTES.items()}
_REFERRAL_DETAILS = {ReferralSource(k): _split(v, ";") for k, v in data.REFERRAL_DETAILS.items()}
_SCARS = {ScarKind(k): (_split(where, ";"), _split(notes, ";")) for k, (where, notes) in data.SCARS.items()}

# --- Weighted choices (1,000-slot tables) ----------------------------------------------------------------
_R, _A, _S, _H, _G = TreatmentReason, AlopeciaPattern, ScarKind, HairlineStyle, Greying
_THIN, _ALO, _SCAR, _DENS = _R.THINNING, _R.ALOPECIA, _R.SCAR_CONCEALMENT, _R.DENSITY
_REASONS_MALE = _table(((), (_THIN,), (_THIN, _SCAR), (_ALO,), (_SCAR,), (_DENS,), (_DENS, _SCAR)), "4 62 7 8 8 8 3")
_REASONS_FEMALE = _table(((), (_ALO,), (_DENS,), (_SCAR,), (_DENS, _SCAR)), "4 44 40 8 4")
_ALOPECIA_MALE = _choices(
    AlopeciaPattern, "areata=35 totalis=15 universalis=12 diffuse=15 traction=5 frontal_fibrosing=3 scarring=10 other=5"
)
_ALOPECIA_FEMALE = _choices(
    AlopeciaPattern, "areata=25 totalis=10 universalis=8 diffuse=20 traction=15 frontal_fibrosing=15 scarring=5 other=2"
)
_SCAR_AFTER_TRANSPLANT = _choices(ScarKind, "fut_strip=55 fue_dots=45")
_SCAR_ANY = _choices(ScarKind, "fut_strip=28 fue_dots=24 surgical=20 injury=17 burn=6 other=5")
_HAIRLINE = _choices(HairlineStyle, "soft=45 defined=25 receded=15 straight=8 custom=7")
_HAIRLINE_MATURE = _choices(HairlineStyle, "soft=35 defined=12 receded=45 straight=3 custom=5")
_LENGTH_THINNING = _choices(HairLengthWish, "shaved=55 buzz=35 short=8 keep_long=2")
_LENGTH_ALOPECIA = _choices(HairLengthWish, "shaved=68 buzz=22 short=6 keep_long=4")
_LENGTH_ALOPECIA_FEMALE = _choices(HairLengthWish, "shaved=50 buzz=20 short=15 keep_long=15")
_LENGTH_SCAR = _choices(HairLengthWish, "shaved=15 buzz=40 short=40 keep_long=5")
_LENGTH_DENSITY_MALE = _choices(HairLengthWish, "shaved=5 buzz=35 short=45 keep_long=15")
_LENGTH_FEMALE = _choices(HairLengthWish, "shaved=10 buzz=10 short=40 keep_long=40")  # density under kept hair
_GREYING_BY_DECADE = tuple(  # 18-27, 28-37, 38-47, 48-57, 58+
    _choices(Greying, weights)
    for weights in (
        "none=90 some=10",
        "none=60 some=34 half=6",
        "none=25 some=45 half=24 mostly=6",
        "none=10 some=30 half=35 mostly=20 all=5",
        "none=2 some=13 half=30 mostly=35 all=20",
    )
)
_SCALP = _choices(ScalpCondition, "normal=50 dry=15 oily=15 sensitive=10 thick=5 thin=5")
_REFERRAL = _choices(ReferralSource, "search=30 social=30 friend=24 doctor=5 clinic=5 walk_in=3 other=3")
_AGES = _table(range(18, 76), [1.0] * 7 + [3.2] * 31 + [0.6] * 20)  # 18-75, mostly 25-55
_RELATIONS = (  # by age: under 30, 30-55, over 55
    ("mother", "father", "brother", "sister", "partner", "partner", "friend"),
    ("spouse", "spouse", "partner", "brother", "sister", "mother", "friend"),
    ("spouse", "spouse", "partner", "son", "daughter", "brother", "sister"),
)
_FEMALE_RELATIONS = {"mother", "sister", "daughter", "wife"}
_BLOOD_RELATIONS = {"mother", "father", "brother", "sister", "son", "daughter"}
_NEEDS_MORE = {  # address templates that use more than street, house, flat and a small number
    template
    for raw in data.COUNTRIES.values()
    for template in (raw["line1"] + "|" + raw["line2"]).split("|")
    if any(key in template for key in ("{b}", "{k}", "{L}", "{l}"))
}
_EMAIL_STYLES = ("{f}.{l}", "{f}{l}", "{i}.{l}", "{f}_{l}", "{l}.{f}", "{f}")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class _Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rnd = random.Random(seed).random
        self.phones: set[str] = set()
        self.emails: set[str] = set()
        self.births: dict[int, tuple[int, int]] = {}  # age -> (first possible birthday as ordinal, days)
        for age in range(18, 76):
            first = (_years_before(today, age + 1) + timedelta(days=1)).toordinal()
            self.births[age] = (first, _years_before(today, age).toordinal() - first + 1)

    def client(self) -> ClientDraft:
        rnd = self.rnd
        culture: _Culture = _CULTURES[int(rnd() * 1000)]
        female = rnd() < FEMALE_SHARE
        home = culture.homes[int(rnd() * 1000)]
        country = _COUNTRIES[home]
        first, given, last = self.name(culture, female)
        age = _AGES[int(rnd() * 1000)]
        born = None
        if rnd() >= 0.04:
            first_day, days = self.births[age]
            born = date.fromordinal(first_day + int(rnd() * days))
        f: dict[str, object] = {"first_name": first, "last_name": last, "date_of_birth": born}
        abroad = home != culture.primary_home
        nicknames = culture.nicknames.get(first)
        if nicknames and rnd() < 0.35:
            if culture.translit:  # Latin-script nicknames ("Sasha") for people living abroad
                nicknames = tuple(n for n in nicknames if n.isascii() == abroad) or nicknames
            f["preferred_name"] = _pick(nicknames, rnd)
        elif abroad and culture.abroad_m and rnd() < 0.3:
            f["preferred_name"] = _pick(culture.abroad_f if female else culture.abroad_m, rnd)
        if rnd() < 0.93:
            f["phone"] = self.phone(country)
        if rnd() < 0.8:
            f["email"] = self.email(culture.ascii(given) or "client", culture.ascii(last), born)
        if rnd() < 0.7:
            self.address(f, country)
        if "phone" in f or "city" in f:
            f["country"] = country.iso
        if rnd() < 0.5:
            self.emergency(f, culture, female, age, home)
        if rnd() < 0.8:
            self.referral(f, culture)
        if rnd() < 0.18:
            lang = culture.lang if rnd() < 0.4 else "en"
            f["notes"] = _pick(_NOTES.get(f"{lang}_f" if female else lang) or _NOTES.get(lang) or _NOTES["en"], rnd)
        self.profile(f, culture, female, age)
        return ClientDraft(**f)  # type: ignore[arg-type]

    # -- people --
    def name(self, culture: _Culture, female: bool) -> tuple[str, str, str]:
        """(first name as written, given name alone, surname) for someone of this culture."""
        rnd = self.rnd
        given = first = _common(culture.female if female else culture.male, rnd)
        if culture.middle_m:
            first = f"{_common(culture.middle_f if female else culture.middle_m, rnd)} {given}"
        last = _common(culture.surnames, rnd)[female]
        if culture.double and rnd() < culture.double:
            second = _common(culture.surnames, rnd)[female]
            if second != last:
                last = f"{last} {second}"
        return first, given, last

    def phone(self, country: _Country) -> str:
        rnd, phones = self.rnd, self.phones
        while True:
            pattern, scale = _pick(country.phones, rnd)
            text = pattern.format(*str(scale + int(rnd() * scale))[1:])
            if text not in phones:
                phones.add(text)
                return text

    def email(self, first: str, family: str, born: date | None) -> str:
        rnd = self.rnd
        local = _EMAIL_STYLES[int(rnd() * 6) if family else 5].format(f=first, l=family, i=first[0])
        number = born.year % 100 if born is not None and rnd() < 0.4 else 1 + int(rnd() * 99)
        while True:
            address = f"{local}{number}@{_common(EMAIL_DOMAINS, rnd)}"
            if address not in self.emails:
                self.emails.add(address)
                return address
            number = 1 + int(rnd() * 9999)

    def address(self, f: dict[str, object], country: _Country) -> None:
        rnd = self.rnd
        f["city"], postcodes = _pick(country.cities, rnd)
        pattern, characters = _pick(postcodes, rnd)
        f["postcode"] = pattern.format(*[pool[int(rnd() * len(pool))] for pool in characters])
        values = {
            "s": _pick(country.streets, rnd),
            "n": 1 + int(rnd() ** 2 * 180),  # house numbers: small ones are commoner
            "m": 1 + int(rnd() * 30),
            "a": 1 + int(rnd() * 5),
        }
        line1 = _pick(country.line1, rnd)
        line2 = _pick(country.line2, rnd) if country.line2 and rnd() < country.p2 else ""
        if line1 in _NEEDS_MORE or line2 in _NEEDS_MORE:
            values |= {"b": 100 + int(rnd() * 9800), "k": 101 + 100 * int(rnd() * 12) + int(rnd() * 10)}
            values |= {"L": "ABCD"[int(rnd() * 4)], "l": "abc"[int(rnd() * 3)]}
        f["address_line1"] = line1.format_map(values)
        if line2:
            f["address_line2"] = line2.format_map(values)

    def emergency(self, f: dict[str, object], culture: _Culture, female: bool, age: int, home: str) -> None:
        rnd = self.rnd
        relation = _pick(_RELATIONS[0 if age < 30 else 1 if age <= 55 else 2], rnd)
        if relation == "spouse":
            relation = "husband" if female else "wife"
        if relation in ("partner", "friend"):
            their_female = (not female) if rnd() < 0.9 else female
        else:
            their_female = relation in _FEMALE_RELATIONS
        first, _, their_last = self.name(culture, their_female)
        if first == f["first_name"]:
            first = self.name(culture, their_female)[0]
        last = str(f["last_name"])
        if (relation in _BLOOD_RELATIONS and not (relation == "mother" and culture.keeps)) or (
            relation in ("wife", "husband") and not culture.keeps and rnd() < 0.7
        ):
            their_last = culture.forms.get(last, (last, last))[their_female]
        f["emergency_contact_name"] = culture.full_name(first, their_last)
        f["emergency_contact_relation"] = relation
        f["emergency_contact_phone"] = self.phone(_COUNTRIES[home if rnd() < 0.8 else culture.primary_home])

    def referral(self, f: dict[str, object], culture: _Culture) -> None:
        rnd = self.rnd
        source = f["referral_source"] = _REFERRAL[int(rnd() * 1000)]
        if source is ReferralSource.FRIEND:
            first, _, last = self.name(culture, rnd() < 0.3)
            f["referral_detail"] = culture.full_name(first, last)
        elif source is ReferralSource.DOCTOR and rnd() < 0.5:
            f["referral_detail"] = f"Dr {self.name(culture, False)[2]}"
        elif details := _REFERRAL_DETAILS.get(source):
            f["referral_detail"] = _pick(details, rnd)

    # -- SMP profile --
    def profile(self, f: dict[str, object], culture: _Culture, female: bool, age: int) -> None:
        rnd = self.rnd
        reasons = (_REASONS_FEMALE if female else _REASONS_MALE)[int(rnd() * 1000)]
        if not reasons:
            return  # an enquiry: not assessed yet
        f["reasons"] = reasons
        thinning, alopecia = _THIN in reasons, _ALO in reasons
        if thinning or (_DENS in reasons and not female and rnd() < 0.6):
            centre = 1 + (age - 18) * 9 / 57 if thinning else 1 + rnd() * 4  # stage grows with age
            stage = int(centre + (rnd() + rnd() + rnd() - 1.5) * 3)
            f["norwood_stage"] = NORWOOD_STAGES[min(max(stage, 1), 11 if thinning else 6)]
        if alopecia:
            pattern = f["alopecia_pattern"] = (_ALOPECIA_FEMALE if female else _ALOPECIA_MALE)[int(rnd() * 1000)]
            f["alopecia_temporary"] = (pattern is _A.AREATA and rnd() < 0.25) or (pattern is _A.DIFFUSE and rnd() < 0.1)
        if _SCAR in reasons:
            f["scars"] = tuple(self.scar(thinning and index == 0) for index in range(1 + (rnd() < 0.25)))
        greying = f["greying"] = _GREYING_BY_DECADE[min((age - 18) // 10, 4)][int(rnd() * 1000)]
        grey = (greying is _G.ALL and rnd() < 0.8) or (greying is _G.MOSTLY and rnd() < 0.4)
        f["hair_colour"] = "grey" if grey else culture.hair[int(rnd() * 1000)]
        if rnd() < 0.85:
            f["fitzpatrick_type"] = culture.fitzpatrick[int(rnd() * 1000)]
        if rnd() < 0.85:
            condition = f["scalp_condition"] = _SCALP[int(rnd() * 1000)]
            if condition in _SCALP_NOTES and rnd() < 0.3:
                f["scalp_condition_notes"] = _pick(_SCALP_NOTES[condition], rnd)
        if (thinning or alopecia) and not female:
            f["hairline_style"] = (_HAIRLINE_MATURE if age > 50 else _HAIRLINE)[int(rnd() * 1000)]
        elif rnd() < (0.6 if alopecia else 0.2):
            f["hairline_style"] = _H.SOFT
        if female:
            lengths = _LENGTH_ALOPECIA_FEMALE if alopecia else _LENGTH_FEMALE
        elif thinning or alopecia:
            lengths = _LENGTH_THINNING if thinning else _LENGTH_ALOPECIA
        else:
            lengths = _LENGTH_SCAR if reasons == (_SCAR,) else _LENGTH_DENSITY_MALE
        f["hair_length_wish"] = lengths[int(rnd() * 1000)]

    def scar(self, after_transplant: bool) -> ScarEntry:
        rnd = self.rnd
        kind = (_SCAR_AFTER_TRANSPLANT if after_transplant else _SCAR_ANY)[int(rnd() * 1000)]
        places, notes = _SCARS[kind]
        cm, mm, grafts = 8 + int(rnd() * 20), 2 + int(rnd() * 9), 500 * (2 + int(rnd() * 8))
        note = _pick(notes, rnd).format(cm=cm, mm=mm, grafts=grafts)
        return ScarEntry(location=_pick(places, rnd), kind=kind, notes=note)


def demo_clients(count: int, seed: int = 2026, today: date | None = None) -> Iterator[ClientDraft]:
    """Yield `count` demo clients; the same `seed` and `today` always give the same clients.

    Phones are unique within one call, and so are e-mails (at reserved example domains); everyone is 18 to 75
    on `today` (default: the real today) and a few have no date of birth.
    """
    generator = _Generator(seed, today or date.today())
    for _ in range(count):
        yield generator.client()
