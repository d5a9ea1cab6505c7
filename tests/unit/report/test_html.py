"""The HTML report: self-contained, and hostile text shows as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from workbench.report.html import render_html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    return parser


def test_no_external_resource_script_or_link(report) -> None:
    html = render_html(report)
    parsed = _parse(html)
    names = {tag for tag, _ in parsed.tags}
    assert "link" not in names and "iframe" not in names
    # The only script block is data (ClaimReview), which no browser runs.
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]
    for tag, attrs in parsed.tags:
        assert "src" not in attrs or not re.match(r"\s*(https?:)?//", attrs["src"] or ""), tag
        if tag != "a":
            assert not re.match(r"\s*(https?:)?//", attrs.get("href") or ""), tag
    assert "url(" not in html and "@import" not in html
    # Defence in depth: even a browser that follows a reference is told to load nothing.
    assert "default-src 'none'" in html


def test_chart_is_inline_svg(report) -> None:
    html = render_html(report)
    assert "<svg" in html and "Claims by rating" in html


def test_hostile_text_shows_as_text(report, texts) -> None:
    html = render_html(report)
    parsed = _parse(html)
    assert all(
        attrs == {"type": "application/ld+json"} for tag, attrs in parsed.tags if tag == "script"
    )
    assert "<b>bold</b>" not in html
    shown = "".join(parsed.text)
    assert texts.hostile in shown
    assert "Kremlin <script>news</script>" in shown
    assert 'Checked against the "official" record, with commas, & ampersands,' in shown
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;friends&#34;" in html


def test_every_claim_rating_and_source_is_in_the_html(report) -> None:
    shown = "".join(_parse(render_html(report)).text)
    for claim in report.claims:
        assert claim.quote in shown
        for verdict in claim.verdicts:
            assert verdict.rating in shown
            for source in verdict.sources:
                assert source.url in shown
    assert "Reviewers disagree" in shown
    assert "ab" * 32 in shown


def test_only_web_addresses_become_links(seeded) -> None:
    from workbench.report import ReportOptions, build_report

    store, article, _claims = seeded
    verdict = store.claims_for(article.id)[0].verdicts[0]
    store.add_source(verdict.id, title="Trap", url="javascript:alert(1)")
    html = render_html(build_report(store, article.id, ReportOptions()))
    hrefs = [attrs.get("href") for tag, attrs in _parse(html).tags if tag == "a"]
    assert "javascript:alert(1)" not in hrefs
    assert "javascript:alert(1)" in html
    assert "https://www.state.gov/readout-kerry-putin" in hrefs


def test_a_source_given_only_by_its_address_has_no_stray_punctuation(seeded) -> None:
    from workbench.report.data import ReportOptions, build_report

    store, article, _ = seeded
    verdict = store.get_verdict(store.claims_for(article.id)[2].verdicts[0].id)
    store.add_source(verdict.id, url="https://records.example.gov/minutes")
    store.add_source(
        verdict.id, url="https://records.example.gov/budget", publisher="City Records Office"
    )
    html = render_html(build_report(store, article.id, ReportOptions.from_store(store)))
    items = [re.sub(r"\s+", " ", li).strip() for li in re.findall(r"<li>(.*?)</li>", html, re.S)]
    by_address = next(i for i in items if "records.example.gov/minutes" in i)
    assert not re.sub(r"<[^>]+>", "", by_address).strip().startswith((".", ","))
    by_publisher = next(i for i in items if "City Records Office" in i)
    assert re.sub(r"<[^>]+>", "", by_publisher).strip().startswith("City Records Office.")
