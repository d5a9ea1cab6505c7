"""Recognise the parts of an article that are not its body: credits, bylines, boilerplate.

Every test here looks at one paragraph of bounded length (long paragraphs are body text), so a
huge single-line file costs linear time.
"""

from __future__ import annotations

import re

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
# A credit at the end of a caption follows a sentence end, a dash or bar, or a wide gap.
_TRAILING_CREDIT = re.compile(
    rf"(?:(?<=[.!?\"”’)\]])[ \t]+|[ \t]+[-–—|][ \t]+|[ \t]{{2,}}|\t)(?P<credit>{_CREDIT})\.?[ \t]*$"
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
      | (?:(?:additional|further)\ )?(?:reporting|writing|editing|research)\ by\b[^\n]{0,140}
      | (?:staff|special|senior|chief|political|foreign|our)\ (?:reporter|correspondent|writer)s?
      | (?-i:[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})[ \t]*[,|–—-][ \t]*
        (?:[\w-]+\ ){0,2}(?:reporter|correspondent|writer|editor|journalist|columnist)s?\b
        [^\n]{0,60}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

_CAPTION_LEAD = re.compile(
    r"^(?:pictured|above|top|below|left|right|main\ (?:picture|image)|caption|photo|image)"
    r"\s*[:–—-]\s*\S",
    re.IGNORECASE | re.VERBOSE,
)


def is_footer(par: str) -> bool:
    """Boilerplate: contact lines, newsletter prompts, follow-us, copyright, "Read more"."""
    if len(par) > _MAX_FOOTER:
        return False
    if _FOOTER.match(par):
        return True
    low = par.lower()
    return any(word in low for word in _FOOTER_WORDS) and bool(_FOOTER_ANYWHERE.search(par))


def is_byline(par: str) -> bool:
    """An author line: "By Jane Doe", "Jane Doe, Staff Reporter", "Reporting by …"."""
    return len(par) <= _MAX_SHORT and bool(_BYLINE.match(par))


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
