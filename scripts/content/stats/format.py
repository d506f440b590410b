"""Locale-aware formatting of dataset values with Babel (CLDR).

`14897` reads `14.897` in az, `14,897` in en and `14 897` (no-break space) in ru.
Unit words follow each language's plural rules (ru: 1 манат, 2 маната, 5 манатов).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent

# Unit words by locale and CLDR plural category; '' means the number stands alone.
UNIT_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "people": {"az": {"other": ""}, "en": {"other": ""}, "ru": {"other": ""}},
    "cases": {"az": {"other": ""}, "en": {"other": ""}, "ru": {"other": ""}},
    "count": {"az": {"other": ""}, "en": {"other": ""}, "ru": {"other": ""}},
    "azn": {
        "az": {"other": "manat"},
        "en": {"other": "manat"},
        "ru": {"one": "манат", "few": "маната", "many": "манатов", "other": "маната"},
    },
    "usd": {
        "az": {"other": "ABŞ dolları"},
        "en": {"one": "US dollar", "other": "US dollars"},
        "ru": {"one": "доллар США", "few": "доллара США", "many": "долларов США", "other": "доллара США"},
    },
    "days": {
        "az": {"other": "gün"},
        "en": {"one": "day", "other": "days"},
        "ru": {"one": "день", "few": "дня", "many": "дней", "other": "дня"},
    },
    "years": {
        "az": {"other": "il"},
        "en": {"one": "year", "other": "years"},
        "ru": {"one": "год", "few": "года", "many": "лет", "other": "года"},
    },
}

# How a qualifier wraps a formatted value; {value} is the number with its unit.
QUALIFIERS: dict[str, dict[str, str]] = {
    "approximately": {"az": "təxminən {value}", "en": "about {value}", "ru": "около {value}"},
    "more_than": {"az": "{value}{ablative} çox", "en": "more than {value}", "ru": "более {value}"},
    "up_to": {"az": "ən çoxu {value}", "en": "up to {value}", "ru": "до {value}"},
}

PER_THOUSAND: dict[str, str] = {
    "az": "hər {base} nəfərə {value}",
    "en": "{value} per {base}",
    "ru": "{value} на {base}",
}

# Values from a million up read better in words: "32 billion", "2,5 milyon".
COMPACT_FROM = 1_000_000

# Azerbaijani ablative suffix (-dan/-dən) by vowel harmony with the number's last word.
_AZ_DIGIT_BACK = {6: True, 9: True, 1: False, 2: False, 3: False, 4: False, 5: False, 7: False, 8: False}
_AZ_TENS_BACK = {1: True, 3: True, 4: True, 6: True, 9: True, 2: False, 5: False, 7: False, 8: False}


def az_ablative_suffix(number: float) -> str:
    """'-dən' or '-dan' for a number as spoken in Azerbaijani (80.000-dən, 30-dan)."""
    if number != int(number):
        return "-dən"  # "... tam ... onda ..." fractions end in words taking -dən in common use
    value = abs(int(number))
    if value == 0:
        return "-dan"  # sıfır
    if value % 10:
        back = _AZ_DIGIT_BACK[value % 10]
    elif value % 100:
        back = _AZ_TENS_BACK[(value // 10) % 10]
    elif value % 1000:
        back = False  # yüz
    elif value % 1_000_000:
        back = False  # min
    else:
        back = True  # milyon, milyard
    return "-dan" if back else "-dən"


def plural_category(locale: str, number: float) -> str:
    return Locale.parse(locale).plural_form(number)


def format_number(value: float, locale: str) -> str:
    if abs(value) >= COMPACT_FROM:
        return format_compact_decimal(value, locale=locale, format_type="long", fraction_digits=1)
    return format_decimal(value, locale=locale)


# Russian "около", "более" and "до" govern the genitive: "около 32 миллиардов", "около 21 маната".
# The genitive of a counted noun is the form CLDR gives to another plural category.
RU_GENITIVE_CATEGORY = {"one": "few", "few": "many", "many": "many", "other": "other"}
# Babel's long compact forms (nominative) and their genitive after a preposition.
RU_COMPACT_GENITIVE = {
    "миллион": "миллиона",
    "миллиона": "миллионов",
    "миллиард": "миллиарда",
    "миллиарда": "миллиардов",
}


def unit_word(unit: str, locale: str, value: float, genitive: bool = False) -> str:
    words = UNIT_WORDS[unit][locale]
    if abs(value) >= COMPACT_FROM and locale == "ru":
        # "32 миллиарда долларов США": after миллион/миллиард the noun is genitive plural.
        return words.get("many", words["other"])
    category = plural_category(locale, value)
    if genitive:
        category = RU_GENITIVE_CATEGORY[category]
    return words.get(category, words["other"])


# Units whose figures stand alone, so that a marker may name what they count (noun=).
COUNTED_UNITS = frozenset({"people", "cases", "count"})


def counted_noun(forms: Mapping[str, str], locale: str, value: float, qualifier: str | None = None) -> str:
    """The form of a noun counted by `value` (data/glossary.yml, nouns), by CLDR plural rules.

    Azerbaijani has only `other` (the singular after any number). Russian after a bare
    number: 1 пострадавший, 2 пострадавших, 5 пострадавших, 21 пострадавший, 1,5 пострадавшего;
    after около/более/до (a qualifier) the genitive: около 21 пострадавшего, около 22 пострадавших.
    """
    if locale == "ru" and abs(value) >= COMPACT_FROM:
        return forms["many"]  # "2,5 миллиона человек", "около 32 миллиардов обращений"
    category = plural_category(locale, value)
    if locale == "ru" and qualifier is not None:
        if category == "one":
            return forms.get("genitive_one", forms["few"])
        category = RU_GENITIVE_CATEGORY[category]
    return forms.get(category, forms["other"])


def _ru_compact_genitive(number: str) -> str:
    """'32 миллиарда' -> '32 миллиардов'; a fraction already reads as genitive ('2,5 миллиона')."""
    head, _, word = number.rpartition(" ")
    if not head or "," in head:
        return number
    return f"{head} {RU_COMPACT_GENITIVE.get(word, word)}"


# Cached: a page repeats figures, and Babel's formatting is the costly part of a marker.
@lru_cache(maxsize=4096)
def format_value(value: float, unit: str, locale: str, qualifier: str | None = None) -> str:
    """The value as a reader sees it in the page's language, unit and qualifier included."""
    if unit == "percent":
        text = format_percent(value / 100, locale=locale)
    elif unit == "per_1000":
        text = PER_THOUSAND[locale].format(
            value=format_decimal(value, locale=locale), base=format_decimal(1000, locale=locale)
        )
    else:
        genitive = locale == "ru" and qualifier is not None
        number = format_number(value, locale)
        if genitive and abs(value) >= COMPACT_FROM:
            number = _ru_compact_genitive(number)
        word = unit_word(unit, locale, value, genitive)
        text = f"{number}\u00a0{word}" if word else number
    if qualifier:
        text = QUALIFIERS[qualifier][locale].format(value=text, ablative=az_ablative_suffix(value))
    return text


def format_year_period(period: str, locale: str) -> str:
    """'2017' stays '2017'; a range uses an en dash: '2009–2013'."""
    return period.replace("-", "\u2013")


def format_iso_date(iso: str, locale: str) -> str:
    """A full ISO date (YYYY-MM-DD) in the locale's long form; partial dates stay as given."""
    from datetime import date

    if len(iso) != 10:
        return iso
    return format_date(date.fromisoformat(iso), format="long", locale=locale)
