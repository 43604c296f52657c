"""Hostile and broken inputs: does each one get a clean answer, in time, with nothing lost?

    .venv/bin/python bench/hostile_inputs.py [--skip-scans] [--only GROUP ...]

Every case builds its input here (``pipeline.hostile`` and small builders
below), runs in a forked child process with a 60 s limit, and is counted as

- **held**: the answer the project promises (a clean error naming the problem,
  or the right result);
- **failed**: a wrong answer without a crash (code from a model file ran, a
  live formula, a change accepted from another origin, a goal folded into
  another, ...);
- **traceback**: an exception other than the pipeline's own errors escaped
  (in a child, or a ``Traceback`` on a command's standard error);
- **hang**: no answer within 60 s (the child is killed).

Spreadsheet exports count *live formula cells* (a cell a spreadsheet would
run: an XLSX formula cell, a CSV field starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return); scans count *lost files* (neither in the
inbox nor in quarantine, and not stored). The last lines are the four totals
that must all be 0. The scan group runs ``python -m pipeline scan`` as the
analyst would (a temporary Prefect server each time): ``--skip-scans`` leaves
it out for a quicker run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"
HANG_SECONDS = 60
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TOKEN = "bench-token"


class Failed(Exception):
    """The case got a wrong answer (not a crash)."""


@dataclass
class Case:
    group: str
    name: str
    run: Callable[[Path], str]  # returns a note; raises Failed for a wrong answer


@dataclass
class Result:
    group: str
    name: str
    outcome: str  # held | failed | traceback | hang
    note: str
    seconds: float
    live_formulas: int = 0
    lost_files: int = 0


# --- helpers the cases share ---------------------------------------------------------------------------------------


def refused(call: Callable[[], object], pattern: str, errors: tuple[type[BaseException], ...] | None = None) -> str:
    """Held when ``call`` raises one of the pipeline's own errors whose message matches ``pattern``."""
    from pipeline.errors import PipelineError
    from pipeline.review import ReviewError

    errors = errors or (PipelineError, ReviewError)
    try:
        value = call()
    except errors as exc:
        message = str(exc)
        if "\n" in message.strip():
            raise Failed(f"the message has several lines: {message[:80]!r}") from exc
        if not re.search(pattern, message):
            raise Failed(f"refused, but the message does not say {pattern!r}: {message[:100]!r}") from exc
        return message[:110]
    raise Failed(f"accepted (got {type(value).__name__})")


def read(path: Path):
    from pipeline.ingest import read_report

    return read_report(path)


def live_cells_xlsx(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return sum(1 for sheet in book for row in sheet.iter_rows() for cell in row
               if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")))


def live_cells_csv(path: Path) -> int:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for row in csv.reader(handle) for cell in row if cell.startswith(FORMULA_START)
                   and not re.fullmatch(r"-?\d+(?:\.\d+)?", cell))  # "-2.0" is a number, not a formula


def analysed(report):
    from pipeline.analysis import analyse_report

    return analyse_report(report)


# --- model files -------------------------------------------------------------------------------------------------


def _bundle(classifier, tmp: Path, **extra) -> Path:
    import sklearn
    import skops.io as sio

    path = tmp / "m.skops"
    sio.dump({"format_version": 1, "sklearn_version": sklearn.__version__, "card_json": "{}",
              "classifier": classifier, **extra}, path)
    return path


def model_code_runner(tmp: Path) -> str:
    import numpy as np
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    from pipeline.classify import StatusClassifier, load_model

    marker = tmp / "ran.txt"
    classifier = StatusClassifier()
    classifier.model_ = Pipeline([
        ("shape", FunctionTransformer(np.full_like, kw_args={
            "fill_value": f"open({str(marker)!r}, 'w').write('code ran')", "dtype": object})),
        ("run", FunctionTransformer(np.frompyfunc(eval, 1, 1))),
        ("pick", FunctionTransformer(np.unique)),
    ])
    classifier.classes_ = np.array(["full", "partial", "none"], dtype=object)
    path = _bundle(classifier, tmp)
    try:
        return refused(lambda: load_model(path), r"refusing to load types")
    finally:
        if marker.exists():
            raise Failed("code from the model file ran")


def model_ordered_dict(tmp: Path) -> str:
    import collections

    import numpy as np

    from pipeline.classify import StatusClassifier, load_model

    classifier = StatusClassifier()
    classifier.model_ = collections.OrderedDict(a=1)
    classifier.classes_ = np.array(["full", "partial", "none"], dtype=object)
    return refused(lambda: load_model(_bundle(classifier, tmp)), r"Retrain")


def model_file(content: Callable[[Path], bytes], pattern: str) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from pipeline.classify import load_model

        path = tmp / "m.skops"
        path.write_bytes(content(tmp))
        return refused(lambda: load_model(path), pattern)
    return run


def _shipped_half(tmp: Path) -> bytes:
    from pipeline.classify import DEFAULT_MODEL

    data = DEFAULT_MODEL.read_bytes()
    return data[: len(data) // 2]


def _foreign_type(tmp: Path) -> bytes:
    import datetime

    return _bundle(datetime.date(2021, 1, 1), tmp).read_bytes()


def _ordered_dict_bundle(tmp: Path) -> bytes:
    import collections

    return _bundle(collections.OrderedDict(a=1), tmp).read_bytes()


# --- files the readers get -------------------------------------------------------------------------------------


def reader_refuses(name: str, content: bytes | Callable[[Path], Path], pattern: str) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        path = content(tmp) if callable(content) else tmp / name
        if not callable(content):
            path.write_bytes(content)
        return refused(lambda: read(path), pattern)
    return run


def reader_reads(build: Callable[[Path], Path], check: Callable[[object], str | None],
                 seconds: float | None = None) -> Callable[[Path], str]:
    """Held when the file is read and ``check(report)`` returns None (else its text is the failure)."""
    def run(tmp: Path) -> str:
        path = build(tmp)
        start = time.perf_counter()
        report = read(path)
        took = time.perf_counter() - start
        problem = check(report)
        if problem:
            raise Failed(problem)
        if seconds is not None and took > seconds:
            raise Failed(f"read in {took:.1f} s, over {seconds:.0f} s")
        return f"{report.n_goals} goals in {took:.1f} s"
    return run


def write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path
    return build


def _ids(*wanted: str) -> Callable[[object], str | None]:
    def check(report) -> str | None:
        got = [g.goal_id for g in report.goals]
        return None if got == list(wanted) else f"goal ids {got}, expected {list(wanted)}"
    return check


def _warned(pattern: str) -> Callable[[object], str | None]:
    def check(report) -> str | None:
        return None if any(re.search(pattern, w) for w in report.warnings) else f"no warning {pattern!r}"
    return check


def _rows(*ids_labels: tuple[str, str | None]) -> str:
    return "\n\n".join(f"{i} Lisätään palveluja\n\nAsiakasmäärä" + (f"\n\n{label}" if label else "")
                       for i, label in ids_labels) + "\n"


SEED_TEXT = ("Strateginen tavoite 1. Kaupunki\n\n1.1 Tehdään\nasia\n\nMittari\n\nEi ole\n\nOn\n\n"
             "Katri Kalske Tehtiin kävijöitä.\n\nTehty.\n\nToteutui\n")


def _pdf(tmp: Path, name: str, draw: Callable, **kwargs) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp / name
    c = canvas.Canvas(str(path), **kwargs)
    draw(c)
    c.save()
    return path


def _encrypted(tmp: Path) -> Path:
    from reportlab.lib import pdfencrypt

    return _pdf(tmp, "locked.pdf", lambda c: c.drawString(100, 700, "Sitova tavoite"),
                encrypt=pdfencrypt.StandardEncryption("salasana", canPrint=0))


def _image_only(tmp: Path) -> Path:
    return _pdf(tmp, "scan.pdf", lambda c: c.rect(100, 100, 300, 300, fill=1))


def _long_prose(tmp: Path) -> Path:
    def draw(c) -> None:
        for page in range(300):
            for line in range(45):
                c.drawString(60, 800 - line * 17, f"Sivu {page + 1}. Kaupungin talous kehittyi suunnitellusti, {line}.")
            c.showPage()
    return _pdf(tmp, "tilinpaatos_ilman_tavoitteita.pdf", draw)


def _billion_laughs(tmp: Path) -> Path:
    from pipeline.hostile import xlsx_bomb

    path = xlsx_bomb(tmp, 0)
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10)) + "]>"
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>' + laughs +
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>'
             '<c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    out = tmp / "naurua.xlsx"
    import zipfile

    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, sheet if item.filename.endswith("sheet1.xml") else src.read(item))
    return out


def _big_csv(tmp: Path) -> Path:
    from pipeline.hostile import csv_rows

    path = tmp / "sata_tuhatta.csv"
    path.write_text(csv_rows(100_000), encoding="utf-8")
    return path


def _semicolon_check(report) -> str | None:
    goal = report.goals[0]
    if report.n_goals != 30 or goal.target != "Vähintään 2 500 asuntoa; kohtuuhintaisia 20 %":
        return f"{report.n_goals} goals, first target {goal.target!r}"
    return None


def _csv(sep: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        from pipeline.hostile import csv_rows

        path = tmp / "r.csv"
        path.write_text(csv_rows(30, sep=sep), encoding="utf-8")
        return path
    return build


def _json(document: object | str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        from pipeline.hostile import json_document

        return json_document(tmp, "r.json", document)
    return build


GOAL = {"goal_id": "1.1", "goal": "Lisätään asuntotuotantoa", "status_label": "Toteutuu täysin"}


def _nested(depth: int) -> str:
    return '{"goals": ' + "[" * depth + "]" * depth + "}"


# --- the digest ------------------------------------------------------------------------------------------------


def digest_markup(where: str, hostile: str, forbidden: str) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from markdown_it import MarkdownIt

        from pipeline.digest import markdown_digest
        from pipeline.records import Audit, Goal, Report

        goal = Goal(goal_id="1.1", goal="Tavoite", status_label="Toteutui", status="full",
                    audit=Audit("inconsistent", True, reasons=["Syy."]))
        report = Report(source="raportti.txt", sha256="0" * 64, goals=[goal])
        setattr(report if where == "source" else goal, where, hostile)
        html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_digest(report))
        if forbidden in html:
            raise Failed(f"{forbidden!r} in the rendered Markdown")
        return "shown as text"
    return run


# --- spreadsheets written from report text ----------------------------------------------------------------------


def _formula_db(tmp: Path):
    from pipeline.hostile import FORMULAS
    from pipeline.records import Goal, Report
    from pipeline.store import engine_for, store_report

    goals = [Goal(goal_id=f"1.{k + 1}", goal=formula, metric=formula, target="Vähintään 10 koulutusta.",
                  metric_status=f"{formula} Koulutuksia järjestettiin 6.", status_label="Toteutui", status="full")
             for k, formula in enumerate(FORMULAS)]
    report = analysed(Report(source="=cmd|' /C calc'!A0.csv", sha256="e" * 64, year=2021, goals=goals))
    engine = engine_for(f"sqlite:///{tmp / 'f.sqlite'}")
    store_report(engine, report)
    return engine, f"sqlite:///{tmp / 'f.sqlite'}"


class Counted(Exception):
    def __init__(self, live: int, note: str) -> None:
        super().__init__(note)
        self.live, self.note = live, note


def export_formulas(fmt: str) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from pipeline.cli import main

        _, url = _formula_db(tmp)
        with contextlib.redirect_stdout(io.StringIO()):
            main(["export", "--format", fmt, "--out", str(tmp / "out"), "--db", url])
        files = sorted((tmp / "out").glob(f"*.{fmt}"))
        live = sum(live_cells_xlsx(f) if fmt == "xlsx" else live_cells_csv(f) for f in files)
        if live:
            raise Counted(live, f"{live} live formula cells in {len(files)} files")
        return f"{len(files)} files, no live formula"
    return run


def review_workbook_formulas(tmp: Path) -> str:
    from pipeline.hostile import FORMULAS
    from pipeline.review import export_workbook, import_workbook, review_queue

    engine, _ = _formula_db(tmp)
    path = export_workbook(engine, tmp / "review.xlsx")
    live = live_cells_xlsx(path)
    if live:
        raise Counted(live, f"{live} live formula cells in the review workbook")
    import_workbook(engine, path, reviewer="Liisa Tarkastaja")
    texts = {item.goal for item in review_queue(engine)}
    if not set(FORMULAS) <= texts:
        raise Failed("the report text did not come back unchanged")
    return "no live formula; read back unchanged"


# --- the review web app -------------------------------------------------------------------------------------------


def _client(tmp: Path):
    from fastapi.testclient import TestClient

    from pipeline.records import Goal, Report
    from pipeline.store import engine_for, store_report
    from pipeline.webapp import create_app

    engine = engine_for(f"sqlite:///{tmp / 'web.sqlite'}")
    store_report(engine, analysed(Report(source="r.csv", sha256="d" * 64, year=2021, goals=[Goal(
        goal_id="1.1", goal="Lisätään koulutusta", target="Vähintään 10 koulutusta.",
        metric_status="Koulutuksia järjestettiin 6.", status_label="Toteutui", status="full")])))
    return engine, TestClient(create_app(engine, TOKEN), base_url="http://127.0.0.1:8765")


def web(method: str, path: str, headers: dict, data: dict | None, code: int, *, cookie: bool = True,
        changes: int = 0) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        from pipeline.review import review_queue, trail

        engine, client = _client(tmp)
        item = review_queue(engine)[0]
        figure = next(f for f in item.figures if f["kind"] != "date")
        if cookie:
            client.cookies.set("review_token", TOKEN)
        form = {k: str(v).format(goal=item.goal_ref) for k, v in (data or {}).items()}
        answer = client.request(method, path.format(goal=item.goal_ref, figure=figure["indicator_ref"]),
                                headers=headers, data=form or None, follow_redirects=False)
        stored = len(trail(engine))
        if answer.status_code != code or stored != changes:
            raise Failed(f"answered {answer.status_code} with {stored} changes stored; expected {code}, {changes}")
        return f"{answer.status_code}"
    return run


# --- the database -------------------------------------------------------------------------------------------------


def concurrent_status_edits(tmp: Path) -> str:
    from pipeline.review import Decision, record, review_queue, trail

    engine, _ = _client(tmp)
    goal = review_queue(engine)[0].goal_ref
    statuses = ["partial", "none", "full", "not_assessable"]
    barrier = threading.Barrier(20)
    errors: list[str] = []

    def edit(k: int) -> None:
        barrier.wait()
        try:
            record(engine, [Decision(goal, "status", "set_status", statuses[k % 4], f"Tarkastaja {k}", None)])
        except Exception as exc:  # a refused or failed edit is reported, not a crash of the bench
            errors.append(type(exc).__name__)

    threads = [threading.Thread(target=edit, args=(k,)) for k in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = trail(engine, goal)
    broken = sum(1 for a, b in itertools.pairwise(rows) if b["old_value"] != a["new_value"])
    if broken or errors:
        raise Failed(f"{len(rows)} rows, {broken} whose old value is not the previous new value; errors {errors}")
    return f"{len(rows)} rows, each old value the previous new value"


# --- scans, as the analyst runs them ------------------------------------------------------------------------------


def _scan(inbox: Path, db: str, *extra: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT),
           "PIPELINE_DIGESTS": str(inbox.parent / "digests")}
    return subprocess.run([sys.executable, "-m", "pipeline", "scan", str(inbox), "--db", db, "--runner", "thread",
                           "--workers", "2", *extra], capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=ROOT, check=False)


def _stored_sources(db: str) -> set[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        return {row[0] for row in conn.execute(text("SELECT source FROM reports"))}


def _accounted(inbox: Path, names: list[str], db: str) -> int:
    """Files neither in the inbox nor in quarantine (with their .error.txt): lost."""
    quarantine = inbox.parent / "quarantine"
    lost = 0
    for name in names:
        if (inbox / name).exists():
            continue
        if (quarantine / name).exists() and (quarantine / f"{name}.error.txt").exists():
            continue
        lost += 1
    return lost


def _hostile_inbox(tmp: Path) -> tuple[Path, list[str]]:
    from pipeline.hostile import long_row_text, xlsx_bomb

    inbox = tmp / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "vantaa.txt")
    long_row_text(inbox, 60)
    xlsx_bomb(inbox, 80)
    (inbox / "tyhja.txt").write_bytes(b"")
    (inbox / "rikki.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer broken")
    (inbox / "sisakkain.json").write_text(_nested(100_000), encoding="utf-8")
    (inbox / "kolminumeroiset.txt").write_text(_rows(("99.2", "Toteutuu täysin"), ("100.1", "Toteutuu osittain")),
                                              encoding="utf-8")
    return inbox, sorted(p.name for p in inbox.iterdir())


class Scanned(Exception):
    def __init__(self, outcome: str, note: str, lost: int = 0) -> None:
        super().__init__(note)
        self.outcome, self.note, self.lost = outcome, note, lost


def _judge(result: subprocess.CompletedProcess, lost: int, want_exit: int, what: str) -> str:
    if "Traceback" in result.stderr or "Traceback" in result.stdout:
        last = [line for line in result.stderr.splitlines() if line.strip()][-1:] or ["?"]
        raise Scanned("traceback", f"{what}: traceback ({last[0][:80]})", lost)
    if lost:
        raise Scanned("failed", f"{what}: {lost} files lost", lost)
    if result.returncode != want_exit:
        raise Scanned("failed", f"{what}: exit {result.returncode}, expected {want_exit}: {result.stderr[-120:]!r}")
    return what


def scan_hostile_inbox(tmp: Path) -> str:
    inbox, names = _hostile_inbox(tmp)
    db = f"sqlite:///{tmp / 'scan.sqlite'}"
    result = _scan(inbox, db, "--json")
    lost = _accounted(inbox, names, db)
    _judge(result, lost, 0, "one scan")
    stored = _stored_sources(db)
    want = {"vantaa.txt", "kolminumeroiset.txt", "pitka_rivi_60.txt"}
    if not want <= stored:
        raise Scanned("failed", f"stored {sorted(stored)}, expected {sorted(want)}")
    return f"{len(stored)} stored, {len(names) - len(stored)} quarantined with reasons"


def scan_read_only_database(tmp: Path) -> str:
    """A database that takes no writes (opened read-only, as a read-only file or mount is, even for root)."""
    from pipeline.store import engine_for

    inbox = tmp / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "vantaa.txt")
    (inbox / "tyhja.txt").write_bytes(b"")
    engine_for(f"sqlite:///{tmp / 'lukittu.sqlite'}").dispose()
    result = _scan(inbox, f"sqlite:///file:{tmp / 'lukittu.sqlite'}?mode=ro&uri=true")
    lost = sum(not (inbox / name).exists() for name in ("vantaa.txt", "tyhja.txt"))
    _judge(result, lost, 2, "read-only database")
    if "readonly" not in result.stderr.lower():
        raise Scanned("failed", f"the message does not name the database's error: {result.stderr[-120:]!r}")
    return "stopped before touching a file, every file left in the inbox"


def two_scans_at_once(tmp: Path) -> str:
    inbox, names = _hostile_inbox(tmp)
    db = f"sqlite:///{tmp / 'kaksi.sqlite'}"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT),
           "PIPELINE_DIGESTS": str(tmp / "digests")}
    command = [sys.executable, "-m", "pipeline", "scan", str(inbox), "--db", db, "--runner", "thread", "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
            for _ in range(2)]
    outputs = [run.communicate(timeout=900) for run in runs]
    lost = _accounted(inbox, names, db)
    for run, (out, err) in zip(runs, outputs, strict=True):
        _judge(subprocess.CompletedProcess(command, run.returncode, out, err), lost, 0, "two scans at once")
    digests = {p.stem for p in (tmp / "digests").glob("*.md")}
    if not {"vantaa", "kolminumeroiset"} <= digests:
        raise Scanned("failed", f"digests written: {sorted(digests)}")
    return "both ended, nothing lost, each digest written"


# --- the table of cases --------------------------------------------------------------------------------------------


def cases(skip_scans: bool) -> list[Case]:
    from pipeline.hostile import long_row_text, xlsx_bomb

    table = [
        Case("model file", "code in FunctionTransformer steps", model_code_runner),
        Case("model file", "OrderedDict as the fitted model", model_ordered_dict),
        Case("model file", "OrderedDict as the classifier", model_file(_ordered_dict_bundle, r"holds a OrderedDict")),
        Case("model file", "foreign type (datetime.date)", model_file(_foreign_type, r"refusing to load types")),
        Case("model file", "truncated", model_file(_shipped_half, r"damaged|could not be loaded")),
        Case("model file", "not a zip", model_file(lambda tmp: b"not a model" * 100, r"damaged|not a readable")),
        Case("model file", "empty", model_file(lambda tmp: b"", r"damaged|not a readable")),

        Case("text", "empty", reader_refuses("e.txt", b"", r"file is empty")),
        Case("text", "blank", reader_refuses("b.txt", b" \n\n ", r"file is empty")),
        Case("text", "binary garbage", reader_refuses("g.txt", bytes(range(128, 256)) * 40, r"not valid UTF-8")),
        Case("text", "Windows-1252", reader_refuses("w.txt", SEED_TEXT.encode("cp1252"), r"Windows-1252")),
        Case("text", "UTF-16 with BOM", reader_reads(write("u.txt", SEED_TEXT.encode("utf-16")), _ids("1.1"))),
        Case("text", "UTF-16 without BOM", reader_refuses("u.txt", SEED_TEXT.encode("utf-16-le"), r"UTF-16")),
        Case("text", "folder", lambda tmp: refused(lambda: read(tmp), r"is a folder")),
        Case("text", "missing file", lambda tmp: refused(lambda: read(tmp / "ei.txt"), r"no such file")),
        *(Case("text", f"one row of {n} paragraphs", reader_reads(lambda tmp, n=n: long_row_text(tmp, n), _ids("1.1"),
                                                                   seconds=10)) for n in (20, 40, 60)),
        Case("text", "three-digit goal ids", reader_reads(write("i.txt", _rows(
            ("99.2", "Toteutuu täysin"), ("100.1", "Toteutuu osittain"), ("101.1", "Ei toteutunut"))),
            _ids("99.2", "100.1", "101.1"))),
        Case("text", "four-digit id folded", reader_reads(write("i.txt", _rows(
            ("1.1", "Toteutuu täysin"), ("1000.1", "Toteutuu osittain"))), _warned(r"numbered 1000\.1"))),
        Case("text", "row without label before a goal", reader_reads(write("i.txt", _rows(
            ("1.1", None), ("1.2", "Toteutuu osittain"))), _warned(r"numbered 1\.2"))),

        Case("pdf", "empty", reader_refuses("e.pdf", b"", r"file is empty")),
        Case("pdf", "not a PDF", reader_refuses("f.pdf", b"hello, not a pdf", r"not a PDF")),
        Case("pdf", "truncated", reader_refuses("c.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", r"damaged")),
        Case("pdf", "encrypted", reader_refuses("", _encrypted, r"encrypted")),
        Case("pdf", "image only", reader_refuses("", _image_only, r"no text layer")),
        Case("pdf", "300 pages without goals", reader_refuses("", _long_prose, r"no known layout|no goal")),

        Case("table", "semicolon CSV, realistic rows", reader_reads(_csv(";"), _semicolon_check)),
        Case("table", "comma CSV", reader_reads(_csv(","), _semicolon_check)),
        Case("table", "tab CSV", reader_reads(_csv("\t"), _semicolon_check)),
        Case("table", "missing columns", reader_refuses("m.csv", "Mittari;Lähtötaso\nx;y\n".encode(),
                                                        r"missing column")),
        Case("table", "broken zip", reader_refuses("z.xlsx", b"PK\x03\x04 broken zip", r"not a readable XLSX")),
        Case("table", "XLSX expanding to 80 MB", reader_refuses("", lambda tmp: xlsx_bomb(tmp, 80), r"expands to")),
        Case("table", "XLSX expanding to 400 MB", reader_refuses("", lambda tmp: xlsx_bomb(tmp, 400), r"expands to")),
        Case("table", "billion laughs XLSX", reader_refuses("", _billion_laughs, r"XLSX|entit|missing column")),
        Case("table", "100,000-row CSV", reader_reads(_big_csv, lambda r: None if r.n_goals == 100_000 else "rows lost",
                                                      seconds=30)),

        Case("json", "nested 100,000 deep", reader_refuses("", _json(_nested(100_000)), r"nests deeper")),
        Case("json", "goals that are numbers", reader_refuses("", _json({"goals": [1, 2]}), r"goals/0")),
        Case("json", "label that is a number", reader_refuses("", _json({"goals": [{**GOAL, "status_label": 3}]}),
                                                              r"status_label")),
        Case("json", "label NaN", reader_refuses("", _json('{"goals": [{"goal": "A", "status_label": NaN}]}'),
                                                 r"NaN")),
        Case("json", "report that is a string", reader_refuses("", _json({"report": "x", "goals": [GOAL]}),
                                                               r"at report")),
        Case("json", "status maybe", reader_refuses("", _json({"goals": [{**GOAL, "status": "maybe"}]}),
                                                    r"goals/0/status")),
        Case("json", "10 MB text field", reader_refuses("", _json({"goals": [{**GOAL, "measures": "a " * 5_000_000}]}),
                                                         r"characters")),
        Case("json", "not JSON", reader_refuses("n.json", b"{not json", r"not valid JSON")),

        *(Case("digest", f"{what} in the {where}", digest_markup(where, hostile, forbidden))
          for what, hostile, forbidden in (("<script>", "<script>alert(1)</script>", "<script"),
                                           ("<img onerror>", '<img src=x onerror="alert(1)">', "<img"),
                                           ("Markdown link", "[a](javascript:alert(1))", "<a "))
          for where in ("source", "goal_id", "goal")),

        Case("spreadsheet", "export --format xlsx", export_formulas("xlsx")),
        Case("spreadsheet", "export --format csv", export_formulas("csv")),
        Case("spreadsheet", "review workbook round trip", review_workbook_formulas),

        Case("web app", "foreign Host", web("GET", "/", {"Host": "evil.example:8765"}, None, 400)),
        Case("web app", "cookie from another port", web("POST", "/goals/{goal}/status",
                                                        {"Origin": "http://127.0.0.1:9"}, {"status": "none"}, 403)),
        Case("web app", "cookie without Origin", web("POST", "/goals/{goal}/status", {}, {"status": "none"}, 403)),
        Case("web app", "cookie from its own page", web("POST", "/goals/{goal}/status",
                                                        {"Origin": "http://127.0.0.1:8765"}, {"status": "none"}, 303,
                                                        changes=1)),
        Case("web app", "no token, no body", web("POST", "/goals/{goal}/status", {}, None, 403, cookie=False)),
        Case("web app", "id past 64 bits", web("GET", "/goals/99999999999999999999", {}, None, 422)),
        *(Case("web app", f"figure {value}", web("POST", "/figures/{figure}", {"X-Review-Token": TOKEN},
                                                  {"goal_ref": "{goal}", "action": "correct", "value": value}, 422,
                                                  cookie=False))
          for value in ("nan", "inf", "1e309")),

        Case("database", "20 concurrent status changes", concurrent_status_edits),
    ]
    if not skip_scans:
        table += [
            Case("scan", "inbox of hostile files", scan_hostile_inbox),
            Case("scan", "read-only database", scan_read_only_database),
            Case("scan", "two scans at once", two_scans_at_once),
        ]
    return table


# --- running -------------------------------------------------------------------------------------------------------


def _child(case: Case, tmp: str, conn) -> None:
    from pipeline.errors import PipelineError

    outcome, note, live, lost = "held", "", 0, 0
    try:
        note = case.run(Path(tmp))
    except Failed as exc:
        outcome, note = "failed", str(exc)
    except Counted as exc:
        outcome, note, live = "failed", exc.note, exc.live
    except Scanned as exc:
        outcome, note, lost = exc.outcome, exc.note, exc.lost
    except PipelineError as exc:
        outcome, note = "failed", f"refused where it should have worked: {exc}"[:150]
    except BaseException as exc:  # the point of the bench: anything else escaping is a traceback
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        outcome = "traceback"
        note = f"{type(exc).__name__}: {str(exc)[:80]} ({Path(frame.filename).name}:{frame.lineno})"
    conn.send((outcome, note, live, lost))
    conn.close()


def run_case(case: Case, limit: float) -> Result:
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        receive, send = context.Pipe(duplex=False)
        start = time.perf_counter()
        process = context.Process(target=_child, args=(case, tmp, send))
        process.start()
        send.close()
        got = receive.poll(limit)
        took = time.perf_counter() - start
        if not got:
            process.kill()
            process.join()
            return Result(case.group, case.name, "hang", f"no answer in {limit:.0f} s", took)
        try:
            outcome, note, live, lost = receive.recv()
        except EOFError:
            outcome, note, live, lost = "traceback", f"the child died (exit {process.exitcode})", 0, 0
        process.join()
        return Result(case.group, case.name, outcome, note, took, live, lost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-scans", action="store_true", help="leave out the scans (each starts Prefect)")
    parser.add_argument("--only", nargs="*", help="run only these groups (e.g. json 'web app')")
    args = parser.parse_args()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Loaded once here and inherited by every forked case, so a case's time is its own work.
    import importlib

    for module in ("skops.io", "sklearn.pipeline", "sklearn.preprocessing", "openpyxl", "markdown_it",
                   "fastapi.testclient", "pipeline.classify", "pipeline.review", "pipeline.webapp", "pipeline.cli",
                   "pipeline.digest", "pipeline.analysis", "pipeline.ingest.text", "pipeline.ingest.tabular",
                   "pipeline.ingest.jsondoc", "pipeline.ingest.pdf", "reportlab.pdfgen.canvas"):
        importlib.import_module(module)
    from pipeline.nlp import load_nlp

    load_nlp("fast")
    table = [c for c in cases(args.skip_scans) if not args.only or c.group in args.only]
    results = []
    began = time.perf_counter()
    for case in table:
        # Scans run their own processes with their own limits (each file has a time budget in the flow).
        limit = 900 if case.group == "scan" else HANG_SECONDS
        result = run_case(case, limit)
        results.append(result)
        print(f"{result.group:12} {result.name:38} {result.outcome:9} {result.seconds:6.1f} s  {result.note}",
              flush=True)
    print()
    print(f"{'group':12} {'held':>5} {'failed':>6} {'traceback':>9} {'hang':>5}")
    for group in dict.fromkeys(r.group for r in results):
        mine = [r for r in results if r.group == group]
        counts = [sum(r.outcome == o for r in mine) for o in ("held", "failed", "traceback", "hang")]
        print(f"{group:12} {counts[0]:5} {counts[1]:6} {counts[2]:9} {counts[3]:5}")
    held = sum(r.outcome == "held" for r in results)
    print(f"\n{held} of {len(results)} cases held in {time.perf_counter() - began:.0f} s")
    totals = {
        "tracebacks": sum(r.outcome == "traceback" for r in results),
        "hangs over 60 s": sum(r.outcome == "hang" or (r.group != "scan" and r.seconds > HANG_SECONDS)
                               for r in results),
        "live formula cells": sum(r.live_formulas for r in results),
        "lost files": sum(r.lost_files for r in results),
    }
    for name, value in totals.items():
        print(f"{name}: {value}")
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
