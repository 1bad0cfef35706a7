"""Tests for newsgraph.readers: files, directories, globs, stdin, encodings, HTML, JSONL."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from newsgraph.model import Document, content_id
from newsgraph.readers import ReadError, read_bytes, read_paths
from newsgraph.readers.dates import normalize_date
from newsgraph.readers.decode import DecodeError, decode_bytes

DATA = Path(__file__).parent / "data" / "readers"
ARTICLE_HTML = DATA / "article.html"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"

STORY = (
    "Council approves new cycle lanes\n"
    "\n"
    "The city council voted 31-12 on Monday to build 40 km of protected cycle lanes.\n"
    "\u201cThis is the safest street plan we have ever passed,\u201d said councillor Rana Haddad.\n"
)

NAV_ONLY_HTML = """<!DOCTYPE html>
<html><head><title>Sign in | Daily Example</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<form action="/login"><label>Email</label><input name="email"><button>Log in</button></form>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
"""


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


# --- ReadError ------------------------------------------------------------------------


def test_read_error_fields_and_str():
    err = ReadError("data/a.txt", "empty file")
    assert err.source == "data/a.txt"
    assert err.reason == "empty file"
    assert str(err) == "data/a.txt: empty file"
    assert isinstance(err, Exception)


def test_read_error_reason_is_one_line():
    err = ReadError("x", "first line\nsecond   line")
    assert err.reason == "first line second line"


# --- text files -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md", "STORY.TXT"])
def test_text_file_is_read_exactly(tmp_path, name):
    path = write(tmp_path / name, STORY)
    [doc] = list(read_paths([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == STORY
    assert doc.kind == "text"
    assert doc.source == str(path)
    assert doc.id == content_id(STORY)
    assert doc.title is None and doc.published is None


def test_id_is_stable_across_reads_and_sources(tmp_path):
    a = write(tmp_path / "a.txt", STORY)
    b = write(tmp_path / "b.txt", STORY.replace("\n", "\r\n"))
    first, second = docs(read_paths([str(a), str(b)]))
    assert first.id == second.id == content_id(STORY)
    [again] = docs(read_paths([str(a)]))
    assert again.id == first.id


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(tmp_path, newline):
    path = write(tmp_path / "crlf.txt", STORY.replace("\n", newline))
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == STORY
    assert "\r" not in doc.text


def test_mixed_newlines_are_normalised(tmp_path):
    path = write(tmp_path / "mixed.txt", b"one\r\ntwo\rthree\nfour\r\r\nfive")
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == "one\ntwo\nthree\nfour\n\nfive"


def test_utf8_bom_is_removed(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == STORY
    assert not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    if codec == "utf-16-be-bom":
        data = b"\xfe\xff" + STORY.replace("\n", "\r\n").encode("utf-16-be")
    else:
        data = STORY.replace("\n", "\r\n").encode(codec)
    path = write(tmp_path / "wide.txt", data)
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == STORY


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "The mayor said the caf\u00e9 \u201cwould reopen on Monday\u201d \u2014 a na\u00efve hope, "
                   "critics told the \u00c9cho de Gen\u00e8ve.\nShe added: \u201cWe are not giving up.\u201d\n"),
        ("latin-1", "Le maire a d\u00e9clar\u00e9 que le caf\u00e9 rouvrira \u00e0 Gen\u00e8ve lundi. "
                    "\u00ab Tr\u00e8s bien \u00bb, a-t-il ajout\u00e9 devant les journalistes.\n"),
        ("cp1251", "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b "
                   "\u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442\u0430\u043c, \u0447\u0442\u043e "
                   "\u043f\u043b\u0430\u043d \u0431\u0443\u0434\u0435\u0442 \u043f\u0440\u0438\u043d\u044f\u0442 "
                   "\u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a.\n"),
        ("shift_jis", "\u6771\u4eac\u90fd\u306f\u6708\u66dc\u65e5\u3001\u65b0\u3057\u3044\u9632\u707d\u8a08\u753b"
                      "\u3092\u767a\u8868\u3057\u305f\u3002\u77e5\u4e8b\u306f\u8a18\u8005\u56e3\u306b\u5bfe\u3057"
                      "\u300c\u5e02\u6c11\u306e\u5b89\u5168\u304c\u6700\u512a\u5148\u3060\u300d\u3068\u8ff0\u3079"
                      "\u305f\u3002\u8a08\u753b\u306b\u306f\u907f\u96e3\u6240\u306e\u5897\u8a2d\u3084\u9ad8\u9f62"
                      "\u8005\u3078\u306e\u652f\u63f4\u304c\u542b\u307e\u308c\u3066\u3044\u308b\u3002\n"),
    ],
)
def test_legacy_encodings_are_detected(tmp_path, encoding, text):
    path = write(tmp_path / f"{encoding}.txt", text.encode(encoding))
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == text


def test_cp1252_crlf_file(tmp_path):
    text = "\u201cWe will rebuild,\u201d the caf\u00e9 owner said.\nThe fa\u00e7ade was damaged in the storm.\n"
    path = write(tmp_path / "win.txt", text.replace("\n", "\r\n").encode("cp1252"))
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == text


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode("utf-8"), "  \n".encode("utf-16")])
def test_empty_file(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    [err] = list(read_paths([str(path)]))
    assert isinstance(err, ReadError)
    assert err.source == str(path)
    assert err.reason == "empty file"


@pytest.mark.parametrize(
    "content",
    [PNG_HEADER, gzip.compress(STORY.encode("utf-8")), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
     b"text with a NUL\x00 byte in it"],
    ids=["png", "gzip", "pdf", "nul"],
)
def test_binary_file(tmp_path, content):
    path = write(tmp_path / "image.txt", content)
    [err] = list(read_paths([str(path)]))
    assert isinstance(err, ReadError)
    assert err.reason == "binary file, not text"


def test_undecodable_file(tmp_path):
    # A UTF-16 BOM promises UTF-16, but the rest is cut in the middle of a character.
    path = write(tmp_path / "broken.txt", b"\xff\xfe" + "Hello there".encode("utf-16-le") + b"\x41")
    [err] = list(read_paths([str(path)]))
    assert isinstance(err, ReadError)
    assert err.reason == "cannot detect text encoding"


def test_too_large_uses_stat_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 100 MB by stat, nothing written
        handle.truncate(100_000_000)
    opened = []
    real_open = open

    def spy_open(file, *args, **kwargs):
        opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    [err] = list(read_paths([str(path)]))
    assert isinstance(err, ReadError)
    assert err.reason == "too large: 100.0 MB (limit 25.0 MB)"
    assert str(path) not in opened


def test_small_max_bytes(tmp_path):
    small = write(tmp_path / "a_small.txt", "short enough\n")
    big = write(tmp_path / "b_big.txt", "x" * 150 + "\n")
    items = list(read_paths([str(small), str(big)], max_bytes=100))
    assert isinstance(items[0], Document)
    assert items[1] == ReadError(str(big), "too large: 151 bytes (limit 100 bytes)")


def test_missing_path():
    [err] = list(read_paths(["no/such/file.txt"]))
    assert isinstance(err, ReadError)
    assert err.source == "no/such/file.txt"
    assert err.reason == "no such file or directory"
    assert str(err) == "no/such/file.txt: no such file or directory"


def test_read_paths_is_lazy(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    gen = read_paths([str(path), "missing.txt"])
    assert iter(gen) is gen
    assert isinstance(next(gen), Document)
    assert isinstance(next(gen), ReadError)
    with pytest.raises(StopIteration):
        next(gen)


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path):
    text_file = write(tmp_path / "notes.log", STORY)
    html_file = write(tmp_path / "page.php", ARTICLE_HTML.read_bytes())
    text_doc, html_doc = docs(read_paths([str(text_file), str(html_file)]))
    assert text_doc.kind == "text" and text_doc.text == STORY
    assert html_doc.kind == "html" and html_doc.title


# --- directories and globs ------------------------------------------------------------


def make_tree(root: Path) -> None:
    write(root / "b.txt", "Story b.\n")
    write(root / "a.md", "Story a.\n")
    write(root / "sub" / "c.txt", "Story c.\n")
    write(root / "sub" / "deeper" / "d.text", "Story d.\n")
    write(root / "sub" / "image.png", PNG_HEADER)
    write(root / "notes.csv", "a,b\n1,2\n")
    write(root / ".hidden.txt", "Hidden story.\n")
    write(root / ".git" / "e.txt", "Inside a hidden directory.\n")
    write(root / "z.jsonl", jsonl({"text": "Story z1."}, {"text": "Story z2."}))


def test_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    make_tree(tmp_path / "corpus")
    items = list(read_paths([str(tmp_path / "corpus")]))
    assert not errors(items)
    rel = [os.path.relpath(d.source, tmp_path / "corpus") for d in items]
    assert rel == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.text", "z.jsonl", "z.jsonl"]
    assert [d.text for d in items] == ["Story a.\n", "Story b.\n", "Story c.\n", "Story d.\n", "Story z1.", "Story z2."]


def test_directory_without_readable_files(tmp_path):
    write(tmp_path / "empty_dir" / "photo.png", PNG_HEADER)
    write(tmp_path / "empty_dir" / ".secret.txt", "hidden\n")
    [err] = list(read_paths([str(tmp_path / "empty_dir")]))
    assert isinstance(err, ReadError)
    assert err.reason.startswith("no files to read in directory")


def test_glob_pattern(tmp_path):
    make_tree(tmp_path)
    items = list(read_paths([str(tmp_path / "*.txt")]))
    assert [os.path.basename(d.source) for d in items] == ["b.txt"]


def test_recursive_glob(tmp_path):
    make_tree(tmp_path)
    items = list(read_paths([str(tmp_path / "**" / "*.txt")]))
    assert [os.path.relpath(d.source, tmp_path) for d in docs(items)] == ["b.txt", "sub/c.txt"]
    assert not errors(items)


def test_wildcard_only_glob_keeps_known_extensions_and_does_not_repeat(tmp_path):
    make_tree(tmp_path)
    items = list(read_paths([str(tmp_path / "**")]))
    assert not errors(items)
    rel = [os.path.relpath(d.source, tmp_path) for d in items]
    assert rel == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.text", "z.jsonl", "z.jsonl"]


def test_glob_with_explicit_extension_reads_other_kinds(tmp_path):
    make_tree(tmp_path)
    [doc] = list(read_paths([str(tmp_path / "*.csv")]))
    assert doc.kind == "text" and doc.text == "a,b\n1,2\n"


def test_glob_without_matches(tmp_path):
    pattern = str(tmp_path / "*.nothing")
    [err] = list(read_paths([pattern]))
    assert err == ReadError(pattern, "no files match the pattern")


def test_same_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    items = list(read_paths([str(path), str(tmp_path / "*.txt"), str(tmp_path)]))
    assert len(items) == 1


def test_read_paths_accepts_pathlike_and_single_string(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    assert docs(read_paths([path]))[0].text == STORY
    assert docs(read_paths(str(path)))[0].text == STORY


# --- stdin ----------------------------------------------------------------------------


class FakeStdin(io.TextIOWrapper):
    """A text stream with a binary ``.buffer``, like ``sys.stdin``."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data), encoding="utf-8")


def test_stdin_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", FakeStdin(STORY.replace("\n", "\r\n").encode("utf-8")))
    [doc] = list(read_paths(["-"]))
    assert doc.source == "<stdin>"
    assert doc.kind == "text"
    assert doc.text == STORY


def test_stdin_plain_string_stream(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(STORY))
    [doc] = list(read_paths(["-"]))
    assert doc.text == STORY and doc.source == "<stdin>"


def test_stdin_jsonl_is_sniffed():
    stream = io.BytesIO(jsonl({"text": "First story.", "title": "One"}, {"text": "Second story."}).encode())
    items = list(read_paths(["-"], stdin=stream))
    assert [d.kind for d in items] == ["jsonl", "jsonl"]
    assert [d.text for d in items] == ["One\n\nFirst story.", "Second story."]
    assert all(d.source == "<stdin>" for d in items)
    assert [d.meta["line"] for d in items] == [1, 2]


def test_stdin_jsonl_needs_text_on_every_line():
    data = jsonl({"text": "First story."}, {"body": "no text key"}).encode()
    [doc] = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert doc.kind == "text"
    assert doc.text == data.decode()


def test_stdin_html_is_sniffed():
    [doc] = list(read_paths(["-"], stdin=io.BytesIO(ARTICLE_HTML.read_bytes())))
    assert doc.kind == "html"
    assert doc.source == "<stdin>"
    assert doc.title == "Ferry operators warn of fare rises as fuel levy takes effect"


def test_stdin_limits_and_errors():
    [err] = list(read_paths(["-"], stdin=io.BytesIO(b"x" * 500), max_bytes=100))
    assert isinstance(err, ReadError) and err.source == "<stdin>"
    assert err.reason.startswith("too large")
    [err] = list(read_paths(["-"], stdin=io.BytesIO(b"")))
    assert err == ReadError("<stdin>", "empty file")


def test_stdin_reads_at_most_max_bytes_plus_one():
    class Counting(io.BytesIO):
        requested: list[int] = []

        def read(self, size=-1):
            self.requested.append(size)
            return super().read(size)

    stream = Counting(b"y" * 10_000)
    list(read_paths(["-"], stdin=stream, max_bytes=100))
    assert stream.requested == [101]


# --- HTML -----------------------------------------------------------------------------


def test_html_article(tmp_path):
    [doc] = list(read_paths([str(ARTICLE_HTML)]))
    assert isinstance(doc, Document), doc
    title = "Ferry operators warn of fare rises as fuel levy takes effect"
    assert doc.kind == "html"
    assert doc.source == str(ARTICLE_HTML)
    assert doc.title == title
    assert doc.published == "2026-04-14"
    assert doc.url == "https://www.coastal-ledger.example/business/2026/04/14/ferry-fuel-levy"
    assert doc.meta["author"] == "Ines Halvorsen"
    assert doc.meta["sitename"] == "The Coastal Ledger"
    assert doc.meta["description"].startswith("Ferry companies on the northern routes")
    assert doc.id == content_id(doc.text)

    # The headline on top, a blank line, then one paragraph per line; not repeated.
    assert doc.text.startswith(title + "\n\nSKARVIK: Ferry companies")
    assert doc.text.count(title) == 1
    lines = doc.text.split("\n")
    assert lines[1] == ""
    body = lines[2:]
    assert len(body) == 7
    assert body[-1] == "The assembly is due to review the levy in October."
    quote = "\u201cEvery year we wait, the bill for replacing these ships gets bigger,\u201d she told reporters in Skarvik."
    assert quote in doc.text
    assert "Island residents\u2019 groups" in doc.text  # entities decoded
    start = doc.text.index("Tomas Lindqvist")
    assert doc.text[start:start + len("Tomas Lindqvist")] == "Tomas Lindqvist"

    # Site chrome is gone.
    for chrome in ("Subscribe", "Most read", "Privacy policy", "cookies", "All rights reserved", "dataLayer"):
        assert chrome not in doc.text


def test_html_without_article(tmp_path):
    path = write(tmp_path / "login.html", NAV_ONLY_HTML)
    [err] = list(read_paths([str(path)]))
    assert err == ReadError(str(path), "no article text found in HTML")


def test_html_without_title_or_date(tmp_path):
    paragraph = "The water board said on Friday that the reservoir was at 41 percent of capacity after a dry winter."
    html = f"<html><body><div class='content'><p>{paragraph}</p><p>Rationing will start next month.</p></div></body></html>"
    path = write(tmp_path / "untitled.htm", html)
    [doc] = docs(read_paths([str(path)]))
    assert doc.kind == "html"
    assert doc.title is None
    assert doc.published is None
    assert doc.text == paragraph + "\nRationing will start next month."


def test_html_declared_legacy_charset(tmp_path):
    html = ARTICLE_HTML.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    path = write(tmp_path / "legacy.html", html.encode("cp1252"))
    [doc] = docs(read_paths([str(path)]))
    assert "\u201cWe support the goal" in doc.text
    assert "Island residents\u2019 groups" in doc.text


def test_html_shift_jis_page(tmp_path):
    headline = "\u9632\u707d\u8a08\u753b\u3092\u767a\u8868"
    para = ("\u6771\u4eac\u90fd\u306f\u6708\u66dc\u65e5\u3001\u65b0\u3057\u3044\u9632\u707d\u8a08\u753b\u3092"
            "\u767a\u8868\u3057\u305f\u3002\u77e5\u4e8b\u306f\u300c\u5e02\u6c11\u306e\u5b89\u5168\u304c\u6700"
            "\u512a\u5148\u3060\u300d\u3068\u8ff0\u3079\u305f\u3002")
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
            f"<title>{headline}</title></head><body><article><h1>{headline}</h1><p>{para}</p></article></body></html>")
    path = write(tmp_path / "ja.html", html.encode("shift_jis"))
    [doc] = docs(read_paths([str(path)]))
    assert doc.text == f"{headline}\n\n{para}"


def test_html_binary_and_empty(tmp_path):
    png = write(tmp_path / "fake.html", PNG_HEADER)
    empty = write(tmp_path / "empty.html", "  \n")
    assert [e.reason for e in read_paths([str(png), str(empty)])] == ["binary file, not text", "empty file"]


# --- JSONL ----------------------------------------------------------------------------


def test_jsonl_records_and_fields(tmp_path):
    path = write(tmp_path / "corpus.jsonl", jsonl(
        {"id": "a-1", "title": "Port strike ends", "text": "Dock workers returned on Friday.",
         "url": "https://news.example/a-1", "published": "2026-03-06T09:00:00Z", "section": "business"},
        {"text": "Port strike ends after deal\nDock workers returned.", "title": "Port strike ends after deal",
         "published": "6 March 2026"},
        {"text": "No date here.", "published": "last week", "id": 17},
        {"text": "Line one\r\nline two", "title": None, "url": None},
    ))
    items = list(read_paths([str(path)]))
    assert not errors(items)
    first, second, third, fourth = items
    assert all(d.kind == "jsonl" and d.source == str(path) for d in items)
    assert [d.meta["line"] for d in items] == [1, 2, 3, 4]

    assert first.text == "Port strike ends\n\nDock workers returned on Friday."
    assert first.title == "Port strike ends"
    assert first.url == "https://news.example/a-1"
    assert first.published == "2026-03-06"
    assert first.meta["external_id"] == "a-1"
    assert first.meta["section"] == "business"
    assert "published_raw" not in first.meta
    assert first.id == content_id(first.text)

    # The title already opens the text: not repeated.
    assert second.text == "Port strike ends after deal\nDock workers returned."
    assert second.published == "2026-03-06"

    assert third.published is None
    assert third.meta["published_raw"] == "last week"
    assert third.meta["external_id"] == 17
    assert third.title is None

    assert fourth.text == "Line one\nline two"
    assert fourth.title is None and fourth.url is None


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path):
    path = write(tmp_path / "mixed.ndjson", jsonl(
        {"text": "Good one."},
        "{not json",
        '["a", "list"]',
        {"title": "No text"},
        {"text": "   "},
        {"text": 42},
        "",
        {"text": "Good two."},
    ))
    items = list(read_paths([str(path)]))
    assert [d.text for d in docs(items)] == ["Good one.", "Good two."]
    assert docs(items)[1].meta["line"] == 8
    errs = errors(items)
    assert [e.source for e in errs] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert errs[0].reason.startswith("invalid JSON")
    assert errs[1].reason == "not a JSON object (got array)"
    assert errs[2].reason == 'missing "text"'
    assert errs[3].reason == '"text" is empty'
    assert errs[4].reason == '"text" is not a string (got number)'
    # Order is preserved: good, 5 errors, good.
    assert isinstance(items[0], Document) and isinstance(items[-1], Document)


def test_jsonl_line_limit_and_invalid_utf8(tmp_path):
    long_text = "word " * 100
    data = (jsonl({"text": "Short."}, {"text": long_text}).encode()
            + b'{"text": "caf\xe9"}\n' + jsonl({"text": "After."}).encode())
    path = write(tmp_path / "big.jsonl", data)
    items = list(read_paths([str(path)], max_bytes=200))
    assert [d.text for d in docs(items)] == ["Short.", "After."]
    too_big, bad_utf8 = errors(items)
    assert too_big.source == f"{path}:2" and too_big.reason.startswith("too large")
    assert bad_utf8.source == f"{path}:3" and bad_utf8.reason.startswith("not valid UTF-8")


def test_jsonl_whole_file_may_exceed_max_bytes(tmp_path):
    records = [{"text": f"Story number {i}."} for i in range(20)]
    path = write(tmp_path / "many.jsonl", jsonl(*records))
    assert path.stat().st_size > 200
    items = list(read_paths([str(path)], max_bytes=200))
    assert len(docs(items)) == 20


def test_jsonl_is_streamed(tmp_path):
    path = write(tmp_path / "stream.jsonl", jsonl({"text": "First."}, {"text": "Second."}))
    gen = read_paths([str(path)])
    assert next(gen).text == "First."
    # Appended after the first record was yielded: only a streaming reader sees it.
    with open(path, "ab") as handle:
        handle.write(jsonl({"text": "Third."}).encode())
    assert [d.text for d in gen] == ["Second.", "Third."]


def test_jsonl_utf16_bom_crlf_and_empty(tmp_path):
    text = jsonl({"text": "Caf\u00e9 re-opens.", "title": "Caf\u00e9"}).replace("\n", "\r\n")
    wide = write(tmp_path / "wide.jsonl", text.encode("utf-16"))
    bom8 = write(tmp_path / "bom8.jsonl", b"\xef\xbb\xbf" + text.encode("utf-8"))
    empty = write(tmp_path / "empty.jsonl", "\n\n  \n")
    binary = write(tmp_path / "binary.jsonl", gzip.compress(text.encode()))
    items = list(read_paths([str(wide), str(bom8), str(empty), str(binary)]))
    assert [d.text for d in docs(items)] == ["Caf\u00e9 re-opens.", "Caf\u00e9 re-opens."]
    assert [(e.source, e.reason) for e in errors(items)] == [
        (str(empty), "empty file"), (str(binary), "binary file, not text")]


# --- a mixed batch --------------------------------------------------------------------


def test_batch_continues_after_each_error(tmp_path):
    good1 = write(tmp_path / "01.txt", "First good story.\n")
    empty = write(tmp_path / "02.txt", "")
    binary = write(tmp_path / "03.txt", PNG_HEADER)
    big = write(tmp_path / "04.txt", "z" * 12_000)
    no_article = write(tmp_path / "05.html", NAV_ONLY_HTML)
    article = tmp_path / "06.html"
    shutil.copy(ARTICLE_HTML, article)
    corpus = write(tmp_path / "07.jsonl", jsonl({"text": "J1."}, "oops", {"text": "J2."}))
    good2 = write(tmp_path / "08.md", "Last good story.\n")
    paths = [str(good1), str(empty), "missing.txt", str(binary), str(big), str(no_article),
             str(article), str(corpus), str(tmp_path / "*.none"), str(good2)]
    items = list(read_paths(paths, max_bytes=10_000))
    summary = [(type(i).__name__, i.source if isinstance(i, ReadError) else i.kind) for i in items]
    assert summary == [
        ("Document", "text"),
        ("ReadError", str(empty)),
        ("ReadError", "missing.txt"),
        ("ReadError", str(binary)),
        ("ReadError", str(big)),
        ("ReadError", str(no_article)),
        ("Document", "html"),
        ("Document", "jsonl"),
        ("ReadError", f"{corpus}:2"),
        ("Document", "jsonl"),
        ("ReadError", str(tmp_path / "*.none")),
        ("Document", "text"),
    ]
    reasons = [e.reason for e in errors(items)]
    assert reasons[:5] == ["empty file", "no such file or directory", "binary file, not text",
                           "too large: 12.0 kB (limit 10.0 kB)", "no article text found in HTML"]


def test_unexpected_failure_of_one_file_is_reported(tmp_path, monkeypatch):
    import newsgraph.readers.html as html_reader

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", boom)
    page = write(tmp_path / "a.html", ARTICLE_HTML.read_bytes())
    text = write(tmp_path / "b.txt", STORY)
    items = list(read_paths([str(page), str(text)]))
    assert isinstance(items[0], ReadError) and "parser exploded" in items[0].reason
    assert items[1].text == STORY


# --- read_bytes -----------------------------------------------------------------------


def test_read_bytes_kinds():
    [text] = read_bytes(STORY.encode(), "memo.txt")
    assert text.kind == "text" and text.text == STORY and text.source == "memo.txt"
    [page] = read_bytes(ARTICLE_HTML.read_bytes(), "https://news.example/story")
    assert page.kind == "html" and page.title.startswith("Ferry operators")
    [page2] = read_bytes(ARTICLE_HTML.read_bytes(), "https://news.example/story.html?x=1")
    assert page2.kind == "html"
    lines = read_bytes(jsonl({"text": "A."}, {"text": "B."}).encode(), "feed")
    assert [d.kind for d in lines] == ["jsonl", "jsonl"]
    # An explicit kind wins over the content.
    [raw] = read_bytes(ARTICLE_HTML.read_bytes(), "page.html", kind="text")
    assert raw.kind == "text" and raw.text.startswith("<!DOCTYPE html>")


def test_read_bytes_html_url_from_source_when_page_has_none():
    html = ("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
            "<p>The old bridge reopened to traffic on Sunday after two years of repairs, the city said.</p>"
            "</article></body></html>")
    [doc] = read_bytes(html.encode(), "https://city.example/news/bridge")
    assert doc.url == "https://city.example/news/bridge"
    assert doc.text == "Bridge reopens\n\nThe old bridge reopened to traffic on Sunday after two years of repairs, the city said."


def test_read_bytes_raises():
    with pytest.raises(ReadError) as info:
        read_bytes(b"", "x.txt")
    assert str(info.value) == "x.txt: empty file"
    with pytest.raises(ReadError, match="binary file, not text"):
        read_bytes(PNG_HEADER, "x")
    with pytest.raises(ReadError, match="no article text found in HTML"):
        read_bytes(NAV_ONLY_HTML.encode(), "x.html")
    with pytest.raises(ReadError) as info:
        read_bytes(jsonl({"text": "ok"}, {"nope": 1}).encode(), "c.jsonl")
    assert info.value.source == "c.jsonl:2"
    with pytest.raises(ReadError, match="too large"):
        read_bytes(b"abc" * 100, "x.txt", max_bytes=10)


# --- decoding and dates in isolation --------------------------------------------------


def test_decode_bytes_reasons():
    assert decode_bytes(b"a\r\nb") == "a\nb"
    for data, reason in [(b"", "empty file"), (PNG_HEADER, "binary file, not text"),
                         (b"\xfe\xff\x00", "cannot detect text encoding")]:
        with pytest.raises(DecodeError) as info:
            decode_bytes(data)
        assert info.value.reason == reason


def test_decode_bytes_keeps_text_unchanged():
    text = "  Indented\u00a0line\twith tab  \n\n\u201cQuoted\u201d \u2014 trailing spaces   \n"
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-14", "2026-04-14"),
        ("2026-04-14T23:30:00-05:00", "2026-04-14"),
        ("14 April 2026", "2026-04-14"),
        ("April 14, 2026", "2026-04-14"),
        ("Tue, 14 Apr 2026 07:30:00 GMT", "2026-04-14"),
        ("20260414", "2026-04-14"),
        (1776150000, "2026-04-14"),
        (1776150000000, "2026-04-14"),
        ("April 2026", None),
        ("yesterday", None),
        ("2026-13-01", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_jsonl_keeps_scalar_extras_and_names_nested_ones():
    line = json.dumps({"text": "Body.", "section": "world", "rank": 3,
                       "quotes": [{"quote": "x"}], "raw": {"a": 1}})
    (doc,) = read_bytes(line.encode(), "corpus.jsonl")
    assert doc.meta["section"] == "world" and doc.meta["rank"] == 3
    assert "quotes" not in doc.meta and "raw" not in doc.meta
    assert doc.meta["dropped_keys"] == ["quotes", "raw"]
