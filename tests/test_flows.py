"""Prefect flows under one session-scoped test server; task logic through ``.fn()``."""

from __future__ import annotations

import shutil
import threading

import pandas as pd
import pytest
from prefect.task_runners import ThreadPoolTaskRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from flows.inbox import scan_inbox
from flows.process import process_file_task, process_report, retry_on_io
from flows.runners import make_task_runner
from pipeline.store import engine_for
from pipeline.store.schema import FailureRow, GoalRow, ModelRow, ReportRow
from tests.conftest import SEED

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(autouse=True)
def digests_in_tmp(tmp_path, monkeypatch):
    """Flows write digests to the configured folder; keep them out of the repository."""
    monkeypatch.setenv("PIPELINE_DIGESTS", str(tmp_path / "digests"))

CSV_HEADER = ("Sitova tavoite;Mittari;Lähtötaso;Tavoitetaso;Vastuuhenkilö(t);Keskeiset toimenpiteet;"
              "Mittarien tilanne;Tila")


def csv_report(path, rows: list[tuple[str, str, str]]):
    lines = [CSV_HEADER] + [f"{goal};Asuntojen määrä;1 800 asuntoa;{target};Anna Virtanen;Kaavoitusta jatkettiin.;"
                            f"{status};{label}" for goal, target, status, label in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED, folder / "vantaa.txt")
    csv_report(folder / "asuminen.csv", [("Lisätään asuntotuotantoa", "Vähintään 2 500 asuntoa.",
                                         "Valmistui 2 104 asuntoa.", "Toteutuu täysin")])
    (folder / "rikki.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer broken")
    return folder


def scan(inbox, url, model_path):
    flow = scan_inbox.with_options(task_runner=ThreadPoolTaskRunner(max_workers=2))
    return flow(inbox=inbox, db_url=url, model_path=model_path)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, status_model):
    from pipeline.classify import save_model

    return str(save_model(status_model, tmp_path_factory.mktemp("model") / "m.skops"))


def reports_in(url) -> int:
    with Session(engine_for(url)) as session:
        return session.scalar(select(func.count()).select_from(ReportRow))


def test_inbox_stores_good_files_and_quarantines_the_corrupt_one(inbox, tmp_path, model_file):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    summary = scan(inbox, url, model_file)
    assert sorted(summary["stored"]) == ["asuminen.csv", "vantaa.txt"]
    assert [f["file"] for f in summary["failed"]] == ["rikki.pdf"]
    quarantined = tmp_path / "quarantine" / "rikki.pdf"
    assert quarantined.exists() and not (inbox / "rikki.pdf").exists()
    assert "rikki.pdf" in (tmp_path / "quarantine" / "rikki.pdf.error.txt").read_text(encoding="utf-8")
    with Session(engine_for(url)) as session:
        failure = session.scalars(select(FailureRow)).one()
    assert failure.source == "rikki.pdf" and failure.quarantined_to == str(quarantined)


def test_inbox_again_does_nothing_new_and_a_new_file_alone_is_processed(inbox, tmp_path, model_file):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    scan(inbox, url, model_file)
    again = scan(inbox, url, model_file)
    assert again["stored"] == [] and sorted(again["already stored"]) == ["asuminen.csv", "vantaa.txt"]
    assert again["failed"] == []
    csv_report(inbox / "uusi.csv", [("Parannetaan liikuntapaikkoja", "Vähintään 10 kenttää.",
                                     "Kunnostettiin 12 kenttää.", "Toteutuu täysin")])
    third = scan(inbox, url, model_file)
    assert third["stored"] == ["uusi.csv"]
    assert reports_in(url) == 3


def test_overlapping_scans_store_each_report_once(inbox, tmp_path, model_file):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    (inbox / "rikki.pdf").unlink()
    results = []
    runs = [threading.Thread(target=lambda: results.append(scan(inbox, url, model_file))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    stored = sorted(name for r in results for name in r["stored"])
    assert stored == ["asuminen.csv", "vantaa.txt"]
    assert reports_in(url) == 2
    with Session(engine_for(url)) as session:
        assert session.scalar(select(func.count()).select_from(GoalRow)) == 9


def test_process_pool_runner_processes_files_in_worker_processes(inbox, tmp_path, model_file):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    (inbox / "rikki.pdf").unlink()
    flow = scan_inbox.with_options(task_runner=make_task_runner("process", workers=2))
    summary = flow(inbox=inbox, db_url=url, model_path=model_file)
    assert sorted(summary["stored"]) == ["asuminen.csv", "vantaa.txt"]


def test_dask_runner_uses_the_configured_cluster(inbox, tmp_path, model_file):
    from distributed import LocalCluster

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    (inbox / "rikki.pdf").unlink()
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        runner = make_task_runner("dask", address=cluster.scheduler_address)
        summary = scan_inbox.with_options(task_runner=runner)(inbox=inbox, db_url=url, model_path=model_file)
    assert sorted(summary["stored"]) == ["asuminen.csv", "vantaa.txt"]


def test_inbox_scan_writes_the_overview_of_every_stored_report(inbox, tmp_path, model_file):
    summary = scan(inbox, f"sqlite:///{tmp_path / 'db.sqlite'}", model_file)
    index = tmp_path / "digests" / "index.html"
    assert summary["overview"] == str(index)
    text = index.read_text(encoding="utf-8")
    for name in summary["stored"]:
        digest = name.rsplit(".", 1)[0] + ".html"
        assert f'href="{digest}"' in text and (index.parent / digest).exists()


def test_process_report_flow_stores_and_publishes(tmp_path, model_file):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = process_report(SEED, db_url=url, model_path=model_file)
    assert result["stored"] and reports_in(url) == 1
    key = "digest-vantaa-2021-kasvatus-ja-oppiminen-769e98f2"
    with get_client(sync_client=True) as client:  # sync: the browser tests may leave an event loop running
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
    assert artifacts and "Tarkistettavat väitteet" in artifacts[-1].data
    assert (tmp_path / "digests" / "vantaa_2021_kasvatus_ja_oppiminen.html").exists()


def test_train_model_flow_records_the_version(tmp_path, model_file):
    from flows.train import train_model
    from pipeline.classify import load_model

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    process_report(SEED, db_url=url, model_path=model_file)
    out = tmp_path / "retrained.skops"
    result = train_model(out=out, db_url=url, synthetic=200)
    assert load_model(out).version == result["version"]
    with Session(engine_for(url)) as session:
        assert session.scalars(select(ModelRow.version)).all() == [result["version"]]


def test_a_file_over_its_time_budget_is_quarantined_and_the_scan_ends(tmp_path, model_file, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED, folder / "hidas.txt")
    monkeypatch.setenv("PIPELINE_FILE_TIMEOUT", "0.05")  # far less than reading and analysing the seed takes
    summary = scan(folder, f"sqlite:///{tmp_path / 'db.sqlite'}", model_file)
    assert [f["file"] for f in summary["failed"]] == ["hidas.txt"]
    assert "time budget of 0.05 s" in summary["failed"][0]["error"]
    assert (tmp_path / "quarantine" / "hidas.txt").exists()


@pytest.mark.parametrize("value", ["soon", "0", "-5", "inf"])
def test_a_bad_time_budget_is_named(monkeypatch, value):
    from pipeline import config

    monkeypatch.setenv("PIPELINE_FILE_TIMEOUT", value)
    with pytest.raises(ValueError, match=rf"PIPELINE_FILE_TIMEOUT='{value}'.*positive number"):
        config.file_timeout()


def test_file_task_returns_bad_input_as_a_failure(tmp_path):
    bad = tmp_path / "tyhja.txt"
    bad.write_text("", encoding="utf-8")
    outcome = process_file_task.fn(str(bad), "0" * 64, f"sqlite:///{tmp_path / 'db.sqlite'}", None)
    assert outcome["status"] == "failed" and "empty" in outcome["error"]


class _State:
    def __init__(self, exc):
        self.exc = exc

    def result(self, raise_on_failure=False):
        return self.exc


@pytest.mark.parametrize(
    ("exc", "retry"),
    [(OSError("disk"), True), (FileNotFoundError("gone"), False), (ValueError("bad input"), False)],
)
def test_retries_only_on_io(exc, retry):
    assert retry_on_io(None, None, _State(exc)) is retry


def test_unknown_runner_is_named():
    with pytest.raises(ValueError, match="'spark'"):
        make_task_runner("spark")


def test_export_command_writes_each_format(tmp_path, model_file, capsys):
    from pipeline.cli import main

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    process_report(SEED, db_url=url, model_path=model_file)
    for fmt in ("csv", "xlsx", "parquet"):
        assert main(["export", "--format", fmt, "--out", str(tmp_path / fmt), "--db", url]) == 0
    assert len(pd.read_csv(tmp_path / "csv" / "goals.csv")) == 8
    assert len(pd.read_parquet(tmp_path / "parquet" / "indicators.parquet")) > 30
    assert set(pd.read_excel(tmp_path / "xlsx" / "export.xlsx", sheet_name=None)) == {"goals", "indicators", "audits"}


def test_read_task_logs_pages_read_and_goals_found(tmp_path, seed_report, caplog):
    import logging

    from flows.process import read_task
    from pipeline.render import render_pdf

    path = render_pdf(seed_report, tmp_path / "seed.pdf")
    with caplog.at_level(logging.INFO, logger="flows.process"):
        report = read_task.fn(path)
    assert "pages read" in caplog.text and f"goals found: {report.n_goals}/{report.n_goals}" in caplog.text


def read_only(path) -> str:
    """A SQLite URL that opens the file read-only (as a read-only file or mount does, even for root)."""
    return f"sqlite:///file:{path}?mode=ro&uri=true"


@pytest.fixture
def stored_db(tmp_path):
    """A database with its tables, then opened read-only."""
    engine_for(f"sqlite:///{tmp_path / 'lukittu.sqlite'}").dispose()
    return read_only(tmp_path / "lukittu.sqlite")


def test_a_read_only_database_stops_the_scan_with_every_file_left_in_the_inbox(inbox, tmp_path, stored_db, capsys):
    from pipeline.cli import main

    assert main(["scan", str(inbox), "--db", stored_db]) == 2
    err = capsys.readouterr().err
    assert "attempt to write a readonly database" in err and "no file was touched" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(p.name for p in inbox.iterdir()) == ["asuminen.csv", "rikki.pdf", "vantaa.txt"]
    assert not (tmp_path / "quarantine").exists()


def test_storage_errors_in_a_scan_are_retried_and_leave_the_file_in_the_inbox(inbox, tmp_path, stored_db,
                                                                              model_file):
    summary = scan(inbox, stored_db, model_file)  # the flow alone: the database turned read-only after the check
    assert summary["stored"] == [] and summary["failed"] == []
    assert sorted(item["file"] for item in summary["not stored"]) == ["asuminen.csv", "rikki.pdf", "vantaa.txt"]
    assert all("readonly database" in item["error"] for item in summary["not stored"])
    assert sorted(p.name for p in inbox.iterdir()) == ["asuminen.csv", "rikki.pdf", "vantaa.txt"]
    assert list((tmp_path / "quarantine").iterdir()) == []


def test_a_file_another_scan_moved_first_is_left_to_it(tmp_path):
    from pipeline.inbox import quarantine_file

    assert quarantine_file(tmp_path / "inbox" / "rikki.pdf", tmp_path / "quarantine", "virhe") is None


def test_a_digest_missing_after_a_kill_is_written_on_the_next_scan(inbox, tmp_path, model_file):
    from pipeline.analysis import analyse_report
    from pipeline.classify import load_model
    from pipeline.ingest import read_report
    from pipeline.store import store_report

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    (inbox / "rikki.pdf").unlink()
    (inbox / "asuminen.csv").unlink()
    store_report(engine_for(url), analyse_report(read_report(inbox / "vantaa.txt"), model=load_model(model_file)))
    digests = tmp_path / "digests"
    assert not digests.exists()  # stored, then killed before its digest was written
    summary = scan(inbox, url, model_file)
    assert summary["already stored"] == ["vantaa.txt"]
    assert {"vantaa.html", "vantaa.md"} <= {p.name for p in digests.iterdir()}
