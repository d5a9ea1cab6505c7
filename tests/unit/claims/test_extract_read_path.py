"""The sample article read from disk by the text reader, then extracted."""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.ingest import read_path
from workbench.model import BlockKind

from .conftest import SEED

pytestmark = pytest.mark.slow

_READ = read_path(SEED)
_LAYOUT = [b.kind for b in _READ.blocks]


@pytest.mark.skipif(
    BlockKind.CREDIT not in _LAYOUT, reason="the text reader does not split off photo credits yet"
)
def test_the_sample_file_gives_the_expected_claims(nlp):
    assert _LAYOUT[:3] == [BlockKind.HEADLINE, BlockKind.CAPTION, BlockKind.CREDIT]
    assert _LAYOUT[-1] is BlockKind.FOOTER
    claims = extract_claims(_READ, nlp=nlp)

    def speaker(beginning: str) -> str | None:
        return next(c for c in claims if c.quote.startswith(beginning)).speaker

    assert all(_READ.text[c.start : c.end] == c.quote for c in claims)
    assert not any(
        "Reuters/Andrew Kelly" in c.quote or "Contact the writer" in c.quote for c in claims
    )
    assert speaker("We will meet this Friday, Dec. 18,") == "John Kerry"
    assert speaker("Despite our countries’ differences,") == "Sergei Lavrov"
    assert speaker("Kerry stated that Assad has been accused of") == "John Kerry"
    headline, caption = _READ.blocks[:2]
    assert not any(headline.start <= c.start < caption.end for c in claims)
