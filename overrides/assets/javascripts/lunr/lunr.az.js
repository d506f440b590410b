/*
 * Azerbaijani for lunr: case folding and suffix rules, the same for the index and the
 * query. assets/js/search.js loads this after lunr.min.js on Azerbaijani pages only.
 *
 * Case folding: JavaScript's toLowerCase turns "I" into "i" (Azerbaijani: ı) and "İ"
 * into "i" + a combining dot, so "QADIN" would never find "qadın". lower() maps I to ı
 * and İ to i first. Then fold() drops the marks (ə e, ı i, ö o, ü u, ş s, ç c, ğ g):
 * a reader without an Azerbaijani keyboard types "qadin", and both spellings meet.
 * Both keep every letter in place (one letter for one), so match positions still point
 * into the text as written.
 *
 * Suffixes: stems(word) strips, from the end, a copula (-dır), a case ending, a
 * possessive ending and the plural (-lar/-lər), each only where Azerbaijani puts it:
 * the suffix's vowel must follow vowel harmony with the stem (A: a after a back vowel,
 * ə after a front one; I: ı, i, u or ü), and a buffer consonant (-sı, -nın, -ya, -nı,
 * -na, -nda) only after a vowel, the bare form (-ı, -ın, -a) only after a consonant.
 * Harmony is checked on folded letters, where ı/i, o/ö and u/ü look the same, so there
 * only the a/ə and i/u choices are checked. Being conservative, every step keeps what it
 * started from: "qadınlar" gives "qadinlar" and "qadin", and a bare "səhifə" gives
 * "sehife" and "sehif" (its last letter could be a dative ending), so two forms of a
 * word meet on some stem and the word as written always stays. No stem is shorter than
 * three letters, or two after a suffix that starts with a consonant ("işlər": "iş").
 * tests/test_search_az.py tries these rules on words from docs/az/.
 */
(function () {
  "use strict";
  if (typeof lunr === "undefined") return;

  var MARKS = { "ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g" };
  var VOWELS = "aeiou";

  function lower(text) {
    return String(text).replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase().replace(/\u0307/g, "");
  }

  function fold(text) {
    return text.replace(/[əıöüşçğ]/g, function (letter) { return MARKS[letter]; });
  }

  // What a search compares: the text in lower case, without the marks.
  function normalise(text) {
    return fold(lower(text));
  }

  function isVowel(letter) {
    return VOWELS.indexOf(letter) !== -1;
  }

  function lastVowel(word) {
    for (var i = word.length - 1; i >= 0; i--) if (isVowel(word[i])) return word[i];
    return "";
  }

  function vowelCount(word) {
    var count = 0;
    for (var i = 0; i < word.length; i++) if (isVowel(word[i])) count++;
    return count;
  }

  // Vowel harmony on folded letters: may a suffix vowel (A: a or e; I: i or u) follow this stem?
  function harmonises(stem, vowel) {
    var last = lastVowel(stem);
    if (!last) return false;
    if (vowel === "a") return last !== "e";
    if (vowel === "e") return last !== "a";
    if (vowel === "i") return "aei".indexOf(last) !== -1;
    if (vowel === "u") return "ou".indexOf(last) !== -1;
    return true;
  }

  // Suffixes by slot, outermost first. A: a/ə, I: ı/i/u/ü. "after": what the stem must end
  // in ("V" a vowel, "C" a consonant, "P" the vowel of a possessive ending, "" either).
  var SLOTS = [
    // The copula: cinayətdir, qadağandır.
    [["dIr", ""]],
    // Case endings (with -n- after a possessive ending: alverinə, səhifəsində).
    [
      ["ndAn", "P"], ["dAn", ""], ["ndA", "P"], ["dA", ""],
      ["nIn", "V"], ["In", "C"],
      ["yA", "V"], ["nA", "P"], ["A", "C"],
      ["nI", "V"], ["I", "C"],
      ["ylA", "V"], ["lA", "C"]
    ],
    // Possessive endings: our, your (the site speaks to its reader as "siz"), his/her/its.
    [["ImIz", "C"], ["mIz", "V"], ["InIz", "C"], ["nIz", "V"], ["sI", "V"], ["I", "C"]],
    // The plural.
    [["lAr", ""]]
  ];

  // Each template spelled out: "lAr" -> "lar", "ler" with the vowel each form needs.
  var RULES = SLOTS.map(function (slot) {
    var rules = [];
    slot.forEach(function (entry) {
      var template = entry[0];
      var options = template.indexOf("A") !== -1 ? ["a", "e"] : template.indexOf("I") !== -1 ? ["i", "u"] : [""];
      options.forEach(function (vowel) {
        rules.push({
          suffix: template.replace(/[AI]/g, vowel),
          vowel: vowel,
          after: entry[1],
          consonantFirst: !isVowel(template.replace(/[AI]/g, vowel)[0])
        });
      });
    });
    return rules;
  });

  function strip(word, rule) {
    var suffix = rule.suffix;
    if (word.length <= suffix.length || word.slice(-suffix.length) !== suffix) return null;
    var stem = word.slice(0, -suffix.length);
    if (stem.length < (rule.consonantFirst ? 2 : 3) || !lastVowel(stem)) return null;
    var end = stem[stem.length - 1];
    if (rule.after === "V" && !isVowel(end)) return null;
    if (rule.after === "C" && isVowel(end)) return null;
    if (rule.after === "P" && end !== "i" && end !== "u") return null;
    if (rule.vowel && !harmonises(stem, rule.vowel)) return null;
    return stem;
  }

  // Before a vowel, a final q of a word of two syllables or more is written ğ (uşaq,
  // uşağı) and a final k is written y (ürək, ürəyi): the stem with its own last letter too.
  function alternations(stem, rule) {
    if (rule.consonantFirst || vowelCount(stem) < 2) return [];
    var end = stem[stem.length - 1];
    if (end === "g") return [stem.slice(0, -1) + "q"];
    if (end === "y" && isVowel(stem[stem.length - 2])) return [stem.slice(0, -1) + "k"];
    return [];
  }

  var cache = Object.create(null);

  // Every form the suffix rules reach from a (normalised) word, the word itself first.
  function stems(word) {
    if (cache[word]) return cache[word];
    var found = [];
    var seen = Object.create(null);
    function walk(form, slot) {
      if (!seen[form]) {
        seen[form] = true;
        found.push(form);
      }
      for (var s = slot; s < RULES.length; s++) {
        RULES[s].forEach(function (rule) {
          var stem = strip(form, rule);
          if (stem === null) return;
          walk(stem, s + 1);
          alternations(stem, rule).forEach(function (other) { walk(other, s + 1); });
        });
      }
    }
    walk(word, 0);
    cache[word] = found;
    return found;
  }

  // lunr pipeline step: one token in, a token for each stem out (same position).
  function stemmer(token) {
    return stems(token.toString()).map(function (stem) {
      return token.clone(function () { return stem; });
    });
  }
  lunr.Pipeline.registerFunction(stemmer, "stemmer-az");

  lunr.az = { lower: lower, fold: fold, normalise: normalise, stems: stems, stemmer: stemmer };
})();
