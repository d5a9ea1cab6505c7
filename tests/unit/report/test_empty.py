"""A report of an article nobody has reviewed yet still renders in every format."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from workbench.model import Article
from workbench.report import ReportOptions, build_report
from workbench.report.export import renderer


@pytest.mark.parametrize("name", ["pdf", "html", "md", "json", "csv", "claimreview"])
def test_every_format_renders_an_article_without_claims(qapp, memory_store, name) -> None:
    article = Article(text="Nothing to check here.\n", title="")
    memory_store.add_article(article)
    report = build_report(memory_store, article.id, ReportOptions(base_url="https://x.example/r"))
    out = renderer(name)(report)
    if name == "pdf":
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out)).pages)
        assert "Untitled" in text and "Nothing to check here." in " ".join(text.split())
    elif name == "claimreview":
        assert json.loads(out) == []
    elif name == "json":
        assert json.loads(out)["claims"] == []
    else:
        assert "Nothing to check here." in out or name == "csv"
