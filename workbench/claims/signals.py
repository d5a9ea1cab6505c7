"""The linguistic signals behind a check-worthiness score, found with spaCy's Matcher.

Each signal has a weight (log-odds) and a reason a reviewer can read. Word lists use lower-case
forms rather than lemmas so they also work on pipelines without a lemmatizer.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


def _words(text: str) -> list[str]:
    return text.split()


_CAUSAL = _words(
    """because cause causes caused causing blame blamed blames thanks responsible
    contributed contributes consequence consequently therefore"""
)
_CHANGE = _words(
    """increase increased increases increasing decrease decreased decreases rise rose risen
    rises rising fall fell fallen falls falling drop dropped drops grow grew grown grows growing
    decline declined declines double doubled tripled triple cut cuts raised raise raising
    reduce reduced reducing lowered soared plunged surged jumped shrank shrunk expanded"""
)
_UP_DOWN_VERBS = _words("is are was were gone went come came brought bring driven drove go goes")
_LAW = _words(
    """law laws legal illegal illegally unlawful lawful legislation bill bills act statute ban
    banned bans banning regulation regulations rule rules ruled constitution constitutional
    court courts treaty treaties resolution sanction sanctions mandate mandatory prohibited
    prohibits forbidden allowed licence license permit permitted tax taxes"""
)
_MEASURE = _words(
    """percent per cent rate rates average median million millions billion billions trillion
    thousand thousands hundreds dozens jobs unemployment deficit debt budget gdp economy
    inflation wages income poverty crime murders deaths killed died casualties population
    majority minority record half quarter third"""
)
_ACTION = _words(
    """voted vote votes signed passed spent spend spends created lost killed built cost costs
    paid pays invaded attacked accused violated funded raised cut hired fired elected won
    increased reduced launched approved rejected opposed supported introduced sent"""
)
_OPINION = _words(
    """think believe feel hope wish want love hate like should ought must need deserve
    great wonderful terrible horrible beautiful amazing awesome fantastic disgrace disgraceful
    ridiculous incredible tremendous stupid sad shame shameful proud glad happy honored
    honoured delighted pleased thank thanks grateful congratulations"""
)
_BOILERPLATE = _words(
    """subscribe unsubscribe newsletter click sign follow share download contact copyright
    advertisement sponsored cookies"""
)

#: name -> Matcher patterns that need only the tokenizer
PATTERNS: dict[str, list[list[dict[str, object]]]] = {
    "number": [[{"LIKE_NUM": True}], [{"TEXT": {"REGEX": r"^\d"}}]],
    "percent": [[{"TEXT": {"IN": ["%", "percent"]}}], [{"LOWER": "per"}, {"LOWER": "cent"}]],
    "money": [[{"IS_CURRENCY": True}], [{"LOWER": {"IN": ["dollars", "euros", "pounds"]}}]],
    "comparison": [
        [{"LOWER": {"IN": ["more", "less", "fewer"]}}, {"LOWER": "than"}],
        [{"LOWER": {"IN": ["twice", "ahead", "behind", "ranks", "ranked", "compared"]}}],
        [{"LIKE_NUM": True}, {"LOWER": "times"}],
    ],
    "superlative": [
        [{"LOWER": {"IN": ["record", "first", "only", "never", "ever"]}}],
        [{"LOWER": "number"}, {"LOWER": "one"}],
    ],
    "causal": [
        [{"LOWER": {"IN": _CAUSAL}}],
        [{"LOWER": {"IN": ["due", "owing"]}}, {"LOWER": "to"}],
        [{"LOWER": {"IN": ["led", "lead", "leads", "leading"]}}, {"LOWER": "to"}],
        [{"LOWER": {"IN": ["result", "resulted", "results", "resulting"]}}, {"LOWER": "in"}],
        [{"LOWER": "as"}, {"LOWER": "a"}, {"LOWER": "result"}],
    ],
    "prediction": [
        [{"LOWER": {"IN": ["will", "'ll", "’ll", "shall", "wo"]}}],
        [
            {"LOWER": {"IN": ["expected", "likely", "set", "projected", "forecast", "predicted"]}},
            {"LOWER": "to"},
        ],
        [{"LOWER": {"IN": ["forecast", "forecasts", "predict", "predicts", "projection", "next"]}}],
    ],
    "law": [[{"LOWER": {"IN": _LAW}}]],
    "change": [
        [{"LOWER": {"IN": _CHANGE}}],
        [{"LOWER": {"IN": ["up", "down"]}}, {"LIKE_NUM": True}],
        [{"LOWER": {"IN": _UP_DOWN_VERBS}}, {"LOWER": {"IN": ["up", "down"]}}],
    ],
    "measure": [[{"LOWER": {"IN": _MEASURE}}]],
    "action": [[{"LOWER": {"IN": _ACTION}}]],
    "opinion": [
        [{"LOWER": {"IN": _OPINION}}],
        [{"LOWER": "in"}, {"LOWER": "my"}, {"LOWER": {"IN": ["opinion", "view"]}}],
    ],
    "first_person": [[{"LOWER": {"IN": ["i", "me", "my", "i'm", "i’m"]}}]],
    "boilerplate": [
        [{"LOWER": {"IN": _BOILERPLATE}}],
        [{"LOWER": "let"}, {"LOWER": "us"}, {"LOWER": "know"}],
    ],
}

#: Patterns that need part-of-speech tags (used only when the doc has them)
TAGGED_PATTERNS: dict[str, list[list[dict[str, object]]]] = {
    "comparison": [[{"TAG": {"IN": ["JJR", "RBR"]}}]],
    "superlative": [[{"TAG": {"IN": ["JJS", "RBS"]}}]],
    "prediction": [[{"LOWER": "going"}, {"LOWER": "to"}, {"POS": {"IN": ["VERB", "AUX"]}}]],
    "past": [[{"TAG": {"IN": ["VBD", "VBN"]}}]],
}

#: Signals that come from entities rather than the Matcher.
ENTITY_SIGNALS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "LAW": "law",
    "EVENT": "event",
    "PERCENT": "percent",
    "MONEY": "money",
    "QUANTITY": "number",
}
_DURATION_UNITS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "decade",
        "decades",
        "century",
        "centuries",
        "hour",
        "hours",
    ]
)


@dataclass(slots=True)
class Signals:
    """Signals found in one span: name -> the words that showed it (for the reasons)."""

    found: dict[str, str] = field(default_factory=dict)
    words: int = 0

    def add(self, name: str, evidence: str) -> None:
        """Record ``name`` the first time it is seen."""
        self.found.setdefault(name, evidence)

    def __contains__(self, name: str) -> bool:
        return name in self.found


class SignalFinder:
    """Find the signals of every candidate span of a doc with one Matcher pass."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for name, patterns in PATTERNS.items():
            self.matcher.add(name, patterns)
        self.tagged_matcher = Matcher(vocab)
        for name, patterns in TAGGED_PATTERNS.items():
            self.tagged_matcher.add(name, patterns)
        self.vocab = vocab

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, signal)`` for the whole doc, sorted by start."""
        strings = self.vocab.strings
        found = [(start, end, strings[key]) for key, start, end in self.matcher(doc)]
        if doc.has_annotation("TAG") and doc.has_annotation("POS"):
            found += [(start, end, strings[key]) for key, start, end in self.tagged_matcher(doc)]
        found.sort()
        return found

    def signals(self, span: Span, matches: list[tuple[int, int, str]]) -> Signals:
        """The signals inside ``span`` given the doc's ``matches``."""
        doc = span.doc
        result = Signals(words=sum(1 for t in span if not (t.is_punct or t.is_space)))
        in_date: set[int] = set()
        for ent in doc.ents:
            if ent.start < span.start or ent.end > span.end:
                continue
            label = ent.label_
            if label in ("DATE", "TIME"):
                in_date.update(range(ent.start, ent.end))
                is_span = any(t.like_num for t in ent) and any(
                    t.lower_ in _DURATION_UNITS for t in ent
                )
                result.add("duration" if is_span else "date", ent.text)
            elif label in ENTITY_SIGNALS:
                result.add(ENTITY_SIGNALS[label], ent.text)
        first = bisect.bisect_left(matches, (span.start, -1, ""))
        for start, end, name in matches[first:]:
            if start >= span.end:
                break
            if end > span.end:
                continue
            if name == "number" and start in in_date:
                continue
            # "Bill Ayers", "the Affordable Care Act": names, not rules (LAW entities count).
            if name == "law" and doc[start].pos_ == "PROPN":
                continue
            result.add(name, doc[start:end].text)
        if span.text.rstrip(" \"'”’»)").endswith("?"):
            result.add("question", "?")
        if doc.has_annotation("POS"):
            if not any(t.pos_ in ("VERB", "AUX") for t in span):
                result.add("fragment", "")
            root = span.root
            if (
                root.tag_ == "VB"
                and root.i == span.start
                and not any(c.dep_ == "nsubj" for c in root.children)
            ):
                result.add("imperative", root.text)
        return result
