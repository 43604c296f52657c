"""The spaCy pipeline: our components, the fast configuration, offsets and sentences."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp import (
    BLAS_CHOICES,
    FAST_EXCLUDE,
    analyse_goals,
    build_nlp,
    choose_blas,
    load_nlp,
    may_hold_figure,
    measure_blas,
    set_blas,
    tokens,
)
from pipeline.records import Goal
from pipeline.spacy_components import cardinal_value


@pytest.mark.parametrize("factory", ["goal_sentences", "cached_voikko_lemmatizer", "number_words", "space_tokens"])
def test_factories_come_from_entry_points(factory):
    spacy.blank("fi")  # a new Language loads the spacy_factories entry points
    assert Language.has_factory(factory)


def test_pipeline_is_loaded_once_per_process(nlp):
    assert load_nlp("fast") is nlp


def test_fast_pipeline_leaves_out_what_no_stage_reads(nlp):
    assert not set(FAST_EXCLUDE) & set(nlp.pipe_names)
    assert {"goal_sentences", "lemmatizer", "number_words"} <= set(nlp.pipe_names)


def test_blas_is_chosen_by_measuring_both(nlp):
    assert nlp.meta["blas"] in BLAS_CHOICES
    seconds = measure_blas(nlp, rounds=2, n_tokens=60)
    assert set(seconds) == set(BLAS_CHOICES) and all(len(times) == 2 for times in seconds.values())
    assert nlp.meta["blas"] in BLAS_CHOICES  # measuring leaves the pipeline on its choice


@pytest.mark.parametrize("blas", BLAS_CHOICES)
def test_both_blas_choices_tag_alike(nlp, blas):
    text = "Kerhotoimintaa järjestettiin kolmessa koulussa syksyllä 2021."
    chosen = nlp.meta["blas"]
    expected = [(t.pos_, str(t.morph)) for t in nlp(text)]
    try:
        set_blas(nlp, blas)
        assert [(t.pos_, str(t.morph)) for t in nlp(text)] == expected
    finally:
        set_blas(nlp, chosen)


@pytest.mark.parametrize(
    ("seconds", "chosen"),
    [
        pytest.param({"blis": [3, 3], "openblas": [2.5, 2.5], "openblas-1": [2, 2]}, "openblas-1", id="one-thread"),
        pytest.param({"blis": [1, 1], "openblas": [2.5, 2.5], "openblas-1": [2, 2]}, "blis", id="blis"),
        pytest.param({"blis": [3, 3], "openblas": [1, 1], "openblas-1": [2, 2]}, "openblas", id="threads-clearly"),
        pytest.param({"blis": [3, 3], "openblas": [1.8, 1.8], "openblas-1": [2, 2]}, "openblas-1",
                     id="threads-barely"),
    ],
)
def test_threads_are_chosen_only_by_a_clear_margin(seconds, chosen):
    assert choose_blas(seconds) == chosen


def test_unknown_blas_choice_is_named():
    with pytest.raises(ValueError, match=r"'mkl'.*auto, blis, openblas, openblas-1"):
        build_nlp("fast", blas="mkl")


def test_space_tokens_tagged_as_the_models_attribute_ruler_does(nlp):
    reference = spacy.load("spacy_fi_experimental_web_md", exclude=list(FAST_EXCLUDE))
    text = "Ensimmäinen  kappale.\n\nToinen\tkappale \xa0loppuu."
    ours, theirs = nlp(text), reference(text)
    assert [(t.pos_, t.tag_, str(t.morph)) for t in ours if t.is_space] == \
        [(t.pos_, t.tag_, str(t.morph)) for t in theirs if t.is_space]
    assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Opetusjohtaja Pia Kola", False, id="name"),
        pytest.param("Uusi mittari", False, id="no-figure"),
        pytest.param("45 %", True, id="digit"),
        pytest.param("kolme koulua", True, id="number-word"),
        pytest.param("Kahdessa koulussa", True, id="number-word-inflected"),
        pytest.param("syyskuussa", True, id="month"),
    ],
)
def test_may_hold_figure(voikko, text, expected):
    assert may_hold_figure(text) is expected


def test_figure_only_fields_without_figures_skip_the_network(nlp):
    goals = [Goal(goal_id="1.1", goal="Lapset liikkuvat.", responsible="Opetusjohtaja Pia Kola",
                  baseline="kolme koulua"),
             Goal(goal_id="1.2", goal="Lapset liikkuvat.", responsible="Opetusjohtaja Pia Kola")]
    first, second = analyse_goals(goals)
    assert not first["responsible"].has_annotation("POS")  # only tokens and sentences
    assert first["baseline"].has_annotation("POS") and first["goal"].has_annotation("POS")
    assert first["responsible"] is second["responsible"] and first["goal"] is second["goal"]  # analysed once


def test_unknown_mode_is_named():
    with pytest.raises(ValueError, match=r"'quick'.*fast, full"):
        load_nlp("quick")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Selvitys valmis. Kumppaneita on 10.", ["Selvitys valmis.", "Kumppaneita on 10."]),
        ("Noin n. 90 % osallistui. Hyvä.", ["Noin n. 90 % osallistui.", "Hyvä."]),
        ("Hankkeeseen 1,2 milj. euroa vuonna 2021.", ["Hankkeeseen 1,2 milj. euroa vuonna 2021."]),
        ("Siirryttäessä 7. luokalle koe poistui.", ["Siirryttäessä 7. luokalle koe poistui."]),
        ("Laki tuli voimaan 1.8.2021. Uusia käytänteitä laadittiin.",
         ["Laki tuli voimaan 1.8.2021.", "Uusia käytänteitä laadittiin."]),
        ("Ensimmäinen kappale\nToinen kappale", ["Ensimmäinen kappale", "Toinen kappale"]),
        ("Lisäksi kts. toimenpiteet.", ["Lisäksi kts. toimenpiteet."]),
        ("TP 2021 | TP 2022\n63 % | 71 %\nKysely tehdään joka toinen vuosi.",
         ["TP 2021 | TP 2022\n63 % | 71 %", "Kysely tehdään joka toinen vuosi."]),
        ("TP 2021 | TP 2022\n\nKäynnit | lainat", ["TP 2021 | TP 2022", "Käynnit | lainat"]),
    ],
)
def test_sentences(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("työntekijää", "työntekijä"),
        ("oppilaitoskumppaneille", "oppilaitoskumppani"),
        ("koulutettu", "kouluttaa"),
        ("sote-keskuksessa", "sote-keskus"),
        ("Vantaan", "Vantaa"),
        ("käyntikertoja", "käyntikerta"),
    ],
)
def test_lemmas(nlp, word, lemma):
    doc = nlp(f"Tässä on {word} nyt.")
    assert doc[2].lemma_ == lemma


def test_cached_lemmatizer_gives_the_models_lemmas(nlp, seed_report):
    """Same tags in, same lemmas out: the cache changes the cost, not the result (the seed has none of the rare
    homographs where the choice differs)."""
    reference = spacy.load("spacy_fi_experimental_web_md", exclude=list(FAST_EXCLUDE)).get_pipe("lemmatizer")
    texts = [text for goal in seed_report.goals for text in (goal.measures, goal.metric_status, goal.target) if text]
    for doc in nlp.pipe(texts):
        ours = [t.lemma_ for t in doc]
        for token in doc:
            token.lemma = 0
        assert [t.lemma_ for t in reference(doc)] == ours


@pytest.mark.parametrize(
    ("baseform", "value"),
    [("kolme", 3), ("kymmenen", 10), ("yhdeksäntoista", 19), ("kaksikymmentäviisi", 25), ("kolmesataa", 300),
     ("tuhat", 1000), ("kaksituhattakaksikymmentäyksi", 2021), ("kuudes", None), ("toinen", None), ("kuu", None)],
)
def test_cardinal_values(baseform, value):
    assert cardinal_value(baseform) == value


def test_token_offsets_point_into_the_field_text(nlp):
    text = "Määrä on noussut 28,4 %.\nToinen kappale."
    found = tokens(nlp(text))
    assert all(text[t.start:t.end] == t.text for t in found)
    assert [t.sentence for t in found if t.text == "Toinen"] == [1]
    assert [t.lemma for t in found if t.text == "noussut"] == ["nousta"]


def test_analyse_command_fills_indicators(capsys):
    from pipeline.cli import main
    from tests.conftest import SEED

    assert main(["analyse", str(SEED), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    goal = {g["goal_id"]: Goal.from_dict(g) for g in doc["goals"]}["12.4"]
    figure = next(i for i in goal.indicators if i.text == "noussut 28,4 %")
    assert figure.to_dict() == {
        "field": "metric_status", "kind": "percent", "value": 28.4, "unit": "%", "qualifier": None,
        "direction": "increase", "text": "noussut 28,4 %", "start": 44, "end": 58,
        "sentence": "Varhaiskasvatuksessa koulutettujen määrä on noussut 28,4 % vuoden 2021 aikana.",
    }
