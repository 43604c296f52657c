import pytest

from pipeline.lang_fi import status_labels
from pipeline.status import legend_band, normalise_status, split_status, unknown_label_warning


@pytest.mark.parametrize(
    ("label", "status"),
    [
        # Vantaa, Tampere, Helsinki
        pytest.param("Toteutuu täysin", "full", id="vantaa-full"),
        pytest.param("Toteutuu\ntäysin", "full", id="line-break"),
        pytest.param("Toteutui", "full", id="tampere-full"),
        pytest.param("Toteutuu osittain", "partial", id="vantaa-partial"),
        pytest.param("Toteutui osittain", "partial", id="tampere-partial"),
        pytest.param("Ei toteudu lainkaan", "none", id="vantaa-none"),
        pytest.param("Ei toteutunut", "none", id="tampere-none"),
        pytest.param("Ei arvioitavissa", "not_assessable", id="tampere-not-assessable"),
        pytest.param("Ei voida todentaa", "not_assessable", id="helsinki-not-assessable"),
        pytest.param("partial", "partial", id="normalised-name"),
        # Kauhava 2024, as printed
        pytest.param("Toteutui suunnitellusti", "full", id="suunnitellusti"),
        pytest.param("Pääsääntöisesti toteutunut", "partial", id="paasaantoisesti"),
        pytest.param("Pääsääntöisesti toteutunut-", "partial", id="trailing-hyphen"),
        pytest.param("Tavoitteet toteutuvat", "full", id="tavoitteet-toteutuvat"),
        pytest.param("Toteutuu", "full", id="toteutuu"),
        pytest.param("Toteutuu.", "full", id="full-stop"),
        pytest.param("Ei toteutunut kaikilta osin", "partial", id="ei-kaikilta-osin"),
        pytest.param("Tavoite ei kaikilta osin toteudu", "partial", id="other-word-order"),
        pytest.param("Tavoitteet jäivät osin toteutumatta", "partial", id="jaivat-osin"),
        pytest.param("Osittain", "partial", id="osittain"),
        pytest.param("ei toteutunut", "none", id="lower-case"),
        # lemmas: other inflections of a listed label
        pytest.param("Tavoitteet toteutuivat", "full", id="plural-past"),
        pytest.param("Toteutuneet osittain", "partial", id="plural-participle"),
        # typos as printed
        pytest.param("Totetutui", "full", id="typo-totetutui"),
        pytest.param("Totetutui suunnitellusti", "full", id="typo-in-two-words"),
        pytest.param("Ei toteunut", "none", id="typo-ei-toteunut"),
        # unknown
        pytest.param("Toteutuu melkein", None, id="unknown-word"),
        pytest.param("Toteutuisi", None, id="conditional-is-no-claim"),
        pytest.param("Toteutui, nyt 1140 tuntia", None, id="evidence-is-not-a-label"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_normalise_status(label, status):
    assert normalise_status(label) == status


@pytest.mark.parametrize(
    "negated",
    [
        pytest.param("Ei toteutunut", id="ei-toteutunut"),
        pytest.param("Ei toteunut", id="typo-after-negation"),
        pytest.param("ei Toteutui", id="ei-toteutui"),
        pytest.param("Ei toteudu", id="ei-toteudu"),
        pytest.param("Eivät toteutuneet", id="plural"),
        pytest.param("Jäi toteutumatta", id="abessive"),
    ],
)
def test_negation_is_never_matched_away(negated):
    assert normalise_status(negated) not in {"full", "partial"}


@pytest.mark.parametrize(
    "typo",
    [
        pytest.param("Ie toteutunut", id="typo-in-negation"),
        pytest.param("E toteutunut", id="negation-cut-short"),
    ],
)
def test_a_damaged_negation_is_unknown_not_full(typo):
    assert normalise_status(typo) is None


@pytest.mark.parametrize(
    ("status", "labels"),
    [(status, getattr(status_labels, status.upper())) for status in ("full", "partial", "none", "not_assessable")],
    ids=["full", "partial", "none", "not_assessable"],
)
def test_every_vocabulary_label_maps_to_its_list(status, labels):
    assert {label: normalise_status(label) for label in labels} == {label: status for label in labels}


@pytest.mark.parametrize(
    ("text", "label", "evidence"),
    [
        pytest.param("Toteutui, nyt 1140 tuntia", "Toteutui", "nyt 1140 tuntia", id="comma"),
        pytest.param("Ei toteutunut, tappio 8.941 €", "Ei toteutunut", "tappio 8.941 €", id="figure"),
        pytest.param("Ei toteunut, tappio 12.083 €.", "Ei toteunut", "tappio 12.083 €.", id="typo"),
        pytest.param("Toteutuu.\nOmaraisuusaste n. 60 %", "Toteutuu", "Omaraisuusaste n. 60 %", id="next-line"),
        pytest.param("Ei toteutunut kaikilta osin. Tulos -7 797,57 € tappiollinen", "Ei toteutunut kaikilta osin",
                     "Tulos -7 797,57 € tappiollinen", id="four-words"),
        pytest.param("Pääsääntöisesti toteutuu Kauhavan Vesi Oy:n laitoksilla", "Pääsääntöisesti toteutuu",
                     "Kauhavan Vesi Oy:n laitoksilla", id="no-punctuation"),
        pytest.param("Toteutui. Osittain korvattu", "Toteutui", "Osittain korvattu", id="not-across-a-full-stop"),
        pytest.param("Toteutui osittain", "Toteutui osittain", None, id="label-only"),
        pytest.param("Toteutuisi ilman laajennusinvestointia.", None, "Toteutuisi ilman laajennusinvestointia.",
                     id="conditional-prose"),
        pytest.param("Nyt vain 15,4 %.", None, "Nyt vain 15,4 %.", id="prose"),
        pytest.param("Ryhmäkoot on kyetty pitämään kohtuullisina.", None,
                     "Ryhmäkoot on kyetty pitämään kohtuullisina.", id="prose-sentence"),
        pytest.param("  ", None, None, id="blank"),
    ],
)
def test_split_status(text, label, evidence):
    assert split_status(text) == (label, evidence)


def test_unknown_label_warning_names_source_place_and_label():
    message = unknown_label_warning("r.csv", "row 2 (goal 1.1)", "Melkein")
    assert message.startswith("r.csv: row 2 (goal 1.1): unknown status label 'Melkein'; status left empty.")


@pytest.mark.parametrize(
    ("text", "label", "status"),
    [
        pytest.param("Ei toteudu tuottotavoitteen osalta, muuten ok.", "Ei toteudu tuottotavoitteen osalta, muuten ok",
                     "partial", id="limited-to-a-part"),
        pytest.param("Ei toteutunut, quick ratio alle 0,1", "Ei toteutunut", "none", id="figure-is-no-limit"),
        pytest.param("Ei toteutunut. Osittain korvattu", "Ei toteutunut", "none", id="not-across-a-full-stop"),
        pytest.param("Ei toteutunut uuden järjestelmän osalta, koska hankinta viivästyi kesään asti ja koulutus jäi",
                     "Ei toteutunut", "none", id="long-sentence-is-evidence"),
    ],
)
def test_a_negation_limited_to_a_part_is_partial(text, label, status):
    found, _ = split_status(text)
    assert (found, normalise_status(found)) == (label, status)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("2 = tavoite saavutettu osittain tai mittarin arvo jäi enintään 5 % alle tavoitetason", 0.05),
        ("Keltainen: toteuma enint. 7,5 prosenttia alle tavoitteen", 0.075),
        ("2 = osittain toteutunut tai toteuma enintään 5 % tavoitetason alapuolella", 0.05),
        ("Toteutui / Toteutui osittain / Ei toteutunut", None),
        (None, None),
    ],
    ids=["five-per-cent", "abbreviated-decimal", "below-the-target-level", "no-band", "no-legend"],
)
def test_legend_band(text, band):
    assert legend_band(text) == (pytest.approx(band) if band is not None else None)
