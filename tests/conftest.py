from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def voikko():
    """The real Voikko, loaded once for the session."""
    from pipeline.finnish import voikko as load

    return load()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_report(voikko):
    from pipeline.ingest import read_report

    return read_report(SEED)


@pytest.fixture(scope="session")
def nlp(voikko):
    """The fast spaCy pipeline (the real model and Voikko), loaded once."""
    from pipeline.nlp import load_nlp

    return load_nlp("fast")


@pytest.fixture(scope="session")
def status_model(nlp):
    """A status classifier trained here on 400 SYNTHETIC goals (independent of the shipped model)."""
    from pipeline.training import synthetic_examples, train

    return train(synthetic_examples(400, seed=5), cv_folds=0)


def _postgres_bindir():
    import glob
    import shutil

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server for the session: ``PIPELINE_TEST_POSTGRES_URL``, or a private one started here.

    The private server runs from a temporary data directory (as the
    ``postgres`` user when the tests run as root, since PostgreSQL refuses
    root) on a free local port, and is stopped at the end.
    """
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    url = os.environ.get("PIPELINE_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    bindir = _postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed: apt-get install postgresql (scripts/setup.sh --test does it)")
    base = Path(tempfile.mkdtemp(prefix="pipeline-pg-"))
    run_as = []
    if os.getuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
        os.chmod(base, 0o755)
        shutil.chown(base, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = base / "data"
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"),
                    "-w", "start"], check=True, capture_output=True)
    try:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE pipeline_test")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/pipeline_test"
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One Prefect test server for the whole session (flows need an API), results kept in a temporary folder."""
    import os

    from prefect.testing.utilities import prefect_test_harness

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(tmp_path_factory.mktemp("prefect-results"))
    with prefect_test_harness(server_startup_timeout=180):  # a loaded machine starts it slowly
        yield


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""
    import shutil

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: apt-get install chromium (scripts/setup.sh --test does it).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


#: The two whole financial statements of ``../shared/data/real/`` (read-only, never copied here);
#: ``PIPELINE_REAL_DATA`` names the folder when the repository is checked out elsewhere (a git worktree).
REAL = Path(os.environ.get("PIPELINE_REAL_DATA") or ROOT.parent / "shared" / "data" / "real")


@pytest.fixture(scope="session")
def real_pdf():
    """The path of a real financial statement by city (``seinajoki``, ``kauhava``), or a skip when absent."""

    def path(city: str) -> Path:
        found = REAL / f"{city}_2024_tilinpaatos.pdf"
        if not found.is_file():
            pytest.skip(f"{found} is absent: the real statements live in ../shared/data/real/ beside the "
                        "repository, or in the folder PIPELINE_REAL_DATA names")
        return found

    return path
