"""Numbers, money, percentages and qualifiers in each language (Babel/CLDR)."""

from __future__ import annotations

import pytest

from scripts.stats.format import az_ablative_suffix, format_value, format_year_period


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
