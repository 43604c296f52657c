"""Command line: ``python -m pipeline COMMAND ...`` (see ``shared/CONTRACT.md``)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence

from pipeline import config
from pipeline.errors import PipelineError
from pipeline.nlp import MODES
from pipeline.records import Report

MODEL_HELP = "status classifier file (default: PIPELINE_MODEL, else models/status_classifier.skops)"


def _print_table(report: Report) -> None:
    head = f"{report.source}  year {report.year or '?'}  date {report.date or '?'}  {report.n_goals} goals"
    if report.layout and report.pages:
        head += f"  ({report.layout}, pages {report.pages[0]}–{report.pages[1]})"
    print(head)
    print("-" * len(head))
    for goal in report.goals:
        where = f"  [{goal.department}, p. {goal.page}]" if goal.department else ""
        label = goal.status_label or ("(a status per metric)" if goal.metrics else "(no label)")
        status = goal.status or ("-" if goal.metrics else "?")
        print(f"{goal.goal_id or '-':>6}  {status:<14}  {label}{where}")
        for name in ("goal", "metric", "target"):
            value = getattr(goal, name)
            if value:
                short = textwrap.shorten(value.replace("\n", " "), 100, placeholder=" …")
                print(f"{'':>8}{name:<8} {short}")
        for metric in goal.metrics:
            cells = " | ".join(cell or "-" for cell in (metric.name, metric.target, metric.actual))
            short = textwrap.shorten(cells, 90, placeholder=" …")
            print(f"{'':>8}- {metric.status or '?':<14} ({metric.status_label or '-'}) {short}")


def _read(args: argparse.Namespace) -> Report:
    """The report file of ``args``, with ``--encoding`` and ``--pages``; progress shown on a terminal."""
    from pipeline.ingest import read_report

    progress = _show_progress if sys.stderr.isatty() else None
    return read_report(args.file, encoding=args.encoding, pages=args.pages, progress=progress)


def _show_progress(stage: str, done: int, total: int) -> None:
    """``pages read 100/189`` on one line of standard error, redrawn; ``goals found 96`` ends it."""
    if stage == "goals found":
        print(f"\r{stage}: {done}", file=sys.stderr)
    else:
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)


def _cmd_parse(args: argparse.Namespace) -> int:
    return _emit(_read(args), args.json, _print_table)


def _emit(report: Report, as_json: bool, printer) -> int:
    """Warnings to standard error; the document as JSON, or the human-readable ``printer``."""
    _warn(report)
    if as_json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        printer(report)
    return 0


def _warn(report: Report) -> None:
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _analysed(args: argparse.Namespace, mode: str = "fast") -> Report:
    """The report file of ``args`` read and analysed, with the model of ``--model``/``--no-model``."""
    from pipeline.analysis import analyse_report
    from pipeline.classify import load_model

    model = None if args.no_model else load_model(args.model)
    return analyse_report(_read(args), model=model, mode=mode)


def _cmd_analyse(args: argparse.Namespace) -> int:
    return _emit(_analysed(args, args.nlp), args.json, _print_analysis)


def _print_analysis(report: Report) -> None:
    _print_table(report)
    print()
    for goal in report.goals:
        audit = goal.audit
        predicted = goal.prediction.status if goal.prediction else "-"
        print(f"{goal.goal_id or '-':>6}  claimed {goal.status or '?':<8} predicted {predicted:<8} "
              f"{'FLAG ' if goal.flagged else ''}{audit.verdict if audit else ''}")
        for reason in (audit.reasons + audit.notes) if audit else []:
            print(f"{'':>8}- {reason}")
        for metric in goal.metrics:
            # Whole statements: each metric row's own verdict against the city's number.
            row = metric.audit
            page = f"p. {metric.page} " if metric.page else ""
            print(f"{'':>8}{page}{(metric.name or '-')[:60]}: claimed {metric.status_label or '?'} "
                  f"{'FLAG ' if row and row.flagged else ''}{row.verdict if row else ''}")
            if row and (row.flagged or row.graded_unlike_report):
                for reason in row.reasons:
                    print(f"{'':>10}- {reason}")
    print()
    for goal in report.goals:
        for item in goal.figures:
            extra = " ".join(str(x) for x in (item.unit, item.qualifier, item.direction) if x)
            print(f"{goal.goal_id or '-':>6}  {item.field:<13} {item.kind:<8} {item.value!s:<24} "
                  f"{extra:<28} {item.text}")


def _cmd_train(args: argparse.Namespace) -> int:

    from pipeline.classify import save_model
    from pipeline.training import load_examples, synthetic_examples, train

    data = args.data or [str(config.SAMPLES)]
    loaded = load_examples(data)
    for message in loaded.skipped:
        print(f"warning: skipped {message}", file=sys.stderr)
    examples = list(loaded.examples)
    sources = list(loaded.sources)
    if args.synthetic:
        examples += synthetic_examples(args.synthetic, seed=args.seed)
        sources.append({"name": f"SYNTHETIC corpus (pipeline.synthetic_corpus, seed {args.seed})",
                        "goals": args.synthetic, "kind": "synthetic, labelled by its evidence"})
    if args.db:
        from pipeline.training import database_examples, prefer

        stored = database_examples(_engine(args))
        examples = prefer(stored, examples)
        sources.append({"name": "database (analysts' corrections applied)", "goals": len(stored),
                        "kind": "stored reports"})
    model = train(examples, sources=sources)
    path = save_model(model, args.out)
    if args.db:
        from pipeline.store import record_model

        record_model(_engine(args), model.version, str(path.resolve()), model.card)
    scores = model.card.get("cross_validation") or {}
    print(f"trained on {len(examples)} goals in {model.card['training_seconds']} s; "
          f"cross-validated accuracy {scores.get('accuracy', '-')}, macro-F1 {scores.get('macro_f1', '-')}")
    print(f"wrote {path} and {path.with_suffix('.card.md')}")
    return 0


def _cmd_scan(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    # No telemetry from the temporary Prefect server: only the package registries are reachable.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

    from flows.inbox import scan_inbox
    from flows.runners import make_task_runner

    inbox = Path(args.inbox)
    if not inbox.is_dir():
        raise PipelineError(f"{inbox}: not a folder; give the inbox folder that receives report files.")
    from pipeline.config import database_url
    from pipeline.store import check_database

    check_database(database_url(args.db))  # one line before any file is read, not a flow's traceback
    flow = scan_inbox.with_options(task_runner=make_task_runner(args.runner, args.workers))
    summary = flow(inbox=inbox, db_url=args.db, quarantine=Path(args.quarantine) if args.quarantine else None,
                   model_path=args.model)
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return _storage_outcome(summary)
    for name in summary["stored"]:
        print(f"stored      {name}")
    for name in summary["already stored"]:
        print(f"unchanged   {name} (already stored)")
    for name in summary["changed"]:
        print(f"later       {name} (changed while scanned)")
    for item in summary["failed"]:
        print(f"failed      {item['file']}: {item['error']}")
    for name in summary["elsewhere"]:
        print(f"elsewhere   {name} (moved by another scan running at the same time)")
    for item in summary["not stored"]:
        print(f"not stored  {item['file']}: {item['error']}")
    print(f"{len(summary['stored'])} stored, {len(summary['already stored'])} already stored, "
          f"{len(summary['failed'])} failed, {len(summary['not stored'])} left in the inbox")
    if summary.get("overview"):
        print(f"overview of every stored report: {summary['overview']}")
    return _storage_outcome(summary)


def _storage_outcome(summary: dict) -> int:
    """Exit code of a scan: 2 when files were left in the inbox because the database could not take them."""
    if summary["not stored"]:
        raise PipelineError(f"{len(summary['not stored'])} file(s) were left in the inbox because the database could "
                            f"not be written: {summary['not stored'][0]['error']}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    import pandas as pd

    from pipeline.cells import neutralise_frame
    from pipeline.store import export_tables

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    frames = export_tables(_engine(args))
    written = []
    if args.format == "xlsx":
        path = out / "export.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in frames.items():
                neutralise_frame(frame).to_excel(writer, sheet_name=name, index=False)  # report text, never formulas
        written.append(path)
    else:
        for name, frame in frames.items():
            path = out / f"{name}.{args.format}"
            if args.format == "csv":
                # CRLF rows (RFC 4180): a cell holding a lone carriage return is then quoted, not a new row.
                neutralise_frame(frame).to_csv(path, index=False, lineterminator="\r\n")
            else:
                frame.to_parquet(path, index=False)
            written.append(path)
    for path in written:
        print(f"wrote {path}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from pipeline.digest import write_digest

    source_path = None
    if args.stored == "all":
        from pipeline.overview import write_overview
        from pipeline.store import latest_report_ids, load_report

        engine = _engine(args)
        reports = [load_report(engine, report_id, reviewed=True) for report_id in latest_report_ids(engine)]
        print(f"wrote {write_overview(reports, args.out)} ({len(reports)} reports, each with its digest)")
        return 0
    if args.stored is not None:
        from pipeline.store import load_report

        if not args.stored.isdigit():
            raise PipelineError(f"report: --stored {args.stored!r} is not a report id; give a number such as "
                                "--stored 3, or --stored all for the overview of every stored report.")
        report = load_report(_engine(args), int(args.stored), reviewed=True)
    elif args.file:
        report = _analysed(args)
        source_path = args.file
    else:
        raise PipelineError("report: give a report FILE, or --stored ID for a report in the database.")
    _warn(report)
    for path in write_digest(report, args.out, source_path=source_path):
        print(f"wrote {path}")
    return 0


def _engine(args: argparse.Namespace):
    """The database of ``--db``, ``PIPELINE_DATABASE_URL`` or the default SQLite file."""
    from pipeline.store import engine_for

    return engine_for(config.database_url(args.db))


def _cmd_review_export(args: argparse.Namespace) -> int:
    from pipeline.review import export_workbook

    path = export_workbook(_engine(args), args.out, report_id=args.report, flagged_only=args.flagged_only)
    print(f"wrote {path}")
    return 0


def _cmd_review_import(args: argparse.Namespace) -> int:
    from pipeline.review import import_workbook

    stored = import_workbook(_engine(args), args.file, reviewer=args.reviewer)
    print(f"stored {stored} decision(s) from {args.file}" + ("" if stored else " (nothing new)"))
    return 0


def _cmd_review_serve(args: argparse.Namespace) -> int:
    from pipeline.webapp import serve

    serve(_engine(args), token=config.review_token(), port=args.port, reviewer=config.reviewer(args.reviewer))
    return 0


def _cmd_review_models(args: argparse.Namespace) -> int:
    from pipeline.review import model_accuracy_on_reviewed
    from pipeline.store import models

    engine = _engine(args)
    results = model_accuracy_on_reviewed(engine, [*models(engine), ("current default", config.model_path())])
    if not results:
        print("No reviewed goals yet: correct some statuses (review import or review serve) first.")
        return 0
    print(f"{'model version':32s} {'reviewed goals':>14s} {'accuracy':>9s}")
    for row in results:
        accuracy = f"{row['accuracy']:.3f}" if row["accuracy"] is not None else "-"
        print(f"{row['version']:32s} {row['reviewed']:14d} {accuracy:>9s}  {row['note']}")
    return 0


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from pipeline.store import upgrade

    before, after = upgrade(config.database_url(args.db))
    if before == after:
        print(f"the database is at the current schema ({after}); nothing to do")
    else:
        print(f"upgraded the database from schema {before or '(none)'} to {after}")
    return 0


def _reading_options(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--pages``: how to read a report file."""
    parser.add_argument("--encoding", help="text encoding of a .txt/.csv file (default UTF-8), e.g. cp1252")
    parser.add_argument("--pages", metavar="PAGES",
                        help="PDF pages to read instead of the binding-targets section found, e.g. 58-113")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="read a report into goal records")
    parse.add_argument("file", help="a .pdf, .txt (text extracted from a report PDF), .csv, .xlsx or .json file")
    parse.add_argument("--json", action="store_true", help="print the report document as JSON")
    _reading_options(parse)
    parse.set_defaults(handler=_cmd_parse)

    analyse = commands.add_parser("analyse", help="read a report and find its figures, status and audit")
    analyse.add_argument("file", help="a report file, as for parse")
    analyse.add_argument("--json", action="store_true", help="print the analysed report document as JSON")
    _reading_options(analyse)
    analyse.add_argument("--nlp", choices=MODES, default="fast",
                         help="spaCy configuration: fast (default; no parser or NER) or full")
    analyse.add_argument("--model", help=MODEL_HELP)
    analyse.add_argument("--no-model", action="store_true", help="audit with the rules only, no classifier")
    analyse.set_defaults(handler=_cmd_analyse)

    train = commands.add_parser("train", help="train the status classifier from labelled reports")
    train.add_argument("data", nargs="*", help="labelled report files or folders (default: data/samples)")
    train.add_argument("--out", required=True, help="model file to write (.skops); a model card is written beside it")
    train.add_argument("--synthetic", type=int, default=1500, metavar="N",
                       help="add N SYNTHETIC labelled goals (default 1500; 0 for none)")
    train.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    train.add_argument("--db", help="also train on the database's stored goals, analysts' corrections over labels")
    train.set_defaults(handler=_cmd_train)

    report = commands.add_parser("report", help="write the analyst's digest of a report as HTML and Markdown")
    report.add_argument("file", nargs="?", help="a report file, as for parse")
    report.add_argument("--out", required=True, help="folder for <report name>.html and .md")
    report.add_argument("--stored", metavar="ID|all",
                        help="instead of a file: the stored report with this id, with analysts' corrections; "
                             "'all': the overview of every stored report (index.html) and each one's digest")
    report.add_argument("--db", help="SQLAlchemy database URL for --stored")
    _reading_options(report)
    report.add_argument("--model", help=MODEL_HELP)
    report.add_argument("--no-model", action="store_true", help="audit with the rules only, no classifier")
    report.set_defaults(handler=_cmd_report)

    scan = commands.add_parser("scan", help="process every new report file of a folder once, through the flow")
    scan.add_argument("inbox", help="folder of report files")
    scan.add_argument("--db", help="SQLAlchemy database URL (default: PIPELINE_DATABASE_URL or data/pipeline.sqlite)")
    scan.add_argument("--quarantine", help="folder for files that fail (default: quarantine/ beside the inbox)")
    scan.add_argument("--model", help=MODEL_HELP)
    scan.add_argument("--runner", choices=("process", "thread", "dask"), help="task runner (PIPELINE_TASK_RUNNER)")
    scan.add_argument("--workers", type=int, help="parallel workers (PIPELINE_WORKERS, default 2)")
    scan.add_argument("--json", action="store_true", help="print what happened as JSON")
    scan.set_defaults(handler=_cmd_scan)

    review = commands.add_parser("review", help="analyst review: workbook round trip, web app, model versions")
    actions = review.add_subparsers(dest="review_command", required=True)
    db_help = "SQLAlchemy database URL (default: PIPELINE_DATABASE_URL or data/pipeline.sqlite)"
    review_export = actions.add_parser("export", help="write the review workbook")
    review_export.add_argument("--out", required=True, help="the .xlsx file to write")
    review_export.add_argument("--report", type=int, help="only the stored report with this id")
    review_export.add_argument("--flagged-only", action="store_true", help="only flagged claims")
    review_export.add_argument("--db", help=db_help)
    review_export.set_defaults(handler=_cmd_review_export)
    review_import = actions.add_parser("import", help="check and store the decisions of an edited workbook")
    review_import.add_argument("file", help="the edited .xlsx file")
    review_import.add_argument("--reviewer", help="reviewer for rows whose 'tarkastaja' is empty")
    review_import.add_argument("--db", help=db_help)
    review_import.set_defaults(handler=_cmd_review_import)
    review_serve = actions.add_parser("serve", help="the review web app on 127.0.0.1 (PIPELINE_REVIEW_TOKEN)")
    review_serve.add_argument("--port", type=int, default=8765)
    review_serve.add_argument("--reviewer", help="name stored with decisions (PIPELINE_REVIEWER)")
    review_serve.add_argument("--db", help=db_help)
    review_serve.set_defaults(handler=_cmd_review_serve)
    review_models = actions.add_parser("models", help="accuracy of each model version on the reviewed goals")
    review_models.add_argument("--db", help=db_help)
    review_models.set_defaults(handler=_cmd_review_models)

    db = commands.add_parser("db", help="the database's schema")
    db_actions = db.add_subparsers(dest="db_command", required=True)
    db_upgrade = db_actions.add_parser("upgrade", help="bring the database to the current schema, keeping every row")
    db_upgrade.add_argument("--db", help=db_help)
    db_upgrade.set_defaults(handler=_cmd_db_upgrade)

    export = commands.add_parser("export", help="goals, indicators and audit results from the database")
    export.add_argument("--format", choices=("csv", "xlsx", "parquet"), default="csv")
    export.add_argument("--out", required=True, help="folder to write to")
    export.add_argument("--db", help="SQLAlchemy database URL (default: PIPELINE_DATABASE_URL or data/pipeline.sqlite)")
    export.set_defaults(handler=_cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `head`) closed the pipe: not an error of ours.
        sys.stdout = None
        return 0
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
