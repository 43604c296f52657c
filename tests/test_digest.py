"""Summaries and the analyst's digest; the HTML opened in a real headless Chromium."""

from __future__ import annotations

import html
import re

import pytest

from pipeline.analysis import analyse_report, read_evidence
from pipeline.digest import highlight, markdown_digest, write_digest
from pipeline.records import Goal, Report
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
    items = [{"field": "metric_status", "kind": "count", "value": 194, "unit": "opiskelija", "start": 9, "end": 24},
             {"field": "metric_status", "kind": "percent", "value": 13.7, "unit": "%", "start": 26, "end": 32}]
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
    assert shown == [g.goal_id for g in analysed.goals if g.audit["flagged"]]
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
    assert "### 5.1" in text and "### 13.1" in text
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
                audit={"verdict": "inconsistent", "flagged": True, "reasons": ["Syy."]})
    report = Report(source="raportti.txt", sha256="0" * 64, goals=[goal])
    setattr(report if where == "source" else goal, where, hostile)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_digest(report))
    assert forbidden not in rendered
    assert re.sub(r"[\\`*\[\]!<>]", "", hostile)[:8] in re.sub(r"[\\`*\[\]!<>]", "", html.unescape(rendered))
