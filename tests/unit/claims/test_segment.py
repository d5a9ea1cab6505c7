"""claim_segmenter on a blank pipeline: sentences and stand-alone clauses."""

from __future__ import annotations

import pytest

from workbench.claims.spans import claim_spans

from .parsed import parsed


def test_each_sentence_is_a_candidate_without_edge_whitespace(blank):
    segmenter = blank.add_pipe("claim_segmenter")
    doc = segmenter(blank("  Prices rose by 4% last year. Wages fell.\n"))
    assert [span.text for span in claim_spans(doc)] == [
        "Prices rose by 4% last year.",
        "Wages fell.",
    ]


def test_whole_doc_mode_gives_one_candidate(blank):
    segmenter = blank.add_pipe("claim_segmenter")
    doc = segmenter(blank("Prices rose. Wages fell."), whole_doc=True)
    assert [span.text for span in claim_spans(doc)] == ["Prices rose. Wages fell."]


# "Kerry agreed that nations want peace, but Assad stayed in power."
COMPOUND = [
    ("Kerry ", 1, "nsubj", "PROPN"),
    ("agreed ", 1, "ROOT", "VERB"),
    ("that ", 4, "mark", "SCONJ"),
    ("nations ", 4, "nsubj", "NOUN"),
    ("want ", 1, "ccomp", "VERB"),
    ("peace", 4, "dobj", "NOUN"),
    (", ", 1, "punct", "PUNCT"),
    ("but ", 1, "cc", "CCONJ"),
    ("Assad ", 9, "nsubj", "PROPN"),
    ("stayed ", 1, "conj", "VERB"),
    ("in ", 9, "prep", "ADP"),
    ("power", 10, "pobj", "NOUN"),
    (".", 1, "punct", "PUNCT"),
]


def test_coordinated_clauses_with_their_own_subjects_are_split(blank):
    segmenter = blank.add_pipe("claim_segmenter")
    doc = segmenter(parsed(blank, COMPOUND))
    assert [span.text for span in claim_spans(doc)] == [
        "Kerry agreed that nations want peace",
        "Assad stayed in power.",
    ]


def test_a_second_verb_without_its_own_subject_is_not_split(blank):
    # "Russia and the US are ready to talk, but still disagreed on Assad."
    rows = [
        ("Russia ", 1, "nsubj", "PROPN"),
        ("is ", 1, "ROOT", "AUX"),
        ("ready ", 1, "acomp", "ADJ"),
        ("to ", 4, "aux", "PART"),
        ("talk", 2, "xcomp", "VERB"),
        (", ", 1, "punct", "PUNCT"),
        ("but ", 1, "cc", "CCONJ"),
        ("still ", 8, "advmod", "ADV"),
        ("disagreed ", 1, "conj", "VERB"),
        ("on ", 8, "prep", "ADP"),
        ("Assad", 9, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    segmenter = blank.add_pipe("claim_segmenter")
    doc = segmenter(parsed(blank, rows))
    assert len(claim_spans(doc)) == 1


def test_clauses_too_short_to_stand_alone_stay_together(blank):
    segmenter = blank.add_pipe("claim_segmenter", config={"min_clause_words": 5})
    doc = segmenter(parsed(blank, COMPOUND))
    assert len(claim_spans(doc)) == 1


@pytest.mark.parametrize(
    ("config", "message"),
    [({"min_clause_words": 0}, "min_clause_words"), ({"split_clauses": "yes"}, "split_clauses")],
)
def test_bad_settings_are_refused_with_the_setting_named(blank, config, message):
    with pytest.raises(ValueError, match=message):
        blank.add_pipe("claim_segmenter", config=config)
