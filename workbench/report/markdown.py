"""The Markdown report: the same content as the HTML, as plain text with light markup."""

from __future__ import annotations

import re

from .data import Report, ReportClaim, ReportSource, ReportVerdict
from .text import human_date, without_bidi_runs

# Backslash-escape what Markdown would read as markup or raw HTML, so text stays text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def md_escape(text: str | None) -> str:
    """Escape ``text`` so a Markdown renderer shows it literally (no HTML, no links)."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text or ""))


def md_line(text: str | None) -> str:
    """Like :func:`md_escape`, and also keep a heading, list or quote sign at the start as text."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), md_escape(text), count=1)


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def render_markdown(report: Report) -> str:
    """Render ``report`` as a Markdown document."""
    a = report.article
    lines = [
        f"# Fact-check: {md_escape(a.title or 'Untitled article')}",
        "",
        f"*{md_escape(report.options.organisation_name or 'Fact-check report')} · "
        f"{human_date(report.generated_at)}*",
        "",
    ]
    for label, value in (
        ("Outlet", a.outlet),
        ("Author", a.author),
        ("Published", human_date(a.published)),
        ("Address", a.url),
        ("Imported file", a.source_name),
        ("File SHA-256", a.source_sha256),
    ):
        if value:
            lines.append(f"- **{label}:** {md_escape(value)}")
    lines += ["", "## Summary", ""]
    for written in report.summary_paragraphs:
        lines += [md_line(written), ""]
    lines.append(
        f"{report.claims_found} claims found, {report.claims_reviewed} reviewed, "
        f"{report.claims_dismissed} dismissed, reviewers disagree on {report.claims_disputed}."
    )
    lines += ["", "| Rating | Claims |", "|---|---:|"]
    lines += [f"| {md_escape(r.label)} | {r.count} |" for r in report.rating_counts]
    lines += ["", "### Reviewers", ""]
    if report.reviewers:
        lines += ["| Reviewer | Verdicts | First verdict | Last change |", "|---|---:|---|---|"]
        for r in report.reviewers:
            first = human_date(r.first, with_time=True)
            last = human_date(r.last, with_time=True)
            lines.append(f"| {md_escape(r.name)} | {r.verdicts} | {first} | {last} |")
    else:
        lines.append("No verdicts recorded yet.")
    lines += ["", "## Claims", ""]
    for claim in report.claims:
        lines += _claim(claim)
    if not report.claims:
        lines += [report.no_claims_line, ""]
    lines += _methods(report)
    lines += ["## Appendix: the article", ""]
    for para in report.appendix:
        parts = []
        for seg in para:
            parts += [f"**\\[{n}\\]** " for n in seg.markers]
            text = md_escape(seg.text)
            if seg.is_claim and text.strip():
                # Emphasis must hug the words: "*word*" renders, "* word *" does not.
                lead, core, trail = _split_space(text)
                text = f"{lead}*{core}*{trail}"
            parts.append(text)
        lines += [
            _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), "".join(parts), count=1),
            "",
        ]
    lines += [f"*Report generated {human_date(report.generated_at, with_time=True)}.*", ""]
    # Markdown is read as plain text too, where nothing would contain a reordering control.
    return without_bidi_runs("\n".join(lines))


def _methods(report: Report) -> list[str]:
    m = report.methods_section
    lines = ["## Methods", ""]
    for paragraph in m.paragraphs:
        lines += [md_line(paragraph), ""]
    lines += [f"Ratings follow the {md_escape(m.scale_title.lower())}:", ""]
    for r in m.ratings:
        lines.append(f"- **{md_escape(r.label)}:** {md_escape(r.description)}")
    return [*lines, ""]


def _claim(c: ReportClaim) -> list[str]:
    head = f"### {c.number}. "
    if c.final:
        head += f"{md_escape(c.final.rating).upper()}"
    elif c.consensus:
        head += f"{md_escape(c.consensus.rating).upper()}"
    elif c.disagreement:
        head += "REVIEWERS DISAGREE"
    elif c.dismissed:
        head += "DISMISSED"
    else:
        head += "NOT REVIEWED"
    said = f", {md_escape(c.said)}" if c.said else ""
    meta = [f"Said by {md_escape(c.said_by)}{said}"] if c.said_by else []
    if c.said and not c.said_by:
        meta.append(f"Said {md_escape(c.said)}")
    meta.append(c.kind_label)
    if c.dismissed and not head.endswith("DISMISSED"):
        meta.append("dismissed")
    lines = [head, "", f"*{' · '.join(meta)}*", ""]
    lines.append(
        f"> {md_escape(c.context_before)}**{md_escape(c.quote)}**{md_escape(c.context_after)}"
    )
    lines.append("")
    if c.reworded:
        lines += [f"Claim as checked: {md_escape(c.wording)}", ""]
    if c.final:
        lines += [f"**{md_escape(c.final.by_line)}: {md_escape(c.final.rating).upper()}**", ""]
        lines += [md_line(line) + "  " for line in c.final.note.splitlines() if line.strip()]
        lines += [""] if c.final.note.strip() else []
    if c.disagreement:
        who = "; ".join(
            f"{md_escape(v.reviewer)} rated it {md_escape(v.rating)}" for v in c.verdicts
        )
        settled = " The final verdict settles it." if c.final else ""
        lines += [f"**⚑ Reviewers disagree:** {who}.{settled}", ""]
    if c.final and c.verdicts:
        lines += ["*Reviewers' verdicts:*", ""]
    for verdict in c.verdicts:
        lines += _verdict(verdict)
    if c.earlier:
        lines += ["*Checked before: earlier fact-checks of this claim*", ""]
        for e in c.earlier:
            who = f" ({md_escape(e.linked_by_line)})" if e.linked_by else ""
            lines.append(f"- **{md_escape(e.line)}** — “{md_escape(e.claim)}” {_link(e.url)}{who}")
        lines.append("")
    return lines


def _verdict(v: ReportVerdict) -> list[str]:
    extra = f", confidence {v.confidence_percent}" if v.confidence_percent else ""
    when = human_date(v.updated_at, with_time=True)
    lines = [f"**{md_escape(v.rating).upper()}** — {md_escape(v.reviewer)}{extra}, {when}", ""]
    if v.rationale:
        lines += [md_line(line) + "  " for line in v.rationale.splitlines() if line.strip()]
        lines.append("")
    for source in v.sources:
        lines += _source(source)
    if v.sources:
        lines.append("")
    return lines


def _link(url: str) -> str:
    """A web address as a Markdown link when it is one, else as escaped text."""
    if url.startswith(("http://", "https://")) and " " not in url and ">" not in url:
        return f"<{url}>"
    return md_escape(url)


def _source(s: ReportSource) -> list[str]:
    desc = (
        ", ".join(md_escape(x) for x in (s.title, s.publisher, human_date(s.published)) if x)
        or "Source"
    )
    line = f"{s.number}. {desc}."
    if s.url:
        line += f" {_link(s.url)}"
    if s.accessed:
        line += f" (accessed {human_date(s.accessed)})"
    lines = [line]
    if s.quote:
        lines.append(f"   > {md_escape(s.quote)}")
    if s.note:
        lines.append(f"   Note: {md_escape(s.note)}")
    if s.attachment_name:
        lines.append(
            f"   Attached file: {md_escape(s.attachment_name)}, SHA-256 {s.attachment_sha256}"
        )
    return lines
