"""claim_attribution on a blank pipeline: quotes, reported speech, "according to"."""

from __future__ import annotations

import pytest

from workbench.claims.spans import claim_spans

from .parsed import parsed


@pytest.fixture
def attribute(blank):
    segmenter = blank.add_pipe("claim_segmenter")
    attribution = blank.add_pipe("claim_attribution")
    return lambda doc: [
        (s.text, s._.speaker, s._.attribution) for s in claim_spans(attribution(segmenter(doc)))
    ]


def test_quote_with_speaker_after_keeps_only_the_quoted_words(blank, attribute):
    rows = [
        ("“", 2, "punct", "PUNCT"),
        ("We ", 2, "nsubj", "PRON"),
        ("meet ", 10, "ccomp", "VERB"),
        ("on ", 2, "prep", "ADP"),
        ("Friday ", 3, "pobj", "PROPN"),
        ("in ", 2, "prep", "ADP"),
        ("New ", 7, "compound", "PROPN"),
        ("York", 5, "pobj", "PROPN"),
        (",", 10, "punct", "PUNCT"),
        ("” ", 10, "punct", "PUNCT"),
        ("said ", 10, "ROOT", "VERB"),
        ("Kerry", 10, "nsubj", "PROPN"),
        (".", 10, "punct", "PUNCT"),
    ]
    doc = parsed(blank, rows, ents=["O"] * 11 + ["B-PERSON", "O"])
    assert attribute(doc) == [("We meet on Friday in New York", "Kerry", "quote")]


def test_quote_with_speaker_before_a_colon(blank, attribute):
    rows = [
        ("Lavrov ", 1, "nsubj", "PROPN"),
        ("told ", 1, "ROOT", "VERB"),
        ("reporters", 1, "dobj", "NOUN"),
        (": ", 1, "punct", "PUNCT"),
        ("“", 7, "punct", "PUNCT"),
        ("Progress ", 7, "nsubjpass", "NOUN"),
        ("was ", 7, "auxpass", "AUX"),
        ("made ", 1, "ccomp", "VERB"),
        ("in ", 7, "prep", "ADP"),
        ("Vienna", 8, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
        ("”", 1, "punct", "PUNCT"),
    ]
    doc = parsed(blank, rows, ents=["B-PERSON"] + ["O"] * 11)
    assert attribute(doc) == [("Progress was made in Vienna.", "Lavrov", "quote")]


def test_short_scare_quotes_do_not_cut_the_sentence(blank, attribute):
    doc = blank("Critics called the plan a “total failure” on Monday.")
    assert attribute(doc) == [("Critics called the plan a “total failure” on Monday.", None, None)]


# "Kerry stated that Assad used chemical weapons."
REPORTED = [
    ("Kerry ", 1, "nsubj", "PROPN"),
    ("stated ", 1, "ROOT", "VERB"),
    ("that ", 4, "mark", "SCONJ"),
    ("Assad ", 4, "nsubj", "PROPN"),
    ("used ", 1, "ccomp", "VERB"),
    ("chemical ", 6, "amod", "ADJ"),
    ("weapons", 4, "dobj", "NOUN"),
    (".", 1, "punct", "PUNCT"),
]


def test_reported_speech_names_the_subject_of_the_speech_verb(blank, attribute):
    doc = parsed(blank, REPORTED, ents=["B-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O"])
    assert attribute(doc) == [
        ("Kerry stated that Assad used chemical weapons.", "Kerry", "reported")
    ]


def test_a_verb_that_is_not_speech_gives_no_speaker(blank, attribute):
    rows = [
        (w if i != 1 else "met ", h, d if i != 4 else "advcl", p)
        for i, (w, h, d, p) in enumerate(REPORTED)
    ]
    assert attribute(parsed(blank, rows))[0][1] is None


def test_according_to_names_the_source(blank, attribute):
    rows = [
        ("Prices ", 1, "nsubj", "NOUN"),
        ("rose", 1, "ROOT", "VERB"),
        (", ", 1, "punct", "PUNCT"),
        ("according ", 1, "prep", "VERB"),
        ("to ", 3, "prep", "ADP"),
        ("Eurostat", 4, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = parsed(blank, rows, ents=["O"] * 5 + ["B-ORG", "O"])
    assert attribute(doc) == [("Prices rose, according to Eurostat.", "Eurostat", "according")]


def test_bad_settings_are_refused(blank):
    with pytest.raises(ValueError, match="min_quote_words"):
        blank.add_pipe("claim_attribution", config={"min_quote_words": 0})
