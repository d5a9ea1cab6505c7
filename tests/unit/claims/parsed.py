"""Hand-parsed docs for component tests on a blank pipeline (no trained model)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def parsed(
    nlp: Language, rows: list[tuple[str, int, str, str]], ents: list[str] | None = None
) -> Doc:
    """A Doc from ``(word, head, dep, pos)`` rows; a trailing space on a word is kept."""
    words = [word.rstrip(" ") for word, *_ in rows]
    spaces = [word.endswith(" ") for word, *_ in rows]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[head for _, head, _, _ in rows],
        deps=[dep for _, _, dep, _ in rows],
        pos=[pos for *_, pos in rows],
        ents=ents,
    )
