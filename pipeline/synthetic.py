"""A synthetic generator of report-like goal records (SYNTHETIC data, for tests and benchmarks).

The rows imitate the phrasing of real binding-target tables across several
service areas, with multi-paragraph cells, names of responsible persons, and
figures in the formats reports use. They are not real reports: nothing here
should be read as a city's data.
"""

from __future__ import annotations

import random

from pipeline.records import Goal, Report

AREAS = {
    "Varhaiskasvatus": ("varhaiskasvatuksen", "lasta", "päiväkotia", "kasvattajaa"),
    "Perusopetus": ("perusopetuksen", "oppilasta", "koulua", "opettajaa"),
    "Liikunta": ("liikuntapalvelujen", "kävijää", "liikuntapaikkaa", "ohjaajaa"),
    "Kirjasto": ("kirjastopalvelujen", "lainaa", "kirjastoa", "tapahtumaa"),
    "Asuminen": ("asuntotuotannon", "asuntoa", "kohdetta", "tonttia"),
    "Ympäristö": ("ilmastotyön", "tonnia", "kohdetta", "toimenpidettä"),
    "Sosiaalipalvelut": ("sosiaalipalvelujen", "asiakasta", "yksikköä", "työntekijää"),
}
THEMES = (
    "Edistämme asukkaiden hyvinvointia",
    "Lisäämme kaupungin elinvoimaa ja vetovoimaa",
    "Olemme edelläkävijöitä palvelujen kehittämisessä",
    "Tiivistämme kaupunkia lähiluontoa vaalien",
)
STRATEGIC = (
    "Hyvinvointierot vähenevät",
    "Digitaalisista palveluista rakennetaan kuntalaisen pääasiointikanava",
    "Kaupunki on hiilineutraali vuoteen 2030 mennessä",
    "Työikäisen väestön osaaminen vastaa työelämän tarpeita",
)
PEOPLE = ("Katri Kalske", "Timo Aronkytö", "Riikka Åstrand", "Anna Virtanen", "Mikko Laine", "Sari Nieminen")
VERBS = ("Vahvistetaan", "Kehitetään", "Lisätään", "Parannetaan", "Laajennetaan", "Uudistetaan")
OBJECTS = (
    "asukkaiden osallisuutta palvelujen suunnittelussa",
    "sähköisiä palveluja ja digitukea",
    "henkilöstön osaamista ja hyvinvointia",
    "yhteistyötä järjestöjen ja yritysten kanssa",
    "palvelujen saavutettavuutta eri alueilla",
)
MEASURE_SENTENCES = (
    "Vuonna {year} järjestettiin {n} koulutusta {area} henkilöstölle.",
    "Toimintamallia on pilotoitu {m} {unit2} ja kokemukset ovat olleet hyviä.",
    "Hankkeen suunnitelma valmistui {month}ssa ja toteutus jatkuu vuonna {next}.",
    "Yhteistyössä järjestöjen kanssa on kehitetty uusia toimintatapoja.",
    "Koronan aiheuttamien rajoitusten vuoksi osa tapahtumista siirtyi vuodelle {next}.",
    "Palautetta kerättiin {k} {unit} ja tulokset käsiteltiin johtoryhmässä.",
    "Sähköinen ajanvaraus otettiin käyttöön {date}.",
)
MONTHS = ("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "elokuu", "syyskuu", "lokakuu")
LABELS = {
    "full": ("Toteutuu täysin", "Toteutui"),
    "partial": ("Toteutuu osittain", "Toteutui osittain"),
    "none": ("Ei toteudu lainkaan", "Ei toteutunut"),
}


def _figure(rng: random.Random) -> tuple[int, str]:
    value = rng.choice([rng.randint(5, 95), rng.randint(100, 999), rng.randint(1000, 5000)])
    shown = f"{value:,}".replace(",", " ")
    return value, shown


def generate_goal(rng: random.Random, goal_id: str, year: int) -> Goal:
    """One synthetic goal row with a known status."""
    area, (genitive, unit, unit2, _staff) = rng.choice(list(AREAS.items()))
    status = rng.choice(list(LABELS))
    base, base_shown = _figure(rng)
    rise = rng.choice([5, 10, 15, 20])
    target_value = round(base * (1 + rise / 100))
    factor = {"full": 1 + rng.uniform(0.15, 0.4), "partial": 1 + rng.uniform(0.02, 0.09), "none": rng.uniform(0.8, 1)}
    reached = round(base * factor[status] * (1 + rise / 100) if status == "full" else base * factor[status])
    reached_shown = f"{reached:,}".replace(",", " ")
    fill = {
        "year": year, "next": year + 1, "n": rng.randint(2, 12), "m": rng.choice(["kolmessa", "viidessä", "kahdessa"]),
        "unit": unit, "unit2": unit2.rstrip("a") + "ssa" if unit2.endswith("a") else unit2, "area": genitive,
        "month": rng.choice(MONTHS), "k": rng.randint(40, 900),
        "date": f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{year}",
    }
    measures = [" ".join(s.format(**fill) for s in rng.sample(MEASURE_SENTENCES, rng.randint(1, 3)))
                for _ in range(rng.randint(1, 3))]
    people = rng.sample(PEOPLE, rng.choice([1, 1, 1, 2]))
    return Goal(
        goal_id=goal_id,
        goal=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({area.lower()})",
        metric=f"{unit.capitalize()} määrä vuodessa" if rng.random() < 0.5 else f"{area}: {unit} / vuosi",
        baseline=f"{base_shown} {unit} ({year - 1})",
        target=rng.choice([
            f"Määrä nousee vähintään {rise} prosentilla.",
            f"Vähintään {target_value:,} {unit} vuodessa.".replace(",", " "),
            f"{unit.capitalize()} määrä kasvaa {rise} %.",
        ]),
        responsible=" ja ".join(people),
        measures="\n".join(measures),
        metric_status=f"Vuonna {year} {unit} määrä oli {reached_shown}.",
        status_label=rng.choice(LABELS[status]),
        status=status,
    )


def generate_report(n_goals: int, seed: int = 0, year: int = 2021, source: str = "synthetic.pdf") -> Report:
    """A SYNTHETIC report of ``n_goals`` goals under a few themes and strategic goals."""
    rng = random.Random(seed)
    report = Report(source=source, sha256="", date=f"{year + 1}-02-0{rng.randint(1, 9)}", year=year)
    number = 0
    while len(report.goals) < n_goals:
        number += 1
        theme, strategic = rng.choice(THEMES), rng.choice(STRATEGIC)
        for k in range(1, min(rng.randint(1, 4), n_goals - len(report.goals)) + 1):
            goal = generate_goal(rng, f"{number}.{k}", year)
            goal.theme, goal.strategic_goal = theme, strategic
            report.goals.append(goal)
    return report
