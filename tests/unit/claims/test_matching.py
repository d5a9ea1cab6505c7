"""The claim-matching encoder as the library runs it."""

from __future__ import annotations

import numpy as np

from workbench.claims.matching import load_encoder


def test_a_text_gets_the_same_vector_alone_or_beside_others() -> None:
    encoder = load_encoder()
    alone = encoder.encode(["Crime fell by 12 percent last year, the mayor said."])[0]
    beside = encoder.encode(
        [
            "A much longer sentence about the council's spending on roads, schools and parks.",
            "Crime fell by 12 percent last year, the mayor said.",
        ]
    )[1]
    assert np.allclose(alone, beside, atol=1e-6)


def test_a_paraphrase_is_closer_than_another_claim() -> None:
    encoder = load_encoder()
    claim, paraphrase, other = encoder.encode(
        [
            "Obama released 122 Guantanamo detainees who went back to terrorism.",
            "122 prisoners freed from Guantanamo by President Obama returned to the battlefield.",
            "Crime fell by 12 percent last year, the mayor said.",
        ]
    )
    assert float(claim @ paraphrase) > float(claim @ other) + 0.2
