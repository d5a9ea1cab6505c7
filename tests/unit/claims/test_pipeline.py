"""Loading the pipeline: once per name, with our components, and a clear error when missing."""

from __future__ import annotations

import pytest

from workbench.claims import ClaimsError, load_pipeline


@pytest.mark.slow
def test_the_pipeline_is_loaded_once_with_our_components(nlp):
    assert load_pipeline() is nlp
    assert nlp.pipe_names[-3:] == ["claim_segmenter", "claim_attribution", "claim_checkworthy"]
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ClaimsError, match="“en_core_web_xx_missing” is not installed"):
        load_pipeline("en_core_web_xx_missing")
