"""Annotation specs for the knowledge-graph gold set, one module per page (see ../README.md).

Each module defines ``ARTICLES``: a list of :func:`_dsl.A` records written with the helpers in
``_dsl``. Spans are given as text (plus an occurrence number inside the article), never as offsets:
``build_gold.py`` finds them in the page and writes ``gold.jsonl``.
"""
