"""Figures stated in prose: proactive total, applications received, reviews, lawsuits.

Each rule reads sentences (see prose.py) and returns the first statement that fits;
a count beats a statement that there were none. Table cells, read elsewhere, win over
these in the summary; the prose values are its fallback and feed the prose-vs-table checks.
"""

from __future__ import annotations

import re

from generator.extract import legacy, meta, proactive
from generator.extract.applications import read_applications, read_carried_over
from generator.extract.prose import NUMBER, Sentence, clauses, count, sentences
from generator.extract.text import Text
from generator.extract.vocab import CASE_UNITS
from generator.extract.zero import ALL_ZERO_RX, figure, label_none, section_says_none, zero_statement
from generator.records import Figure, Section

REVIEW_WORDS, SUIT_WORDS = ("复议",), ("诉讼", "起诉")
# a count after the noun, with its unit or its breakdown in brackets ('行政复议1(结果维持1)'),
# or before it ('全年有3起因政府信息公开申请提起的行政复议')
_CASE_UNIT = r"(?:\s*[" + CASE_UNITS + r"]|(?=\s*[(（]))"
NUMBER_BEFORE = NUMBER.replace("?P<n>", "?P<n2>")  # the count before the noun
CASE_COUNT_RX = {
    "reviews_total": re.compile(
        r"复议(?![^,，。;；\d]{0,8}?(?:起诉|诉讼))[^,，。;；\d、和及]{0,8}?"
        + NUMBER
        + _CASE_UNIT
        + r"|(?<![未没无不])(?:有|发生|出现)"
        + NUMBER_BEFORE
        + r"\s*[起件宗例][^,，。;；\d]{0,24}?(?:提起|引起|申请)的?行政复议"
    ),
    "litigations_total": re.compile(
        r"(?:诉讼|起诉)[^,，。;；\d、和及]{0,8}?"
        + NUMBER
        + _CASE_UNIT
        + r"|(?<![未没无不])(?:有|发生|出现)"
        + NUMBER_BEFORE
        + r"\s*[起件宗例][^,，。;；\d]{0,24}?(?:提起|引起)的?行政诉讼"
    ),
}
# both kinds of lawsuit, added like the table's columns: '未经复议直接起诉2件,复议后起诉2件'
SUIT_KINDS_RX = re.compile(
    r"(?:直接起诉|复议后(?:提起)?(?:行政)?(?:起诉|诉讼))[^,，。;；\d]{0,6}?"
    + NUMBER
    + r"\s*["
    + CASE_UNITS
    + r"]"
)
# the second object of one negation, after a comma: '未发生…申请行政复议,提起行政诉讼的情况'
COORDINATE_RX = re.compile(r"[,，]?\s*(?:或者?|以及|及|和|也)?\s*(?:提起|申请|引起)")
# '全年实现答复“零复议、零诉讼”'
# ... or one zero for both: '申请行政复议、提起行政诉讼0件'
JOINT_ZERO = r"|复议[^,，。;；\d]{0,10}?(?:诉讼|起诉)[^,，。;；\d]{0,4}?\s*(?:0|零)\s*[件起宗例个](?![\d])"
ZERO_CASES_RX = {
    "reviews_total": re.compile(r"零(?:行政)?复议" + JOINT_ZERO),
    "litigations_total": re.compile(r"零(?:行政)?诉讼" + JOINT_ZERO),
}


# a reading gloss after a character: '申請(qǐng)', '復(fù)議' (a syllable with a tone mark)
GLOSS_RX = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def without_glosses(text: Text) -> Text:
    """The text with reading glosses dropped, so that '复(fù)议' reads as 复议 (lines kept, so
    every figure's line stands); the text itself when it prints none."""
    if not any(GLOSS_RX.search(line) for line in text.raw):
        return text
    return Text([GLOSS_RX.sub("", line) for line in text.raw])


def read_facts(text: Text, heads: list[Section], year: int | None = None) -> dict[str, Figure]:
    """Every prose figure the rules know; a rule that fails on odd text is skipped."""
    text = without_glosses(text)
    sents = [s for s in sentences(text) if not s.table]
    if year is None:  # the year covered tells this year's figures from earlier ones
        year = meta.year_of(text)
    found: dict[str, Figure] = {}
    rules = {
        "proactive_total": lambda: proactive.read_proactive_total(sents, year),
        "applications_received": lambda: read_applications(sents, text, heads, year),
        "applications_carried_over": lambda: read_carried_over(sents, year),
        "reviews_total": lambda: read_cases(sents, text, heads, "reviews_total", year),
        "litigations_total": lambda: read_cases(sents, text, heads, "litigations_total", year),
    }
    for key, rule in rules.items():
        try:
            fig = rule()
        except Exception:  # odd text must never stop the other rules
            fig = None
        if fig is not None:
            found[key] = fig
    try:
        found.update(legacy.read_legacy(sents, year))
    except Exception:
        pass
    return found


def _both_kinds(sentence: str) -> int | None:
    """The lawsuits of both kinds added: '未经复议直接起诉2件(…),复议后起诉2件' -> 4."""
    values = [count(m["n"]) for m in SUIT_KINDS_RX.finditer(sentence)]
    return sum(v for v in values if v is not None) if len(values) >= 2 else None


def read_cases(
    sents: list[Sentence], text: Text, heads: list[Section], key: str, year: int | None
) -> Figure | None:
    """Reviews (行政复议) or lawsuits (行政诉讼): a count ('行政复议4起'), else 0 when the
    text says none occurred ('未发生…行政复议、诉讼'), else None."""
    words = REVIEW_WORDS if key == "reviews_total" else SUIT_WORDS
    sents = [s for s in sents if any(w in s.text for w in words)]
    for sent in sents:
        if sent.earlier_year(year):
            continue
        for m in CASE_COUNT_RX[key].finditer(sent.text):
            n = "n" if m["n"] is not None else "n2"
            value = count(m[n])
            if value is not None:
                if key == "litigations_total":
                    value = _both_kinds(sent.text) or value
                return figure(value, sent, m.start(n))
    for sent in sents:
        if ZERO_CASES_RX[key].search(sent.text):
            return figure(0, sent, ZERO_CASES_RX[key].search(sent.text).start())
        prev = ""
        for start, clause in clauses(sent.text):
            at = zero_statement(clause, words, ())
            if (
                at is None
                and COORDINATE_RX.match(clause)
                and zero_statement(prev, REVIEW_WORDS + SUIT_WORDS, ())
            ):
                at = 0 if any(w in clause for w in words) else None  # '未发生…申请行政复议,提起行政诉讼'
            prev = clause
            if at is None:
                mention = min((clause.find(w) for w in words if w in clause), default=-1)
                zero = ALL_ZERO_RX.search(clause, mention) if mention >= 0 else None
                at = mention if zero else None
            if at is not None:
                return figure(0, sent, start + at)
        label = label_none(sent, words, ())
        if label is not None:
            return label
    return section_says_none(text, heads, ("复议", "诉讼"))
