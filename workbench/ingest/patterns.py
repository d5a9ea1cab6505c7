"""Recognise the parts of an article that are not its body: credits, bylines, boilerplate.

Every test here looks at one paragraph of bounded length (long paragraphs are body text), so a
huge single-line file costs linear time.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A capitalised name of up to four words: "Andrew Kelly", "Getty Images", "AFP", "EPA-EFE".
_NAME = r"[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|de|van|von|da|al|bin)){0,3}"
_AGENCIES = (
    r"Getty[ \t]+Images|Shutterstock|Alamy(?:[ \t]+Stock[ \t]+Photo)?|iStock(?:photo)?"
    r"|AP[ \t]+Images|Associated[ \t]+Press|Wikimedia[ \t]+Commons|Unsplash|EPA-EFE"
    r"|Reuters|AFP|AAP|PA[ \t]+Wire|Bloomberg|Xinhua|Anadolu(?:[ \t]+Agency)?"
)
_CREDIT_FORMS = (
    # (AP Photo/Evan Vucci), (Photo by Jane Doe/Getty), (Image credit: NASA)
    r"\((?:[^()\n]{0,40}[ \t])?(?i:Photo|Photograph|Image|Picture|Credit)s?\b[^()\n]{0,80}\)",
    # Photo: Jane Doe / Photograph by Jane Doe for the Outlet / Image credit: NASA
    r"(?i:Photo(?:graph)?s?|Pictures?|Images?|Pics?|Credits?|Illustrations?|Video)"
    r"(?i:[ \t]+(?:credit|courtesy))?[ \t]*(?::|[ \t]by\b)[ \t]*[^\n]{1,80}",
    # Reuters/Andrew Kelly, Andrew Kelly/Reuters, Mandel Ngan/AFP via Getty Images
    rf"{_NAME}(?:[ \t]*/[ \t]*{_NAME}){{1,2}}(?:[ \t]+(?:via|for)[ \t]+{_NAME})?",
    # Getty Images, Jane Doe via Getty Images, Courtesy of the family
    rf"(?:{_NAME}[ \t]+(?:via|for)[ \t]+)?(?:{_AGENCIES})",
    r"(?i:Courtesy)(?:[ \t]+of)?[ \t]+[^\n]{1,60}",
)
_CREDIT = "(?:" + "|".join(_CREDIT_FORMS) + ")"

_WHOLE_CREDIT = re.compile(rf"{_CREDIT}\.?")
# A credit at the end of a caption follows a sentence end, a dash or bar, or a wide gap; one in
# brackets, "(AP Photo/Evan Vucci)", needs only a space.
_TRAILING_CREDIT = re.compile(
    rf"(?:(?<=[.!?\"”’)\]])[ \t]+|[ \t]+[-–—|][ \t]+|[ \t]{{2,}}|\t|[ \t]+(?=\())"
    rf"(?P<credit>{_CREDIT})\.?[ \t]*$"
)
# Only the tail of a paragraph is searched so the regex cost stays bounded.
_TAIL = 200
_MAX_CAPTION = 600
_MAX_SHORT = 160
_MAX_FOOTER = 400

_FOOTER = re.compile(
    r"""^(?:
        (?:contact|e-?mail|write\ to|reach)\ (?:the\ )?(?:writer|author|reporter|editor|us|me)\b
      | (?:sign\ up|subscribe)\b
        (?=.{0,100}\b(?:newsletters?|here|now|today|free|inbox|updates|alerts|our|e-?mails?)\b)
      | (?:get|receive)\b.{0,60}\bnewsletter\b
      | follow\ (?:us|me|@\w+|\w+(?:\ \w+){0,3}\ on)\b
      | (?:©|\(c\)\ |copyright\s*(?:©|\(c\)|\d{4}))
      | (?:read\ more|related|see\ also|more\ on\ this\ story|recommended|more\ from)
        \s*(?:[:|–—-]|$)
      | (?:share|tweet|like)\ this\b
      | click\ here\b
      | (?:this|the)\ (?:article|story)\ (?:was|has\ been|is)\ (?:updated|corrected|republished
        |originally\ (?:published|appeared))
      | an\ earlier\ version\ of\ this\ (?:article|story)
      | (?:advertisement|sponsored\ content|continue\ reading)\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FOOTER_WORDS = ("reserved", "let us know", "sign up", "newsletter")
_CREDIT_WORDS = (
    "photo", "pic", "image", "credit", "illustration", "video", "courtesy", "getty", "shutterstock",
    "alamy", "istock", "associated press", "wikimedia", "unsplash", "epa", "reuters", "afp", "aap",
    "pa wire", "bloomberg", "xinhua", "anadolu",
)  # fmt: skip
_FOOTER_ANYWHERE = re.compile(
    r"all rights reserved|let us know what you think|sign up (?:for|to) (?:our|the)\b"
    r"|subscribe to (?:our|the)\b.{0,40}newsletter|newsletter\b.{0,40}\binbox",
    re.IGNORECASE,
)

_BYLINE = re.compile(
    r"""^(?:
        by[ \t]+(?-i:[A-Z\u00c0-\u024f])[^\n.!?]{0,120}
      | (?:staff|special|senior|chief|political|foreign|our)\ (?:reporter|correspondent|writer)s?
      | (?-i:[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})[ \t]*[,|–—-][ \t]*
        (?:[\w-]+\ ){0,2}(?:reporter|correspondent|writer|editor|journalist|columnist)s?\b
        [^\n]{0,60}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Wire-service staff lines: "Reporting by Jane Doe in Moscow; Editing by John Smith", often in
# brackets and often glued to the last paragraph. Names must be capitalised, so a sentence such
# as "Reporting by the BBC showed …" is body text.
_STAFF_NAME = (
    rf"(?:(?:(?i:our)|{_NAME})[ \t]+(?:staff|reporters|correspondents?|team)|{_NAME}|staff)"
)
_NAMES = rf"{_STAFF_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_STAFF_NAME})*"
_STAFF_ITEM = (
    r"(?i:(?:with[ \t]+)?(?:(?:additional|further|more)[ \t]+)?"
    r"(?:reporting|writing|editing|research|fact-?checking|graphics)[ \t]+(?:by|from))"
    rf"[ \t]+{_NAMES}(?:[ \t]+(?i:in|from|at)[ \t]+{_NAMES})?"
)
_STAFF_LINE = rf"[(\[]?{_STAFF_ITEM}(?:[ \t]*[;,.][ \t]*(?i:and[ \t]+)?{_STAFF_ITEM})*\.?[)\]]?\.?"
_WHOLE_STAFF = re.compile(_STAFF_LINE)
_TRAILING_STAFF = re.compile(rf"(?<=[.!?\"”’)\]])[ \t]+(?P<staff>{_STAFF_LINE})[ \t]*$")
_MAX_STAFF = 300

# Share widgets flattened into text: "Share this article", "Share on Facebook Share on Twitter".
_SHARE_WORDS = _words(
    """share shares sharing shared this article story page post link links copy copied on via
    with to by the your friends and or email e-mail mail print facebook twitter x whatsapp
    messenger linkedin reddit pinterest telegram tumblr flipboard bluesky threads mastodon sms
    comment comments save saved bookmark tweet gift icon options close more"""
)
_SHARE_CUES = _words(
    """share tweet facebook twitter whatsapp messenger linkedin reddit pinterest telegram
    bluesky mastodon"""
)
_SHARE_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?|\d+")
_MAX_SHARE = 200

_CAPTION_LEAD = re.compile(
    r"^(?:pictured|above|top|below|left|right|main\ (?:picture|image)|caption|photo|image)"
    r"\s*[:–—-]\s*\S",
    re.IGNORECASE | re.VERBOSE,
)


def is_footer(par: str) -> bool:
    """Boilerplate: contact lines, newsletter prompts, follow-us, copyright, "Read more"."""
    if len(par) > _MAX_FOOTER:
        return False
    if _FOOTER.match(par) or is_share_widget(par):
        return True
    low = par.lower()
    return any(word in low for word in _FOOTER_WORDS) and bool(_FOOTER_ANYWHERE.search(par))


def is_byline(par: str) -> bool:
    """An author line: "By Jane Doe", "Jane Doe, Staff Reporter", "(Reporting by …)"."""
    if len(par) <= _MAX_SHORT and _BYLINE.match(par):
        return True
    return len(par) <= _MAX_STAFF and bool(_WHOLE_STAFF.fullmatch(par))


def share_words() -> frozenset[str]:
    """The words share buttons are made of (for runs of buttons, see :mod:`.boilerplate`)."""
    return _SHARE_WORDS


def share_cues() -> frozenset[str]:
    """Words that only share buttons use, one of which every share widget has."""
    return _SHARE_CUES


def is_share_widget(par: str) -> bool:
    """Share buttons flattened into text: "Share this article", "Share on Facebook Email"."""
    if len(par) > _MAX_SHARE:
        return False
    words = _SHARE_TOKEN.findall(par.lower())
    return (
        bool(words)
        and any(word in _SHARE_CUES for word in words)
        and all(word in _SHARE_WORDS or word.isdigit() for word in words)
    )


# A wire dateline opening the first paragraph: "NEW YORK, Dec 3 (Reuters) - ", "WASHINGTON — ",
# "KYIV, Ukraine (AP) — ". The place is in capitals; a plain hyphen counts only after an agency.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ \t]+[A-Z][A-Z.'’]+){0,3})"
    r"(?:,[ \t]*[A-Z][\w.'’]*(?:[ \t]+[\w.'’]+){0,2}){0,2}"
    r"[ \t]*(?:(?P<agency>\((?:[A-Z][\w.&'’/-]*[ \t]?){1,3}\))[ \t]*)?"
    r"(?P<dash>[–—]|--?)[ \t]+(?=[\w“\"‘'])"
)
_MAX_DATELINE = 80


def leading_dateline(par: str) -> int | None:
    """Offset in ``par`` where the text after a wire dateline starts, or None."""
    match = _DATELINE.match(par[:_MAX_DATELINE])
    if match is None or sum(c.isalpha() for c in match.group("place")) < 3:
        return None
    if match.group("dash").startswith("-") and not match.group("agency"):
        return None
    return match.end()


def trailing_staff_line(par: str) -> int | None:
    """Offset in ``par`` where a trailing "(Reporting by …; Editing by …)" starts, or None."""
    # Only the tail is searched, so a long paragraph costs no more than a short one.
    cut = max(0, len(par) - _MAX_STAFF)
    tail = par[cut:].lower()
    if " by " not in tail and " from " not in tail:
        return None
    match = _TRAILING_STAFF.search(par, cut)
    return None if match is None else match.start("staff")


def is_credit(par: str) -> bool:
    """A paragraph that is nothing but a photo credit."""
    if len(par) > _MAX_SHORT:
        return False
    if re.match(r"(?i)(?:photo|image|picture)s?\s*[:–—-]", par) and len(par.split()) > 7:
        # "Photo: Kerry speaks at a news conference …" is a caption, not a credit.
        return False
    return bool(_WHOLE_CREDIT.fullmatch(par))


def is_caption_lead(par: str) -> bool:
    """A paragraph that announces itself as a caption ("Pictured: …", "Above: …")."""
    return len(par) <= _MAX_CAPTION and bool(_CAPTION_LEAD.match(par))


def trailing_credit(par: str) -> int | None:
    """Offset in ``par`` where a trailing photo credit starts, or None."""
    if len(par) > _MAX_CAPTION:
        return None
    cut = max(0, len(par) - _TAIL)
    tail = par[cut:].lower()
    # Cheap substring tests first: most paragraphs have none of these and skip the regex.
    if "/" not in tail and not tail.endswith(")") and not any(w in tail for w in _CREDIT_WORDS):
        return None
    match = _TRAILING_CREDIT.search(par, cut)
    if match is None:
        return None
    return match.start("credit")


def looks_like_headline(line: str) -> bool:
    """A first line short enough and unpunctuated enough to be a headline."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200 or len(stripped.split()) > 30:
        return False
    if is_footer(stripped) or is_byline(stripped) or is_credit(stripped):
        return False
    # Headlines rarely end in a full stop, comma or colon; sentences of body text do.
    return not stripped.endswith((".", ",", ";", ":")) or stripped.endswith("...")
