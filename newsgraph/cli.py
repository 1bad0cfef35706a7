"""The ``newsgraph`` command line: ingest pages into a SQLite store, then query it.

    newsgraph ingest examples/                # read, extract, store
    newsgraph articles --search strike        # list articles (row numbers for `show`)
    newsgraph show 1                          # one article, quotes highlighted per speaker
    newsgraph quotes --speaker oyelaran --format json
    newsgraph speakers --limit 10

``--format json`` writes one JSON object per line and ``--format csv`` a CSV table,
both to stdout with nothing else there; messages and errors go to stderr.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.store import Store, StoreError, describe, is_postgres_url, open_store, parse_since

app = typer.Typer(
    name="newsgraph",
    help="Who said what, according to whom: attributed quotes from raw news pages, in SQLite.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_DB = "newsgraph.db"

ARTICLE_KEYS = ("n", "id", "headline", "published", "dateline", "truncated", "source", "url", "quotes", "copy_of",
                "copies")
QUOTE_KEYS = ("id", "article", "text", "type", "cue", "stance", "speaker", "speaker_role",
              "speaker_mention", "speaker_phrase", "addressee", "start", "end", "statement")
SPEAKER_KEYS = ("name", "kind", "quotes", "articles", "roles")

# colours for speakers in `show`, in order of first appearance
PALETTE = ("cyan", "magenta", "green", "yellow", "bright_blue", "red", "bright_cyan",
           "bright_magenta", "bright_green", "dark_orange", "orchid", "spring_green2")


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


@dataclass
class State:
    db: str  # a SQLite file or a postgresql:// URL (a Path would fold the URL's //)


# -- helpers --------------------------------------------------------------------------------

def _stdout() -> Console:
    return Console(highlight=False)


def _error(message: str, console: Console | None = None) -> None:
    """One line on stderr: ``error: <message>``, never wrapped nor parsed as markup."""
    line = "error: " + " ".join(str(message).split())
    if console is not None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        print(line, file=sys.stderr, flush=True)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if isinstance(exc, (ValueError, OSError)) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open_store(ctx: typer.Context, *, must_exist: bool = True) -> Store:
    db = str(ctx.obj.db)
    if must_exist and not is_postgres_url(db) and db != ":memory:" and not Path(db).exists():
        _error(f"{db}: no such database (run `newsgraph ingest PATH...` first)")
        raise typer.Exit(1)
    try:
        return open_store(db)
    except (StoreError, sqlite3.Error, OSError) as exc:  # not a database, locked, cannot connect, ...
        _error(f"{describe(db)}: {_reason(exc)}")
        raise typer.Exit(1) from None


def _since(value: str | None) -> str | None:
    try:
        return parse_since(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from None


def _cell(value: Any) -> Text:
    if isinstance(value, Text):
        return value
    if value is None:
        return Text("")
    if isinstance(value, bool):
        return Text("yes" if value else "")
    if isinstance(value, (list, tuple)):
        return Text("; ".join(str(v) for v in value))
    return Text(str(value))


def _write_json_lines(rows: Iterable[dict[str, Any]], keys: Sequence[str]) -> None:
    out = sys.stdout
    for row in rows:
        out.write(json.dumps({k: row.get(k) for k in keys}, ensure_ascii=False) + "\n")
    out.flush()


def _write_csv(rows: Iterable[dict[str, Any]], keys: Sequence[str]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        values = []
        for k in keys:
            v = row.get(k)
            if isinstance(v, (list, tuple)):
                v = "; ".join(str(x) for x in v)
            elif isinstance(v, bool):
                v = "true" if v else "false"
            values.append("" if v is None else v)
        writer.writerow(values)
    sys.stdout.flush()


def _output(rows: list[dict[str, Any]], keys: Sequence[str], fmt: ListFormat, table: Table,
            cells: Any, empty: str) -> None:
    if fmt is ListFormat.json:
        _write_json_lines(rows, keys)
    elif fmt is ListFormat.csv:
        _write_csv(rows, keys)
    else:
        if not rows:
            print(empty, file=sys.stderr)
            return
        for row in rows:
            table.add_row(*(_cell(v) for v in cells(row)))
        _stdout().print(table)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- commands -------------------------------------------------------------------------------

@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[str, typer.Option(
        "--db", envvar="NEWSGRAPH_DB", metavar="PATH|URL",
        help="SQLite database file, or a postgresql://user@host/dbname URL (env NEWSGRAPH_DB).")] = DEFAULT_DB,
) -> None:
    ctx.obj = State(db=db)


@dataclass
class _Tally:
    read: int = 0
    new: int = 0
    skipped: int = 0
    failed: int = 0
    articles: int = 0
    quotes: int = 0
    not_articles: dict[str, int] | None = None  # archive records that hold no article, by reason

    def line(self) -> str:
        line = (f"{self.read} documents read: {self.new} new, {self.skipped} skipped, "
                f"{self.failed} failed; {self.articles} articles, {self.quotes} quotes")
        if self.not_articles:
            reasons = ", ".join(f"{k} {v}" for k, v in sorted(self.not_articles.items(), key=lambda kv: (-kv[1], kv[0])))
            line += f"; {sum(self.not_articles.values())} archive records not articles ({reasons})"
        return line


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Files, directories, glob patterns, or - for standard input.")],
) -> None:
    """Read pages, extract articles and quotes, and store what is new.

    Documents already in the database are skipped before any processing. Each input that
    fails prints one line `error: <source>: <reason>` on stderr and the batch goes on;
    the exit code is 1 when anything failed.
    """
    from newsgraph.readers import ReadError, read_paths
    from newsgraph.readers.errors import Skipped

    try:
        from newsgraph.pipeline import process_many
    except ImportError as exc:
        _error(f"newsgraph.pipeline: {_reason(exc)}")
        raise typer.Exit(1) from None

    store = _open_store(ctx, must_exist=False)
    tally = _Tally()
    progress = None
    task = None
    err_console = None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        err_console = Console(stderr=True)
        progress = Progress(
            SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=24),
            TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
            console=err_console, transient=True,
        )
        task = progress.add_task("ingest", total=None, status="")

    def advance() -> None:
        if progress is not None:
            progress.update(task, status=tally.line().replace(" documents read", " read"))

    def fail(source: str, reason: str) -> None:
        tally.failed += 1
        _error(f"{source}: {reason}", progress.console if progress is not None else None)
        advance()

    seen: set[str] = set()

    def fresh() -> Iterator[Any]:
        """Documents to process: read errors reported, known documents skipped."""
        for item in read_paths(paths):
            if isinstance(item, Skipped):  # a WARC record that is no article page: counted, not an error
                tally.not_articles = tally.not_articles or {}
                tally.not_articles[item.category] = tally.not_articles.get(item.category, 0) + 1
                continue
            tally.read += 1
            if isinstance(item, ReadError):
                fail(item.source, item.reason)
                continue
            if item.id in seen or store.has_document(item.id):
                tally.skipped += 1
                advance()
                continue
            seen.add(item.id)
            yield item

    interrupted = False
    try:
        if progress is not None:
            progress.start()
        for document, result in process_many(fresh()):
            if isinstance(result, BaseException):
                fail(document.source, _reason(result))
                continue
            try:
                added = store.add(document, result)
            except Exception as exc:  # noqa: BLE001 - one document never stops the batch
                fail(document.source, _reason(exc))
                continue
            if added:
                tally.new += 1
                tally.articles += len(result)
                tally.quotes += sum(len(a.quotes) for a in result)
            else:
                tally.skipped += 1
            advance()
    except KeyboardInterrupt:
        interrupted = True
    except Exception as exc:  # noqa: BLE001 - the pipeline itself broke: report, keep what is stored
        fail("ingest", _reason(exc))
    finally:
        if progress is not None:
            progress.stop()
        dup_line = ""
        if tally.new and not interrupted:
            try:  # wire copies among all stored articles: counted once from now on
                found = store.mark_duplicates()
                if found["copies"]:
                    dup_line = f"; {found['copies']} near-copies of {found['clusters']} articles"
            except Exception as exc:  # noqa: BLE001 - the documents are stored; say what failed
                _error(f"near-duplicates: {_reason(exc)}")
        store.close()
    print(tally.line() + dup_line + (" (interrupted)" if interrupted else ""), flush=True)
    if interrupted:
        raise typer.Exit(130)
    raise typer.Exit(1 if tally.failed else 0)


@app.command()
def articles(
    ctx: typer.Context,
    search: Annotated[Optional[str], typer.Option(
        "--search", "-s", help="Full-text search in headline and body (all words must match; "
        '"a phrase", prefix*).')] = None,
    since: Annotated[Optional[str], typer.Option(
        help="Only articles published on or after this date (YYYY-MM-DD).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List stored articles; `#` is the number `show` and `quotes --article` accept."""
    since_s = _since(since)
    with _open_store(ctx) as store:
        rows = store.articles(search=search, since=since_s, limit=limit)
    table = Table()
    for name, kw in (("#", {"justify": "right"}), ("Published", {"no_wrap": True}),
                     ("Headline", {}), ("Dateline", {"max_width": 20}),
                     ("Quotes", {"justify": "right"}),
                     ("Source", {"overflow": "fold", "max_width": 32})):
        table.add_column(name, **kw)

    def headline(r: dict[str, Any]) -> Text:
        t = Text(r["headline"] or "(no headline)", style="" if r["headline"] else "dim")
        if r["truncated"]:
            t.append(" (cut off)", style="dim")
        return t

    _output(rows, ARTICLE_KEYS, fmt, table,
            lambda r: (r["n"], (r["published"] or "")[:10], headline(r), r["dateline"],
                       r["quotes"], r["source"]),
            "no articles")


@app.command()
def show(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(metavar="ARTICLE",
                                           help="Article row number (as `articles` shows) or id.")],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.text,
) -> None:
    """Show one article with its quotes highlighted per speaker, and who said what."""
    with _open_store(ctx) as store:
        art = store.article(article)
    if art is None:
        _error(f"no article {article!r} (see `newsgraph articles`)")
        raise typer.Exit(1)
    if fmt is ShowFormat.json:
        sys.stdout.write(json.dumps(art, ensure_ascii=False, indent=2) + "\n")
        return
    console = _stdout()
    for renderable in render_article(art):
        console.print(renderable)


def _speaker_styles(quotes: list[dict[str, Any]]) -> dict[str | None, str]:
    styles: dict[str | None, str] = {None: "italic underline"}
    for q in quotes:
        name = q["speaker"]
        if name not in styles:
            styles[name] = PALETTE[(len(styles) - 1) % len(PALETTE)]
    return styles


CLOSING = "\"'”’»›)"


def _marked(page: str, start: int, end: int, marks: list[tuple[int, int, str, str | None]]) -> Text:
    """``page[start:end]`` with every mark (s, e, style, label) styled and labelled at its end."""
    text = Text(page[start:end])
    labels: list[tuple[int, str, str]] = []
    for s, e, style, label in marks:
        a, b = max(s, start), min(e, end)
        if a < b:
            text.stylize(style, a - start, b - start)
        if label and start < e <= end:
            at = e
            while at < end and page[at] in CLOSING:  # after the closing quotation mark
                at += 1
            labels.append((at - start, label, style))
    if not labels:
        return text
    out = Text()
    pos = 0
    for at, label, style in sorted(labels, key=lambda x: x[0]):
        out.append_text(text[pos:at])
        out.append(f"[{label}]", style=f"dim {style}")
        pos = at
    out.append_text(text[pos:])
    return out


def render_article(art: dict[str, Any]) -> list[Any]:
    """Rich renderables for `show`: the article, then the table of who said what."""
    page: str = art["text"]
    quotes: list[dict[str, Any]] = art["quotes"]
    styles = _speaker_styles(quotes)
    marks: list[tuple[int, int, str, str | None]] = [
        (q["start"], q["end"], styles[q["speaker"]], str(i)) for i, q in enumerate(quotes, 1)
    ]
    if art.get("dateline_start") is not None:
        marks.append((art["dateline_start"], art["dateline_end"], "bold", None))

    out: list[Any] = []
    meta = [x for x in ((art.get("published") or "")[:10],
                        f"updated {art['updated'][:10]}"
                        if art.get("updated") and art["updated"][:10] != (art.get("published") or "")[:10]
                        else "",
                        art.get("dateline") or "", art.get("source") or "") if x]
    paragraphs = art["paragraphs"]
    headline = [p for p in paragraphs if p["kind"] == "headline"]
    if headline:
        title = _marked(page, headline[0]["start"], headline[0]["end"], marks)
        title.stylize("bold", 0, len(title))
        out.append(title)
    else:
        out.append(Text(f"Article {art['n']}", style="bold"))
    out.append(Text(" · ".join(meta), style="dim"))
    out.append(Text(""))
    body_seen = False
    for p in paragraphs:
        if p["kind"] == "headline":
            continue
        t = _marked(page, p["start"], p["end"], marks)
        if p["kind"] == "bullet":
            out.append(Text("  • ").append_text(t))
        elif p["kind"] == "caption":
            t.stylize("italic dim")
            if art.get("credit"):
                t.append(f" ({art['credit']})", style="dim")
            out.append(t)
            out.append(Text(""))
        else:
            if not body_seen and out and str(out[-1]) != "":
                out.append(Text(""))
            body_seen = True
            out.append(t)
    if not paragraphs:  # no layout parts: the raw span of the article
        out.append(_marked(page, art["start"], art["end"], marks))
    if art.get("truncated"):
        out.append(Text("[article cut off in the source]", style="dim italic"))
    out.append(Text(""))

    if not quotes:
        out.append(Text("No quotes found.", style="dim"))
        return out
    # a list rather than a table: it reads at any terminal width
    out.append(Text("Who said what", style="bold"))
    for i, q in enumerate(quotes, 1):
        style = styles[q["speaker"]]
        line = Text(f"[{i}] ", style="dim").append(q["speaker"] or "(unknown)", style=f"bold {style}")
        mention = q.get("speaker_mention")
        if mention and q["speaker"] and q["speaker"].lower() not in mention.lower():
            line.append(f" ({mention})", style="dim")
        details = [q["speaker_role"], (q["cue"] or "") + (f" \u2192 {q['addressee']}" if q["addressee"] else ""),
                   q["type"]]
        line.append("  " + " \u00b7 ".join(d for d in details if d), style="dim")
        out.append(line)
        out.append(Text("    \u201c" + _short(q["text"]) + "\u201d", style=style))
    return out


@app.command()
def quotes(
    ctx: typer.Context,
    speaker: Annotated[Optional[str], typer.Option(
        "--speaker", help="Speaker name contains this (case-insensitive).")] = None,
    search: Annotated[Optional[str], typer.Option(
        "--search", "-s", help="Full-text search in quote text and speaker.")] = None,
    since: Annotated[Optional[str], typer.Option(
        help="Only articles published on or after this date (YYYY-MM-DD).")] = None,
    article: Annotated[Optional[str], typer.Option(
        "--article", "-a", metavar="ARTICLE", help="Only this article (row number or id).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List quotes: who said what, with cue and role."""
    since_s = _since(since)
    with _open_store(ctx) as store:
        if article is not None and store.article(article) is None:
            _error(f"no article {article!r} (see `newsgraph articles`)")
            raise typer.Exit(1)
        rows = store.quotes(speaker=speaker, search=search, since=since_s, article=article,
                            limit=limit)
    table = Table()
    for name, kw in (("Art", {"justify": "right"}), ("Speaker", {"max_width": 26}),
                     ("Role", {"max_width": 26}), ("Cue", {"max_width": 16}), ("Type", {}),
                     ("Quote", {})):
        table.add_column(name, **kw)
    _output(rows, QUOTE_KEYS, fmt, table,
            lambda r: (r["article_n"], r["speaker"], r["speaker_role"], r["cue"], r["type"],
                       _short(r["text"])),
            "no quotes")


@app.command()
def speakers(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List speakers, most quoted first, with the roles seen."""
    with _open_store(ctx) as store:
        rows = store.speakers(limit=limit)
    table = Table()
    for name, kw in (("Speaker", {"max_width": 32}), ("Kind", {}),
                     ("Quotes", {"justify": "right"}), ("Articles", {"justify": "right"}),
                     ("Roles", {})):
        table.add_column(name, **kw)
    _output(rows, SPEAKER_KEYS, fmt, table,
            lambda r: (r["name"], r["kind"], r["quotes"], r["articles"], r["roles"]),
            "no speakers")


FIGURE_KEYS = ("id", "value", "unit", "what", "qualifier", "source", "article", "start", "end",
               "value_high", "text", "published")


@app.command()
def figures(
    ctx: typer.Context,
    about: Annotated[Optional[str], typer.Option("--about", help="What is counted, or the figure's text, contains this.")] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article (id or number).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Only this unit (count, percent, USD, ...).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Only articles whose text matches (full-text).")] = None,
    grouped: Annotated[bool, typer.Option("--grouped", help="One row per quantity reported in several places, "
                                                              "with its values over time and whether sources disagree.")] = False,
) -> None:
    """Figures given in the articles: number, unit, what is counted, qualifier and source."""
    if grouped:
        with _open_store(ctx) as store:
            groups = store.figure_groups(about=about, search=search)
        _figure_groups(groups[:limit] if limit is not None else groups, fmt)
        return
    with _open_store(ctx) as store:
        rows = store.figures(about=about, article=article, unit=unit, limit=limit, search=search)
    table = Table()
    for name, kw in (("Value", {"justify": "right", "no_wrap": True}), ("Unit", {"no_wrap": True}),
                     ("What", {"max_width": 28}), ("Qualifier", {}), ("Source", {"max_width": 24}),
                     ("#", {"justify": "right"}), ("Date", {"no_wrap": True})):
        table.add_column(name, **kw)

    def value(r):
        return _number(r["value"]) + (f"\u2013{_number(r['value_high'])}" if r["value_high"] is not None else "")

    _output(rows, FIGURE_KEYS, fmt, table,
            lambda r: (value(r), r["unit"], r["what"], r["qualifier"], r["source"], r["article_n"],
                       (r["published"] or "")[:10]),
            "no figures")


def _figure_groups(groups: list[dict[str, Any]], fmt: ListFormat) -> None:
    if fmt is not ListFormat.table:
        keys = ("unit", "what", "reports", "min", "max", "disagree", "sources", "values")
        (_write_json_lines if fmt is ListFormat.json else _write_csv)(groups, keys)
        return
    if not groups:
        _stdout().print(Text("no quantity is reported more than once", style="dim"))
        return
    out = _stdout()
    for g in groups:
        head = Text(f"{g['what']} ({g['unit']})", style="bold")
        head.append(f"  {g['reports']} reports", style="dim")
        if g["disagree"]:
            head.append("  sources disagree", style="bold red")
        out.print(head)
        for v in g["values"][-12:]:
            n = _number(v["value"]) + (f"\u2013{_number(v['value_high'])}" if v["value_high"] is not None else "")
            qual = (v["qualifier"] or "").rjust(10)
            out.print(Text(f"  {(v['published'] or '')[:10]:10}  {qual} {n:>12}  {v['source'] or '(no source)'}"))
        if len(g["values"]) > 12:
            out.print(Text(f"  ... and {len(g['values']) - 12} earlier reports", style="dim"))


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


@app.command()
def claims(
    ctx: typer.Context,
    contested: Annotated[bool, typer.Option("--contested/--all", help="Claims that someone disputes.")] = True,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Contested claims: a statement and the denials that dispute it, with their sources."""
    with _open_store(ctx) as store:
        rows = store.claims(contested=contested, limit=limit)
    if fmt is not ListFormat.table:
        keys = ("id", "claim", "claimant", "stance", "disputed_by", "article", "published")
        (_write_json_lines if fmt is ListFormat.json else _write_csv)(rows, keys)
        return
    out = _stdout()
    if not rows:
        out.print(Text("no contested claims", style="dim"))
    for c in rows:
        out.print(Text(c["claimant"] or "(claim stated in the denial)", style="bold")
                  .append(f"  {c['stance']} \u00b7 {(c['published'] or '')[:10]}", style="dim"))
        out.print(Text("    \u201c" + _short(c["claim"]) + "\u201d"))
        for d in c["disputed_by"]:
            line = Text(f"  disputed by {d['claimant'] or '(unknown)'}", style="red")
            if d["claim"] != c["claim"]:
                line.append(": \u201c" + _short(d["claim"]) + "\u201d", style="default")
            out.print(line)


@app.command()
def orgs(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Organisations: those quoted, and those that people's roles name, with the people affiliated."""
    with _open_store(ctx) as store:
        rows = store.orgs(limit=limit)
    table = Table()
    for name, kw in (("Organisation", {"max_width": 36}), ("Also named", {"max_width": 20}),
                     ("Quotes", {"justify": "right"}), ("Quoted in", {"justify": "right"}),
                     ("Named in", {"justify": "right"}), ("People", {})):
        table.add_column(name, **kw)
    _output(rows, ("name", "aliases", "quotes", "articles", "mentioned_in", "people"), fmt, table,
            lambda r: (r["name"], ", ".join(r["aliases"]), r["quotes"], r["articles"], r["mentioned_in"],
                       ", ".join(r["people"])), "no organisations")


PEOPLE_KEYS = ("name", "aliases", "quotes", "articles", "roles")


def _role_line(r: dict[str, Any]) -> str:
    return r["role"] + (f" ({r['date']})" if r.get("date") else "")


@app.command()
def people(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """People across all articles (names merged: `Donald J. Trump` = `Trump` when only one Trump is known)."""
    with _open_store(ctx) as store:
        rows = store.people(limit=limit)
    table = Table()
    for name, kw in (("Person", {"max_width": 32}), ("Also named", {"max_width": 30}),
                     ("Quotes", {"justify": "right"}), ("Articles", {"justify": "right"}), ("Roles", {})):
        table.add_column(name, **kw)
    _output(rows, PEOPLE_KEYS, fmt, table,
            lambda r: (r["name"], ", ".join(r["aliases"]), r["quotes"], r["articles"],
                       "; ".join(dict.fromkeys(x["role"] for x in r["roles"]))),
            "no people")


@app.command()
def person(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name, surname or alias.")],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="text or json.")] = ShowFormat.text,
    quotes: Annotated[int, typer.Option("--quotes", min=0, help="How many recent quotes to show.")] = 10,
) -> None:
    """One person: names, roles over time, organisations and what they said."""
    with _open_store(ctx) as store:
        data = store.person(name, quotes=quotes)
    if data is None:
        _error(f"no person matches {name!r}")
        raise typer.Exit(1)
    if fmt is ShowFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        return
    out = _stdout()
    out.print(Text(data["name"], style="bold"))
    if data["aliases"]:
        out.print(Text("also named: " + ", ".join(data["aliases"]), style="dim"))
    out.print(Text(f"{data['quotes']} quotes in {data['articles']} articles", style="dim"))
    if data["organizations"]:
        out.print(Text("organisations: " + ", ".join(data["organizations"])))
    if data["roles"]:
        out.print(Text("Roles", style="bold"))
        for r in data["roles"]:
            out.print(Text("  " + _role_line(r)))
    if data["recent_quotes"]:
        out.print(Text("Quotes", style="bold"))
        for q in data["recent_quotes"]:
            out.print(Text(f"  [{q['article_n']}] {q['published'] or ''} {q['cue'] or ''} \u00b7 {q['type']}",
                           style="dim"))
            out.print(Text("    \u201c" + _short(q["text"]) + "\u201d"))
    if data["also_matched"]:
        out.print(Text("other matches: " + ", ".join(data["also_matched"]), style="dim"))


@app.command()
def load(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="The --out directory of `newsgraph cluster run`.")],
) -> None:
    """Bulk-load the Parquet output of `newsgraph cluster run` into a PostgreSQL store (--db postgresql://...),
    in one transaction; documents already stored are skipped."""
    from newsgraph.store import is_postgres_url

    db = str(ctx.obj.db)
    if not is_postgres_url(db):
        _error("load needs a PostgreSQL store: --db postgresql://user@host/dbname")
        raise typer.Exit(2)
    if not out.is_dir():
        _error(f"{out}: not a directory")
        raise typer.Exit(2)
    from newsgraph.store.postgres import bulk_load

    with _open_store(ctx, must_exist=False) as store:
        try:
            counts = bulk_load(out, store)
        except Exception as exc:  # noqa: BLE001 - nothing was loaded: say why
            _error(f"{out}: {_reason(exc)}")
            raise typer.Exit(1) from None
        found = store.mark_duplicates() if counts.get("articles") else {"copies": 0, "clusters": 0}
    print(", ".join(f"{v} {k}" for k, v in counts.items() if v) or "nothing new",
          f"; {found['copies']} near-copies" if found["copies"] else "", sep="")


@app.command()
def dedup(
    ctx: typer.Context,
    threshold: Annotated[float, typer.Option("--threshold", min=0.3, max=1.0,
                                             help="Estimated Jaccard similarity of word 5-shingles above which two "
                                                  "articles are copies.")] = 0.75,
) -> None:
    """Find near-copies (wire stories reprinted with small edits) among the stored articles; their quotes,
    figures and events are then counted once, with the canonical article (ingest does this by itself)."""
    with _open_store(ctx) as store:
        found = store.mark_duplicates(threshold)
    print(f"{found['copies']} near-copies of {found['clusters']} articles")


EVENT_KEYS = ("id", "type", "mode", "date", "place", "country", "lat", "lon", "actor", "recipient", "size",
              "article", "evidence", "actor_country", "actor_sector", "recipient_sector", "dead", "injured",
              "arrested", "organizers", "sources")


@app.command()
def events(
    ctx: typer.Context,
    type_: Annotated[Optional[str], typer.Option("--type", "-t", help="Only this PLOVER type (PROTEST, ASSAULT, ...).")] = None,
    place: Annotated[Optional[str], typer.Option("--place", "-p", help="Only events at this place (name or country code).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD, 7d, 2w).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only events on or before this date.")] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article (id or number).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N rows.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """Coded events (PLOVER): who did what to whom, where and when, with the sentences that report them."""
    if type_ and type_.upper() not in _PLOVER_TYPES:
        raise typer.BadParameter(f"{type_!r} is not a PLOVER type; one of {', '.join(sorted(_PLOVER_TYPES))}",
                                 param_hint="--type")
    with _open_store(ctx) as store:
        rows = store.events(type=type_, place=place, since=_since(since), until=_since(until), article=article,
                            limit=limit)
    if fmt is not ListFormat.table:
        out_rows = [{**r, "sources": len(r["sources"])} for r in rows]
        (_write_json_lines if fmt is ListFormat.json else _write_csv)(out_rows, EVENT_KEYS)
        return
    table = Table()
    for name, kw in (("Date", {"no_wrap": True}), ("Type", {"no_wrap": True}), ("Mode", {}),
                     ("Actor", {"max_width": 24}), ("Recipient", {"max_width": 22}), ("Place", {"max_width": 18}),
                     ("Size", {"justify": "right"}), ("#", {"justify": "right"}), ("Evidence", {"max_width": 60})):
        table.add_column(name, **kw)
    _output(rows, EVENT_KEYS, fmt, table,
            lambda r: (r["date"] or "", r["type"], r["mode"], r["actor"], r["recipient"],
                       ", ".join(x for x in (r["place"], r["country"]) if x),
                       _number(r["size"]) if r["size"] is not None else "",
                       r["article_n"] if len(r["sources"]) == 1 else f"{r['article_n']} +{len(r['sources']) - 1}",
                       _short(r["evidence"], 120)),
            "no events")


_PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    acled = "acled"
    plover = "plover"


class ExportWhat(str, Enum):
    quotes = "quotes"
    entities = "entities"
    figures = "figures"
    claims = "claims"
    events = "events"
    articles = "articles"
    places = "places"


@app.command()
def export(
    ctx: typer.Context,
    what: Annotated[ExportWhat, typer.Option("--what", "-w", help="Which records.")] = ExportWhat.quotes,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv, parquet; for events also "
                                              "acled (CSV of protests) and plover (POLECAT-style JSON).")] = ExportFormat.jsonl,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file (default: stdout).")] = None,
) -> None:
    """Export records for other tools: JSONL, CSV or Parquet; events also as ACLED CSV or PLOVER JSON."""
    import os
    import tempfile

    from newsgraph.exports import ExportError, export as do_export

    binary = fmt is ExportFormat.parquet
    with _open_store(ctx) as store:
        try:
            if out is None:
                if binary and sys.stdout.isatty():
                    _error("parquet is binary: give --out FILE or redirect stdout")
                    raise typer.Exit(2)
                stream = sys.stdout.buffer if binary else sys.stdout
                n = do_export(store, what.value, fmt.value, stream)
                stream.flush()
            else:
                # write next to the target and rename: a failed export leaves no half-written file
                fd, tmp = tempfile.mkstemp(prefix=".newsgraph-export-", dir=str(out.parent or Path(".")))
                try:
                    with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8",
                                                                                       "newline": ""})) as fh:
                        n = do_export(store, what.value, fmt.value, fh)
                    os.replace(tmp, out)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
        except ExportError as exc:
            _error(str(exc))
            raise typer.Exit(2) from None
    print(f"exported {n} {what.value}" + (f" to {out}" if out else ""), file=sys.stderr)


@app.command()
def stats(
    ctx: typer.Context,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="text or json.")] = ShowFormat.text,
) -> None:
    """Counts of what the database holds."""
    with _open_store(ctx) as store:
        data = store.stats()
    if fmt is ShowFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        table.add_row(_cell(key.replace("_", " ")), _cell(value))
    _stdout().print(table)


def _register_edges() -> None:
    """Commands that live with their edge: `serve` (newsgraph.web), `cluster` (newsgraph.cluster)."""
    from newsgraph.web.command import register as register_web

    register_web(app)
    try:
        from newsgraph.cluster.command import register as register_cluster
    except ImportError:  # the distributed engine is an optional extra
        return
    register_cluster(app)


_register_edges()


def main(argv: Sequence[str] | None = None) -> None:
    """Console script entry point."""
    app(args=list(argv) if argv is not None else None, prog_name="newsgraph")


if __name__ == "__main__":  # pragma: no cover
    main()
