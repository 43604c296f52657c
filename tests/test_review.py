"""Analyst review: workbook round trip, the web app in a real Chromium, the trail, retraining on corrections."""

from __future__ import annotations

import re
import socket
import threading
import time

import httpx
import pytest
from openpyxl import load_workbook

from pipeline.analysis import analyse_report
from pipeline.records import Audit, Goal, Report
from pipeline.review import (
    FIGURE_HEADERS,
    GOAL_HEADERS,
    ReviewError,
    export_workbook,
    flag_counts,
    import_workbook,
)
from pipeline.store import (
    engine_for,
    export_tables,
    labelled_goals,
    load_report,
    review_queue,
    store_report,
    trail,
)

REVIEWER = "Liisa Tarkastaja"


@pytest.fixture
def db(tmp_path, seed_report, status_model):
    url = f"sqlite:///{tmp_path / 'review.sqlite'}"
    report = analyse_report(Report.from_dict(seed_report.to_dict()), model=status_model)
    store_report(engine_for(url), report)
    return engine_for(url)


def column(headers, name) -> int:
    return headers.index(name) + 1


def number_row(path, nth: int = 0) -> int:
    """The sheet row of the ``nth`` figure that is a number (not a date), whichever goal the queue puts first."""
    sheet = load_workbook(path)["Luvut"]
    headers = [c.value for c in sheet[1]]
    kinds = [sheet.cell(row, column(headers, "laji")).value for row in range(2, sheet.max_row + 1)]
    return [row for row, kind in enumerate(kinds, start=2) if kind != "date"][nth]


def edit(path, out, goal_rows=(), figure_rows=()):
    """Fill the analyst's columns: ``goal_rows`` as (row, status, reviewer), ``figure_rows`` as (row, action, value)."""
    book = load_workbook(path)
    goals, figures = book["Tavoitteet"], book["Luvut"]
    for row, status, reviewer in goal_rows:
        goals.cell(row, column(GOAL_HEADERS, "korjattu tila"), status)
        goals.cell(row, column(GOAL_HEADERS, "tarkastaja"), reviewer)
    for row, action, value in figure_rows:
        figures.cell(row, column(FIGURE_HEADERS, "päätös"), action)
        figures.cell(row, column(FIGURE_HEADERS, "korjattu arvo"), value)
        figures.cell(row, column(FIGURE_HEADERS, "tarkastaja"), REVIEWER)
    book.save(out)
    return out


def test_workbook_puts_flagged_claims_first(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    sheet = load_workbook(path)["Tavoitteet"]
    verdicts = [row[GOAL_HEADERS.index("arvio")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert verdicts[:2] == ["inconsistent", "inconsistent"] and "inconsistent" not in verdicts[2:]


def audited_goal(goal_id: str, verdict: str) -> Goal:
    return Goal(goal_id=goal_id, goal=f"Tavoite {goal_id}", status="full", status_label="Toteutui",
                audit=Audit(verdict, verdict != "consistent", reasons=["Perustelu."]))


@pytest.fixture
def two_kinds_db(tmp_path):
    report = Report(source="liput.txt", sha256="f" * 64, year=2024, goals=[
        audited_goal("1", "consistent"), audited_goal("2", "insufficient_evidence"),
        audited_goal("3", "inconsistent"), audited_goal("4", "insufficient_evidence")])
    engine = engine_for(f"sqlite:///{tmp_path / 'flags.sqlite'}")
    store_report(engine, report)
    return engine


def test_queue_puts_contradicted_claims_before_those_that_need_a_look(two_kinds_db):
    assert [(i.goal_id, i.flag) for i in review_queue(two_kinds_db)] == [
        ("3", "contradicted"), ("2", "needs_look"), ("4", "needs_look"), ("1", None)]


def test_queue_counts_the_two_kinds_of_flag_apart(two_kinds_db):
    assert flag_counts(review_queue(two_kinds_db)) == {"contradicted": 1, "needs_look": 2}


def test_workbook_names_the_kind_of_flag(two_kinds_db, tmp_path):
    sheet = load_workbook(export_workbook(two_kinds_db, tmp_path / "review.xlsx"))["Tavoitteet"]
    kinds = [row[GOAL_HEADERS.index("merkintä")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert kinds == ["ristiriita", "tarkista", "tarkista", None]


def test_workbook_without_the_flag_column_still_imports(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    book = load_workbook(path)
    book["Tavoitteet"].delete_cols(column(GOAL_HEADERS, "merkintä"))
    book.save(tmp_path / "older.xlsx")
    edited = load_workbook(tmp_path / "older.xlsx")
    headers = [c.value for c in edited["Tavoitteet"][1]]
    edited["Tavoitteet"].cell(2, headers.index("korjattu tila") + 1, "Toteutuu osittain")
    edited["Tavoitteet"].cell(2, headers.index("tarkastaja") + 1, REVIEWER)
    edited.save(tmp_path / "older.xlsx")
    assert import_workbook(db, tmp_path / "older.xlsx") == 1


def test_workbook_round_trip_stores_corrections_with_their_trail(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    edited = edit(path, tmp_path / "edited.xlsx", goal_rows=[(2, "Toteutuu osittain", REVIEWER)],
                  figure_rows=[(number_row(path), "korjaa", "12"), (number_row(path, 1), "hylkää", None)])
    assert import_workbook(db, edited) == 3
    rows = trail(db)
    assert [(r.target, r.action, r.new_value, r.reviewer, r.source) for r in rows] == [
        ("status", "set_status", "partial", REVIEWER, "workbook"),
        ("figure", "correct", "12", REVIEWER, "workbook"),
        ("figure", "reject", None, REVIEWER, "workbook"),
    ]
    assert rows[0].old_value == "full"


def test_importing_the_same_workbook_again_changes_nothing(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    edited = edit(path, tmp_path / "edited.xlsx", goal_rows=[(2, "partial", REVIEWER)],
                  figure_rows=[(number_row(path), "korjaa", "12")])
    import_workbook(db, edited)
    assert import_workbook(db, edited) == 0
    assert len(trail(db)) == 2


@pytest.mark.parametrize(
    ("goal_rows", "figure_rows", "message"),
    [
        pytest.param([(2, "partial", REVIEWER), (3, "valmis", REVIEWER)], [],
                     r"sheet 'Tavoitteet', row 3, column 'korjattu tila': 'valmis' is not a status", id="status"),
        pytest.param([(2, "partial", REVIEWER)], [(4, "korjaa", "kymmenen")],
                     r"sheet 'Luvut', row 4, column 'korjattu arvo': 'kymmenen' is not a number", id="number"),
        pytest.param([(2, "partial", None)], [], r"row 2, column 'tarkastaja': the reviewer's name is missing",
                     id="reviewer"),
        *(pytest.param([], [(4, "korjaa", bad)], rf"row 4, column 'korjattu arvo': '{bad}' is not a number",
                       id=f"not-finite-{bad}") for bad in ("nan", "inf", "1e309", "-Infinity")),
    ],
)
def test_a_bad_row_rejects_the_whole_workbook(db, tmp_path, goal_rows, figure_rows, message):
    path = export_workbook(db, tmp_path / "review.xlsx")
    edited = edit(path, tmp_path / "edited.xlsx", goal_rows=goal_rows, figure_rows=figure_rows)
    with pytest.raises(ReviewError, match=message):
        import_workbook(db, edited)
    assert trail(db) == []


def test_unknown_goal_id_is_named_with_its_row(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    book = load_workbook(path)
    book["Tavoitteet"].cell(2, column(GOAL_HEADERS, "tunniste"), 999)
    book.save(path)
    edited = edit(path, tmp_path / "edited.xlsx", goal_rows=[(2, "partial", REVIEWER)])
    with pytest.raises(ReviewError, match=r"sheet 'Tavoitteet', row 2: unknown goal 999"):
        import_workbook(db, edited)


def test_current_values_come_from_the_original_plus_the_latest_decision(db, tmp_path):
    path = export_workbook(db, tmp_path / "review.xlsx")
    import_workbook(db, edit(path, tmp_path / "a.xlsx", goal_rows=[(2, "partial", REVIEWER)]))
    import_workbook(db, edit(path, tmp_path / "b.xlsx", goal_rows=[(2, "none", "Toinen Tarkastaja")]))
    item = next(i for i in review_queue(db) if i.reviewed)
    assert (item.claimed, item.current_status) == ("full", "none")
    assert [r.old_value for r in trail(db)] == ["full", "partial"]


def test_exports_and_digest_show_corrections_as_reviewed(db, tmp_path):
    from pipeline.digest import markdown_digest

    path = export_workbook(db, tmp_path / "review.xlsx")
    import_workbook(db, edit(path, tmp_path / "edited.xlsx", goal_rows=[(2, "partial", REVIEWER)],
                             figure_rows=[(number_row(path), "korjaa", "12")]))
    frames = export_tables(db)
    reviewed = frames["goals"][frames["goals"]["reviewed"]]
    assert list(reviewed["current_status"]) == ["partial"]
    assert list(frames["indicators"]["corrected_value"].dropna()) == ["12"]
    report = load_report(db, 1, reviewed=True)
    assert "(tarkastettu, Liisa Tarkastaja)" in markdown_digest(report)


# --- the web app ----------------------------------------------------------------------------------------

TOKEN = "test-token-123"


@pytest.fixture
def app_url(db):
    import uvicorn

    from pipeline.webapp import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, TOKEN, reviewer=REVIEWER), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def test_review_list_counts_the_two_kinds_of_flag_apart(app_url, db):
    html = httpx.get(f"{app_url}/").text
    counts = flag_counts(review_queue(db))
    assert f'<span id="count-contradicted">{counts["contradicted"]}</span>' in html
    assert f'<span id="count-needs-look">{counts["needs_look"]}</span>' in html
    assert counts["contradicted"] == 2


def test_correct_a_figure_with_the_keyboard(page, app_url, db):
    # A goal whose first figure is a number, whichever the queue puts first ("15" is no date).
    goal = next(i for i in review_queue(db) if i.figures and i.figures[0].indicator.kind != "date")
    page.goto(f"{app_url}/?token={TOKEN}")
    with page.expect_navigation():  # the goal's page, loaded before a key is pressed on it
        page.locator(f"#queue tr[data-goal='{goal.goal_ref}'] a").first.click()
    page.keyboard.press("c")
    page.keyboard.type("15")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.reload()
    assert page.locator("tr.figure .current").first.inner_text() == "15"
    assert [(r.action, r.new_value, r.reviewer) for r in trail(db)] == [("correct", "15", REVIEWER)]
    assert page.errors == []


def test_statuses_are_shown_in_the_traffic_light(page, app_url):
    from pipeline.digest import STATUS_COLOURS

    page.goto(app_url)
    badges = page.locator("#queue .status:not([data-status=''])")
    assert badges.count() > 0
    for status, colour in badges.evaluate_all(
            "nodes => nodes.map(n => [n.dataset.status, getComputedStyle(n).backgroundColor])"):
        assert colour == "rgb({}, {}, {})".format(*(int(STATUS_COLOURS[status][i:i + 2], 16) for i in (1, 3, 5)))


def test_set_the_status_with_the_keyboard(page, app_url, db):
    page.goto(f"{app_url}/?token={TOKEN}")
    with page.expect_navigation():
        page.locator("#queue tr[data-goal] a").first.click()
    with page.expect_navigation():
        page.keyboard.press("2")
    assert page.inner_text("#current-status") == "toteutuu osittain"
    assert trail(db)[-1].new_value == "partial"


def test_requests_without_the_token_change_nothing(app_url, db):
    item = review_queue(db)[0]
    figure = item.figures[0]
    answers = [
        httpx.post(f"{app_url}/goals/{item.goal_ref}/status", data={"status": "none"}),
        httpx.post(f"{app_url}/figures/{figure.indicator_ref}",
                   data={"goal_ref": item.goal_ref, "action": "reject"}),
        httpx.post(f"{app_url}/goals/{item.goal_ref}/status", data={"status": "none"},
                   headers={"X-Review-Token": "wrong"}),
    ]
    assert [a.status_code for a in answers] == [403, 403, 403]
    assert trail(db) == []
    allowed = httpx.post(f"{app_url}/goals/{item.goal_ref}/status", data={"status": "none"},
                         headers={"X-Review-Token": TOKEN})
    assert allowed.status_code in (200, 303) and len(trail(db)) == 1


@pytest.fixture
def other_port_page(tmp_path):
    """Serve ``tmp_path/site`` from another port of 127.0.0.1: same-site as the app, not same-origin."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=10)


def test_a_form_from_another_port_cannot_post_with_the_cookie(page, app_url, db, other_port_page):
    site, other = other_port_page
    ref = review_queue(db)[0].goal_ref
    (site / "forged.html").write_text(
        f'<form id="f" method="post" action="{app_url}/goals/{ref}/status">'
        '<input name="status" value="none"></form><script>document.getElementById("f").submit()</script>',
        encoding="utf-8")
    page.goto(f"{app_url}/?token={TOKEN}")  # the analyst's cookie is set
    with page.expect_navigation(url=f"{app_url}/goals/{ref}/status"):
        page.goto(f"{other}/forged.html")
    assert trail(db) == []


def _cookie(app_url):
    return httpx.Client(base_url=app_url, cookies={"review_token": TOKEN})


@pytest.mark.parametrize(("method", "path", "headers", "data", "code"), [
    pytest.param("GET", "/", {"Host": "evil.example:8765"}, None, 400, id="foreign-host-read"),
    pytest.param("POST", "/goals/{ref}/status", {"Host": "rebound.example", "X-Review-Token": TOKEN},
                 {"status": "none"}, 400, id="foreign-host-write"),
    pytest.param("POST", "/goals/{ref}/status", {"Origin": "http://127.0.0.1:9"}, {"status": "none"}, 403,
                 id="cookie-from-another-origin"),
    pytest.param("POST", "/goals/{ref}/status", {"Referer": "http://127.0.0.1:9/forged.html"}, {"status": "none"},
                 403, id="cookie-from-another-referer"),
    pytest.param("POST", "/goals/{ref}/status", {}, {"status": "none"}, 403, id="cookie-without-origin"),
    pytest.param("POST", "/goals/{ref}/status", {"Origin": "null"}, {"status": "none"}, 403, id="cookie-null-origin"),
    pytest.param("POST", "/goals/{ref}/status", {"Cookie": ""}, None, 403, id="no-token-no-body"),
    pytest.param("GET", "/goals/99999999999999999999", {}, None, 422, id="id-past-64-bits"),
    pytest.param("POST", "/goals/99999999999999999999/status", {"X-Review-Token": TOKEN}, {"status": "none"}, 422,
                 id="id-past-64-bits-write"),
])
def test_requests_from_elsewhere_are_refused(app_url, db, method, path, headers, data, code):
    ref = review_queue(db)[0].goal_ref
    with _cookie(app_url) as client:
        if headers.get("Cookie") == "":
            client.cookies.clear()
            headers = {}
        answer = client.request(method, path.format(ref=ref), headers=headers, data=data)
    assert answer.status_code == code, answer.text
    assert trail(db) == []


@pytest.mark.parametrize("headers", [
    pytest.param({"Origin": "{app}"}, id="own-origin"),
    pytest.param({"Referer": "{app}/goals/1"}, id="own-referer"),
])
def test_changes_with_the_cookie_from_the_apps_own_pages_are_kept(app_url, db, headers):
    ref = review_queue(db)[0].goal_ref
    with _cookie(app_url) as client:
        answer = client.post(f"/goals/{ref}/status", data={"status": "none"},
                             headers={k: v.format(app=app_url) for k, v in headers.items()})
    assert answer.status_code == 303 and len(trail(db)) == 1


def test_a_reviewer_name_longer_than_the_database_keeps_is_refused(app_url, db):
    item = review_queue(db)[0]
    answer = httpx.post(f"{app_url}/goals/{item.goal_ref}/status", headers={"X-Review-Token": TOKEN},
                        data={"status": "none", "reviewer_name": "Liisa " * 50})
    assert answer.status_code == 422 and "reviewer's name is 299 characters; write at most 200" in answer.text
    assert trail(db) == []


@pytest.mark.parametrize("value", ["nan", "inf", "1e309", "-Infinity"])
def test_a_figure_that_is_not_finite_is_refused_by_the_app(app_url, db, value):
    item = review_queue(db)[0]
    figure = next(f for f in item.figures if f.indicator.kind != "date")
    answer = httpx.post(f"{app_url}/figures/{figure.indicator_ref}", headers={"X-Review-Token": TOKEN},
                        data={"goal_ref": item.goal_ref, "action": "correct", "value": value})
    assert answer.status_code == 422 and "is not a number" in answer.text
    assert trail(db) == []


def test_report_text_with_script_is_shown_as_text(page, app_url, db):
    hostile = Report(source="hostile.csv", sha256="f" * 64, year=2021, goals=[Goal(
        goal_id="1.1", goal="Tavoite <script>document.title='hacked'</script>",
        metric_status="Tilanne <img src=x onerror=\"document.title='hacked'\">", status="full")])
    store_report(db, analyse_report(hostile))
    ref = next(i.goal_ref for i in review_queue(db) if i.report == "hostile.csv")
    page.goto(f"{app_url}/goals/{ref}")
    assert page.title() != "hacked"
    assert "<script>document.title='hacked'</script>" in page.inner_text("h1")
    assert page.errors == []


# --- corrections teach the next model -------------------------------------------------------------------


def test_retraining_with_corrections_changes_the_prediction(tmp_path):
    from pipeline.training import Example, train

    engine = engine_for(f"sqlite:///{tmp_path / 'learn.sqlite'}")
    goals = []
    for i in range(8):
        goals.append(Goal(goal_id=f"1.{i}", target="Palveluohjaus vakiintuu.", status="full",
                          metric_status=f"Työ eteni osittain; {i + 2} yksikköä on vielä kesken."))
        goals.append(Goal(goal_id=f"2.{i}", target="Palveluohjaus vakiintuu.", status="none",
                          metric_status=f"Työtä ei aloitettu {i + 2} yksikössä."))
    store_report(engine, Report(source="claims.csv", sha256="a" * 64, year=2021, goals=goals))

    def model():
        return train([Example(g, label, "db", f"report:{sha[:12]}:{g.goal_id}", year)
                      for g, label, sha, year in labelled_goals(engine)], cv_folds=0)

    def predicted(trained, goal):
        report = analyse_report(Report(source="x", sha256="", year=2021, goals=[Goal.from_dict(goal.to_dict())]),
                                model=trained)
        return report.goals[0].prediction.status

    probe = Goal(target="Palveluohjaus vakiintuu.", metric_status="Työ eteni osittain; 5 yksikköä on vielä kesken.")
    assert predicted(model(), probe) == "full"  # the reports' over-optimistic labels

    from pipeline.records import Decision
    from pipeline.store import record

    refs = [i.goal_ref for i in review_queue(engine) if i.goal_id.startswith("1.")]
    record(engine, [Decision(ref, "status", "set_status", "partial", REVIEWER) for ref in refs])
    assert predicted(model(), probe) == "partial"  # consistent with its evidence: work under way


@pytest.fixture
def formula_db(tmp_path):
    """A stored report whose goal texts and file name are OWASP's formula-injection examples."""
    from pipeline.hostile import FORMULAS

    goals = [Goal(goal_id=f"1.{k + 1}", goal=formula, metric=formula, target="Vähintään 10 koulutusta.",
                  metric_status=f"{formula} Koulutuksia järjestettiin 6.", status_label="Toteutui", status="full")
             for k, formula in enumerate(FORMULAS)]
    engine = engine_for(f"sqlite:///{tmp_path / 'formula.sqlite'}")
    store_report(engine, analyse_report(Report(source="=cmd|' \\C calc'!A0.csv", sha256="e" * 64, year=2021,
                                               goals=goals)))
    return engine


def live_cells(path) -> list[str]:
    book = load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}" for sheet in book for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f" or (cell.data_type == "s" and str(cell.value or "").startswith(
                ("=", "+", "-", "@", "\t", "\r")))]  # a number cell (-2.0) is no formula


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exports_write_report_text_that_looks_like_a_formula_as_text(formula_db, tmp_path, fmt, capsys):
    import csv

    from pipeline.cli import main

    out = tmp_path / fmt
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(formula_db.url)]) == 0
    if fmt == "xlsx":
        assert live_cells(out / "export.xlsx") == []
        return
    for path in out.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))
                    and not re.fullmatch(r"-?\d+(?:\.\d+)?", c)], path.name  # "-2.0" is a number, not a formula


def test_review_workbook_has_no_live_formula_and_reads_text_back_unchanged(formula_db, tmp_path):
    from pipeline.hostile import FORMULAS

    path = export_workbook(formula_db, tmp_path / "review.xlsx")
    assert live_cells(path) == []
    book = load_workbook(path)
    goals = book["Tavoitteet"]
    texts = [goals.cell(row, column(GOAL_HEADERS, "tavoitteen teksti")).value for row in range(2, goals.max_row + 1)]
    goals.cell(2, column(GOAL_HEADERS, "korjattu tila"), "partial")
    goals.cell(2, column(GOAL_HEADERS, "kommentti"), texts[0])  # the analyst copies a goal's text into a comment
    goals.cell(2, column(GOAL_HEADERS, "tarkastaja"), REVIEWER)
    book.save(path)
    import_workbook(formula_db, path)
    assert trail(formula_db)[0].comment in FORMULAS
