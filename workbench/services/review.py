"""Recording verdicts with their sources."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.model import Judgement, Reviewer, Verdict, name_problem, web_url_problem
from workbench.settings import declared
from workbench.store import InvalidInputError, NotFoundError, Store


def record_verdict(
    store: Store,
    claim_id: str,
    reviewer_name: str,
    judgement: Judgement,
    *,
    source_urls: Sequence[str] = (),
) -> Verdict:
    """Save a reviewer's verdict (adding the reviewer if new) and attach source URLs."""
    reviewer = store.find_reviewer(reviewer_name)
    if reviewer is None:
        raise NotFoundError(
            f"There is no reviewer called “{reviewer_name}”; add them with "
            f'`workbench reviewers add "{reviewer_name}"`.'
        )
    # The same address given twice, or again on a later run, is one source, not several.
    urls = list(dict.fromkeys(check_url(url) for url in source_urls))
    # One transaction: the verdict and all its sources are saved, or none of them.
    with store.write():
        verdict = store.save_verdict(claim_id, reviewer.id, judgement)
        known = {s.url for s in store.get_verdict(verdict.id).sources if s.url}
        for url in urls:
            if url not in known:
                store.add_source(verdict.id, url=url)
    return store.get_verdict(verdict.id)


def check_setting(key: str, value: object) -> object:
    """``value`` ready to store under ``key``, or :class:`InvalidInputError` saying what is wrong.

    Every key is checked against its declaration in :mod:`workbench.settings`: its type, its
    bounds, and for the web addresses that reports publish, http(s) only.
    """
    setting = declared(key)
    value = setting.tidy(value)
    problem = setting.problem(value)
    if problem:
        raise InvalidInputError(problem)
    return value


def save_settings(store: Store, values: dict[str, object]) -> None:
    """Store several settings, each checked first; nothing is stored when one is refused."""
    checked = {key: check_setting(key, value) for key, value in values.items()}
    if not checked:
        return
    with store.write():
        for key, value in checked.items():
            store.set_setting(key, value)


def add_reviewer(store: Store, name: str) -> Reviewer:
    """Add a reviewer, refusing a name that is empty, too long or holds control characters."""
    return store.add_reviewer(check_reviewer_name(name))


def check_reviewer_name(name: str) -> str:
    """``name`` with its spaces tidied, or :class:`InvalidInputError` saying what is wrong."""
    problem = name_problem(name)
    if problem:
        raise InvalidInputError(problem)
    return " ".join(name.split())


def check_url(url: str) -> str:
    """A source address as stored: an http(s) address (``doi:`` becomes its doi.org address)."""
    url = url.strip()
    if url.lower().startswith("doi:"):
        url = "https://doi.org/" + url[4:].strip()
    return check_web_url(url, "source address")


def check_web_url(url: str, what: str = "web address") -> str:
    """``url`` without surrounding spaces, or :class:`InvalidInputError` when it is not http(s)."""
    url = url.strip()
    problem = web_url_problem(url, what)
    if problem:
        raise InvalidInputError(problem)
    return url
