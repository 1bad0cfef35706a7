"""``newsgraph cluster``: the distributed job on the command line.

    newsgraph cluster run INPUT... --out DIR [--address ADDR] [--workers N] [--batch-size N] [--no-merge]
    newsgraph cluster merge --out DIR [--address ADDR]
    newsgraph cluster status --out DIR [--errors N]

``cli.py`` adds it with :func:`register`. Without ``--address`` the job starts Ray on this machine
(all its cores, or ``--workers``); ``--address auto`` joins the cluster this machine belongs to and
``--address ray://head:10001`` connects to a remote one: the command is otherwise the same.
``--format json`` prints one JSON object on stdout. Errors go to stderr as ``error: <source>:
<reason>`` (the first few; all of them are in ``OUT/errors``); the exit code is 1 when this run
listed any.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer

MAX_ERROR_LINES = 20


class Format(str, Enum):
    text = "text"
    json = "json"


def _fail(message: str) -> None:
    print("error: " + " ".join(str(message).split()), file=sys.stderr, flush=True)


def _print_errors(out: str, run_id: str | None = None, limit: int = MAX_ERROR_LINES) -> None:
    from .storage import Output

    errors = Output(out).read("errors").to_pylist()
    if run_id is not None:
        errors = [e for e in errors if e["run_id"] == run_id]
    errors.sort(key=lambda e: (e["source"], e["reason"]))
    for e in errors[:limit]:
        _fail(f"{e['source']}: {e['reason']}")
    if len(errors) > limit:
        print(f"... and {len(errors) - limit} more errors in {out}/errors", file=sys.stderr, flush=True)


def _worker_table(report: Any) -> Any:
    from rich.table import Table

    table = Table(title="workers")
    for name in ("host", "pid", "batches", "documents", "busy s", "cpu s", "docs/s", "peak RSS MB"):
        table.add_column(name, justify="left" if name == "host" else "right")
    for w in report.workers:
        rate = w.documents / w.seconds if w.seconds else 0.0
        table.add_row(w.host, str(w.pid), str(w.batches), str(w.documents), f"{w.seconds:.1f}",
                      f"{w.cpu_seconds:.1f}", f"{rate:.2f}", f"{w.peak_rss_mb:.0f}")
    return table


def register(app: typer.Typer) -> None:
    """Add the ``cluster`` sub-app (``run``, ``merge``, ``status``) to ``app``."""
    cluster = typer.Typer(name="cluster", no_args_is_help=True, add_completion=False,
                          help="Run the extraction on Ray (this machine or a cluster) into partitioned Parquet.")

    @cluster.command("run")
    def run_command(
        inputs: Annotated[list[str], typer.Argument(
            metavar="INPUT...", help="Files, directories, globs: text, HTML, JSONL, WARC, Parquet (a `text` "
                                     "column); Parquet may be a URI (s3://...).")],
        out: Annotated[str, typer.Option("--out", "-o", help="Output directory (or URI) for the Parquet datasets.")],
        address: Annotated[Optional[str], typer.Option(
            "--address", help="Ray cluster: `auto`, `ray://host:10001`; default: start Ray on this machine.")] = None,
        workers: Annotated[Optional[int], typer.Option(
            "--workers", "-w", min=1, help="Extraction workers (one spaCy model each); default: one per CPU.")] = None,
        batch_size: Annotated[int, typer.Option(
            "--batch-size", min=1, help="Documents per committed batch (the unit a re-run redoes).")] = 64,
        merge: Annotated[bool, typer.Option(
            "--merge/--no-merge", help="Run the cross-document stage (people, event groups) after the map.")] = True,
        ship_code: Annotated[bool, typer.Option(
            "--ship-code", help="Send this newsgraph package to the cluster's workers (runtime_env).")] = False,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="text: a summary; json: one object.")] = Format.text,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Ray's own log lines.")] = False,
    ) -> None:
        """Extract every document of INPUT... into OUT: one Parquet dataset per table of the store, plus
        `errors` and `skipped`; documents already in OUT are skipped."""
        from .job import run

        progress = None
        if fmt is Format.text and sys.stderr.isatty():
            from rich.console import Console
            from rich.status import Status

            progress = Status("cluster run: starting", console=Console(stderr=True))
            progress.start()
        counts = {"documents": 0, "errors": 0, "batches": 0}

        def on_batch(s: dict[str, Any]) -> None:
            counts["documents"] += s["documents"]
            counts["errors"] += s["errors"]
            counts["batches"] += 1
            if progress is not None:
                progress.update(f"cluster run: {counts['batches']} batches, {counts['documents']} documents, "
                                f"{counts['errors']} errors")

        try:
            report = run(inputs, out, address=address, workers=workers, batch_size=batch_size, merge=merge,
                         ship_code=ship_code, quiet=not verbose, on_batch=on_batch)
        except (ConnectionError, RuntimeError, OSError, ValueError) as exc:
            if progress is not None:
                progress.stop()
            _fail(f"cluster run: {type(exc).__name__}: {exc}")
            raise typer.Exit(1) from None
        if progress is not None:
            progress.stop()
        if report.errors:
            _print_errors(out, report.run_id)
        if fmt is Format.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, default=str))
        else:
            from rich.console import Console

            console = Console(highlight=False)
            if report.workers:
                console.print(_worker_table(report))
            print(report.line())
            extra = (f"{report.batches} batches in {report.map_seconds:.1f} s"
                     + (f", {report.retried_batches} retried" if report.retried_batches else "")
                     + (f", {report.removed_uncommitted} leftover files of an interrupted run removed"
                        if report.removed_uncommitted else ""))
            print(extra)
            if report.merge:
                m = report.merge
                print(f"merge: {m.get('people')} people, {m.get('event_groups')} event groups "
                      f"({m.get('seconds', 0):.1f} s)")
            print(f"output: {report.out}", flush=True)
        raise typer.Exit(1 if report.errors else 0)

    @cluster.command("merge")
    def merge_command(
        out: Annotated[str, typer.Option("--out", "-o", help="Output directory of `cluster run`.")],
        address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (see `run`).")] = None,
        partitions: Annotated[Optional[int], typer.Option(
            "--partitions", min=1, help="Shuffle partitions; default: one per CPU.")] = None,
        ship_code: Annotated[bool, typer.Option("--ship-code", help="See `run`.")] = False,
        fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
        verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
    ) -> None:
        """Rebuild the cross-document datasets of OUT: `people` (speakers merged across the corpus) and
        `event_groups` (sentences that tell one event)."""
        from .job import merge

        try:
            report = merge(out, address=address, partitions=partitions, ship_code=ship_code, quiet=not verbose)
        except FileNotFoundError as exc:
            _fail(str(exc))
            raise typer.Exit(1) from None
        except (ConnectionError, RuntimeError, OSError) as exc:
            _fail(f"cluster merge: {type(exc).__name__}: {exc}")
            raise typer.Exit(1) from None
        if fmt is Format.json:
            print(json.dumps(report, default=str))
        else:
            print(f"merge: {report['batches']} batches -> {report.get('people')} people, "
                  f"{report.get('event_groups')} event groups ({report['seconds']:.1f} s)")

    @cluster.command("status")
    def status_command(
        out: Annotated[str, typer.Option("--out", "-o", help="Output directory of `cluster run`.")],
        errors: Annotated[int, typer.Option("--errors", min=0, help="Also list this many errors.")] = 0,
        fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    ) -> None:
        """What OUT holds: documents done, errors, skipped records, rows per dataset (no Ray needed)."""
        from .storage import Output

        report = status(out)
        if report is None:
            _fail(f"{out}: no such output directory")
            raise typer.Exit(1)
        if fmt is Format.json:
            print(json.dumps(report, default=str))
        else:
            from rich.console import Console
            from rich.table import Table

            table = Table(title=str(Output(out).uri))
            table.add_column("dataset")
            table.add_column("rows", justify="right")
            table.add_column("files", justify="right")
            for name, (rows, files) in report["datasets"].items():
                table.add_row(name, str(rows), str(files))
            console = Console(highlight=False)
            console.print(table)
            print(f"{report['batches']} batches committed: {report['done']['ok']} documents, "
                  f"{report['done']['error']} errors, {report['done']['skipped']} skipped records", flush=True)
        if errors:
            _print_errors(out, limit=errors)

    app.add_typer(cluster, name="cluster")


def status(out: str) -> dict[str, Any] | None:
    """Counts of what an output holds (committed batches only), or None when it does not exist."""
    import pyarrow.parquet as pq

    from .merge import MERGE_SCHEMAS
    from .storage import BATCH_DATASETS, Output

    output = Output(out)
    if not output.exists():
        return None
    manifest = output.manifest()
    done = {"ok": 0, "error": 0, "skipped": 0}
    for st in manifest.column("status").to_pylist():
        done[st] = done.get(st, 0) + 1
    datasets = {}
    for name in (*BATCH_DATASETS, *MERGE_SCHEMAS):
        files = output.files(name)
        rows = sum(pq.ParquetFile(f, filesystem=output.fs).metadata.num_rows for f in files)
        datasets[name] = (rows, len(files))
    return {"out": output.uri, "batches": len(output.committed_batches()), "done": done, "datasets": datasets}
