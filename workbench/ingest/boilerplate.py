"""Page furniture that web-page extraction lets through: share bars, rails, widget labels.

Each kind is declared once in :data:`BOILERPLATE` with an example; the tests check every
example is caught. Only short paragraphs are tested (a sentence of body text is never removed),
and only whole paragraphs match: a paragraph that merely mentions "share" or a date stays.
Credits such as "Additional reporting by …" are not here: they are part of the article and are
kept in the text as bylines (see :mod:`.patterns`), only never offered as claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns

_MAX = 120


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """One kind of page furniture: its name, the whole-paragraph pattern and an example."""

    name: str
    pattern: re.Pattern[str]
    example: str


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?|\d{1,2}[ \t]?[ap]\.?m\.?"
_ZONE = r"(?:[ECMP][SD]?T|GMT|BST|UTC|CET|CEST|AEST|AEDT|IST)"
_DATE = (
    rf"(?:{_DAY}[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?(?:[ \t]+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?(?:[ \t]+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_STAMP = (
    rf"(?:(?:updated|published|posted|first[ \t]+published|last[ \t]+updated)[ \t:]*(?:on[ \t]+)?)?"
    rf"{_DATE}(?:[ \t,]*(?:at[ \t]+)?(?:{_TIME})(?:[ \t]+(?-i:{_ZONE}))?)?"
)

BOILERPLATE: tuple[Boilerplate, ...] = (
    Boilerplate(
        "more rail",
        re.compile(
            r"(?-i:MORE[ \t]+[A-Z][A-Z &'’,-]{1,40})|more[ \t]+(?:from|in|on|stories|news"
            r"|headlines|coverage|videos?)\b[^.!?]{0,60}",
            re.IGNORECASE,
        ),
        "MORE POLITICS",
    ),
    Boilerplate(
        "related rail",
        re.compile(
            r"(?:you[ \t]+(?:might|may)[ \t]+also[ \t]+like|(?:most[ \t]+)?(?:read|popular|"
            r"shared|viewed)|most[ \t]+read|trending(?:[ \t]+now)?|related(?:[ \t]+\w+){0,2}|"
            r"recommended(?:[ \t]+for[ \t]+you)?|editor[’']?s[ \t]+picks?|top[ \t]+stories|"
            r"latest(?:[ \t]+news)?|don[’']?t[ \t]+miss|(?:featured|recent)[ \t]+slide[ \t]*shows"
            r"|other[ \t]+\w+[ \t]+columns|around[ \t]+the[ \t]+web|from[ \t]+the[ \t]+web)"
            r"[ \t]*:?",
            re.IGNORECASE,
        ),
        "You Might Also Like",
    ),
    Boilerplate(
        "widget label",
        re.compile(
            r"(?:previous|next|close|fullscreen|thumbnails|comments?|loading[ \t]+comments"
            r"(?:\.\.\.|…)?|show[ \t]+comments|view[ \t]+comments|leave[ \t]+a[ \t]+comment|"
            r"reprints?|permalink|back[ \t]+to[ \t]+top|skip[ \t]+to[ \t]+\w+(?:[ \t]+\w+)?|"
            r"continue[ \t]+reading(?:[ \t]+the[ \t]+main[ \t]+story)?|advertisement|"
            r"\d+[ \t]+of[ \t]+\d+|[\d,.]+k?[ \t]+(?:comments?|shares?|views?))",
            re.IGNORECASE,
        ),
        "941 comments",
    ),
    Boilerplate(
        "section label",
        re.compile(
            r"(?:from[ \t]+the[ \t]+section|topics|tags|filed[ \t]+under|posted[ \t]+in)"
            r"[ \t]*:?[ \t]+[^.!?]{1,100}",
            re.IGNORECASE,
        ),
        "From the section US & Canada",
    ),
    Boilerplate(
        "date line",
        # A paragraph that is only a place in capitals and a date or time: the page's own
        # dateline, repeated before the first paragraph's "LONDON (Reuters) -".
        re.compile(
            rf"(?:(?-i:[A-Z][A-Z.'’]+(?:[ \t]+[A-Z][A-Z.'’]+){{0,3}})[ \t]*[|,·•-]?[ \t]*)?"
            rf"{_STAMP}(?:[ \t]*[|·•,][ \t]*{_STAMP})?",
            re.IGNORECASE,
        ),
        "LONDON Tue Jan 7, 2014 1:27pm EST",
    ),
)

#: Words a share bar is made of beyond the ones :func:`patterns.is_share_widget` knows.
_SHARE_EXTRA = frozenset(
    {"digg", "reprints", "reprint", "permalink", "stumbleupon", "delicious", "google", "plus",
     "buzz", "newsvine", "this", "link", "yahoo", "myspace"}
)  # fmt: skip
_SHARE_WORD = re.compile(r"[^\W\d_]+|\d+")


def kind_of(par: str) -> str | None:
    """The name of the kind of page furniture ``par`` is, or None for article text."""
    text = par.strip().strip("•·|").strip()
    if not text or len(text) > _MAX:
        return None
    if patterns.is_share_widget(text) or is_share_bar([text]):
        return "share bar"
    for kind in BOILERPLATE:
        if kind.pattern.fullmatch(text):
            return kind.name
    return None


def is_boilerplate(par: str) -> bool:
    """Whether a paragraph of a web page is page furniture rather than article text."""
    return kind_of(par) is not None


def is_share_bar(items: list[str]) -> bool:
    """A run of short items that together are share buttons: "Tweet", "Link this", "Digg this"."""
    words = [w for item in items for w in _SHARE_WORD.findall(item.lower())]
    if not words or sum(len(item) for item in items) > 200:
        return False
    known = patterns.share_words() | _SHARE_EXTRA
    cues = patterns.share_cues() | {"digg", "reprints"}
    return any(w in cues for w in words) and all(w in known for w in words)
