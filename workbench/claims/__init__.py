"""Claim extraction with spaCy: segmentation, attribution, kinds and check-worthiness."""

from __future__ import annotations

# Importing the component modules registers their spaCy factories.
from . import attribution, checkworthy, segment  # noqa: F401
from .errors import ClaimsError, ExtractionCancelled
from .extract import CHECKWORTHY_THRESHOLD, MIN_SCORE, claim_blocks, extract_claims, score_texts
from .learned import DEFAULT_THRESHOLD, load_scorer
from .pipeline import (
    COMPONENTS_VERSION,
    DEFAULT_PIPELINES,
    add_claim_components,
    load_pipeline,
    pipeline_version,
)

__all__ = [
    "CHECKWORTHY_THRESHOLD",
    "COMPONENTS_VERSION",
    "DEFAULT_PIPELINES",
    "DEFAULT_THRESHOLD",
    "MIN_SCORE",
    "ClaimsError",
    "ExtractionCancelled",
    "add_claim_components",
    "claim_blocks",
    "extract_claims",
    "load_pipeline",
    "load_scorer",
    "pipeline_version",
    "score_texts",
]
