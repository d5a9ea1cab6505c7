"""Colours and labels shared by the HTML and PDF renderers, and the Jinja2 environment."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from workbench.resources import resource_path

from .text import display_url, human_date, without_bidi_runs

#: Tone → (background, text colour). Every rating is also printed as text, never colour alone.
TONES: dict[str, tuple[str, str]] = {
    "t5": ("#1d6b40", "#ffffff"),
    "t4": ("#5b8a1f", "#ffffff"),
    "t3": ("#b07800", "#ffffff"),
    "t2": ("#c8541c", "#ffffff"),
    "t1": ("#a8201a", "#ffffff"),
    "tn": ("#55606e", "#ffffff"),
    "tx": ("#6d3f96", "#ffffff"),
    "tu": ("#b9bfc7", "#222222"),
}

INK = "#1a1a1a"
MUTED = "#5c6670"
RULE = "#c9ced4"
ACCENT = "#8a1c1c"


def is_web_url(url: str | None) -> bool:
    """Only web addresses become links; anything else (``javascript:``…) stays text."""
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def short_hash(value: str | None) -> str:
    """The first 12 hex digits of a SHA-256 (the full value is in the JSON export)."""
    return (value or "")[:12]


def shorten(text: str, limit: int = 140) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def finalize(value: object) -> object:
    """Every value a template prints, with text-reordering controls taken out."""
    if isinstance(value, Markup):
        # Taking characters out of escaped HTML cannot make new markup.
        return Markup(without_bidi_runs(str(value)))
    if isinstance(value, str):
        return without_bidi_runs(value)
    return value


@cache
def environment() -> Environment:
    """The Jinja2 environment for the report templates (autoescaped, strict)."""
    env = Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.filters["date"] = human_date
    env.filters["datetime"] = lambda v: human_date(v, with_time=True)
    env.filters["short_hash"] = short_hash
    env.filters["shorten"] = shorten
    env.filters["display_url"] = display_url
    env.tests["web_url"] = is_web_url
    env.globals["tones"] = TONES
    env.globals.update(INK=INK, MUTED=MUTED, RULE=RULE, ACCENT=ACCENT)
    return env
