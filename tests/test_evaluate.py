import pytest

from pipeline.evaluate import field_right

LONG = "Voitollinen. Tuottotavoite: 5 % sijoitetulle pääomalle. Yhtiö maksaa osinkoa 6 % sijoitetulle pääomalle."


@pytest.mark.parametrize(
    ("name", "got", "want", "right"),
    [
        pytest.param("metric", LONG, LONG[:100].rstrip(), True, id="metric-cut-at-100"),
        pytest.param("metric", "Voitollinen.", LONG[:100].rstrip(), False, id="metric-shorter-than-key"),
        pytest.param("metric", None, None, True, id="metric-none"),
        pytest.param("metric", "Voitollinen", None, False, id="metric-where-key-has-none"),
        pytest.param("goal_id", "3", None, True, id="unprinted-id-numbered-by-reader"),
        pytest.param("goal_id", "3", "2", False, id="printed-id-wrong"),
        pytest.param("target", "yli  20 %", "yli 20 %", True, id="white-space-folded"),
        pytest.param("page", 61, 60, False, id="page-exact"),
    ],
)
def test_field_right(name, got, want, right):
    assert field_right(name, got, want) is right
