"""How well saved web pages are read: ``make eval`` (web-page import).

Scored on the saved news pages in ``tests/fixtures/readability`` (taken from Mozilla
Readability's test suite), each with the article text and metadata people agreed on:

* body agreement: token F1 between the text the workbench keeps as the article (its body,
  standfirst and caption blocks) and the expected text, and paragraph F1 (a paragraph counts
  when the same words, after normalisation, are a paragraph on the other side);
* metadata: title, byline (author) and site name (outlet), the share of pages where ours equals
  the expected value after normalisation (case, spaces, quotes, a leading "By"). Pages whose
  expected value is missing are left out of that field's count.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workbench.model import Article, BlockKind

#: The saved pages, next to the tests that hold the figures to floors.
DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "readability"
#: Blocks that are the article's own text (what claims are looked for in).
BODY_KINDS = (BlockKind.BODY, BlockKind.STANDFIRST, BlockKind.CAPTION)
METADATA = (("title", "title"), ("byline", "author"), ("siteName", "outlet"))

_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass
class PageScore:
    """One page's figures."""

    name: str
    token_f1: float
    paragraph_f1: float
    #: field → (expected, ours, equal) for the fields the page has an expected value of.
    fields: dict[str, tuple[str, str, bool]] = field(default_factory=dict)


def normalise(value: str | None) -> str:
    """Compare metadata without case, spacing, quote style or a leading "By"."""
    text = unicodedata.normalize("NFKC", value or "").translate(_QUOTES).casefold()
    text = " ".join(text.split())
    return re.sub(r"^by\s+", "", text)


def tokens(text: str) -> Counter[str]:
    """Lower-case word tokens of ``text`` with their counts."""
    return Counter(_TOKEN.findall(text.casefold()))


def f1(ours: Counter[str], expected: Counter[str]) -> float:
    """F1 of two multisets (1.0 when both are empty)."""
    if not ours and not expected:
        return 1.0
    overlap = sum((ours & expected).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(ours.values())
    recall = overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def body_paragraphs(article: Article) -> list[str]:
    """The article's own paragraphs, without headline, bylines, credits and boilerplate."""
    return [article.text[b.start : b.end] for b in article.blocks if b.kind in BODY_KINDS]


def _paragraph_keys(paragraphs: list[str]) -> Counter[str]:
    return Counter(k for k in (" ".join(_TOKEN.findall(p.casefold())) for p in paragraphs) if k)


def score_page(folder: Path) -> PageScore:
    """Read ``folder/source.html`` as the workbench does and compare with the expected files."""
    from workbench.ingest import read_path

    article = read_path(folder / "source.html")
    ours = body_paragraphs(article)
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    score = PageScore(
        name=folder.name,
        token_f1=f1(tokens("\n".join(ours)), tokens("\n".join(expected))),
        paragraph_f1=f1(_paragraph_keys(ours), _paragraph_keys(expected)),
    )
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    for key, attribute in METADATA:
        want = meta.get(key)
        if not want:
            continue
        got = getattr(article, attribute) or ""
        score.fields[key] = (want, got, normalise(want) == normalise(got))
    return score


@dataclass
class Summary:
    """The figures over all pages."""

    pages: list[PageScore]

    @property
    def token_f1(self) -> float:
        """Mean token F1 of the body."""
        return sum(p.token_f1 for p in self.pages) / len(self.pages)

    @property
    def paragraph_f1(self) -> float:
        """Mean paragraph F1 of the body."""
        return sum(p.paragraph_f1 for p in self.pages) / len(self.pages)

    def accuracy(self, key: str) -> float:
        """Share of pages (with an expected value) whose ``key`` matches."""
        scored = [p.fields[key][2] for p in self.pages if key in p.fields]
        return sum(scored) / len(scored) if scored else 0.0

    def counted(self, key: str) -> int:
        """How many pages have an expected value for ``key``."""
        return sum(key in p.fields for p in self.pages)


def evaluate(pages: Path = DEFAULT_PAGES) -> Summary:
    """Score every page folder under ``pages``."""
    folders = sorted(p for p in pages.iterdir() if (p / "source.html").is_file())
    if not folders:
        raise FileNotFoundError(f"No saved pages under {pages}.")
    return Summary([score_page(folder) for folder in folders])


def report(summary: Summary, *, verbose: bool = False) -> str:
    """The figures as a small text table."""
    lines = [
        f"Web-page import on {len(summary.pages)} saved news pages (Mozilla Readability tests)",
        f"{'page':<16} {'tokens':>7} {'paras':>7}  title byline site",
    ]
    for page in summary.pages:
        marks = " ".join(
            f"{'ok' if page.fields[k][2] else 'NO':>5}" if k in page.fields else f"{'-':>5}"
            for k, _ in METADATA
        )
        lines.append(f"{page.name:<16} {page.token_f1:7.3f} {page.paragraph_f1:7.3f}  {marks}")
        if verbose:
            for key, (want, got, equal) in page.fields.items():
                if not equal:
                    lines.append(f"    {key}: expected {want!r}, got {got!r}")
    lines.append(f"{'mean':<16} {summary.token_f1:7.3f} {summary.paragraph_f1:7.3f}")
    for key, _ in METADATA:
        lines.append(f"{key} accuracy: {summary.accuracy(key):.3f} ({summary.counted(key)} pages)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; ``--verbose`` lists every metadata mismatch."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    print(report(evaluate(args.pages), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
