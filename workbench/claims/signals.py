"""The linguistic signals behind a check-worthiness score, found with spaCy's matchers.

Each signal has a weight (log-odds) and a reason a reviewer can read. Word lists use lower-case
forms rather than lemmas so they also work on pipelines without a lemmatizer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
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

#: name -> lower-case words and phrases (one PhraseMatcher pass finds them all)
PHRASES: dict[str, list[str]] = {
    "percent": ["%", "percent", "per cent"],
    "money": ["dollars", "euros", "pounds"],
    "comparison": [
        *(f"{word} than" for word in ("more", "less", "fewer")),
        *_words("twice ahead behind ranks ranked compared"),
    ],
    "superlative": [*_words("record first only never ever"), "number one"],
    "causal": [
        *_CAUSAL,
        *(f"{word} to" for word in _words("due owing led lead leads leading")),
        *(f"{word} in" for word in _words("result resulted results resulting")),
        "as a result",
    ],
    "prediction": [
        *_words("will 'll ’ll shall wo forecast forecasts predict predicts projection next"),
        *(f"{word} to" for word in _words("expected likely set projected forecast predicted")),
        "going to",
    ],
    "law": _LAW,
    "change": [*_CHANGE, *(f"{verb} {way}" for verb in _UP_DOWN_VERBS for way in ("up", "down"))],
    "measure": _MEASURE,
    "action": _ACTION,
    "opinion": [*_OPINION, "in my opinion", "in my view"],
    "first_person": _words("i me my i'm i’m"),
    "boilerplate": [*_BOILERPLATE, "let us know"],
}

#: name -> Matcher patterns on token attributes
PATTERNS: dict[str, list[list[dict[str, object]]]] = {
    "number": [[{"LIKE_NUM": True}]],
    "money": [[{"IS_CURRENCY": True}]],
    "comparison": [[{"LIKE_NUM": True}, {"LOWER": "times"}]],
    "change": [[{"LOWER": way}, {"LIKE_NUM": True}] for way in ("up", "down")],
}

#: name -> fine-grained tags that show it (used only when the doc is tagged)
TAGS: dict[str, tuple[str, ...]] = {
    "comparison": ("JJR", "RBR"),
    "superlative": ("JJS", "RBS"),
    "past": ("VBD", "VBN"),
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
_VERBAL = ("VERB", "AUX")
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

# "Two years ago", "three years later": a point in time, not a length of time.
_RELATIVE_TIME = frozenset({"ago", "later", "earlier", "before", "after", "previously", "since"})
_MONTHS = frozenset(
    _words(
        """january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec"""
    )
)
_YEAR_LEADS = frozenset(
    {"in", "since", "by", "from", "until", "till", "of", "year", "early", "late"}
)
_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def _is_month(token: Token) -> bool:
    return token.lower_.rstrip(".") in _MONTHS and token.text[:1].isupper()


def looks_like_date(token: Token) -> bool:
    """A number that the entity recogniser missed as part of a date: 9/11, 1998, April 27."""
    text = token.text
    if _SLASHED_DATE.fullmatch(text):
        return True
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if _YEAR.fullmatch(text):
        # "in 1998", "April 27, 2015" (but "2000 people" counts people).
        if token.dep_ == "nummod" or (after is not None and after.lower_ in ("%", "percent")):
            return False
        return (
            before is None
            or before.lower_ in _YEAR_LEADS
            or before.text == ","
            or _is_month(before)
        )
    if text.isdigit() and 1 <= int(text) <= 31:
        # "April 27", "27 April", "Dec. 18"
        return (before is not None and _is_month(before)) or (
            after is not None and _is_month(after)
        )
    return False


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
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        for name, phrases in PHRASES.items():
            self.phrases.add(name, [Doc(vocab, words=phrase.split()) for phrase in phrases])
        self.matcher = Matcher(vocab)
        for name, patterns in PATTERNS.items():
            self.matcher.add(name, patterns)
        self.tags = {
            name: numpy.array([vocab.strings.add(tag) for tag in tags], dtype="uint64")
            for name, tags in TAGS.items()
        }
        self.vocab = vocab

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, signal)`` for the whole doc, sorted by start."""
        strings = self.vocab.strings
        found = [(start, end, strings[key]) for key, start, end in self.matcher(doc)]
        tagged = doc.has_annotation("TAG")
        for key, start, end in self.phrases(doc):
            name = strings[key]
            # "going to" predicts only before a verb ("going to win", not "going to Paris").
            if (
                tagged
                and doc[start].lower_ == "going"
                and (end >= len(doc) or doc[end].pos_ not in _VERBAL)
            ):
                continue
            found.append((start, end, name))
        if tagged:
            tags = doc.to_array("TAG")
            for name, wanted in self.tags.items():
                found.extend(
                    (int(i), int(i) + 1, name) for i in numpy.flatnonzero(numpy.isin(tags, wanted))
                )
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
                after = doc[ent.end].lower_ if ent.end < len(doc) else ""
                is_span = (
                    any(t.like_num for t in ent)
                    and any(t.lower_ in _DURATION_UNITS for t in ent)
                    and not any(t.lower_ in _RELATIVE_TIME for t in ent)
                    and after not in _RELATIVE_TIME
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
            if name == "number" and (start in in_date or looks_like_date(doc[start])):
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
