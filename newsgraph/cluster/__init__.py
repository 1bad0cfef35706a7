"""newsgraph on a cluster: the same extraction as ``newsgraph ingest``, run by Ray Data over many
files and machines, written as partitioned Parquet with the store's tables, then a cross-document
stage (people merged across the corpus, events deduplicated).

    newsgraph cluster run crawl/*.warc.gz corpus.jsonl --out out/           # local: all cores
    newsgraph cluster run s3://bucket/news/ --out s3://bucket/ng/ --address auto --workers 64
    newsgraph cluster merge --out out/                                      # the second stage alone
    newsgraph cluster status --out out/

From Python: :func:`run`, :func:`merge`, :class:`Output` (read what a run wrote). Modules:
:mod:`~newsgraph.cluster.tables` (the store's rows for one document), :mod:`~newsgraph.cluster.inputs`
(what to read), :mod:`~newsgraph.cluster.storage` (output layout, commits, re-runs),
:mod:`~newsgraph.cluster.merge` (the cross-document stage), :mod:`~newsgraph.cluster.job` (Ray),
:mod:`~newsgraph.cluster.command` (the CLI).

Ray is imported only when a job starts, so ``import newsgraph.cluster`` stays cheap.
"""
from __future__ import annotations

from typing import Any

from .storage import Output

__all__ = ["Output", "run", "merge", "RunReport"]


def __getattr__(name: str) -> Any:
    if name in ("run", "merge", "RunReport", "merge_stage", "session"):
        from . import job

        return getattr(job, name)
    raise AttributeError(name)
