"""Who makes a claim, across the whole article: a name (never a bare common noun) and its type.

The attribution component names a claim's speaker as the sentence gives it: "Kerry", "she",
"the company", "J.P. Morgan". Read against the rest of the article, that becomes the claimant
a report can publish: the fullest form of a person's name, "she" as the woman named last,
"the company" as the organisation the article is about (or no claimant when none is named),
and whether it is a person or an organisation, from spaCy's entity labels and the cues around
the name (a title such as "Mr." or "Senator", a suffix such as "Inc." or "& Co.", the same name
tagged as an organisation elsewhere in the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from workbench.model import Article, ClaimantType

#: Words before a name (or starting it) that say it is a person's.
PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "president",
        "vice",
        "minister",
        "secretary",
        "mayor",
        "judge",
        "justice",
        "gen",
        "general",
        "col",
        "capt",
        "lt",
        "sgt",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "rev",
        "father",
        "ambassador",
        "councillor",
        "councilman",
        "councilwoman",
        "commissioner",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "attorney",
    ]
)
#: Words in a name that say it is an organisation's ("Acme Corp.", "Goldman Sachs & Co.").
ORGANISATION_WORDS = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
        "group",
        "holdings",
        "partners",
        "associates",
        "bank",
        "bancorp",
        "capital",
        "securities",
        "fund",
        "funds",
        "agency",
        "ministry",
        "department",
        "university",
        "institute",
        "council",
        "committee",
        "party",
        "union",
        "association",
        "foundation",
        "commission",
        "authority",
        "bureau",
    ]
)
#: Common nouns that stand for an organisation ("the company said", "the ministry said").
ORGANISATION_NOUNS = frozenset(
    [
        "company",
        "firm",
        "bank",
        "lender",
        "insurer",
        "carrier",
        "airline",
        "retailer",
        "maker",
        "manufacturer",
        "producer",
        "group",
        "government",
        "ministry",
        "department",
        "agency",
        "administration",
        "office",
        "council",
        "committee",
        "commission",
        "board",
        "authority",
        "regulator",
        "watchdog",
        "party",
        "union",
        "court",
        "police",
        "army",
        "military",
        "campaign",
        "organisation",
        "organization",
        "charity",
        "foundation",
        "institute",
        "university",
        "school",
        "hospital",
        "club",
        "team",
        "league",
        "network",
        "broadcaster",
        "newspaper",
        "publisher",
        "embassy",
        "parliament",
        "senate",
        "congress",
        "fund",
        "bureau",
        "service",
        "association",
        "federation",
        "coalition",
        "alliance",
        "business",
        "conglomerate",
        "operator",
        "utility",
        "exchange",
    ]
)
#: Of those, the nouns a report uses for a business it has just named ("Acme Corp. … the company
#: said"): only these stand for the organisation named last, and only when that name is a
#: business's. "Police", "the court" or "the government" are never taken for the firm before.
BUSINESS_NOUNS = frozenset(
    [
        "company",
        "firm",
        "lender",
        "insurer",
        "carrier",
        "airline",
        "retailer",
        "maker",
        "manufacturer",
        "producer",
        "group",
        "business",
        "conglomerate",
        "operator",
        "utility",
    ]
)
_HE_SHE = frozenset({"he", "she", "him", "her"})
_PRONOUNS = _HE_SHE | frozenset(
    {"i", "we", "you", "they", "it", "this", "that", "who", "one", "me", "us", "them"}
)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WORD = re.compile(r"[\w']+")
# A name as people write one (not an e-mail address or a web address tagged as a name).
_NAME = re.compile(r"[^@/\\<>{}|]+")


def _words(name: str) -> list[str]:
    return [w.lower().removesuffix("'s") for w in _WORD.findall(name)]


def organisation_name(name: str) -> bool:
    """Whether a name reads as an organisation's: "Acme Corp.", "Deutsche Bank", "X & Co."."""
    return "&" in name or any(w in ORGANISATION_WORDS for w in _words(name))


@dataclass(slots=True)
class Mention:
    """A named person or organisation where the article names it."""

    at: int
    text: str
    label: str
    #: Preceded by a person's title ("Mr.", "Senator").
    titled: bool = False
    #: Nouns the article puts next to the name ("the mayor, Ras Baraka", "spokeswoman").
    nouns: set[str] = field(default_factory=set)
    #: Part of someone's title ("Secretary of State"), not a claimant of its own.
    in_title: bool = False


def _noun(token_text: str) -> str:
    return token_text.lower().rstrip(".")


def _mention(ent: Span, offset: int) -> Mention:
    doc = ent.doc
    mention = Mention(offset + ent.start_char, ent.text, ent.label_)
    before = doc[ent.start - 1] if ent.start > 0 else None
    first = _noun(ent[0].text)
    if first in PERSON_TITLES or (before is not None and _noun(before.text) in PERSON_TITLES):
        mention.titled = True
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of":
        mention.in_title = _noun(doc[ent.start - 2].text) in PERSON_TITLES
    root = ent.root
    near = [t for t in root.children if t.dep_ in ("appos", "compound") and not t.ent_type_]
    if root.dep_ == "appos" and not root.head.ent_type_:
        near.append(root.head)
    if before is not None and before.pos_ in ("NOUN", "PROPN") and not before.ent_type_:
        near.append(before)
    mention.nouns = {(t.lemma_ or t.text).lower() for t in near} | {_noun(t.text) for t in near}
    if first in PERSON_TITLES:
        mention.nouns.add(first)
    return mention


class Claimants:
    """The people and organisations an article names, to resolve each claim's speaker."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        # Look-ups built once from the mentions (an article can name thousands): by the name's
        # folded spelling, and the people by the word their name ends with.
        self._by_name: dict[str, list[Mention]] | None = None
        self._people_by_last: dict[str, list[str]] | None = None

    def add_doc(self, doc: Doc, offset: int) -> None:
        """Collect the named people and organisations of one block parsed at ``offset``."""
        self.mentions.extend(_mention(e, offset) for e in doc.ents if e.label_ in _NAMED)
        self._by_name = self._people_by_last = None

    def resolve(
        self, speaker: str | None, label: str | None, offset: int
    ) -> tuple[str | None, ClaimantType | None]:
        """The claimant's name and type for a speaker as a claim at ``offset`` names it."""
        if not speaker or not speaker.strip():
            return None, None
        speaker = speaker.strip()
        label = label or self._guess_label(speaker)
        if label == "PRON":
            if speaker.lower() in _HE_SHE:
                earlier = [m for m in self.mentions if m.label == "PERSON" and m.at < offset]
                if earlier:
                    return self._fullest(earlier[-1].text), ClaimantType.PERSON
            return None, None
        if label == "NOUN":
            return self._common_noun(speaker, offset)
        if label in ("PERSON", "ORG"):
            return self._named(speaker, label)
        if label in ("GPE", "NORP"):
            # A country or a group speaking: its government, party or members.
            return speaker, ClaimantType.ORGANISATION
        if self._fullest(speaker) != speaker or any(m.titled for m in self._same_name(speaker)):
            return self._named(speaker, "PERSON")
        return speaker, ClaimantType.ORGANISATION if organisation_name(speaker) else None

    def names(self) -> list[tuple[str, ClaimantType]]:
        """Each person and organisation once (fullest name), in order of first mention."""
        seen: dict[str, tuple[str, ClaimantType]] = {}
        for mention in self.mentions:
            if (
                mention.label not in ("PERSON", "ORG")
                or mention.in_title
                or not _NAME.fullmatch(mention.text)
            ):
                continue
            name, kind = self.resolve(mention.text, mention.label, mention.at)
            if name and kind and name.casefold() not in seen:
                seen[name.casefold()] = (name, kind)
        return list(seen.values())

    # -- helpers ----------------------------------------------------------------------------
    def _guess_label(self, speaker: str) -> str:
        """The label of a speaker named without one (a pipeline without our extension)."""
        if speaker.lower() in _PRONOUNS:
            return "PRON"
        same = self._same_name(speaker)
        if same:
            return same[0].label
        return "PROPN" if any(w[:1].isupper() for w in speaker.split()) else "NOUN"

    def _same_name(self, name: str) -> list[Mention]:
        if self._by_name is None:
            self._by_name = {}
            for mention in self.mentions:
                self._by_name.setdefault(mention.text.casefold(), []).append(mention)
        return self._by_name.get(name.casefold(), [])

    def _named(self, name: str, label: str) -> tuple[str, ClaimantType]:
        """A name spaCy tagged PERSON or ORG, typed by the cues the article gives."""
        fullest = self._fullest(name)
        if fullest != name:
            # "Lavrov" when the article also names "Sergei Lavrov": a person, whatever the tag.
            return fullest, ClaimantType.PERSON
        same = self._same_name(name)
        if any(m.titled for m in same):
            return name, ClaimantType.PERSON
        if label == "ORG" or organisation_name(name) or any(m.label == "ORG" for m in same):
            # "J.P. Morgan" tagged PERSON here and ORG in another sentence is the bank.
            return name, ClaimantType.ORGANISATION
        return name, ClaimantType.PERSON

    def _fullest(self, name: str) -> str:
        """The longest name the article gives the same person ("Kerry" → "John Kerry")."""
        if self._people_by_last is None:
            self._people_by_last = {}
            for mention in self.mentions:
                if mention.label == "PERSON":
                    last = re.split(r"[ -]", mention.text)[-1]
                    self._people_by_last.setdefault(last, []).append(mention.text)
        last = re.split(r"[ -]", name)[-1]
        longer = [
            text
            for text in self._people_by_last.get(last, [])
            if len(text) > len(name) and (text.endswith(" " + name) or text.endswith("-" + name))
        ]
        return max(longer, key=len) if longer else name

    def _common_noun(self, phrase: str, offset: int) -> tuple[str | None, ClaimantType | None]:
        """ "The company" as the organisation it stands for; a bare noun alone is nobody."""
        words = phrase.split()
        if len(words) > 1 and any(w[:1].isupper() for w in words):
            # "Russian officials", "U.S. prosecutors": a description, not a name to resolve.
            return phrase, None
        head = _noun(words[-1]) if words else ""
        earlier = [m for m in self.mentions if m.at < offset and m.label in ("PERSON", "ORG")]
        for mention in reversed(earlier):
            if head in mention.nouns:
                if mention.label == "PERSON":
                    return self._fullest(mention.text), ClaimantType.PERSON
                return mention.text, ClaimantType.ORGANISATION
        if head in ORGANISATION_NOUNS:
            orgs = [m for m in earlier if m.label == "ORG"]
            # The organisation whose name has the noun ("Deutsche Bank" for "the bank")…
            named = [m for m in orgs if head in _words(m.text)]
            if named:
                return named[-1].text, ClaimantType.ORGANISATION
            # …or, for "the company" and the like, the business named last.
            businesses = [m for m in orgs if organisation_name(m.text)]
            if head in BUSINESS_NOUNS and businesses:
                return businesses[-1].text, ClaimantType.ORGANISATION
        return None, None


#: The people and organisations of the last few articles read, by (id, length, hash of the
#: text): claim finding leaves them here, so the claim record dialog opens without reading again.
_ARTICLE_NAMES: dict[tuple[str, int, int], list[tuple[str, ClaimantType]]] = {}
_ARTICLES_KEPT = 8


def _article_key(article: Article) -> tuple[str, int, int]:
    return (article.id, len(article.text), hash(article.text))


def remember_names(article: Article, names: list[tuple[str, ClaimantType]]) -> None:
    """Keep an article's names for :func:`known_names`."""
    _ARTICLE_NAMES[_article_key(article)] = list(names)
    while len(_ARTICLE_NAMES) > _ARTICLES_KEPT:
        del _ARTICLE_NAMES[next(iter(_ARTICLE_NAMES))]


def known_names(article: Article) -> list[tuple[str, ClaimantType]] | None:
    """The names kept for this article's text, or None when it was not read since the program started."""
    names = _ARTICLE_NAMES.get(_article_key(article))
    return None if names is None else list(names)
