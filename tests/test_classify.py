"""The status classifier: estimator contract, training data, saving and refusing bad model files."""

from __future__ import annotations

import datetime
import json

import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from pipeline.classify import (
    EVIDENCE_COLUMNS,
    ModelError,
    StatusClassifier,
    StatusModel,
    load_model,
    save_model,
)
from pipeline.training import load_examples, synthetic_examples, train
from tests.conftest import ROOT


def frame(n: int = 12) -> pd.DataFrame:
    rows = []
    for i in range(n):
        row = dict.fromkeys(EVIDENCE_COLUMNS, float(i % 3))
        row["text"] = ["s_valmistua t_valmis", "s_kesken s_jatkua", "s_ei s_aloittaa"][i % 3]
        rows.append(row)
    return pd.DataFrame(rows)


#: The model file the repository ships (models/README.md).
SHIPPED_MODEL = ROOT / "models" / "status_classifier.skops"
LABELS = ["full", "partial", "none"] * 4


def test_fit_returns_self_with_learned_attributes():
    model = StatusClassifier()
    assert model.fit(frame(), LABELS) is model
    assert sorted(model.classes_) == ["full", "none", "partial"]
    assert model.predict_proba(frame()).shape == (12, 3)


def test_unfitted_model_says_so():
    with pytest.raises(NotFittedError):
        StatusClassifier().predict(frame())


def test_parameters_follow_the_estimator_contract():
    model = StatusClassifier(C=0.5, use_text=False)
    assert clone(model).get_params() == model.get_params() == {
        "C": 0.5, "use_text": False, "use_evidence": True, "calibration_folds": 3}


def test_probabilities_are_calibrated_to_sum_one():
    probabilities = StatusClassifier().fit(frame(), LABELS).predict_proba(frame())
    assert probabilities.sum(axis=1) == pytest.approx([1.0] * 12)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        pytest.param(["full"] * 12, "only the status", id="one-class"),
        pytest.param(["done"] * 12, "Unknown status labels", id="unknown-label"),
        pytest.param(["full"] * 5, "one label per goal", id="length-mismatch"),
    ],
)
def test_bad_training_labels(labels, message):
    with pytest.raises(ModelError, match=message):
        StatusClassifier().fit(frame(), labels)


def test_training_without_examples_is_refused():
    with pytest.raises(ModelError, match="No labelled goals"):
        train([])


def test_reports_give_labels_and_corrections_override_them(seed_report):
    from tests.conftest import SEED

    plain = load_examples([SEED])
    assert [e.label for e in plain.examples].count("none") == 1
    corrected = load_examples([SEED], corrections={(seed_report.sha256, "12.12"): "partial"})
    assert {e.goal.goal_id: e.label for e in corrected.examples}["12.12"] == "partial"


def test_metric_rows_of_a_whole_statement_are_examples_of_their_report(tmp_path):
    doc = {"report": {"source": "tilinpaatos.json", "year": 2024, "layout": "metric_rows"}, "goals": [
        {"goal_id": "1", "goal": "Kirjasto houkuttelee", "status": None, "metrics": [
            {"name": "Kävijät", "baseline": "700", "target": "1 000", "actual": "1 100", "status_label": "1",
             "status": "full"},
            {"name": "Lainat", "baseline": "5", "target": "6", "actual": "4", "status_label": "3", "status": "none"},
            {"name": "Kysely", "baseline": "1", "target": "1", "actual": "…", "status_label": "4",
             "status": "not_assessable"}]}]}
    path = tmp_path / "tilinpaatos.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    examples = load_examples([path]).examples
    assert [(e.goal.metric, e.goal.metric_status, e.label) for e in examples] == [
        ("Kävijät", "1 100", "full"), ("Lainat", "4", "none")]
    assert len({e.group for e in examples}) == 1


def test_unreadable_training_file_is_skipped_with_its_error(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = load_examples([bad])
    assert result.examples == [] and "bad.pdf" in result.skipped[0]


def test_synthetic_examples_are_labelled_by_their_evidence():
    examples = synthetic_examples(30, seed=3)
    assert {e.label for e in examples} <= {"full", "partial", "none"}
    assert all(e.group.startswith("family:") for e in examples)


@pytest.fixture(scope="module")
def saved(tmp_path_factory, status_model):
    return save_model(status_model, tmp_path_factory.mktemp("model") / "m.skops")


def test_saved_model_loads_with_its_card(saved, status_model):
    loaded = load_model(saved)
    assert loaded.card["version"] == status_model.card["version"]
    assert saved.with_suffix(".card.md").read_text(encoding="utf-8").startswith("# Model card")
    assert json.loads(saved.with_suffix(".card.json").read_text(encoding="utf-8"))["n_examples"] == 400


def test_damaged_model_file_is_refused(saved, tmp_path):
    broken = tmp_path / "broken.skops"
    broken.write_bytes(saved.read_bytes()[: len(saved.read_bytes()) // 2])
    with pytest.raises(ModelError, match=r"damaged|could not be loaded"):
        load_model(broken)


def test_tampered_model_with_foreign_types_is_refused(saved, tmp_path):
    import skops.io as sio

    tampered = tmp_path / "tampered.skops"
    sio.dump({"format_version": 1, "classifier": datetime.date(2021, 1, 1)}, tampered)
    with pytest.raises(ModelError, match=r"refusing to load types.*datetime.date"):
        load_model(tampered)


def _hostile_code_runner():
    """Every type looks trusted by prefix (builtins., numpy., sklearn.): code runs at prediction time."""
    import numpy as np
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    classifier = StatusClassifier()
    classifier.model_ = Pipeline([
        ("shape", FunctionTransformer(np.full_like, kw_args={"fill_value": "__import__('os').getpid()"})),
        ("run", FunctionTransformer(np.frompyfunc(eval, 1, 1))),
        ("pick", FunctionTransformer(np.unique)),
        ("last", FunctionTransformer(max)),
    ])
    classifier.classes_ = np.array(["full", "partial", "none"], dtype=object)
    return classifier


def _ordered_dict_as_model():
    import collections

    import numpy as np

    classifier = StatusClassifier()
    classifier.model_ = collections.OrderedDict(logreg=1)
    classifier.classes_ = np.array(["full", "partial", "none"], dtype=object)
    return classifier


@pytest.mark.parametrize(("build", "message"), [
    pytest.param(_hostile_code_runner, r"refusing to load types.*builtins|refusing to load types.*numpy",
                 id="eval-in-function-transformer"),
    pytest.param(_ordered_dict_as_model, r"fitted model is a OrderedDict", id="ordered-dict-as-model"),
    pytest.param(lambda: __import__("collections").OrderedDict(a=1), r"holds a OrderedDict", id="ordered-dict-bundle"),
])
def test_hostile_model_file_is_refused_before_it_runs(tmp_path, build, message):
    import sklearn
    import skops.io as sio

    hostile = tmp_path / "hostile.skops"
    sio.dump({"format_version": 1, "sklearn_version": sklearn.__version__, "card_json": "{}",
              "classifier": build()}, hostile)
    with pytest.raises(ModelError, match=message):
        load_model(hostile)


def test_trusted_types_are_exactly_those_of_our_models(saved):
    import skops.io as sio

    from pipeline.classify import TRUSTED_TYPES

    assert set(sio.get_untrusted_types(file=SHIPPED_MODEL)) == TRUSTED_TYPES
    assert set(sio.get_untrusted_types(file=saved)) <= TRUSTED_TYPES


def test_model_of_another_format_is_refused(tmp_path, status_model):
    import skops.io as sio

    old = tmp_path / "old.skops"
    sio.dump({"format_version": 0, "sklearn_version": "1.9.1", "classifier": status_model.classifier}, old)
    with pytest.raises(ModelError, match=r"model format 0.*Retrain"):
        load_model(old)


def test_missing_model_file_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelError, match="python -m pipeline train"):
        load_model(tmp_path / "none.skops")


def test_shipped_default_model_loads_and_predicts(seed_report):
    from pipeline.analysis import analyse_report
    from pipeline.records import Report

    model = load_model(SHIPPED_MODEL)
    assert isinstance(model, StatusModel)
    report = analyse_report(Report.from_dict(seed_report.to_dict()), model=model)
    assert all(set(g.prediction.probabilities) == {"full", "partial", "none"} for g in report.goals)


def test_train_command_with_one_status_only_exits_with_a_message(tmp_path, capsys):
    from pipeline.cli import main

    csv = tmp_path / "one.csv"
    csv.write_text("Sitova tavoite;Mittari;Tavoitetaso;Mittarien tilanne;Tila\n"
                   "A;m;t;s;Toteutuu täysin\nB;m;t;s;Toteutuu täysin\n", encoding="utf-8")
    assert main(["train", str(csv), "--synthetic", "0", "--out", str(tmp_path / "m.skops")]) == 2
    assert "only the status 'full'" in capsys.readouterr().err
