"""Numbers, money, percentages and qualifiers in each language (Babel/CLDR)."""

from __future__ import annotations

import pytest
from babel import Locale

from scripts.checks.language.glossary import site_glossary
from scripts.content.stats.format import az_ablative_suffix, counted_noun, format_value, format_year_period

NOUNS = site_glossary().nouns


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (14897, "cases", None, {"az": "14.897", "en": "14,897", "ru": "14\u00a0897"}),
        (400, "azn", None, {"az": "400\u00a0manat", "en": "400\u00a0manat", "ru": "400\u00a0манатов"}),
        (1000, "azn", None, {"az": "1.000\u00a0manat", "en": "1,000\u00a0manat", "ru": "1\u00a0000\u00a0манатов"}),
        (9000, "count", "approximately", {"az": "təxminən 9.000", "en": "about 9,000", "ru": "около 9\u00a0000"}),
        (80000, "people", "more_than", {"az": "80.000-dən çox", "en": "more than 80,000", "ru": "более 80\u00a0000"}),
        (68, "percent", None, {"az": "68%", "en": "68%", "ru": "68\u00a0%"}),
        (90, "days", None, {"az": "90\u00a0gün", "en": "90\u00a0days", "ru": "90\u00a0дней"}),
        (
            32_000_000_000,
            "usd",
            "approximately",
            {
                "az": "təxminən 32 milyard\u00a0ABŞ dolları",
                "en": "about 32 billion\u00a0US dollars",
                "ru": "около 32 миллиардов\u00a0долларов США",
            },
        ),
        (
            21,
            "azn",
            "approximately",
            {"az": "təxminən 21\u00a0manat", "en": "about 21\u00a0manat", "ru": "около 21\u00a0маната"},
        ),
        (
            3,
            "azn",
            "more_than",
            {"az": "3\u00a0manat-dən çox", "en": "more than 3\u00a0manat", "ru": "более 3\u00a0манатов"},
        ),
        (
            2_500_000,
            "people",
            "approximately",
            {"az": "təxminən 2,5 milyon", "en": "about 2.5 million", "ru": "около 2,5 миллиона"},
        ),
        (4.2, "per_1000", None, {"az": "hər 1.000 nəfərə 4,2", "en": "4.2 per 1,000", "ru": "4,2 на 1\u00a0000"}),
    ],
)
@pytest.mark.parametrize("locale", ["az", "en", "ru"])
def test_values_read_naturally_in_each_language(value, unit, qualifier, expected, locale):
    assert format_value(value, unit, locale, qualifier) == expected[locale]


@pytest.mark.parametrize(
    ("number", "suffix"),
    [
        (1, "-dən"),
        (6, "-dan"),
        (30, "-dan"),
        (80, "-dən"),
        (100, "-dən"),
        (80000, "-dən"),
        (2_000_000, "-dan"),
        (19, "-dan"),
    ],
)
def test_azerbaijani_ablative_follows_vowel_harmony(number, suffix):
    assert az_ablative_suffix(number) == suffix


def test_period_ranges_use_an_en_dash():
    assert format_year_period("2009-2013", "en") == "2009\u20132013"
    assert format_year_period("2017", "ru") == "2017"


# Russian nouns after a number, by CLDR plural category (data/glossary.yml, nouns):
# one (1, 21, 101), few (2-4, 22), many (5-20, 25).
RU_COUNTED = {
    "woman": {
        1: "женщина",
        2: "женщины",
        5: "женщин",
        11: "женщин",
        12: "женщин",
        13: "женщин",
        14: "женщин",
        21: "женщина",
        22: "женщины",
        25: "женщин",
        101: "женщина",
    },
    "person": {
        1: "человек",
        2: "человека",
        5: "человек",
        11: "человек",
        12: "человек",
        13: "человек",
        14: "человек",
        21: "человек",
        22: "человека",
        25: "человек",
        101: "человек",
    },
    "foreigner": {
        1: "иностранец",
        2: "иностранца",
        5: "иностранцев",
        11: "иностранцев",
        12: "иностранцев",
        13: "иностранцев",
        14: "иностранцев",
        21: "иностранец",
        22: "иностранца",
        25: "иностранцев",
        101: "иностранец",
    },
    "victim": {
        1: "пострадавший",
        2: "пострадавших",
        5: "пострадавших",
        11: "пострадавших",
        12: "пострадавших",
        13: "пострадавших",
        14: "пострадавших",
        21: "пострадавший",
        22: "пострадавших",
        25: "пострадавших",
        101: "пострадавший",
    },
}


@pytest.mark.parametrize(
    ("noun", "number", "expected"),
    [(noun, number, form) for noun, forms in RU_COUNTED.items() for number, form in forms.items()],
)
def test_russian_counted_nouns_follow_cldr_plural_rules(noun, number, expected):
    assert counted_noun(NOUNS[noun]["ru"], "ru", number) == expected


@pytest.mark.parametrize(
    ("noun", "number", "qualifier", "expected"),
    [
        # After около/более/до the genitive: singular for 1, 21, 101 and fractions, plural otherwise.
        ("appeal", 9000, "approximately", "обращений"),
        ("appeal", 21, "approximately", "обращения"),
        ("appeal", 22, "more_than", "обращений"),
        ("victim", 21, "approximately", "пострадавшего"),
        ("victim", 101, "up_to", "пострадавшего"),
        ("victim", 25, "more_than", "пострадавших"),
        ("person", 1.5, None, "человека"),
        ("victim", 1.5, None, "пострадавшего"),
        ("person", 2_500_000, "approximately", "человек"),  # около 2,5 миллиона человек
        ("person", 2_500_000, None, "человек"),
    ],
)
def test_russian_nouns_after_approximate_fractional_and_large_figures(noun, number, qualifier, expected):
    assert counted_noun(NOUNS[noun]["ru"], "ru", number, qualifier) == expected


@pytest.mark.parametrize("number", [1, 2, 5, 11, 12, 13, 14, 21, 22, 25, 101, 1.5])
def test_azerbaijani_puts_the_singular_after_any_number(number):
    assert counted_noun(NOUNS["woman"]["az"], "az", number) == "qadın"
    assert counted_noun(NOUNS["person"]["az"], "az", number, "approximately") == "nəfər"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "woman"), (2, "women"), (5, "women"), (11, "women"), (21, "women"), (101, "women"), (1.5, "women")],
)
def test_english_has_one_and_other(number, expected):
    assert counted_noun(NOUNS["woman"]["en"], "en", number) == expected


def test_every_counted_noun_has_every_category_its_language_needs():
    # Azerbaijani nouns do not change after a number, whatever CLDR's category: `other` serves all.
    for noun, languages in NOUNS.items():
        assert set(languages["az"]) == {"other"}, noun
        for locale, forms in languages.items():
            if locale == "az":
                continue
            categories = {Locale.parse(locale).plural_form(n) for n in (0, 1, 2, 5, 21, 1.5)}
            assert categories <= set(forms), (noun, locale, categories - set(forms))
