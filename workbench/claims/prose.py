"""News-page conventions that make a candidate no claim at all, whatever its score.

A photo caption that only says what the picture shows, a headline repeated as a paragraph, a
wire-service staff line ("Reporting by …; Editing by …") and a note on the reporting itself ("…
did not respond to a request for comment") read like statements, and a score would rank them
high (names, places, dates). They are dropped by their place and form instead.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lemmas of what a photo shows someone doing: "X speaks at …", "X attends …", "X is seen …".
PICTURE_VERBS = _words(
    """speak talk address attend arrive leave depart walk stand sit pose gesture look listen
    wave hold smile laugh watch see picture show photograph film visit meet greet shake hug
    embrace kiss chat react gather march protest rally sing dance play ride drive wait queue
    sign vote pray mourn celebrate cheer applaud enter exit pass inspect tour display carry
    wear rest prepare take participate work view await cross deliver give lead"""
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_AUXILIARY = frozenset({"aux", "auxpass"})
_WORDS = re.compile(r"\w+")
# Readers split staff lines off into byline blocks; this catches them in text read before that
# (stored articles) or without blocks.
_STAFF_LINE = re.compile(
    r"^[(\[]?\s*(?:with\s+)?(?:(?:additional|further|more)\s+)?"
    r"(?:reporting|writing|editing|research|fact-?checking)\s+(?:by|from)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# The newsroom talking about its own work, not about the world.
_NEWSROOM_NOTE = re.compile(
    r"""\b(?:
        contributed\ to\ (?:this|the)\ (?:report|story|article)
      | declined\ to\ comment\b
      | (?:did\ not|didn['’]t|has\ not|hasn['’]t|have\ not|haven['’]t|could\ not|couldn['’]t
        |was\ not|wasn['’]t|were\ not|weren['’]t)\ (?:immediately\ |yet\ )?
        (?:(?:respond|reply|return)(?:ed)?\ to\ (?:[\w-]+\ ){0,3}
           (?:requests?|queries|inquir(?:y|ies)|enquir(?:y|ies)|messages?|calls?|e-?mails?)\b
         | replied\ to\ (?:[\w-]+\ ){0,3}(?:requests?|queries|messages?|calls?|e-?mails?)\b
         | (?:be|been)\ reached\ for\ comment
         | (?:be\ )?available\ for\ comment
         | comment(?:ed)?[ \t]*(?:[.,;]|$))
      | (?:could\ not|couldn['’]t|was\ unable\ to|were\ unable\ to|has\ not\ been\ able\ to)
        \ (?:immediately\ )?independently\ (?:verify|confirm)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def _depicts(token: Token) -> bool:
    """A picture verb, or the auxiliary of one ("is" in "is seen")."""
    if token.lemma_.lower() in PICTURE_VERBS:
        return True
    return token.dep_ in _AUXILIARY and token.head.lemma_.lower() in PICTURE_VERBS


def describes_picture(span: Span) -> bool:
    """A caption sentence that only says what the photo shows ("X speaks at …", "X is seen …").

    It qualifies when every finite verb in it is a picture verb (or it has none, as in "Flood
    water in the town centre"); any other finite verb ("… where he announced sanctions", "The
    bridge collapsed in 2019") asserts more than the picture and keeps the sentence a candidate.
    """
    if not span.doc.has_annotation("TAG"):
        return False
    return all(_depicts(token) for token in span if token.tag_ in _FINITE_TAGS)


def headline_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case, for comparing a headline with a paragraph."""
    return tuple(_WORDS.findall(text.casefold()))


def repeats_headline(text: str, headline: tuple[str, ...]) -> bool:
    """Whether ``text`` says the headline again word for word (case and punctuation aside)."""
    return bool(headline) and headline_words(text) == headline


def is_newsroom_note(text: str) -> bool:
    """A staff line ("Additional reporting by …") or a note on the reporting ("… declined to
    comment", "… contributed to this report")."""
    return bool(_STAFF_LINE.match(text.lstrip())) or bool(_NEWSROOM_NOTE.search(text))
