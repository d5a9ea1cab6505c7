"""The HTML report carries the ClaimReview JSON-LD as data when its web address is known."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from workbench.report import ReportOptions, build_report
from workbench.report.claimreview import render_claimreview
from workbench.report.html import render_html


class _Scripts(HTMLParser):
    """The script blocks of a page: their attributes and their text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs)
            self.found.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            attrs, text = self.found[-1]
            self.found[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def _scripts(html: str) -> list[tuple[dict[str, str | None], str]]:
    parser = _Scripts()
    parser.feed(html)
    return parser.found


def test_the_embedded_data_is_the_claimreview_export(report) -> None:
    (attrs, text), *others = _scripts(render_html(report))
    assert attrs == {"type": "application/ld+json"} and not others
    assert json.loads(text) == json.loads(render_claimreview(report))


def test_without_the_reports_address_nothing_is_embedded(seeded) -> None:
    store, article, _ = seeded
    html = render_html(build_report(store, article.id, ReportOptions()))
    assert _scripts(html) == []
    assert "ld+json" not in html


def test_no_text_can_close_the_data_block(seeded) -> None:
    store, article, claims = seeded
    with store.write() as db:
        db.execute(
            "UPDATE claims SET speaker = ?, claimant_type = 'person' WHERE id = ?",
            ["</script><script>alert(1)</script><!--", claims[0].id],
        )
    options = ReportOptions(
        base_url="https://c.example.org/r", organisation_name="Check </SCRIPT > & Co"
    )
    report = build_report(store, article.id, options)
    html = render_html(report)
    # One script block, closed once, whose text is still the exact export.
    assert html.lower().count("</script") == 1
    ((_, text),) = _scripts(html)
    items = json.loads(text)
    assert items == json.loads(render_claimreview(report))
    assert items[0]["itemReviewed"]["author"]["name"] == "</script><script>alert(1)</script><!--"
