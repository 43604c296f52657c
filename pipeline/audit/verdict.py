"""Phrasing the verdict: the claim compared with the evidence, and every Finnish sentence of the audit.

:func:`audit_goal` compares the claimed status with the status the evidence
supports (:func:`pipeline.audit.evidence.assess`) and, where the rules have
nothing to go on, with the classifier's probabilities. The reasons quote the
target and the figures (*Tavoite: Vähintään 2 500 asuntoa; raportoitu: 2 104
asuntoa (84,2 %).*); the functions below phrase them, and Finnish numbers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.lang_fi.change_words import CHANGE_BOUNDS, CHANGE_NOUNS
from pipeline.lang_fi.qualifiers import QUALIFIER_WORDS
from pipeline.records import Audit, Citation, Goal, Indicator, Prediction, flag_kind

if TYPE_CHECKING:
    from pipeline.audit.evidence import Assessment
    from pipeline.audit.target import Part

#: Finnish names of the statuses, for reasons.
STATUS_FI: dict[str, str] = {
    "full": "toteutuu täysin",
    "partial": "toteutuu osittain",
    "none": "ei toteudu",
    "not_assessable": "ei arvioitavissa",
}
_ORDER = {"none": 0, "partial": 1, "full": 2}

#: How the reasons name a part of a target that is not a quantity.
PART_NAMES: dict[str, str] = {"component": "Tavoitteen osa", "deliverable": "Tavoitteen tuotos"}
#: How a reason names the other cities' figure a peer target is compared with.
PEER_REFERENCES: dict[str, str] = {"min": "muiden pienin", "max": "muiden suurin", "mean": "muiden keskiarvo",
                                   "one": "vertailuluku"}


def audit_goal(goal: Goal, assessment: Assessment, prediction: Prediction | None = None,
               *, doubt_below: float = 0.15, legend_band: float | None = None) -> Audit:
    """The goal's :class:`~pipeline.records.Audit`: ``verdict``, ``flagged``, ``reasons``.

    Also ``flag`` (``contradicted`` for an inconsistent claim, ``needs_look``
    for insufficient evidence, else None), ``evidence_status`` (what the
    figures support), ``notes`` (arithmetic, information only) and ``cited``
    (field and offsets of the figures compared with the target).

    Parameters
    ----------
    goal
        The goal with its claimed ``status``.
    assessment
        :func:`pipeline.audit.evidence.assess` of the goal.
    prediction
        The classifier's prediction, or None.
    doubt_below
        Where the rules cannot decide, a claim the classifier gives less than
        this probability, while preferring another status, is flagged.
    legend_band
        The "slightly below" share the report's own legend defines, if any:
        then a figure within it is graded partial by the report's rules, and
        "not met" is not a fair reading of it.
    """
    claimed = goal.status
    reasons = [f.reason for f in assessment.findings]
    evidence = assessment.status
    if claimed is None and goal.metrics:
        # A whole statement labels its metric rows, not the goal: each row has its own audit.
        verdict = "consistent"
        reasons.append("Tila on ilmoitettu mittareittain; kunkin mittaririvin tarkastus on rivin omassa arviossa.")
    elif claimed is None:
        verdict = "insufficient_evidence"
        reasons.append("Tavoitteelle ei ole ilmoitettu toteutumisen tilaa.")
    elif evidence is not None and claimed in _ORDER:
        if evidence == claimed:
            verdict = "consistent"
            reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' vastaa raportoituja tietoja.")
        elif claimed == "none" and evidence == "partial" and legend_band is None and not any(
                f.outcome == "met" for f in assessment.findings):
            # Progress, but nothing the target asks for was reached: "not met" is a fair reading.
            verdict = "consistent"
            reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' vastaa raportoituja "
                           f"tietoja: tavoitetta ei saavutettu, vaikka edistystä oli.")
        else:
            verdict = "inconsistent"
            label = goal.status_label or STATUS_FI[claimed]
            reasons.append(f"Ilmoitettu tila '{label}' on {too_far(claimed, evidence)}: "
                           f"luvut ja teksti tukevat tilaa '{STATUS_FI[evidence]}'.")
            if evidence != "full" and assessment.negative:
                reasons.append(f"Raportissa todetaan: '{assessment.negative[0]}'")
    elif evidence is not None and claimed == "not_assessable" and assessment.missing_figure \
            and assessment.earlier_year is not None:
        verdict = "consistent"
        reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' on perusteltu: raportoitu luku "
                       f"on vuodelta {assessment.earlier_year}; '{assessment.missing_figure}'")
    elif evidence is not None and claimed == "not_assessable" and assessment.missing_figure and not any(
            f.reported is not None for f in assessment.findings):
        # "Karvi ei arvioinut matematiikkaa vuonna 2023 ... tulokset julkaistaan 2025": words, no figure, and the
        # report says why no figure exists.
        verdict = "consistent"
        reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' on perusteltu: "
                       f"'{assessment.missing_figure}'")
    elif evidence is not None and claimed == "not_assessable":
        verdict = "inconsistent"
        reasons.append(f"Tila on ilmoitettu arvioimattomaksi, mutta luvut tukevat tilaa '{STATUS_FI[evidence]}'.")
    elif claimed == "not_assessable":
        # "Ei arvioitavissa" holds when the report says why there is no figure; otherwise it needs a look.
        label = goal.status_label or STATUS_FI[claimed]
        if assessment.missing_figure:
            verdict = "consistent"
            reasons.append(f"Ilmoitettu tila '{label}' on perusteltu: '{assessment.missing_figure}'")
        else:
            verdict = "insufficient_evidence"
            reasons.append(f"Tila on ilmoitettu arvioimattomaksi ('{label}'), mutta raportti ei kerro, "
                           f"miksi lukua ei ole.")
    elif claimed == "partial" and any(f.outcome == "met" for f in assessment.findings) and any(
            f.outcome == "unknown" for f in assessment.findings) and not any(
            f.outcome == "not_met" for f in assessment.findings):
        # Part of the target is shown met and the rest has nothing to check: "partly" is the cautious claim.
        verdict = "consistent"
        reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' on mahdollinen: osa "
                       f"tavoitteesta toteutui, ja muista osista raportissa ei ole lukua.")
    elif assessment.numeric and claimed in ("full", "partial"):
        verdict = "insufficient_evidence"
        reasons.append("Tavoite on määrällinen, mutta väitettä ei voi tarkistaa raportoiduista luvuista.")
    elif assessment.numeric and claimed == "none":
        # A cautious claim on a figure the report does not give: nothing contradicts it (not "qualitative").
        verdict = "consistent"
        reasons.append(f"Tavoite on määrällinen, eikä raportissa ole lukua; ilmoitettu tila "
                       f"'{goal.status_label or STATUS_FI[claimed]}' ei ole ristiriidassa raportin kanssa.")
    else:
        verdict, reason = _judge_by_classifier(goal, prediction, doubt_below)
        reasons.append(reason)
    reasons = list(dict.fromkeys(r for r in reasons if r))
    cited = [Citation(f.reported.field, f.reported.start, f.reported.end)
             for f in assessment.findings if f.reported is not None]
    return Audit(verdict=verdict, flagged=verdict != "consistent", flag=flag_kind(verdict), reasons=reasons,
                 evidence_status=evidence, notes=list(assessment.notes), cited=cited)


def too_far(claimed: str, evidence: str) -> str:
    """How a claim differs from what the evidence supports: *liian myönteinen* (too high) or *liian kielteinen*."""
    return "liian myönteinen" if _ORDER[claimed] > _ORDER[evidence] else "liian kielteinen"


def _judge_by_classifier(goal: Goal, prediction: Prediction | None, doubt_below: float) -> tuple[str, str]:
    claimed = goal.status
    label = goal.status_label or STATUS_FI.get(claimed, claimed)
    if claimed == "none" or prediction is None:
        return "consistent", ("Tavoite on laadullinen; raportoidut tiedot eivät ole ristiriidassa ilmoitetun "
                              "tilan kanssa.")
    probabilities = prediction.probabilities
    p_claimed = probabilities.get(claimed, 0.0)
    predicted = prediction.status
    # Only a claim more optimistic than the model's reading is flagged on the model's word alone: with no
    # figure or sentence to show, a cautious claim ("Pääsääntöisesti toteutuu") is no finding.
    optimistic = claimed in _ORDER and predicted in _ORDER and _ORDER[claimed] > _ORDER[predicted]
    if predicted != claimed and p_claimed < doubt_below and predicted in STATUS_FI and optimistic:
        return "inconsistent", (
            f"Tavoite on laadullinen; luokitin pitää todennäköisimpänä tilaa '{STATUS_FI[predicted]}' "
            f"({fi_percent(100 * probabilities.get(predicted, 0.0))}), ilmoitetun tilan '{label}' "
            f"todennäköisyys on {fi_percent(100 * p_claimed)}."
        )
    return "consistent", (f"Tavoite on laadullinen; raportoitu eteneminen tukee ilmoitettua tilaa '{label}' "
                          f"(luokitin {fi_percent(100 * p_claimed)}).")


# --- the reasons of the findings ------------------------------------------------------------------


def no_figure_reason(part: Part) -> str:
    """A quantity with no reported figure to compare it with."""
    return f"Tavoite: {describe_target(part)}; raportissa ei ole lukua, johon sitä voisi verrata."


def no_baseline_reason(part: Part, figure: Indicator) -> str:
    """A change from a baseline the report does not give."""
    return (f"Tavoite: {describe_target(part)}; lähtötasoa ei ole, joten muutosta ei voi laskea; "
            f"raportoitu: {figure.text}.")


def reported_reason(part: Part, figure: Indicator, ratio: float | None, *, of_target: bool = False) -> str:
    """The target and the figure that answers it, with the share reached when ``ratio`` is given.

    *Tavoite: Vähintään 2 500 asuntoa; raportoitu: 2 104 asuntoa (84,2 %).*;
    a reported change against the wanted one (``of_target``): *(50 % tavoitteesta)*.
    """
    share = ""
    if ratio is not None and not (part.measure == "percent" and part.threshold == 100 and not of_target):
        share = f" ({fi_percent(100 * ratio)}{' tavoitteesta' if of_target else ''})"
    elif part.change and figure.direction and figure.direction != part.change:
        share = f" ({CHANGE_NOUNS[figure.direction]})"  # a move the wrong way: "3,2 % (väheneminen)"
    reported = f"{figure.text}{share}"
    return f"Tavoite: {describe_target(part)}; raportoitu: {reported}{'' if reported.endswith('.') else '.'}"


def text_part_reason(part: Part, outcome: str, quote: str | None) -> str:
    """A component, deliverable or qualitative target and the sentence that answers it (``quote``)."""
    label = PART_NAMES.get(part.kind, "Tavoite")
    if outcome == "not_met":
        return f"{label} '{part.text}' ei toteudu: '{quote}'"
    if outcome == "partial":
        return f"{label} '{part.text}' on kesken: '{quote}'"
    if outcome == "met":
        return f"{label} '{part.text}' raportoidaan tehdyksi: '{quote}'"
    return f"{label} '{part.text}': raportissa ei ole sitä koskevaa mainintaa."


def peer_reason(part: Part, own: Indicator, reference: float, count: int) -> str:
    """*Tavoite 'kuusikon alhaisin': oma luku 10,8 %; muiden pienin 12,1 % (5 vertailukohtaa).*"""
    shown = fi_percent if own.kind == "percent" else fi_number
    which = PEER_REFERENCES[part.measure] if count > 1 else PEER_REFERENCES["one"]
    return (f"Tavoite '{part.text}': oma luku {own.text}; {which} {shown(round(reference, 2))}"
            f"{f' ({count} vertailukohtaa)' if count > 1 else ''}.")


def late_reason(part: Part, when: str, quote: str) -> str:
    """*Tavoite 'käytössä elokuussa 2024' toteutui vasta 7.1.2025, määräajan (elokuussa 2024) jälkeen: '…'*"""
    label = PART_NAMES.get(part.kind, "Tavoite")
    return f"{label} '{part.text}' toteutui vasta {when}, määräajan ({part.deadline_text}) jälkeen: '{quote}'"


def arithmetic_note(added: float, base: float, computed: float, reported: float, *, matches: bool) -> str:
    """*Tieto: 188 / 664 = 28,3 %; raportoitu 28,4 % (täsmää).*"""
    verdict = "täsmää" if matches else "ei täsmää"
    return (f"Tieto: {fi_number(added)} / {fi_number(base)} = {fi_percent(computed)}; "
            f"raportoitu {fi_percent(reported)} ({verdict}).")


def describe_target(part: Part) -> str:
    """The target part as the report words it, with the level it implies.

    *vähintään 2 500 asuntoa*; *väheneminen 10 prosentilla lähtötasosta 496
    (enintään 446,4)*.
    """
    text = part.text
    if part.change and part.value and not re.search(r"[−+-]\s?\d", text) and (
            text[:1].isdigit() or text.split()[0].lower() in QUALIFIER_WORDS):
        text = f"{CHANGE_NOUNS[part.change]} {text}"  # "noin 50 opiskelijalla"
    if part.change and part.baseline is not None and part.threshold is not None:
        text += (f" lähtötasosta {fi_number(part.baseline)} "
                 f"({CHANGE_BOUNDS[part.lower_is_better]} {fi_number(round(part.threshold, 1))})")
    return text


# --- Finnish numbers ------------------------------------------------------------------------------


def fi_number(value: float) -> str:
    """``2104`` → ``2 104``, ``28.4`` → ``28,4``."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ").replace("-", "−")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace("-", "−")


def fi_percent(value: float) -> str:
    """``84.16`` → ``84,2 %``."""
    return f"{fi_number(round(value, 1))} %"
