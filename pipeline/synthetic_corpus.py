"""A SYNTHETIC labelled corpus of goal rows with known true status (for training and benchmarks).

Each row imitates a binding-target table row of some service area, with a
target of one of several kinds — a level to reach, a change in per cent from
the baseline, an inverse target where lower is better (*enintään 14
päivää*, emissions), a rate, a deliverable (*Selvitys valmis*), a count with
a deliverable, a qualitative goal — and a metric status whose figures and
sentences make the true status ``full``, ``partial`` or ``none``. The
evidence is worded in one of several **paraphrase families** (``family``
0, 1, 2, ...), so a benchmark can hold out a whole way of phrasing, and
mixes figure formats (``2 104``, ``12,5 %``, ``12,5 prosenttia``, number words
in the right case). Measures carry noise, including negated sentences about
other things.

A controlled share of rows **claims a status that disagrees** with the
evidence (mostly too optimistic, as audit committees find); their
``planted`` flag is set. :func:`write_reports` emits the rows as report PDFs
and as the text pdfminer extracts from them, so parsing is exercised too.

Nothing here is a city's data.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Goal, Report
from pipeline.synthetic import PEOPLE, VERBS

FAMILIES = 3
STATUS_LABELS = {
    "full": ("Toteutuu täysin", "Toteutui", "Toteutunut"),
    "partial": ("Toteutuu osittain", "Toteutui osittain", "Toteutunut osittain"),
    "none": ("Ei toteudu lainkaan", "Ei toteutunut", "Ei toteutunut lainkaan"),
}


@dataclass(frozen=True, slots=True)
class Unit:
    """A counted noun in the forms the templates need."""

    nom: str  # asunto
    par: str  # asuntoa (after a number)
    gen_pl: str  # asuntojen (määrä)
    nom_pl: str  # asunnot


@dataclass(frozen=True, slots=True)
class Area:
    name: str
    genitive: str  # "asuntotuotannon"
    unit: Unit
    scale: tuple[int, int]  # typical baseline range


AREAS: tuple[Area, ...] = (
    Area("Asuminen", "asuntotuotannon", Unit("asunto", "asuntoa", "asuntojen", "asunnot"), (800, 4000)),
    Area("Varhaiskasvatus", "varhaiskasvatuksen", Unit("lapsi", "lasta", "lasten", "lapset"), (200, 3000)),
    Area("Perusopetus", "perusopetuksen", Unit("oppilas", "oppilasta", "oppilaiden", "oppilaat"), (100, 2500)),
    Area("Liikunta", "liikuntapalvelujen", Unit("kävijä", "kävijää", "kävijöiden", "kävijät"), (5000, 90000)),
    Area("Kirjasto", "kirjastopalvelujen", Unit("laina", "lainaa", "lainojen", "lainat"), (20000, 400000)),
    Area("Sosiaalipalvelut", "sosiaalipalvelujen", Unit("asiakas", "asiakasta", "asiakkaiden", "asiakkaat"),
         (300, 6000)),
    Area("Työllisyys", "työllisyyspalvelujen", Unit("työpaikka", "työpaikkaa", "työpaikkojen", "työpaikat"),
         (50, 1500)),
    Area("Nuorisopalvelut", "nuorisopalvelujen", Unit("nuori", "nuorta", "nuorten", "nuoret"), (100, 3000)),
    Area("Kulttuuri", "kulttuuripalvelujen", Unit("tapahtuma", "tapahtumaa", "tapahtumien", "tapahtumat"),
         (20, 600)),
)

#: Inverse measures: lower is better.
INVERSE = (
    ("Terveyspalvelut", "Hoitoon pääsyn odotusaika", Unit("päivä", "päivää", "päivien", "päivät"), (10, 60)),
    ("Ympäristö", "Hiilidioksidipäästöt", Unit("tonni", "tonnia", "tonnien", "tonnit"), (20000, 90000)),
    ("Koulutus", "Keskeyttäneiden opiskelijoiden määrä", Unit("opiskelija", "opiskelijaa", "opiskelijoiden",
                                                             "opiskelijat"), (200, 900)),
)

#: Deliverables: (nominative, genitive, partitive).
DELIVERABLES = (
    ("Selvitys", "selvityksen", "selvitystä"),
    ("Suunnitelma", "suunnitelman", "suunnitelmaa"),
    ("Toimintamalli", "toimintamallin", "toimintamallia"),
    ("Kehittämisohjelma", "kehittämisohjelman", "kehittämisohjelmaa"),
    ("Verkkopalvelu", "verkkopalvelun", "verkkopalvelua"),
    ("Strategia", "strategian", "strategiaa"),
)
MONTHS_INE = ("tammikuussa", "helmikuussa", "maaliskuussa", "huhtikuussa", "toukokuussa", "kesäkuussa",
              "elokuussa", "syyskuussa", "lokakuussa", "marraskuussa", "joulukuussa")
NUMBER_WORDS = {2: "kaksi", 3: "kolme", 4: "neljä", 5: "viisi", 6: "kuusi", 7: "seitsemän", 8: "kahdeksan",
                9: "yhdeksän", 10: "kymmenen"}

#: Noise in the measures; some negated sentences about other things, as real reports have.
NOISE = (
    "Yhteistyötä järjestöjen kanssa on jatkettu.",
    "Henkilöstölle järjestettiin koulutusta.",
    "Koronan vuoksi osa tapahtumista peruttiin.",
    "Asiakaspalautetta on kerätty säännöllisesti.",
    "Rekrytoinnit eivät edenneet suunnitellusti kaikissa yksiköissä.",
    "Toimintaa esiteltiin lautakunnalle syksyllä.",
    "Tilahankkeen suunnittelu on käynnissä.",
    "Sähköisiä palveluja on kehitetty edelleen.",
)
TARGET_KINDS = ("reach", "increase_pct", "decrease_pct", "max_level", "rate", "deliverable", "count_and_deliverable",
                "qualitative")
#: Kinds with one figure to reach: missed is "not met" (reports without a legend of their own), so their goals
#: are never partly met.
SINGLE_FIGURE_KINDS = ("reach", "increase_pct", "decrease_pct", "max_level", "rate")
#: Kinds a partly met goal is drawn from.
PARTIAL_KINDS = ("deliverable", "count_and_deliverable", "qualitative")


@dataclass(slots=True)
class SyntheticGoal:
    """A SYNTHETIC goal with its true status and how it was made."""

    goal: Goal
    truth: str
    planted: bool
    family: int
    area: str
    target_kind: str

    def to_dict(self) -> dict:
        return {"goal": self.goal.to_dict(), "truth": self.truth, "planted": self.planted, "family": self.family,
                "area": self.area, "target_kind": self.target_kind}


def _fmt(value: float, decimals: int = 0) -> str:
    if decimals:
        return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return f"{round(value):,}".replace(",", " ")


def _count(rng: random.Random, value: int, unit: Unit) -> str:
    """``2 104 asuntoa`` or, for small numbers, ``kolme tapahtumaa``."""
    if value in NUMBER_WORDS and rng.random() < 0.6:
        return f"{NUMBER_WORDS[value]} {unit.par}"
    return f"{_fmt(value)} {unit.par}"


def _percent(rng: random.Random, value: float) -> str:
    decimals = 1 if not float(value).is_integer() else 0
    sign = rng.choice(("%", "%", "prosenttia"))
    return f"{_fmt(value, decimals)} {sign}"


def _truth_level(rng: random.Random, truth: str, base: float, target: float, higher_is_better: bool) -> float:
    """A reported level that makes ``truth`` true against ``target`` from ``base``.

    As the audit grades one figure in a report without a legend of its own: missed is ``none``,
    whether there was some progress from the baseline or none at all (``partial`` is kept for the
    "slightly below" setting, 2–8 % short, when a kind is asked for explicitly).
    """
    if higher_is_better:
        if truth == "full":
            return target * rng.uniform(1.01, 1.3)
        if truth == "partial":
            return target * rng.uniform(0.92, 0.98)
        return min(base * rng.uniform(0.75, 0.99), target * 0.88) if rng.random() < 0.5 else (
            target * rng.uniform(0.6, 0.88))
    if truth == "full":
        return target * rng.uniform(0.7, 0.99)
    if truth == "partial":
        return target * rng.uniform(1.02, 1.08)
    return max(base * rng.uniform(1.01, 1.25), target * 1.12) if rng.random() < 0.5 else (
        target * rng.uniform(1.12, 1.4))


def generate_goal(rng: random.Random, goal_id: str, year: int, family: int, truth: str,
                  target_kind: str | None = None) -> tuple[Goal, str, str]:
    """One SYNTHETIC goal whose evidence makes ``truth`` true; returns ``(goal, area, target_kind)``."""
    kind = target_kind or rng.choice(TARGET_KINDS)
    if truth == "partial" and kind in SINGLE_FIGURE_KINDS and target_kind is None:
        kind = rng.choice(PARTIAL_KINDS)
    if kind in ("decrease_pct", "max_level"):
        area_name, metric_name, unit, scale = rng.choice(INVERSE)
        genitive = metric_name
    else:
        area = rng.choice(AREAS)
        area_name, unit, scale = area.name, area.unit, area.scale
        genitive = area.genitive
        metric_name = f"{unit.gen_pl.capitalize()} määrä"
    base = rng.randint(*scale)
    status_sentences: list[str] = []
    measures = rng.sample(NOISE, rng.randint(1, 3))
    f = family

    if kind == "reach":
        target_value = round(base * rng.uniform(1.1, 1.5), -1 if base > 100 else 0)
        reached = round(_truth_level(rng, truth, base, target_value, True))
        target = (f"Vähintään {_fmt(target_value)} {unit.par}.",
                  f"{metric_name} vähintään {_fmt(target_value)}.",
                  f"Tavoitteena {_fmt(target_value)} {unit.par} vuodessa.")[rng.randrange(3)]
        baseline = f"{_fmt(base)} {unit.par} ({year - 1})"
        status_sentences.append((
            f"Vuonna {year} {unit.gen_pl} määrä oli {_fmt(reached)}.",
            f"{unit.nom_pl.capitalize()} yhteensä {_count(rng, reached, unit)} vuonna {year}.",
            f"Toteuma {year}: {_count(rng, reached, unit)}.",
        )[f % 3])
    elif kind == "increase_pct":
        pct = rng.choice((5, 10, 15, 20, 25))
        target = (f"{metric_name} nousee vähintään {pct} prosentilla.",
                  f"{metric_name} kasvaa {pct} %.",
                  f"Kasvua vähintään {pct} % lähtötasosta.")[rng.randrange(3)]
        baseline = f"{_fmt(base)} {unit.par} ({year - 1})"
        level = _truth_level(rng, truth, base, base * (1 + pct / 100), True)
        change = 100 * (level - base) / base
        if rng.random() < 0.5 and change > 0:
            status_sentences.append((
                f"{metric_name} on noussut {_percent(rng, round(change, 1))} vuoden {year} aikana.",
                f"Kasvua edellisvuodesta {_percent(rng, round(change, 1))}.",
                f"{metric_name} kasvoi {_percent(rng, round(change, 1))}.",
            )[f % 3])
        elif change <= 0 and rng.random() < 0.5:
            status_sentences.append((
                f"{metric_name} on laskenut {_percent(rng, round(-change, 1) or 0.5)}.",
                f"{metric_name} väheni {_percent(rng, round(-change, 1) or 0.5)} edellisvuodesta.",
                f"Määrä laski {_percent(rng, round(-change, 1) or 0.5)}.",
            )[f % 3])
        else:
            status_sentences.append((
                f"Vuonna {year} {unit.gen_pl} määrä oli {_fmt(level)}.",
                f"{unit.nom_pl.capitalize()} yhteensä {_fmt(level)} {unit.par}.",
                f"Toteuma {year}: {_fmt(level)} {unit.par}.",
            )[f % 3])
    elif kind == "decrease_pct":
        pct = rng.choice((5, 10, 15, 20))
        target = (f"{metric_name} vähenee {pct} prosentilla.",
                  f"{metric_name}: väheneminen {pct} %.",
                  f"Vähennys vähintään {pct} % lähtötasosta.")[rng.randrange(3)]
        baseline = f"{_fmt(base)} {unit.par} ({year - 1})"
        level = _truth_level(rng, truth, base, base * (1 - pct / 100), False)
        status_sentences.append((
            f"Vuonna {year} määrä oli {_fmt(level)} {unit.par}.",
            f"Toteuma {year}: {_fmt(level)} {unit.par}.",
            f"{metric_name} yhteensä {_fmt(level)} {unit.par} vuonna {year}.",
        )[f % 3])
    elif kind == "max_level":
        limit = max(1, round(base * rng.uniform(0.6, 0.9)))
        target = (f"{metric_name} enintään {_fmt(limit)} {unit.par}.",
                  f"Enintään {_fmt(limit)} {unit.par}.",
                  f"{metric_name} alle {_fmt(limit + 1)} {unit.par}.")[rng.randrange(3)]
        baseline = f"{_fmt(base)} {unit.par} ({year - 1})"
        level = round(_truth_level(rng, truth, base, limit, False))
        status_sentences.append((
            f"{metric_name} oli {_fmt(level)} {unit.par} vuonna {year}.",
            f"Toteuma {year}: {_fmt(level)} {unit.par}.",
            f"Keskimäärin {_fmt(level)} {unit.par}.",
        )[f % 3])
    elif kind == "rate":
        base_rate = rng.randint(55, 80)
        goal_rate = min(98, base_rate + rng.choice((5, 8, 10, 15)))
        metric_name = rng.choice(("Asiakastyytyväisyys", "Palveluun tyytyväisten osuus", "Käyttöaste"))
        target = (f"{metric_name} vähintään {goal_rate} %.", f"Vähintään {goal_rate} %.",
                  f"{metric_name} on vähintään {goal_rate} prosenttia.")[rng.randrange(3)]
        baseline = f"{base_rate} % ({year - 1})"
        level = round(_truth_level(rng, truth, base_rate, goal_rate, True), 1)
        status_sentences.append((
            f"{metric_name} oli {_percent(rng, level)} vuonna {year}.",
            f"Kyselyn mukaan {_percent(rng, level)} vastaajista oli tyytyväisiä.",
            f"Toteuma {year}: {_percent(rng, level)}.",
        )[f % 3])
    elif kind in ("deliverable", "count_and_deliverable"):
        nom, gen, par = rng.choice(DELIVERABLES)
        metric_name = f"{nom} valmis"
        target = (f"{nom} valmis.", f"{nom} on laadittu ja hyväksytty.", f"{nom} on otettu käyttöön.")[rng.randrange(3)]
        baseline = rng.choice((f"{par.capitalize()} ei ole.", "Uusi tavoite", "Ei ole."))
        parts_truth = truth
        if kind == "count_and_deliverable":
            count_target = rng.choice((4, 5, 6, 8, 10, 12))
            target = f"{_count(rng, count_target, unit)}. {target}"
            metric_name = f"{unit.gen_pl.capitalize()} määrä ja {gen} valmistuminen"
            # Both parts must hold for full; one for partial; neither for none.
            count_ok, doc_ok = {"full": (True, True), "partial": rng.choice(((True, False), (False, True))),
                                "none": (False, False)}[truth]
            # Short of the count: under half of it when nothing holds, anything below it otherwise.
            short = max(1, int(count_target * 0.45)) if truth == "none" else count_target - 1
            reached = count_target + rng.randint(0, 4) if count_ok else rng.randint(1, short)
            status_sentences.append((
                f"{unit.nom_pl.capitalize()} yhteensä {_count(rng, reached, unit)}.",
                f"Toteuma: {_count(rng, reached, unit)}.",
                f"{unit.gen_pl.capitalize()} määrä on {_fmt(reached)}.",
            )[f % 3])
            parts_truth = "full" if doc_ok else "none"
        status_sentences.append(_deliverable_evidence(rng, f, parts_truth, nom, gen, par, year))
    else:  # qualitative
        metric_name = rng.choice(("Toimintamallien käyttöönotto", "Kehittämistyön eteneminen", "Uudet toimintatavat"))
        noun, noun_par = rng.choice((("yhteistyö", "yhteistyötä"), ("asiakasosallisuus", "asiakasosallisuutta"),
                                     ("digituki", "digitukea"), ("ohjaus", "ohjausta")))
        target = rng.choice((f"{noun.capitalize()} on vakiintunut osaksi toimintaa.",
                             f"{noun_par.capitalize()} on kehitetty.", f"{noun.capitalize()} vahvistuu."))
        baseline = rng.choice(("Toimintatapoja ei ole.", "Uusi mittari", "Käytännöt vaihtelevat."))
        status_sentences.append({
            "full": (f"{noun.capitalize()} on vakiintunut osaksi toimintaa kaikissa yksiköissä.",
                     "Tavoite saavutettiin suunnitellusti.", "Kaikki suunnitellut toimenpiteet toteutettiin."),
            "partial": (f"Kehittämistyö on käynnissä, osa toimenpiteistä siirtyi vuodelle {year + 1}.",
                        "Työ eteni osittain; osa yksiköistä ei ole vielä aloittanut.",
                        "Toimenpiteistä noin puolet toteutettiin."),
            "none": ("Kehittämistyö ei käynnistynyt resurssipulan vuoksi.",
                     f"Toimenpiteet siirtyivät vuodelle {year + 1}.", "Työtä ei ole aloitettu."),
        }[truth][f % 3])

    if truth == "partial" and kind not in ("qualitative", "count_and_deliverable") and rng.random() < 0.3:
        status_sentences.append(("Osassa yksiköistä työ on vielä kesken.",
                                 "Kaikkia toimenpiteitä ei ehditty toteuttaa.",
                                 "Osa toimista jatkuu ensi vuonna.")[f % 3])
    goal = Goal(
        goal_id=goal_id,
        goal=f"{rng.choice(VERBS)} {genitive.lower()} palveluja ({area_name.lower()})",
        metric=metric_name,
        baseline=baseline,
        target=target,
        responsible=rng.choice(PEOPLE),
        measures=" ".join(measures),
        metric_status=" ".join(status_sentences),
    )
    return goal, area_name, kind


def _deliverable_evidence(rng: random.Random, family: int, truth: str, nom: str, gen: str, par: str,
                          year: int) -> str:
    month = rng.choice(MONTHS_INE)
    return {
        "full": (f"{nom} valmistui {month}.", f"{nom} on laadittu ja hyväksytty lautakunnassa {month}.",
                 f"{nom} otettiin käyttöön {rng.randint(1, 28)}.{rng.randint(1, 12)}.{year}."),
        "partial": (f"{gen.capitalize()} valmistelu on käynnissä.",
                    f"{nom} on valmisteilla ja valmistuu vuonna {year + 1}.",
                    f"{gen.capitalize()} laatiminen on aloitettu, työ jatkuu."),
        "none": (f"{gen.capitalize()} laatimista ei ole aloitettu.", f"{nom} siirtyi vuodelle {year + 1}.",
                 f"{par.capitalize()} ei ole laadittu."),
    }[truth][family % 3]


def _claim(rng: random.Random, truth: str, disagreement: float) -> tuple[str, bool]:
    if rng.random() >= disagreement:
        return truth, False
    # Over-optimistic claims are the common case; a few are too modest.
    options = {"full": ["partial"], "partial": ["full", "full", "full", "none"], "none": ["partial", "full"]}[truth]
    return rng.choice(options), True


def generate_corpus(n_goals: int, *, seed: int = 0, year: int = 2021, disagreement: float = 0.2,
                    families: tuple[int, ...] | None = None, areas: tuple[str, ...] | None = None,
                    truth_weights: tuple[float, float, float] = (0.45, 0.35, 0.2)) -> list[SyntheticGoal]:
    """``n_goals`` SYNTHETIC goals with known truth.

    Parameters
    ----------
    families
        Paraphrase families to draw the evidence wording from (default all).
    areas
        Keep only goals of these service areas.
    disagreement
        Share of goals whose claimed label disagrees with the evidence.
    """
    rng = random.Random(seed)
    families = families or tuple(range(FAMILIES))
    out: list[SyntheticGoal] = []
    attempts = 0
    while len(out) < n_goals and attempts < n_goals * 50:
        attempts += 1
        truth = rng.choices(("full", "partial", "none"), weights=truth_weights)[0]
        family = rng.choice(families)
        goal, area, kind = generate_goal(rng, report_goal_id(len(out)), year, family, truth)
        if areas and area not in areas:
            continue
        claimed, planted = _claim(rng, truth, disagreement)
        goal.status_label = rng.choice(STATUS_LABELS[claimed])
        goal.status = claimed
        out.append(SyntheticGoal(goal, truth, planted, family, area, kind))
    return out


def corpus_reports(corpus: list[SyntheticGoal], per_report: int = 20, year: int = 2021) -> list[Report]:
    """Group a corpus into SYNTHETIC reports of ``per_report`` goals, numbered 1.1, 1.2, ... in each report."""
    reports = []
    for start in range(0, len(corpus), per_report):
        chunk = corpus[start:start + per_report]
        goals = [Goal.from_dict({**g.goal.to_dict(), "goal_id": report_goal_id(i)}) for i, g in enumerate(chunk)]
        report = Report(source=f"synthetic_{start // per_report:03d}.pdf", sha256="", date=f"{year + 1}-02-01",
                        year=year, goals=goals)
        reports.append(report)
    return reports


def report_goal_id(index: int) -> str:
    """Goal ids as reports number them: four goals to a strategic goal (1.1–1.4, 2.1, ...)."""
    return f"{index // 4 + 1}.{index % 4 + 1}"


def write_reports(corpus: list[SyntheticGoal], out_dir: str | Path, per_report: int = 20,
                  formats: tuple[str, ...] = ("pdf", "txt")) -> list[Path]:
    """Write the corpus as report PDFs and/or their extracted text, plus ``truth.json``.

    The truth file maps ``<report file>`` → goal id → ``{"truth", "planted", ...}``.
    """
    import io

    from pdfminer.high_level import extract_text

    from pipeline.render import render_pdf

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    truth: dict[str, dict] = {}
    for index, report in enumerate(corpus_reports(corpus, per_report)):
        chunk = corpus[index * per_report:(index + 1) * per_report]
        pdf = out / report.source
        render_pdf(report, pdf)
        records = {report_goal_id(i): {k: v for k, v in g.to_dict().items() if k != "goal"}
                   for i, g in enumerate(chunk)}
        if "pdf" in formats:
            written.append(pdf)
            truth[pdf.name] = records
        if "txt" in formats:
            txt = pdf.with_suffix(".txt")
            txt.write_text(extract_text(io.BytesIO(pdf.read_bytes())), encoding="utf-8")
            written.append(txt)
            truth[txt.name] = records
        if "pdf" not in formats:
            pdf.unlink()
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return written
