"""Azerbaijani for the site's search (overrides/assets/javascripts/lunr/lunr.az.js), run in
Chromium on words from docs/az/: case folding (I and ı, İ and i), and suffix rules that
bring the forms of a word to a shared stem, with vowel harmony, buffer consonants and no
stem shorter than the rules allow. Also: the vendored lunr is the pinned release."""

from __future__ import annotations

import hashlib
import re

import pytest
from conftest import ROOT

LUNR = ROOT / "overrides" / "assets" / "javascripts" / "lunr"
# lunr 2.3.9, lunr.min.js from the npm registry (overrides/assets/javascripts/lunr/README.md).
LUNR_SHA256 = "0c50d9002b85780a842afffb567bb54ede402dae7c6dc5997a018614d8044fc8"


@pytest.fixture(scope="module")
def az(browser):
    """A blank page with lunr and lunr.az.js, as the site loads them."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><title>az</title>")
    page.add_script_tag(path=str(LUNR / "lunr.min.js"))
    page.add_script_tag(path=str(LUNR / "lunr.az.js"))
    yield page
    context.close()


def stems(page, word: str) -> list[str]:
    return page.evaluate("word => lunr.az.stems(lunr.az.normalise(word))", word)


def az_words() -> set[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / "az").glob("*.md")))
    return set(re.findall(r"[a-zəığşçöü]+", text.replace("I", "ı").replace("İ", "i").lower()))


def test_vendored_lunr_is_the_pinned_release():
    assert hashlib.sha256((LUNR / "lunr.min.js").read_bytes()).hexdigest() == LUNR_SHA256
    assert (LUNR / "LICENSE").is_file()


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("QADIN", "qadin"),
        ("qadın", "qadin"),
        ("İNSAN", "insan"),
        ("İnsan alveri", "insan alveri"),
        ("İŞÇİLƏR", "isciler"),
        ("ŞƏXSİYYƏT VƏSİQƏSİ", "sexsiyyet vesiqesi"),
        ("Ölkədən çıxış", "olkeden cixis"),
        ("i\u0307nsan", "insan"),  # "İ" lower-cased elsewhere: i and a combining dot
    ],
)
def test_case_folding_follows_azerbaijani(az, text, normalised):
    assert az.evaluate("text => lunr.az.normalise(text)", text) == normalised
    # One letter for one: match positions in the folded text point into the text as written.
    assert len(normalised) == len(text.replace("\u0307", ""))


def test_javascript_lower_case_alone_would_miss(az):
    """Why lunr.az.lower exists: toLowerCase turns I into i and İ into i + a combining dot."""
    assert az.evaluate("'QADIN'.toLowerCase()") == "qadin"  # not qadın
    assert az.evaluate("'İ'.toLowerCase().length") == 2
    assert az.evaluate("lunr.az.lower('QADIN İNSAN')") == "qadın insan"


# Forms of one word, all from docs/az/, and the stem they must share.
FAMILIES = [
    ("qurban", ["qurban", "qurbanı", "qurbanlar", "qurbanları", "qurbanların", "qurbanlarına", "qurbanlara"]),
    ("huquq", ["hüquqları", "hüquqlarınız", "hüquqlarını"]),
    ("sehife", ["səhifəni", "səhifəsini", "səhifənin", "səhifələr"]),
    ("muqavile", ["müqavilə", "müqaviləsi"]),
    ("alver", ["alveri", "alverinə", "alverinin"]),
    ("telefon", ["telefon", "telefonun", "telefondan", "telefonunuzu"]),
    ("azerbaycan", ["azərbaycan", "azərbaycanda"]),
    ("cinayet", ["cinayət", "cinayətdir"]),
    ("qadin", ["qadın", "qadınlar", "qadınların"]),
    ("xaric", ["xaricdə"]),
    ("usaq", ["uşaq", "uşaqlar", "uşaqların"]),
    ("sagird", ["şagird", "şagirdlər", "şagirdin"]),
    ("olke", ["ölkədən"]),
    ("is", ["iş", "işlər"]),
]


@pytest.mark.parametrize(("stem", "forms"), FAMILIES, ids=[stem for stem, _ in FAMILIES])
def test_forms_of_a_word_share_its_stem(az, stem, forms):
    words = az_words()
    assert [form for form in forms if form not in words] == [], "not (any more) in docs/az/: pick other words"
    for form in forms:
        found = stems(az, form)
        assert stem in found, f"{form}: {found}"
        assert found[0] == az.evaluate("word => lunr.az.normalise(word)", form), "the word itself comes first"


@pytest.mark.parametrize(
    ("form", "stem"),
    [
        ("uşağı", "usaq"),  # q written ğ before a vowel
        ("ürəyi", "urek"),  # k written y before a vowel
        ("müqavilələrə", "muqavile"),  # plural + dative after ə
        ("qadınlara", "qadin"),  # plural + dative
        ("pasportlarını", "pasport"),  # plural + possessive + accusative
        ("səhifəsində", "sehife"),  # possessive + locative with its buffer n
        ("polisə", "polis"),
    ],
)
def test_alternations_and_stacked_endings(az, form, stem):
    assert stem in stems(az, form)


@pytest.mark.parametrize(
    ("form", "not_stem", "why"),
    [
        ("qurbanlər", "qurban", "-lər after a back vowel breaks vowel harmony"),
        ("kitabsı", "kitab", "the buffer s of -sı comes only after a vowel"),
        ("səhifəı", "səhifə", "the bare -ı comes only after a consonant"),
        ("üçün", "uc", "no stem shorter than three letters after a vowel suffix"),
        ("ana", "an", "no stem shorter than three letters after a vowel suffix"),
        ("bu", "b", "too short to strip"),
    ],
)
def test_rules_strip_only_what_azerbaijani_puts_there(az, form, not_stem, why):
    assert not_stem not in stems(az, form), why


def test_every_word_of_the_pages_keeps_itself_and_gives_sensible_stems(az):
    words = sorted(az_words())
    results = az.evaluate("words => words.map(word => lunr.az.stems(lunr.az.normalise(word)))", words)
    problems = []
    for word, found in zip(words, results, strict=True):
        folded = az.evaluate("word => lunr.az.normalise(word)", word) if not found else found[0]
        if len(found) > 12:
            problems.append(f"{word}: {len(found)} stems")
        for stem in found:
            # A stem is the word cut short (its last letter may be the q or k a ğ or y stands for).
            if not (folded.startswith(stem) or folded.startswith(stem[:-1])) or len(stem) < min(2, len(folded)):
                problems.append(f"{word}: {stem}")
    assert problems == []


def test_the_stemmer_is_a_lunr_pipeline_step(az):
    """In lunr's pipeline one token becomes a token per stem, at the word's position."""
    tokens = az.evaluate(
        """() => {
          const token = new lunr.Token('qadinlar', {position: [4, 8]});
          return lunr.az.stemmer(token).map(t => [t.toString(), t.metadata.position]);
        }"""
    )
    assert tokens == [["qadinlar", [4, 8]], ["qadin", [4, 8]]]
    # Through a whole index: a capitalised, suffixed query finds the bare word's document.
    found = az.evaluate(
        """() => {
          const index = lunr(function () {
            this.ref('id'); this.field('text');
            this.pipeline.reset(); this.searchPipeline.reset();
            this.pipeline.add(lunr.az.stemmer); this.searchPipeline.add(lunr.az.stemmer);
            this.add({id: 'a', text: lunr.az.normalise('Qadın və kişi')});
            this.add({id: 'b', text: lunr.az.normalise('Uşaqlar')});
          });
          return index.query(q => q.term(lunr.az.normalise('QADINLARA'))).map(r => r.ref);
        }"""
    )
    assert found == ["a"]
