"""Storage: one transaction per report, exactly once per content, versions; SQLite and a real PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from pipeline.records import Report
from pipeline.store import StoreError, engine_for, export_tables, load_report, store_report
from pipeline.store.schema import AuditRow, GoalRow, IndicatorRow, ReportRow
from tests.conftest import ROOT


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    url = request.getfixturevalue("postgres_url")
    engine = engine_for(url)
    with engine.begin() as connection:  # a clean database for each test
        for table in ("corrections", "audits", "predictions", "indicators", "goals", "reports", "failures", "models"):
            connection.execute(text(f"DELETE FROM {table}"))
    return url


@pytest.fixture(scope="module")
def analysed_seed(seed_report, status_model):
    from pipeline.analysis import analyse_report

    return analyse_report(Report.from_dict(seed_report.to_dict()), model=status_model)


def count(url: str, table) -> int:
    with Session(engine_for(url)) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_report_is_stored_whole(db_url, analysed_seed):
    result = store_report(engine_for(db_url), analysed_seed)
    assert result.stored and result.version == 1
    assert count(db_url, GoalRow) == 8
    assert count(db_url, IndicatorRow) == sum(len(g.indicators) for g in analysed_seed.goals)
    assert count(db_url, AuditRow) == 8


def test_stored_report_reads_back_equal(db_url, analysed_seed):
    result = store_report(engine_for(db_url), analysed_seed)
    back = load_report(engine_for(db_url), result.report_id)
    assert back.to_dict()["goals"] == analysed_seed.to_dict()["goals"]


def test_whole_statement_fields_read_back_equal(db_url):
    from pipeline.records import Goal, Metric, MetricAudit

    metric = Metric(name="NPS", baseline="9", target="10", actual="11", status_label="1", status="full", page=84,
                    audit=MetricAudit("consistent", False, reasons=["Ilmoitettu tila vastaa rivin lukuja."],
                                      evidence_status="full", reached=[1.1], missed_by=0.0))
    report = Report(source="s.pdf", sha256="5" * 64, year=2024, layout="metric_rows", pages=(79, 141),
                    goals=[Goal(goal_id="150.2", page=84, department="Henkilöstöpalvelut", goal="Tyytyväinen",
                                metrics=[metric])])
    result = store_report(engine_for(db_url), report)
    assert load_report(engine_for(db_url), result.report_id) == report


def test_same_content_again_changes_nothing(db_url, analysed_seed):
    first = store_report(engine_for(db_url), analysed_seed)
    again = store_report(engine_for(db_url), analysed_seed)
    assert (again.stored, again.report_id) == (False, first.report_id)
    assert count(db_url, ReportRow) == 1 and count(db_url, GoalRow) == 8


def test_new_content_under_the_same_name_is_a_new_version(db_url, analysed_seed):
    store_report(engine_for(db_url), analysed_seed)
    changed = Report.from_dict(analysed_seed.to_dict())
    changed.sha256 = "0" * 64
    changed.goals = changed.goals[:3]
    result = store_report(engine_for(db_url), changed)
    assert (result.stored, result.version) == (True, 2)
    assert count(db_url, ReportRow) == 2 and count(db_url, GoalRow) == 11


def test_racing_stores_keep_one_copy(db_url, analysed_seed):
    results = []
    threads = [threading.Thread(target=lambda: results.append(store_report(engine_for(db_url), analysed_seed)))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.stored for r in results) == [False, False, False, True]
    assert count(db_url, ReportRow) == 1 and count(db_url, GoalRow) == 8


KILL_AT_COMMIT = """
import os, sys
from sqlalchemy.orm.session import SessionTransaction
from pipeline.ingest import read_report
from pipeline.store import engine_for, store_report

def die(self, *args, **kwargs):
    os._exit(9)  # the process dies after the goals were flushed, before the commit

SessionTransaction.commit = die
store_report(engine_for(sys.argv[1]), read_report(sys.argv[2]))
"""


def test_a_process_killed_mid_report_leaves_nothing(db_url, seed_report):
    from tests.conftest import SEED

    killed = subprocess.run([sys.executable, "-c", KILL_AT_COMMIT, db_url, str(SEED)], cwd=ROOT)
    assert killed.returncode == 9
    assert count(db_url, ReportRow) == 0 and count(db_url, GoalRow) == 0
    assert store_report(engine_for(db_url), seed_report).stored
    assert count(db_url, GoalRow) == 8


def test_export_tables_name_report_and_version(db_url, analysed_seed):
    store_report(engine_for(db_url), analysed_seed)
    frames = export_tables(engine_for(db_url))
    assert set(frames) == {"goals", "indicators", "audits"}
    assert set(frames["goals"]["version"]) == {1}
    assert frames["audits"]["flagged"].sum() == sum(g.audit.flagged for g in analysed_seed.goals)
    kinds = {"inconsistent": "contradicted", "insufficient_evidence": "needs_look", "consistent": None}
    for name in ("goals", "audits"):
        frame = frames[name]
        assert [kinds[v] for v in frame["verdict"]] == [f if isinstance(f, str) else None for f in frame["flag"]]
    assert (frames["indicators"]["value_number"].notna() | frames["indicators"]["value_text"].notna()).all()


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StoreError, match="Cannot reach the database"):
        engine_for("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_report_without_hash_is_refused(tmp_path):
    with pytest.raises(StoreError, match="without a content hash"):
        store_report(engine_for(f"sqlite:///{tmp_path / 'x.sqlite'}"), Report(source="x", sha256=""))


def test_concurrent_corrections_of_one_goal_keep_the_trail_a_chain(db_url, analysed_seed):
    import itertools
    import threading

    from pipeline.records import Decision
    from pipeline.store import record, trail

    engine = engine_for(db_url)
    store_report(engine, analysed_seed)
    with Session(engine) as session:
        goal = session.scalars(select(GoalRow).order_by(GoalRow.id)).first()
        original = goal.status
    statuses = ["partial", "none", "full", "not_assessable"]
    barrier, errors = threading.Barrier(20), []

    def change(k: int) -> None:
        barrier.wait()
        try:
            record(engine, [Decision(goal.id, "status", "set_status", statuses[k % 4], f"Tarkastaja {k}", None)])
        except Exception as exc:  # collected: the assertion below names it
            errors.append(repr(exc))

    threads = [threading.Thread(target=change, args=(k,)) for k in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = trail(engine, goal.id)
    assert errors == []
    assert rows[0].old_value == original
    assert [(a.new_value, b.old_value) for a, b in itertools.pairwise(rows) if a.new_value != b.old_value] == []


@pytest.mark.parametrize(("field", "value", "message"), [
    pytest.param("goal_id", "1." + "1" * 60, r"goal 1\.1+: goal_id is 62 characters.*keeps up to 50", id="goal-id"),
    pytest.param("status_label", "Toteutuu " * 30, r"status_label is 270 characters.*keeps up to 200", id="label"),
])
def test_text_longer_than_its_column_is_refused_alike_in_both_databases(db_url, field, value, message):
    from pipeline.errors import ReportError
    from pipeline.records import Goal

    report = Report(source="pitka.csv", sha256="a" * 64, goals=[Goal(goal_id="1.1", goal="Tavoite")])
    setattr(report.goals[0], field, value)
    with pytest.raises(ReportError, match=message):
        store_report(engine_for(db_url), report)
    assert count(db_url, ReportRow) == 0
