"""Cost of the flows: Prefect's overhead, how cost grows with report size, and the inbox with 1 and 2 workers.

    .venv/bin/python bench/orchestration.py [--sizes 100 500 2000] [--reports 20] [--goals-per-report 20 100]
                                            [--cli-sizes 100 500 1000 2000] [--cli-runs 3] [--only cli]

(Not named flows.py: as a script it would shadow the ``flows`` package.)

Every measurement runs in a fresh subprocess, so peak memory (ru_maxrss) is
that run's own. "library" is read → analyse → store → write the digest,
called directly (after one untimed warm-up analysis of the seed, as on the
flow side);
"prefect" is the process_report flow doing the same, timed after a warm-up
flow run so the temporary Prefect server's start is not counted (it is
reported on its own). Reports are SYNTHETIC goals written as report JSON.

"analyse --json" times the command as users run it (a new process: start,
model loading, reading, analysis, the JSON written) at several report sizes,
the sizes taking turns --cli-runs times; the marginal rate between the
smallest and the largest report, (n_large - n_small) / (t_large - t_small),
is the goals per second of a long report with the start-up cost taken out,
and the CPU milliseconds per goal between successive sizes show whether the
cost grows linearly. Wall time is what a user waits; CPU time (the process's
own user + system seconds) is what the work costs, unchanged when another
process takes the cores. Peak memory is each run's own (wait4's ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "vantaa_2021_kasvatus_ja_oppiminen.txt"


def write_report(path: Path, n_goals: int, seed: int) -> Path:
    from pipeline.records import Report
    from pipeline.synthetic_corpus import generate_corpus

    goals = [g.goal for g in generate_corpus(n_goals, seed=seed)]
    for i, goal in enumerate(goals):
        goal.goal_id = f"{i // 10 + 1}.{i % 10 + 1}"
    report = Report(source=path.name, sha256="", date="2022-02-01", year=2021, goals=goals)
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def child(mode: str, path: str, db: str) -> None:
    """One measurement, in its own process; prints a JSON line."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from pipeline.analysis import analyse_report
    from pipeline.classify import load_model
    from pipeline.ingest import read_report
    from pipeline.nlp import load_nlp
    from pipeline.store import engine_for, store_report

    load_nlp("fast")
    model = load_model()
    out: dict = {}
    if mode == "library":
        from pipeline.config import digests
        from pipeline.digest import write_digest

        analyse_report(read_report(SEED), model=model)  # warm-up, as the flow side has one
        started = time.perf_counter()
        report = analyse_report(read_report(path), model=model)
        store_report(engine_for(db), report)
        write_digest(report, digests())  # the flow writes it too; only the Prefect artifacts are extra there
        out["seconds"] = time.perf_counter() - started
    elif mode == "prefect":
        from prefect.testing.utilities import prefect_test_harness

        from flows.process import process_report

        started = time.perf_counter()
        with prefect_test_harness():
            out["server_start_seconds"] = time.perf_counter() - started
            process_report(SEED, db_url=db + ".warmup")  # warm-up: engine, model and client caches
            started = time.perf_counter()
            process_report(Path(path), db_url=db)
            out["seconds"] = time.perf_counter() - started
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def scan_child(inbox: str, db: str, workers: int) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    from flows.inbox import scan_inbox
    from flows.runners import make_task_runner

    with prefect_test_harness():
        flow = scan_inbox.with_options(task_runner=make_task_runner("process", workers=workers))
        started = time.perf_counter()
        summary = flow(inbox=Path(inbox), db_url=db)
        took = time.perf_counter() - started
    print(json.dumps({"seconds": took, "stored": len(summary["stored"]),
                      "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def run(*args: str) -> dict:
    # Fresh digest and Prefect result folders: a cached analysis from an earlier run must not be reused.
    env = {**os.environ, "PIPELINE_DIGESTS": tempfile.mkdtemp(prefix="bench-digests-"),
           "PREFECT_LOCAL_STORAGE_PATH": tempfile.mkdtemp(prefix="bench-prefect-")}
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    if done.returncode:
        raise SystemExit(f"measurement {args} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_run(path: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak MB of ``python -m pipeline analyse PATH --json``."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "pipeline", "analyse", str(path), "--json"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"analyse {path} failed:\n{child.stderr.read().decode()[-2000:]}")
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cli_bench(tmp: Path, sizes: list[int], runs: int) -> None:
    sizes = sorted(sizes)
    paths = {n: write_report(tmp / f"cli{n}.json", n, seed=n) for n in sizes}
    wall: dict[int, list[float]] = {n: [] for n in sizes}
    cpu: dict[int, list[float]] = {n: [] for n in sizes}
    peak: dict[int, float] = dict.fromkeys(sizes, 0.0)
    for run in range(runs):
        for n in sizes[run % len(sizes):] + sizes[: run % len(sizes)]:
            took, used, mb = cli_run(paths[n])
            wall[n].append(took)
            cpu[n].append(used)
            peak[n] = max(peak[n], mb)
    print(f"== analyse FILE --json as users run it ({runs} interleaved runs per size; median, min-max)")
    print("   CPU s is the process's own user + system time: what the work costs when the cores are shared")
    print(f"{'goals':>6s} {'wall s':>8s} {'min-max':>13s} {'CPU s':>7s} {'peak MB':>8s} "
          f"{'CPU ms/goal since previous':>27s}")
    median_wall = {n: statistics.median(wall[n]) for n in sizes}
    median_cpu = {n: statistics.median(cpu[n]) for n in sizes}
    previous = None
    for n in sizes:
        step = f"{(median_cpu[n] - median_cpu[previous]) / (n - previous) * 1000:8.2f}" if previous else ""
        print(f"{n:6d} {median_wall[n]:8.2f} {min(wall[n]):6.2f}-{max(wall[n]):<6.2f} {median_cpu[n]:7.2f} "
              f"{peak[n]:8.0f} {step:>27s}")
        previous = n
    small, large = sizes[0], sizes[-1]
    for name, seconds, median in (("wall", wall, median_wall), ("CPU", cpu, median_cpu)):
        rates = [(large - small) / (b - a) for a, b in zip(seconds[small], seconds[large], strict=True) if b > a]
        print(f"marginal rate {small} -> {large} goals, {name} time: "
              f"{(large - small) / (median[large] - median[small]):.0f} goals/s "
              f"(per run: min {min(rates, default=0):.0f}, max {max(rates, default=0):.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--goals-per-report", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--cli-sizes", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--only", choices=["cli"], help="run only the analyse --json measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cli_bench(tmp, args.cli_sizes, args.cli_runs)
        if args.only:
            return
        print()
        print("== process_report: library vs Prefect flow (same work, own process each)")
        print(f"{'report':>22s} {'library s':>9s} {'prefect s':>9s} {'ratio':>6s} {'lib MB':>7s} {'flow MB':>7s}")
        inputs = [("seed (8 goals)", SEED), ("500 goals", write_report(tmp / "r500.json", 500, seed=1))]
        for name, path in inputs:
            lib = run("--child", "library", str(path), f"sqlite:///{tmp / 'lib.sqlite'}")
            flow = run("--child", "prefect", str(path), f"sqlite:///{tmp / 'flow.sqlite'}")
            print(f"{name:>22s} {lib['seconds']:9.2f} {flow['seconds']:9.2f} {flow['seconds'] / lib['seconds']:6.2f} "
                  f"{lib['peak_mb']:7.0f} {flow['peak_mb']:7.0f}")
        print(f"(temporary Prefect server start, not counted above: {flow['server_start_seconds']:.1f} s)")

        print("\n== library: goals per second by report size")
        for n in args.sizes:
            path = write_report(tmp / f"size{n}.json", n, seed=n)
            lib = run("--child", "library", str(path), f"sqlite:///{tmp / f'size{n}.sqlite'}")
            print(f"{n:6d} goals  {lib['seconds']:7.2f} s  {n / lib['seconds']:7.1f} goals/s  "
                  f"peak {lib['peak_mb']:.0f} MB")

        for per_report in args.goals_per_report:
            inbox = tmp / f"inbox{per_report}"
            inbox.mkdir()
            for k in range(args.reports):
                write_report(inbox / f"report_{k:02d}.json", per_report, seed=1000 + k)
            print(f"\n== scan_inbox over {args.reports} reports of {per_report} goals (process pool; "
                  "each worker loads spaCy and the model once)")
            times = {}
            for workers in (1, 2):
                result = run("--scan", str(inbox), f"sqlite:///{tmp / f'scan{per_report}-{workers}.sqlite'}",
                             str(workers))
                times[workers] = result["seconds"]
                print(f"{workers} worker(s): {result['seconds']:6.1f} s, {result['stored']} stored, "
                      f"peak of a worker {result['peak_mb']:.0f} MB")
            print(f"speed-up with 2 workers: {times[1] / times[2]:.2f}x (machine has {os.cpu_count()} cores)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
    elif len(sys.argv) > 1 and sys.argv[1] == "--scan":
        scan_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
