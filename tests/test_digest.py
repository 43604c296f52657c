"""Summaries and the analyst's digest; the HTML opened in a real headless Chromium."""

from __future__ import annotations

import dataclasses
import html
import re
from collections import Counter
from dataclasses import replace

import pytest

from pipeline.analysis import analyse_report, read_evidence
from pipeline.digest import (
    STATUS_COLOURS,
    audit_flag,
    charts,
    claims_unit,
    flag_counts,
    flagged_claims,
    goal_anchors,
    highlight,
    markdown_digest,
    status_claims,
    status_counts,
    write_digest,
)
from pipeline.lang_fi.digest_labels import COUNTED_UNITS, FIGURE_COLUMNS
from pipeline.records import STATUSES, Audit, Goal, Indicator, Metric, MetricAudit, Prediction, Report
from pipeline.summarise import MAX_CHARS, MAX_SENTENCES, summarise

SEED_GOALS = ["5.1", "8.1", "12.3", "12.4", "12.5", "12.12", "13.1", "17.1"]


@pytest.fixture(scope="module")
def analysed(seed_report, status_model):
    return analyse_report(Report.from_dict(seed_report.to_dict()), model=status_model)


def goal_of(report, goal_id):
    return next(g for g in report.goals if g.goal_id == goal_id)


def split_sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("goal_id", SEED_GOALS)
def test_summary_sentences_come_from_the_source(analysed, nlp, goal_id):
    goal = goal_of(analysed, goal_id)
    source = f"{goal.metric_status}\n{goal.measures}"
    for sentence in split_sentences(nlp, goal.summary):
        assert sentence in source


@pytest.mark.parametrize("goal_id", SEED_GOALS)
def test_summary_keeps_figures_exact(analysed, goal_id):
    goal = goal_of(analysed, goal_id)
    source = f"{goal.metric_status}\n{goal.measures}"
    for number in re.findall(r"\d[\d ,.]*\d|\d", goal.summary):
        assert number in source


@pytest.mark.parametrize("goal_id", SEED_GOALS)
def test_summary_respects_the_length_limit(analysed, nlp, goal_id):
    summary = goal_of(analysed, goal_id).summary
    sentences = split_sentences(nlp, summary)
    assert 1 <= len(sentences) <= MAX_SENTENCES
    assert len(summary) <= MAX_CHARS or len(sentences) == 1


def test_summary_prefers_negated_evidence_and_figures():
    goal = Goal(target="Vähintään 10 koulutusta.", measures=(
        "Yhteistyötä jatkettiin. Henkilöstöä tiedotettiin. Koulutuksia järjestettiin 6 kappaletta. "
        "Toisella asteella koulutuksia ei ole järjestetty. Kokouksia pidettiin."))
    evidence = read_evidence([goal], 2021)
    summary = summarise(evidence.docs[0], evidence.assessments[0], max_sentences=2)
    assert summary == "Koulutuksia järjestettiin 6 kappaletta. Toisella asteella koulutuksia ei ole järjestetty."


def test_goal_without_progress_text_has_no_summary():
    evidence = read_evidence([Goal(target="Selvitys valmis.")], 2021)
    assert summarise(evidence.docs[0], evidence.assessments[0]) is None


def test_highlight_marks_figures_and_cited_ones():
    text = "Määrä on 194 opiskelijaa (13,7 %)."
    items = [Indicator("metric_status", "count", 194, "opiskelija", None, None, "194 opiskelijaa", 9, 24, text),
             Indicator("metric_status", "percent", 13.7, "%", None, None, "13,7 %", 26, 32, text)]
    segments = highlight(text, items, {(9, 24)})
    assert "".join(s["text"] for s in segments) == text
    marked = [(s["text"], s["css"]) for s in segments if s["mark"]]
    assert marked == [("194 opiskelijaa", "cited"), ("13,7 %", "figure")]


SCRIPT = "<script>document.title='hacked'</script>"


@pytest.fixture(scope="module")
def digest_files(analysed, tmp_path_factory):
    hostile = Report.from_dict(analysed.to_dict())
    hostile.source = "hostile.txt"
    flagged = goal_of(hostile, "5.1")
    flagged.metric_status = flagged.metric_status + " " + SCRIPT
    flagged.goal = flagged.goal + " <b>lihavoitu</b>"
    out = tmp_path_factory.mktemp("digest")
    return write_digest(analysed, out), write_digest(hostile, out)


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    page.close()


def test_digest_lists_the_flagged_goals(page, digest_files, analysed):
    (html_path, _), _ = digest_files
    page.goto(html_path.as_uri())
    shown = page.eval_on_selector_all("section.flag", "nodes => nodes.map(n => n.dataset.goal)")
    expected = [g.goal_id for kind in ("contradicted", "needs_look") for g in analysed.goals
                if audit_flag(g.audit) == kind]
    assert shown == expected
    assert page.inner_text("#flag-count") == str(len(shown))


def test_digest_highlights_figures(page, digest_files):
    (html_path, _), _ = digest_files
    page.goto(html_path.as_uri())
    assert page.locator("section.flag mark").count() > 0
    assert page.locator("section.flag mark.cited").count() > 0
    assert "yli 10kpl" in page.locator("section.flag mark.cited").all_inner_texts()


def test_digest_opens_without_console_errors(page, digest_files):
    (html_path, _), _ = digest_files
    page.goto(html_path.as_uri())
    assert page.locator("img").count() >= 1
    assert page.errors == []


def test_report_text_with_script_is_shown_as_text(page, digest_files):
    _, (html_path, md_path) = digest_files
    page.goto(html_path.as_uri())
    assert page.title() != "hacked"
    assert SCRIPT in page.inner_text("section.flag[data-goal='5.1']")
    assert page.locator("section.flag b", has_text="lihavoitu").count() == 0
    assert SCRIPT not in md_path.read_text(encoding="utf-8")


def test_markdown_digest_names_flagged_claims_and_reasons(analysed):
    text = markdown_digest(analysed)
    assert "#### 5.1" in text and "#### 13.1" in text
    assert "Tavoite: 10 yhteistyökumppania; raportoitu: yli 10kpl." in text


def test_report_command_writes_html_and_markdown(tmp_path, capsys):
    from pipeline.cli import main
    from tests.conftest import SEED

    assert main(["report", str(SEED), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "vantaa_2021_kasvatus_ja_oppiminen.html", "vantaa_2021_kasvatus_ja_oppiminen.md"]


HOSTILE_MARKUP = [
    pytest.param("<script>alert(1)</script>", "<script", id="script-tag"),
    pytest.param('<img src=x onerror="alert(1)">', "<img", id="img-onerror"),
    pytest.param("[avaa](javascript:alert(1))", "<a ", id="markdown-link"),
    pytest.param("![kuva](http://evil.example/x.png)", "<img", id="markdown-image"),
    pytest.param("**lihava** `koodi`", "<strong>lihava", id="emphasis"),
    pytest.param("`koodi`", "<code>", id="code"),
]


@pytest.mark.parametrize(("hostile", "forbidden"), HOSTILE_MARKUP)
@pytest.mark.parametrize("where", ["source", "goal_id", "goal", "status_label"])
def test_markdown_digest_shows_report_text_as_text(hostile, forbidden, where):
    from markdown_it import MarkdownIt

    goal = Goal(goal_id="1.1", goal="Tavoite", status_label="Toteutui", status="full",
                audit=Audit("inconsistent", True, reasons=["Syy."]))
    report = Report(source="raportti.txt", sha256="0" * 64, goals=[goal])
    setattr(report if where == "source" else goal, where, hostile)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_digest(report))
    assert forbidden not in rendered
    assert re.sub(r"[\\`*\[\]!<>]", "", hostile)[:8] in re.sub(r"[\\`*\[\]!<>]", "", html.unescape(rendered))


# --- the analyst's view: colours, title, page links, flags apart, Finnish figure table, the overview -----------


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


def with_flags(report: Report) -> Report:
    """A copy whose first goal is contradicted and second needs a look (the verdicts the audit gives)."""
    copy = Report.from_dict(report.to_dict())
    for goal, verdict in zip(copy.goals, ("inconsistent", "insufficient_evidence"), strict=False):
        goal.audit = replace(goal.audit, verdict=verdict, flagged=True)
    for goal in copy.goals[2:]:
        goal.audit = replace(goal.audit, verdict="consistent", flagged=False)
    return copy


@pytest.fixture(scope="module")
def pdf_digest(analysed, tmp_path_factory):
    """The seed as if read from a PDF of a department, pages known; hostile text in the title and a goal."""
    report = with_flags(analysed)
    report.source = "kulttuuri 2022.pdf"
    report.department = "Kaupunkikulttuurin toimiala <script>document.title='hacked'</script>"
    for page_number, goal in enumerate(report.goals, start=40):
        goal.page = page_number
    report.goals[0].goal = "Kirjasto <img src=x onerror=\"document.title='hacked'\">"
    html_path, md_path = write_digest(report, tmp_path_factory.mktemp("pdf-digest"))
    return report, html_path, md_path


@pytest.mark.parametrize("status", STATUSES)
def test_status_table_uses_the_traffic_light(page, pdf_digest, status):
    _, html_path, _ = pdf_digest
    page.goto(html_path.as_uri())
    badge = page.locator(f"#status-table .status[data-status='{status}']")
    assert badge.evaluate("node => getComputedStyle(node).backgroundColor") == rgb(STATUS_COLOURS[status])


def test_goal_badges_use_the_traffic_light(page, pdf_digest):
    report, html_path, _ = pdf_digest
    page.goto(html_path.as_uri())
    claimed = page.locator(f"section.goal[data-goal='{report.goals[0].goal_id}'] .status").first
    assert claimed.evaluate("node => getComputedStyle(node).backgroundColor") == \
        rgb(STATUS_COLOURS[report.goals[0].status])


def test_status_chart_draws_each_status_in_its_colour(analysed):
    import base64
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(charts(analysed)[0]["png"]))).convert("RGB")
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in image.getcolors(maxcolors=1 << 20)}
    claimed = {g.status for g in analysed.goals}
    assert {STATUS_COLOURS[s] for s in claimed} <= colours
    assert "#1f77b4" not in colours  # matplotlib's default blue


def test_title_is_the_department_and_the_file_name_under_it(page, pdf_digest):
    report, html_path, md_path = pdf_digest
    page.goto(html_path.as_uri())
    assert page.title() != "hacked"
    assert page.inner_text("h1").startswith(report.department)  # the script shown as text
    assert page.inner_text("p.source") == "kulttuuri 2022.pdf"
    assert "<script>" not in md_path.read_text(encoding="utf-8")


def test_report_title_comes_first_when_the_document_gives_one(analysed):
    if "title" not in {f.name for f in dataclasses.fields(Report)}:
        pytest.skip("records.Report has no title field yet: the PDF reader does not give one")
    report = Report.from_dict(analysed.to_dict())
    report.department = "Kaupunkikulttuurin toimiala"
    report.title = "sitovien tavoitteiden toteutuminen 2022"
    assert markdown_digest(report).startswith(
        "# Kaupunkikulttuurin toimiala: sitovien tavoitteiden toteutuminen 2022\n")


def test_pdf_goals_link_to_their_page(page, pdf_digest):
    report, html_path, _ = pdf_digest
    page.goto(html_path.as_uri())
    links = page.eval_on_selector_all("section.goal a.page-link", "nodes => nodes.map(n => n.getAttribute('href'))")
    assert links == [f"kulttuuri%202022.pdf#page={g.page}" for g in report.goals]


def test_text_reports_have_no_page_links(page, digest_files):
    (html_path, _), _ = digest_files
    page.goto(html_path.as_uri())
    assert page.locator("a.page-link").count() == 0


def test_the_two_kinds_of_flag_are_counted_apart(page, pdf_digest):
    report, html_path, md_path = pdf_digest
    page.goto(html_path.as_uri())
    assert (page.inner_text("#contradicted-count"), page.inner_text("#needs-look-count")) == ("1", "1")
    kinds = page.eval_on_selector_all("section.flag", "nodes => nodes.map(n => [n.dataset.goal, n.dataset.flag])")
    assert kinds == [[report.goals[0].goal_id, "contradicted"], [report.goals[1].goal_id, "needs_look"]]
    text = md_path.read_text(encoding="utf-8")
    assert "### Ristiriidassa näytön kanssa (1)" in text and "### Näyttö ei riitä: tarkistettava käsin (1)" in text


def test_figure_table_speaks_finnish(page, digest_files):
    (html_path, _), _ = digest_files
    page.goto(html_path.as_uri())
    assert page.eval_on_selector_all("#figures th", "nodes => nodes.map(n => n.innerText)") == \
        list(FIGURE_COLUMNS.values())
    rows = page.eval_on_selector_all("#figures tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText))")
    assert ["12.4", "Mittarien tilanne", "prosentti", "28,4", "%", "", "kasvaa", "noussut 28,4 %", ""] in rows
    codes = {"metric_status", "count", "percent", "at_least", "increase"}
    assert not codes & {cell for row in rows for cell in row}


# --- the overview across reports ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def overview_dir(analysed, tmp_path_factory):
    from pipeline.overview import write_overview

    first = Report.from_dict(analysed.to_dict())
    first.department = "Kasvatuksen ja oppimisen toimiala"
    second = with_flags(first)
    second.source, second.year, second.sha256 = "kasvatus_2022.txt", 2022, "0" * 64
    second.goals[0].status = "none"
    hostile = Report(source="<b>paha</b>.txt", sha256="1" * 64, year=2022, department="Toimiala " + SCRIPT,
                     goals=[Goal(goal_id="1.1", goal="Tavoite " + SCRIPT, status="full")])
    out = tmp_path_factory.mktemp("overview")
    return first, second, write_overview([first, second, hostile], out)


def test_overview_counts_per_department_and_year(page, overview_dir):
    first, second, index = overview_dir
    page.goto(index.as_uri())
    rows = page.locator("#departments tr.group")
    assert rows.count() == 3
    row = page.locator(f"#departments tr.group[data-department='{first.department}'][data-year='2022']")
    claimed = row.locator("td.claimed[data-status='none']").inner_text()
    assert int(claimed) == sum(g.status == "none" for g in second.goals)
    assert (row.locator("td.contradicted").inner_text(), row.locator("td.needs_look").inner_text()) == ("1", "1")
    assert page.errors == []


def test_overview_follows_a_goal_year_by_year(page, overview_dir):
    first, _, index = overview_dir
    page.goto(index.as_uri())
    goal_id = first.goals[0].goal_id
    row = page.locator(f"#recurring tr.recurring[data-goal='{goal_id}']")
    statuses = row.locator("td.year .status").evaluate_all("nodes => nodes.map(n => n.dataset.status)")
    assert statuses == [first.goals[0].status, "none"]
    href = row.locator("td.year[data-year='2022'] a").get_attribute("href")
    assert href == f"kasvatus_2022.html#goal-{goal_id}"
    page.goto((index.parent / "kasvatus_2022.html").as_uri())
    assert page.locator(f"[id='goal-{goal_id}']").count() == 1


def test_overview_shows_report_text_as_text(page, overview_dir):
    _, _, index = overview_dir
    page.goto(index.as_uri())
    assert page.title() != "hacked"
    assert SCRIPT in page.inner_text("#departments")
    assert page.locator("#departments b", has_text="paha").count() == 0
    assert page.locator("img").count() == 1  # the chart, and no image a report smuggled in


def test_report_stored_all_writes_the_overview_and_each_digest(tmp_path, analysed, capsys):
    from pipeline.cli import main
    from pipeline.store import engine_for, store_report

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    store_report(engine_for(url), Report.from_dict(analysed.to_dict()))
    assert main(["report", "--stored", "all", "--db", url, "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html", "vantaa_2021_kasvatus_ja_oppiminen.html", "vantaa_2021_kasvatus_ja_oppiminen.md"]


def test_report_stored_with_a_bad_id_is_named(tmp_path, capsys):
    from pipeline.cli import main

    assert main(["report", "--stored", "latest", "--db", f"sqlite:///{tmp_path / 'db.sqlite'}",
                 "--out", str(tmp_path)]) == 2
    assert re.search(r"'latest' is not a report id.*--stored all", capsys.readouterr().err)


# --- whole statements: status and audit per metric row ------------------------------------------------------


def metric_goal(goal_id, department, page, *rows, status=None):
    """A goal of a whole statement labelled through its metric rows (``rows``: name, baseline, target, actual,
    the city's label and status, page)."""
    return Goal(goal_id=goal_id, goal=f"Tavoite {goal_id}", department=department, page=page, status=status,
                status_label=None if status is None else "Toteutui",
                metrics=[Metric(name, baseline, target, actual, label, code, row_page)
                         for name, baseline, target, actual, label, code, row_page in rows])


def statement(*goals) -> Report:
    return Report(source="kaupunki 2024.pdf", sha256="2" * 64, year=2024, layout="metric_rows", goals=list(goals))


STATUS_CASES = [
    pytest.param([Goal(status="full"), Goal(status="none")], "goals", {"full": 1, "none": 1}, id="goals-own-status"),
    pytest.param([metric_goal("1", "A", 1, ("NPS", "9", "10", "11", "1", "full", 1),
                              ("Sairauspäivät", "9", "8", "7", "3", "none", 1))],
                 "metrics", {"full": 1, "none": 1}, id="rows-when-goal-has-none"),
    pytest.param([Goal(status="partial"), metric_goal("2", "B", 2, ("NPS", "9", "10", "11", "2", "partial", 2))],
                 "mixed", {"partial": 2}, id="mixed"),
    pytest.param([metric_goal("3", "C", 3, ("NPS", "9", "10", "11", "1", "full", 3), status="none")],
                 "goals", {"none": 1}, id="own-status-wins-over-rows"),
]


@pytest.mark.parametrize(("goals", "unit", "claimed"), STATUS_CASES)
def test_status_counts_count_rows_where_the_goal_has_no_status(goals, unit, claimed):
    report = statement(*goals)
    counts = status_counts(report)["claimed"]
    assert {s: n for s, n in counts.items() if n} == claimed
    assert claims_unit(status_claims(report.goals)) == unit


@pytest.mark.parametrize(("goals", "unit", "claimed"), STATUS_CASES)
def test_status_chart_title_says_what_is_counted(goals, unit, claimed):
    report = statement(*goals)
    title = charts(report)[0]["title"]
    assert title.startswith(f"{COUNTED_UNITS[unit]} ({sum(claimed.values())})")


def test_predicted_status_of_a_row_is_what_its_figures_support():
    metric = Metric("NPS", "9", "10", "5", "1", "full", audit=MetricAudit("inconsistent", True, evidence_status="none"))
    report = statement(Goal(goal_id="1", metrics=[metric], prediction=Prediction("full")))
    assert status_counts(report)["predicted"]["none"] == 1
    assert status_counts(report)["predicted"]["full"] == 0


FLAG_CASES = [
    pytest.param(Audit("consistent", False), ["inconsistent", "consistent"], {"contradicted": 1, "needs_look": 0},
                 id="row-contradicted"),
    pytest.param(Audit("consistent", False), ["insufficient_evidence"] * 2, {"contradicted": 0, "needs_look": 2},
                 id="rows-need-a-look"),
    pytest.param(Audit("inconsistent", True), ["insufficient_evidence"], {"contradicted": 1, "needs_look": 1},
                 id="goal-and-row"),
    pytest.param(None, [], {"contradicted": 0, "needs_look": 0}, id="not-audited"),
]


@pytest.mark.parametrize(("goal_audit", "row_verdicts", "expected"), FLAG_CASES)
def test_flag_counts_count_the_metric_rows(goal_audit, row_verdicts, expected):
    rows = [Metric(f"m{i}", audit=MetricAudit(v, v != "consistent")) for i, v in enumerate(row_verdicts)]
    goal = Goal(goal_id="1", audit=goal_audit, metrics=rows)
    assert flag_counts([goal]) == expected
    assert len(flagged_claims([goal])) == sum(expected.values())


def two_boards() -> Report:
    """Kauhava's case: goal id 1 in two companies, both flagged."""
    first = Goal(goal_id="1", goal="Taloudellinen tulos", department="Kauhavan Vesi Oy", page=101,
                 status="full", status_label="Toteutui", audit=Audit("inconsistent", True, reasons=["Syy."]))
    second = Goal(goal_id="1", goal="Taloudellinen tulos", department="Kauhavan Kaukolämpö Oy", page=97,
                  status="none", status_label="Ei toteutunut", audit=Audit("inconsistent", True, reasons=["Syy."]))
    return statement(first, second)


def test_markdown_flag_headings_name_the_department_and_page():
    headings = [line for line in markdown_digest(two_boards()).splitlines() if line.startswith("#### ")]
    assert headings == ["#### 1 Taloudellinen tulos · Kauhavan Vesi Oy · s. 101",
                        "#### 1 Taloudellinen tulos · Kauhavan Kaukolämpö Oy · s. 97"]


def test_markdown_lists_a_flagged_metric_row_with_its_cells():
    metric = Metric("Asiakastyytyväisyys", "4,0", "4,5", "3,0", "1", "full", 84,
                    audit=MetricAudit("inconsistent", True, reasons=["Ilmoitettu tila 1 on liian myönteinen."],
                                      evidence_status="none"))
    text = markdown_digest(statement(Goal(goal_id="150.2", goal="Tyytyväinen henkilöstö",
                                          department="Henkilöstöpalvelut", page=83, metrics=[metric])))
    assert "#### 150.2 Tyytyväinen henkilöstö · Henkilöstöpalvelut · s. 84" in text
    assert "Mittari: **Asiakastyytyväisyys** · lähtötaso 4,0 · tavoitetaso 4,5 · toteuma 3,0" in text
    assert "- Ilmoitettu tila 1 on liian myönteinen." in text
    assert "1 ristiriita · 0 tarkista" in text


@pytest.mark.parametrize(("hostile", "forbidden"), HOSTILE_MARKUP)
@pytest.mark.parametrize("where", ["name", "actual", "status_label", "department"])
def test_markdown_metric_rows_show_report_text_as_text(hostile, forbidden, where):
    from markdown_it import MarkdownIt

    metric = Metric("NPS", "9", "10", "11", "1", "full", 3, audit=MetricAudit("inconsistent", True, reasons=["Syy."]))
    goal = Goal(goal_id="1.1", goal="Tavoite", department="Toimiala", metrics=[metric])
    setattr(goal if where == "department" else metric, where, hostile)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_digest(statement(goal)))
    assert forbidden not in rendered
    assert re.sub(r"[\\`*\[\]!<>]", "", hostile)[:8] in re.sub(r"[\\`*\[\]!<>]", "", html.unescape(rendered))


@pytest.fixture(scope="module")
def rows_digest(voikko, tmp_path_factory):
    """A whole statement built from records, its rows audited by the metric audit; hostile text in a row."""
    from pipeline.metric_audit import audit_report_metrics

    report = statement(
        metric_goal("150.2", "Henkilöstöpalvelut", 84,
                    ("NPS", "9", "10", "11", "1", "full", 84),
                    ("Asiakastyytyväisyys", "4,0", "4,5", "3,0", "1", "full", 84),
                    ("Kehittämishanke " + SCRIPT, "–", "valmis", None, "2", "partial", 85)),
        metric_goal("1", "Kauhavan Kaukolämpö Oy", 97, ("Liikevaihto, M€", "2,0", "2,2", "2,3", "1", "full", 97)),
        Goal(goal_id="1", goal="Taloudellinen tulos", department="Kauhavan Vesi Oy", page=101, status="full",
             status_label="Toteutui", audit=Audit("consistent", False), prediction=Prediction("full")))
    audit_report_metrics(report.goals)
    html_path, md_path = write_digest(report, tmp_path_factory.mktemp("rows-digest"))
    return report, html_path, md_path


def flagged_rows(report, kind=None):
    return [(g, m) for g in report.goals for m in g.metrics
            if m.audit.flagged and (kind is None or audit_flag(m.audit) == kind)]


def test_digest_lists_the_flagged_metric_rows(page, rows_digest):
    report, html_path, _ = rows_digest
    page.goto(html_path.as_uri())
    shown = page.eval_on_selector_all("section.flag", "nodes => nodes.map(n => [n.dataset.goal, n.dataset.metric])")
    expected = [[g.goal_id, m.name] for kind in ("contradicted", "needs_look") for g, m in flagged_rows(report, kind)]
    assert shown == expected
    assert {audit_flag(m.audit) for _, m in flagged_rows(report)} == {"contradicted", "needs_look"}
    assert (page.inner_text("#contradicted-count"), page.inner_text("#needs-look-count")) == (
        str(len(flagged_rows(report, "contradicted"))), str(len(flagged_rows(report, "needs_look"))))
    assert page.errors == []


def test_flagged_row_shows_its_cells_department_page_and_reasons(page, rows_digest):
    report, html_path, _ = rows_digest
    page.goto(html_path.as_uri())
    goal, metric = flagged_rows(report, "contradicted")[0]
    section = page.locator(f"section.flag[data-metric='{metric.name}']")
    assert section.locator("h4 .department").inner_text() == goal.department
    assert section.locator("h4 a.page-link").get_attribute("href") == f"kaupunki%202024.pdf#page={metric.page}"
    cells = section.locator("table.metrics td").all_inner_texts()
    assert cells == [metric.name, metric.baseline, metric.target, metric.actual]
    assert section.locator(".status").first.inner_text().startswith(metric.status_label)
    assert section.locator("ul.reasons li").all_inner_texts() == metric.audit.reasons


def test_each_goal_with_rows_has_its_metric_table(page, rows_digest):
    report, html_path, _ = rows_digest
    page.goto(html_path.as_uri())
    tables = page.eval_on_selector_all(
        "section.goal", "nodes => nodes.map(n => [...n.querySelectorAll('tr.metric td.name')].map(c => c.innerText))")
    assert tables == [[m.name for m in g.metrics] for g in report.goals]


def test_status_counts_and_chart_say_metric_rows_are_counted(page, rows_digest):
    report, html_path, _ = rows_digest
    page.goto(html_path.as_uri())
    claimed = page.eval_on_selector_all(
        "#status-table tr", "rows => rows.slice(1).map(r => [r.querySelector('.status').dataset.status, "
        "r.cells[1].innerText])")
    counted = Counter(c.status for c in status_claims(report.goals))
    assert {status: int(n) for status, n in claimed if int(n)} == dict(counted)
    title = page.locator(".charts img").first.get_attribute("title")
    assert title.startswith(f"Tavoitteet ja mittarit ({len(status_claims(report.goals))})")


def test_metric_row_text_is_shown_as_text(page, rows_digest):
    _, html_path, md_path = rows_digest
    page.goto(html_path.as_uri())
    assert page.title() != "hacked"
    assert f"Kehittämishanke {SCRIPT}" in page.inner_text("section.goal[data-goal='150.2'] table.metrics")
    assert SCRIPT not in md_path.read_text(encoding="utf-8")


def test_overview_counts_metric_rows_and_their_flags(page, rows_digest, tmp_path):
    from pipeline.overview import write_overview

    report, _, _ = rows_digest
    page.goto(write_overview([report], tmp_path).as_uri())
    goal, _ = flagged_rows(report)[0]
    row = page.locator(f"#departments tr.group[data-department='{goal.department}']")
    claimed = row.locator("td.claimed[data-status='full']").inner_text()
    assert int(claimed) == sum(m.status == "full" for m in goal.metrics)
    flags = (row.locator("td.contradicted").inner_text(), row.locator("td.needs_look").inner_text())
    assert flags == tuple(str(sum(audit_flag(m.audit) == k for m in goal.metrics))
                          for k in ("contradicted", "needs_look"))


@pytest.fixture(scope="module")
def seinajoki_digest(real_pdf, voikko, tmp_path_factory):
    """Seinäjoki's whole statement read and its metric rows audited (no classifier: the rows carry the status)."""
    from pipeline.ingest import read_report
    from pipeline.metric_audit import audit_report_metrics

    path = real_pdf("seinajoki")
    report = read_report(path)
    audit_report_metrics(report.goals)
    html_path, _ = write_digest(report, tmp_path_factory.mktemp("seinajoki"), source_path=path)
    return report, html_path


def test_real_statement_digest_counts_and_lists_every_flagged_row(page, seinajoki_digest):
    report, html_path = seinajoki_digest
    page.goto(html_path.as_uri())
    rows = [m for g in report.goals for m in g.metrics]
    kinds = Counter(audit_flag(m.audit) for m in rows)
    assert kinds["contradicted"] and kinds["needs_look"]
    assert (page.inner_text("#contradicted-count"), page.inner_text("#needs-look-count")) == (
        str(kinds["contradicted"]), str(kinds["needs_look"]))
    assert page.locator("section.flag[data-metric]").count() == kinds["contradicted"] + kinds["needs_look"]
    assert page.locator("section.goal tr.metric").count() == len(rows)
    assert page.errors == []


ANCHOR_CASES = [
    pytest.param(["1", "2"], ["goal-1", "goal-2"], id="distinct-ids"),
    pytest.param(["1", "1", "1"], ["goal-1", "goal-1-2", "goal-1-3"], id="id-repeated-across-departments"),
    pytest.param([None, "1"], [None, "goal-1"], id="no-id"),
]


@pytest.mark.parametrize(("ids", "anchors"), ANCHOR_CASES)
def test_goal_anchors_are_distinct(ids, anchors):
    assert goal_anchors([Goal(goal_id=i) for i in ids]) == anchors


def test_digest_and_overview_link_a_repeated_goal_id_to_its_own_section(page, tmp_path):
    from pipeline.overview import write_overview

    reports = []
    for year in (2023, 2024):
        report = two_boards()
        report.source, report.year, report.sha256 = f"kauhava_{year}.pdf", year, str(year) * 16
        report.goals[1].goal = "Liikevaihto kasvaa"  # the same text would join the two companies' goals
        reports.append(report)
    index = write_overview(reports, tmp_path)
    page.goto(index.as_uri())
    href = page.locator("#recurring tr.recurring", has_text="Kauhavan Kaukolämpö Oy").locator(
        "td.year[data-year='2024'] a").get_attribute("href")
    assert href == "kauhava_2024.html#goal-1-2"
    page.goto((tmp_path / "kauhava_2024.html").as_uri())
    assert page.locator("[id='goal-1-2']").get_attribute("data-goal") == "1"
    assert page.locator("[id='goal-1-2'] p.muted").inner_text().startswith("Kauhavan Kaukolämpö Oy")
