"""The claim audit: read the target as a requirement, find what answers it, compare with the claim.

For each goal:

1. :func:`requirements` reads the target into parts that must all hold: a
   quantity (*vähintään 10 prosentilla* from the baseline, *noin 50
   opiskelijalla*, *enintään 14 päivää* where lower is better), a required
   component (*10 yhteistyökumppania, joista osa kansainvälisiä toimijoita*)
   or a deliverable (*Selvitys valmis*, *opintopolut rakennettu*).
2. :func:`assess` looks for the figures and sentences that answer each part
   in the metric status (*Mittarien tilanne*) first and the measures second,
   including negated or postponed evidence (*ei ole järjestetty*, *siirtyi
   vuodelle 2023*), and gives the status the evidence supports.
3. :func:`audit_goal` compares that with the claimed status and, where the
   rules have nothing to go on, with the classifier's probabilities; it
   returns the verdict with Finnish reasons that quote target and figures.

Internal arithmetic (a stated percentage that its own counts contradict) is
reported as information (``notes``), never as a flag.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.indicators import QUALIFIER_WORDS
from pipeline.records import Goal, Indicator

VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "insufficient_evidence")

#: Finnish names of the statuses, for reasons.
STATUS_FI: dict[str, str] = {
    "full": "toteutuu täysin",
    "partial": "toteutuu osittain",
    "none": "ei toteudu",
    "not_assessable": "ei arvioitavissa",
}
_ORDER = {"none": 0, "partial": 1, "full": 2}

#: Words after which a deliverable counts as done: *valmis*, *käytössä*, *otettu käyttöön*.
DONE_LEMMAS = frozenset({"valmis", "käytössä", "käyttöönotto"})
#: Work under way, not done: *käynnissä*, *valmisteilla*, *jatkuu*.
PROGRESS_LEMMAS = frozenset({
    "käynnissä", "käynnistyä", "valmisteilla", "valmistella", "jatkua", "jatkaa", "kesken", "edetä", "aloittaa",
    "pilotoida", "työstää", "käynnistää", "valmistelu", "laatiminen", "osittain", "puolet", "pääosin",
})
#: Postponed or stopped: *siirtyi vuodelle 2023*, *viivästyi*, *peruttiin*.
SETBACK_LEMMAS = frozenset({"viivästyä", "lykkääntyä", "lykätä", "perua", "keskeytyä", "peruuntua"})
#: *siirtyi vuodelle 2023*, *jäi kesken*: setbacks only with a later time or an unfinished state after them.
MOVED_LEMMAS = frozenset({"siirtyä", "siirtää", "jäädä"})
LATER_WORDS = frozenset({"vuodelle", "vuoteen", "myöhemmäksi", "myöhempään", "ensi", "seuraavalle", "syksyyn",
                         "kevääseen", "kesken", "toteutumatta", "pois"})
#: Nouns too general to tie evidence to a target: *määrä*, *tavoite*, *vuosi*.
GENERIC_LEMMAS = frozenset({
    "määrä", "lukumäärä", "tavoite", "vuosi", "osa", "käyttö", "toiminta", "toimenpide", "kpl", "prosentti",
    "osuus", "taso", "mittari", "asia", "aika", "yhteys", "kaupunki", "toimiala", "palvelualue",
})
#: Relative tolerance of an *about* (*noin*) target.
ABOUT_TOLERANCE = 0.1
#: Share of a target reached that still counts as partial progress.
PARTIAL_SHARE = 0.5


@dataclass(slots=True)
class Part:
    """One thing a target requires."""

    kind: str  # "quantity", "component" or "deliverable"
    text: str
    measure: str | None = None  # "count", "percent" or "money" for quantities
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None  # "increase"/"decrease" for a change from the baseline
    relative: bool = False  # a change in per cent of the baseline: "10 prosentilla"
    points: bool = False  # a change in percentage points
    lower_is_better: bool = False
    baseline: float | None = None
    baseline_kind: str | None = None
    baseline_unit: str | None = None
    threshold: float | None = None  # the level the reported figure is compared with
    lemmas: frozenset[str] = frozenset()


@dataclass(slots=True)
class Finding:
    """How the evidence answers one part."""

    part: Part
    outcome: str  # "met", "partial", "not_met" or "unknown"
    reason: str
    reported: Indicator | None = None
    ratio: float | None = None


@dataclass(slots=True)
class Assessment:
    """What the evidence of one goal supports."""

    parts: list[Part] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    status: str | None = None  # full/partial/none, or None when the rules cannot tell
    negative: list[str] = field(default_factory=list)  # negated or postponed sentences
    notes: list[str] = field(default_factory=list)

    @property
    def numeric(self) -> bool:
        return any(p.kind == "quantity" for p in self.parts)


# --- reading the target -------------------------------------------------------------------------


def requirements(goal: Goal, docs: dict, indicators: Iterable[Indicator]) -> list[Part]:
    """The parts of the goal's target, from its text (``docs["target"]``) and indicators."""
    indicators = list(indicators)
    target_doc = docs.get("target")
    if target_doc is None:
        return []
    target_figures = [i for i in indicators if i.field == "target" and i.kind in ("percent", "count", "money")]
    baseline_figures = [i for i in indicators if i.field == "baseline" and i.kind in ("percent", "count", "money")]
    metric_lemmas = _content_lemmas(docs.get("metric"))
    inverse_context = bool(metric_lemmas & INVERSE_LEMMAS or _content_lemmas(target_doc) & INVERSE_LEMMAS)
    parts: list[Part] = []
    for figure in target_figures:
        if _in_component(target_doc, figure):
            continue
        parts.append(_quantity(figure, baseline_figures, inverse_context))
    for sentence in target_doc.sents:
        component = _component(sentence)
        if component is not None:
            parts.append(component)
        if not any(f.start >= sentence.start_char and f.end <= sentence.end_char for f in target_figures):
            deliverable = _deliverable(sentence)
            if deliverable is not None:
                parts.append(deliverable)
    if not parts:
        # "Digituki vahvistuu.": a qualitative target, judged by what the status says.
        lemmas = _content_lemmas(target_doc)
        if lemmas:
            parts.append(Part(kind="qualitative", text=target_doc.text.strip(), lemmas=lemmas))
    return parts


#: Lemmas of metrics where less is better: waiting times, dropouts, emissions.
INVERSE_LEMMAS = frozenset({
    "jonotusaika", "odotusaika", "jono", "päästö", "hiilidioksidipäästö", "keskeyttäminen", "keskeyttänyt",
    "poissaolo", "sairauspoissaolo", "kustannus", "kulu", "vahinko", "tapaturma", "syrjäytyminen",
    "työttömyys", "työtön", "läpimenoaika", "käsittelyaika", "vaihtuvuus",
})


def _quantity(figure: Indicator, baseline_figures: list[Indicator], inverse_context: bool) -> Part:
    part = Part(kind="quantity", text=figure.text, measure=figure.kind, value=float(figure.value),
                unit=figure.unit, qualifier=figure.qualifier)
    words = figure.text.lower()
    if figure.kind == "percent" and figure.unit == "prosenttiyksikkö":
        part.points = True
        part.change = figure.direction or ("decrease" if inverse_context else "increase")
    elif figure.kind == "percent" and (figure.direction or "prosentilla" in words or "%:lla" in words):
        part.relative = True
        part.change = figure.direction or ("decrease" if inverse_context else "increase")
    elif figure.direction:
        part.change = figure.direction
    part.lower_is_better = (part.change == "decrease" or figure.qualifier in ("at_most", "under")
                            or (part.change is None and inverse_context and figure.qualifier is None))
    baseline = _baseline_for(part, baseline_figures)
    if baseline is not None:
        part.baseline = float(baseline.value)
        part.baseline_kind, part.baseline_unit = baseline.kind, baseline.unit
    part.threshold = _threshold(part)
    return part


def _baseline_for(part: Part, baseline_figures: list[Indicator]) -> Indicator | None:
    if part.relative or part.change:
        # "vähenee 10 prosentilla" of a count baseline ("Keskeyttäneiden määrä 496"), or of a rate.
        wanted = ("count", "money", "percent") if part.relative else (part.measure,)
    else:
        wanted = (part.measure,)
    for kind in wanted:
        for figure in baseline_figures:
            if figure.kind == kind and (part.unit is None or figure.unit in (None, part.unit, "kpl")
                                        or kind != part.measure or part.relative or part.points):
                return figure
    return None


def _threshold(part: Part) -> float | None:
    sign = -1 if part.change == "decrease" else 1
    if part.relative:
        return part.baseline * (1 + sign * part.value / 100) if part.baseline is not None else None
    if part.points or part.change:
        return part.baseline + sign * part.value if part.baseline is not None else None
    return part.value


def _in_component(doc, figure: Indicator) -> bool:
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    return span is not None and any(t.lower_ == "joista" for t in doc[max(span.start - 3, 0):span.start])


def _component(sentence) -> Part | None:
    """*10 yhteistyökumppania, joista osa kansainvälisiä toimijoita*: a required kind among the counted."""
    for token in sentence:
        if token.lower_ == "joista":
            rest = sentence.doc[token.i + 1:sentence.end]
            lemmas = frozenset(t.lemma_.lower() for t in rest if t.pos_ in ("NOUN", "ADJ", "PROPN")
                               and t.lemma_.lower() not in GENERIC_LEMMAS)
            if lemmas:
                text = sentence.doc.text[token.idx:rest[-1].idx + len(rest[-1].text)].rstrip(".")
                return Part(kind="component", text=text, lemmas=lemmas)
    return None


def _deliverable(sentence) -> Part | None:
    """*Esiselvitys valmis.*, *opintopolut rakennettu*, *toimintamalleja käytössä*."""
    done = any(_is_done_word(t) for t in sentence)
    if not done:
        return None
    lemmas = frozenset(t.lemma_.lower() for t in sentence if t.pos_ in ("NOUN", "PROPN")
                       and t.morph.get("Case") and set(t.morph.get("Case")) & {"Nom", "Par", "Gen", "Acc"}
                       and t.lemma_.lower() not in GENERIC_LEMMAS)
    if not lemmas:
        return None
    return Part(kind="deliverable", text=sentence.text.strip(), lemmas=lemmas)


def _is_done_word(token) -> bool:
    """A word saying something was done: *valmis*, *käytössä*, *on laadittu*, *toteutettiin*.

    Past participles count in the nominative only (*rakenteita on luotu*),
    not as attributes in other cases (*suunnitelluista sijainneista*); work
    under way (*eteni*, *valmisteltu*) is progress, not done.
    """
    lemma = token.lemma_.lower()
    word = token.lower_
    if lemma in DONE_LEMMAS or word in ("valmis", "käytössä", "valmistunut", "valmistui", "valmistuivat"):
        return True
    if lemma == "ottaa" and _next_is(token, "käyttöön"):
        return True
    if token.pos_ != "VERB" or lemma in PROGRESS_LEMMAS | SETBACK_LEMMAS | MOVED_LEMMAS:
        return False
    morph = token.morph
    if "Past" in morph.get("PartForm"):
        return morph.get("Case") in ([], ["Nom"])
    return "Fin" in morph.get("VerbForm") and "Past" in morph.get("Tense")


def _next_is(token, word: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


# --- reading the evidence -----------------------------------------------------------------------


def _content_lemmas(doc) -> frozenset[str]:
    if doc is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "ADJ")
                     and t.lemma_.lower() not in GENERIC_LEMMAS)


def is_negative(sentence) -> bool:
    """A negated or postponed statement: *ei ole järjestetty*, *siirtyi vuodelle 2023*."""
    for token in sentence:
        if "Neg" in token.morph.get("Polarity") or token.lower_ in ("ei", "eivät", "eikä"):
            return True
        lemma = token.lemma_.lower()
        if lemma in SETBACK_LEMMAS:
            return True
        if lemma in MOVED_LEMMAS and any(t.lower_ in LATER_WORDS for t in token.doc[token.i + 1:token.i + 4]):
            return True
    return False


def _mentions(sentence, lemmas: frozenset[str]) -> bool:
    """True when the sentence names one of ``lemmas`` as what it is about.

    Also inside a compound (*perhekeskustoimintamallin* names *toimintamalli*),
    but only in a core case: in *opintopolusta tehty prosessikuvaus* the thing
    made is the description, not the study path.
    """
    for token in sentence:
        if not token.is_alpha or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        case = token.morph.get("Case")
        if case and not set(case) & {"Nom", "Par", "Gen", "Acc"}:
            continue
        word = token.lemma_.lower()
        if word in lemmas or any(len(lemma) >= 6 and lemma in word for lemma in lemmas):
            return True
    return False


def _evidence_docs(docs: dict) -> list[tuple[str, object]]:
    return [(name, docs[name]) for name in ("metric_status", "measures") if docs.get(name) is not None]


# --- assessing ----------------------------------------------------------------------------------


def assess(goal: Goal, docs: dict, indicators: Iterable[Indicator]) -> Assessment:
    """What the goal's own evidence supports, part by part."""
    indicators = [i if isinstance(i, Indicator) else Indicator.from_dict(i) for i in indicators]
    result = Assessment(parts=requirements(goal, docs, indicators))
    evidence = _evidence_docs(docs)
    for _, doc in evidence:
        result.negative += [s.text.strip() for s in doc.sents if is_negative(s)]
    for part in result.parts:
        if part.kind == "quantity":
            result.findings.append(_assess_quantity(part, indicators))
        else:
            result.findings.append(_assess_text_part(part, evidence))
    result.notes = arithmetic_notes(indicators)
    result.status = _combine(result, goal, docs)
    return result


def _candidates(part: Part, indicators: list[Indicator]) -> list[Indicator]:
    out = []
    for field_name in ("metric_status", "measures"):
        for figure in indicators:
            if figure.field != field_name or figure.kind not in ("percent", "count", "money"):
                continue
            if part.relative and figure.kind == "percent" and figure.direction:
                out.append(figure)  # a reported change: "noussut 28,4 %"
            elif part.points and figure.kind == "percent" and figure.unit == "prosenttiyksikkö":
                out.append(figure)
            elif part.relative or part.change:
                # A level compared with the baseline's level: a count with a count, a rate with a rate.
                if part.baseline_kind == figure.kind and not figure.direction and (
                        part.baseline_unit is None or figure.unit in (None, "kpl", part.baseline_unit)):
                    out.append(figure)
            elif figure.kind == part.measure and not figure.direction and _same_unit(part, figure):
                out.append(figure)
        if out:
            return out  # the metric status answers before the measures do
    return out


def _same_unit(part: Part, figure: Indicator) -> bool:
    if part.measure == "percent" or figure.kind == "percent":
        return figure.kind == "percent" and (part.measure == "percent" or part.relative)
    return part.unit is None or figure.unit in (None, "kpl", part.unit) or (
        figure.unit is not None and part.unit is not None and (figure.unit.endswith(part.unit) or part.unit.endswith(
            figure.unit)))


def _pick(part: Part, candidates: list[Indicator]) -> Indicator:
    exact = [c for c in candidates if c.unit and c.unit == part.unit]
    pool = exact or candidates
    reference = part.baseline if part.baseline is not None else part.threshold
    if reference and len(pool) > 1 and all(float(c.value) > 0 for c in pool):
        # Several figures of the same unit: the one on the baseline's scale answers the target
        # ("609 opiskelijaa" for a baseline of 496, not a subgroup's "194").
        return min(pool, key=lambda c: abs(math.log(float(c.value) / reference)) if reference > 0 else 0)
    return pool[0]


def _assess_quantity(part: Part, indicators: list[Indicator]) -> Finding:
    candidates = _candidates(part, indicators)
    target_text = describe_target(part)
    if not candidates:
        return Finding(part, "unknown", f"Tavoite: {target_text}; raportissa ei ole lukua, johon sitä voisi verrata.")
    figure = _pick(part, candidates)
    reported = float(figure.value)
    if (part.relative or part.points) and figure.kind == "percent" and figure.direction:
        # A reported change compared with the wanted change.
        moved = reported if figure.direction == part.change else -reported
        outcome = _outcome_higher(moved, part.value, part.qualifier, start=0.0)
        ratio = moved / part.value if part.value else None
        share = f" ({_fi_percent(100 * ratio)} tavoitteesta)" if ratio is not None and outcome != "met" else ""
        return Finding(part, outcome, f"Tavoite: {target_text}; raportoitu: {figure.text}{share}.", figure, ratio)
    if part.threshold is None:
        return Finding(part, "unknown", f"Tavoite: {target_text}; lähtötasoa ei ole, joten muutosta ei voi laskea; "
                                        f"raportoitu: {figure.text}.", figure)
    if part.lower_is_better:
        outcome = _outcome_lower(reported, part.threshold, part.qualifier, part.baseline)
    else:
        outcome = _outcome_higher(reported, part.threshold, part.qualifier, part.baseline)
    ratio = reported / part.threshold if part.threshold else None
    share = ""
    if ratio is not None and not part.lower_is_better and outcome != "met":
        share = f" ({_fi_percent(100 * ratio)})"
    return Finding(part, outcome, f"Tavoite: {target_text}; raportoitu: {figure.text}{share}.", figure, ratio)


def _outcome_higher(reported: float, wanted: float, qualifier: str | None, start: float | None) -> str:
    slack = ABOUT_TOLERANCE * abs(wanted) if qualifier == "about" else 0.0
    if reported > wanted or (reported >= wanted - slack and qualifier != "over"):
        return "met"
    if start is not None and reported > start:
        return "partial"
    if start is None and wanted > 0 and reported >= PARTIAL_SHARE * wanted:
        return "partial"
    return "not_met"


def _outcome_lower(reported: float, wanted: float, qualifier: str | None, start: float | None) -> str:
    slack = ABOUT_TOLERANCE * abs(wanted) if qualifier == "about" else 0.0
    if reported < wanted or (reported <= wanted + slack and qualifier != "under"):
        return "met"
    if start is not None and reported < start:
        return "partial"
    return "not_met"


def _assess_text_part(part: Part, evidence: list[tuple[str, object]]) -> Finding:
    """A component, deliverable or qualitative target against the sentences of the evidence.

    A sentence that names the part decides: negated → not met, under way →
    partial, done (*on laadittu*, *valmistui*, *eteni tavoitteen mukaisesti*,
    a count of things in use) → met. When no sentence names it, the metric
    status as a whole speaks for it (and the measures, when the status says
    *kts. toimenpiteet*).
    """
    label = {"component": "Tavoitteen osa", "deliverable": "Tavoitteen tuotos"}.get(part.kind, "Tavoite")
    for _, doc in evidence:
        for sentence in doc.sents:
            if not _mentions(sentence, part.lemmas):
                continue
            quote = sentence.text.strip()
            if is_negative(sentence) and not _in_progress(sentence):
                return Finding(part, "not_met", f"{label} '{part.text}' ei toteudu: '{quote}'")
            if _in_progress(sentence) and not _on_target(sentence):
                return Finding(part, "partial", f"{label} '{part.text}' on kesken: '{quote}'")
            in_use = "käytössä" in part.text.lower() and _counts_something(sentence)
            done = any(_is_done_word(t) for t in sentence) or _on_target(sentence)
            if part.kind == "component" or in_use or done:
                return Finding(part, "met", f"{label} '{part.text}' raportoidaan tehdyksi: '{quote}'")
    sentences = _status_sentences(evidence)
    # "Työ eteni osittain; osa yksiköistä ei ole vielä aloittanut": under way, not failed.
    progress = [s for s in sentences if _in_progress(s) and not _on_target(s)]
    negative = [s for s in sentences if is_negative(s) and s not in progress]
    done = [s for s in sentences if not is_negative(s) and s not in progress
            and (_on_target(s) or any(_is_done_word(t) for t in s))]
    if progress or (done and negative):
        quote = (progress or negative)[0].text.strip()
        return Finding(part, "partial", f"{label} '{part.text}' on kesken: '{quote}'")
    if negative:
        return Finding(part, "not_met", f"{label} '{part.text}' ei toteudu: '{negative[0].text.strip()}'")
    if done:
        return Finding(part, "met", f"{label} '{part.text}' raportoidaan tehdyksi: '{done[0].text.strip()}'")
    return Finding(part, "unknown", f"{label} '{part.text}': raportissa ei ole sitä koskevaa mainintaa.")


REFERS_TO_MEASURES = re.compile(r"\b(?:kts|ks|katso)\.?\s*(?:myös\s+)?toimenpit", re.IGNORECASE)


def _status_sentences(evidence: list[tuple[str, object]]) -> list:
    """The metric status's sentences, and the measures' when the status refers to them (*kts. toimenpiteet*)."""
    docs = dict(evidence)
    status = docs.get("metric_status")
    if status is None:
        return []
    sentences = list(status.sents)
    refers = REFERS_TO_MEASURES.search(status.text) is not None
    if refers and docs.get("measures") is not None:
        sentences += list(docs["measures"].sents)
    return sentences


def _part_of(token) -> bool:
    """*osa toimenpiteistä siirtyi*: a share of the work, not all of it."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "osa" and following is not None and "Ela" in following.morph.get("Case")


def _on_target(sentence) -> bool:
    """*eteni tavoitteen mukaisesti*, *suunnitellusti*, *aikataulussa*: the report says it went as planned."""
    words = [t.lower_ for t in sentence]
    lemmas = [t.lemma_.lower() for t in sentence]
    if any(w in ("suunnitellusti", "aikataulussa") for w in words):
        return True
    return any(w == "mukaisesti" and i > 0 and lemmas[i - 1] in ("tavoite", "suunnitelma", "aikataulu")
               for i, w in enumerate(words))


def _in_progress(sentence) -> bool:
    """Work under way: *on käynnissä*, *valmisteilla ja valmistuu vuonna 2022*, *työ eteni osittain*.

    Negated, a word of progress says the work did not start (*työtä ei ole
    aloitettu*); only an explicit share (*osittain*, *puolet*, *kesken*) keeps a
    negated sentence partial (*eteni osittain; osa ei ole vielä aloittanut*).
    """
    if any(t.lower_ in ("kesken", "osittain", "puolet", "pääosin", "osin") or _part_of(t) for t in sentence):
        return True
    if is_negative(sentence):
        return False
    return any(t.lemma_.lower() in PROGRESS_LEMMAS or t.lower_ in ("käynnissä", "valmisteilla") for t in sentence)


def _counts_something(sentence) -> bool:
    return any(t.like_num or t._.number for t in sentence)


def _combine(result: Assessment, goal: Goal, docs: dict) -> str | None:
    """The status the parts support together: all met → full, none met → none, else partial."""
    known = [f for f in result.findings if f.outcome != "unknown"]
    if not known:
        return None
    outcomes = {f.outcome for f in known}
    unknown_quantity = any(f.outcome == "unknown" and f.part.kind == "quantity" for f in result.findings)
    if outcomes == {"not_met"}:
        return "none"
    if outcomes == {"met"}:
        if unknown_quantity:
            return None  # one figure checks out, another has nothing to compare with
        if _scope_negated(result, goal, docs):
            return "partial"
        return "full"
    return "partial"


def _scope_negated(result: Assessment, goal: Goal, docs: dict) -> bool:
    """A met figure, but the metric status also says part of the goal's scope was not done.

    *Perusopetuksen koulutuksia ei ole järjestetty*: the goal's metric counts
    trainings (*koulutus*); a negated sentence about them limits the claim.
    """
    scope = _content_lemmas(docs.get("metric")) | _content_lemmas(docs.get("goal"))
    status_doc = docs.get("metric_status")
    if status_doc is None:
        return False
    return any(is_negative(s) and _mentions(s, scope) for s in status_doc.sents)


# --- arithmetic ---------------------------------------------------------------------------------


def arithmetic_notes(indicators: list[Indicator]) -> list[str]:
    """Check a reported percentage change against counts of the same unit (information only).

    *31.12.2020 mennessä ... 664 työntekijää. Vuonna 2021 ... 188 työntekijää
    lisää* and *määrä on noussut 28,4 %*: 188 / 664 = 28,3 %.
    """
    notes = []
    reported = ("metric_status", "measures")
    changes = [i for i in indicators if i.kind == "percent" and i.direction and i.unit == "%" and i.field in reported]
    counts = [i for i in indicators if i.kind == "count" and i.unit and i.value and i.field in (*reported, "baseline")]
    for change in changes:
        for base in counts:
            for added in counts:
                earlier = added.start <= base.start and added.field == base.field
                if added is base or added.unit != base.unit or earlier:
                    continue
                computed = 100 * float(added.value) / float(base.value)
                if added.direction == change.direction or (added.direction is None and abs(computed - float(
                        change.value)) < 2):
                    difference = abs(computed - float(change.value))
                    verdict = "täsmää" if difference < 1 else "ei täsmää"
                    notes.append(f"Tieto: {_fi_number(float(added.value))} / {_fi_number(float(base.value))} = "
                                 f"{_fi_percent(computed)}; raportoitu {_fi_percent(float(change.value))} ({verdict}).")
                    return notes
    return notes


# --- the verdict --------------------------------------------------------------------------------


def audit_goal(goal: Goal, assessment: Assessment, prediction: dict | None = None,
               *, doubt_below: float = 0.15) -> dict:
    """The audit record of the contract: ``verdict``, ``flagged``, ``reasons``.

    Also ``evidence_status`` (what the figures support), ``notes`` (arithmetic,
    information only) and ``cited`` (field and offsets of the figures compared
    with the target).

    Parameters
    ----------
    goal
        The goal with its claimed ``status``.
    assessment
        :func:`assess` of the goal.
    prediction
        The classifier's ``{"status": ..., "probabilities": {...}}`` or None.
    doubt_below
        Where the rules cannot decide, a claim the classifier gives less than
        this probability, while preferring another status, is flagged.
    """
    claimed = goal.status
    reasons = [f.reason for f in assessment.findings]
    evidence = assessment.status
    if claimed is None:
        verdict = "insufficient_evidence"
        reasons.append("Tavoitteelle ei ole ilmoitettu toteutumisen tilaa.")
    elif evidence is not None and claimed in _ORDER:
        if evidence == claimed:
            verdict = "consistent"
            reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' vastaa raportoituja tietoja.")
        else:
            verdict = "inconsistent"
            too = "liian myönteinen" if _ORDER[claimed] > _ORDER[evidence] else "liian kielteinen"
            reasons.append(f"Ilmoitettu tila '{goal.status_label or STATUS_FI[claimed]}' on {too}: "
                           f"luvut ja teksti tukevat tilaa '{STATUS_FI[evidence]}'.")
            if evidence != "full" and assessment.negative:
                reasons.append(f"Raportissa todetaan: '{assessment.negative[0]}'")
    elif evidence is not None and claimed == "not_assessable":
        verdict = "inconsistent"
        reasons.append(f"Tila on ilmoitettu arvioimattomaksi, mutta luvut tukevat tilaa '{STATUS_FI[evidence]}'.")
    elif assessment.numeric and claimed in ("full", "partial"):
        verdict = "insufficient_evidence"
        reasons.append("Tavoite on määrällinen, mutta väitettä ei voi tarkistaa raportoiduista luvuista.")
    else:
        verdict, reason = _judge_by_classifier(goal, prediction, doubt_below)
        reasons.append(reason)
    reasons = list(dict.fromkeys(r for r in reasons if r))
    cited = [{"field": f.reported.field, "start": f.reported.start, "end": f.reported.end}
             for f in assessment.findings if f.reported is not None]
    return {
        "verdict": verdict,
        "flagged": verdict != "consistent",
        "reasons": reasons,
        "evidence_status": evidence,
        "notes": assessment.notes,
        "cited": cited,
    }


def _judge_by_classifier(goal: Goal, prediction: dict | None, doubt_below: float) -> tuple[str, str]:
    claimed = goal.status
    label = goal.status_label or STATUS_FI.get(claimed, claimed)
    if claimed == "none" or prediction is None:
        return "consistent", ("Tavoite on laadullinen; raportoidut tiedot eivät ole ristiriidassa ilmoitetun "
                              "tilan kanssa.")
    probabilities = prediction.get("probabilities") or {}
    p_claimed = probabilities.get(claimed, 0.0)
    predicted = prediction.get("status")
    if predicted != claimed and p_claimed < doubt_below and predicted in STATUS_FI:
        return "inconsistent", (
            f"Tavoite on laadullinen; luokitin pitää todennäköisimpänä tilaa '{STATUS_FI[predicted]}' "
            f"({_fi_percent(100 * probabilities.get(predicted, 0.0))}), ilmoitetun tilan '{label}' "
            f"todennäköisyys on {_fi_percent(100 * p_claimed)}."
        )
    return "consistent", (f"Tavoite on laadullinen; raportoitu eteneminen tukee ilmoitettua tilaa '{label}' "
                          f"(luokitin {_fi_percent(100 * p_claimed)}).")


# --- Finnish formatting -------------------------------------------------------------------------


def _fi_number(value: float) -> str:
    """``2104`` → ``2 104``, ``28.4`` → ``28,4``."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    text = f"{value:,.1f}".replace(",", " ").replace(".", ",")
    return text


def _fi_percent(value: float) -> str:
    return f"{_fi_number(round(value, 1))} %"


def describe_target(part: Part) -> str:
    """The target part as the report words it, with the level it implies.

    *vähintään 2 500 asuntoa*; *väheneminen 10 prosentilla lähtötasosta 496
    (enintään 446,4)*.
    """
    text = part.text
    if part.change and (text[:1].isdigit() or text.split()[0].lower() in QUALIFIER_WORDS):
        text = f"{'nousu' if part.change == 'increase' else 'väheneminen'} {text}"  # "noin 50 opiskelijalla"
    if part.change and part.baseline is not None and part.threshold is not None:
        bound = "vähintään" if part.change == "increase" else "enintään"
        text += f" lähtötasosta {_fi_number(part.baseline)} ({bound} {_fi_number(round(part.threshold, 1))})"
    return text
