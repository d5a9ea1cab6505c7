"""Recording verdicts with their sources."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from workbench.model import Verdict
from workbench.store import InvalidInputError, NotFoundError, Store


def record_verdict(
    store: Store,
    claim_id: str,
    reviewer_name: str,
    rating: str,
    *,
    rationale: str = "",
    confidence: float | None = None,
    source_urls: Sequence[str] = (),
) -> Verdict:
    """Save a reviewer's verdict (adding the reviewer if new) and attach source URLs."""
    reviewer = store.find_reviewer(reviewer_name)
    if reviewer is None:
        raise NotFoundError(
            f"There is no reviewer called “{reviewer_name}”; add them with "
            f'`workbench reviewers add "{reviewer_name}"`.'
        )
    for url in source_urls:
        check_url(url)
    # One transaction: the verdict and all its sources are saved, or none of them.
    with store.write():
        verdict = store.save_verdict(
            claim_id, reviewer.id, rating, confidence=confidence, rationale=rationale
        )
        for url in source_urls:
            store.add_source(verdict.id, url=url)
    return store.get_verdict(verdict.id)


def check_url(url: str) -> str:
    """Refuse a source address that is not a web, file or DOI address."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return url.strip()
    if parts.scheme in ("file", "doi") and (parts.path or parts.netloc):
        return url.strip()
    raise InvalidInputError(
        f"“{url}” is not a web address; sources need a full address such as https://example.org/page."
    )
