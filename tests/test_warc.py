"""Tests for newsgraph.readers.warc: WARC/WARC.gz crawls through read_paths.

Every WARC here is built in the test with warcio's writer; the pages are invented.
"""
from __future__ import annotations

import gzip
import io
import os
import pickle
import random
import zlib
from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.model import Document
from newsgraph.readers import ReadError, Skipped, read_bytes, read_paths
from newsgraph.readers.paths import kind_of
from newsgraph.readers.warc import looks_like_warc

CRAWL_DATE = "2024-10-06T08:15:00Z"


def article_html(headline: str, paragraphs: list[str], charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{headline}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{headline}</h1>
{body}
</article>
<footer><a href="/privacy">Privacy</a></footer>
</body></html>
"""


PORT = article_html("Harbour strike ends after nine days", [
    "Dock workers at the eastern harbour returned to work on Sunday after a nine-day strike over pay.",
    "\u201cWe have a fair deal and we will honour it,\u201d said union leader Tomas Verhoef, adding that "
    "the agreement raises wages by 6 percent.",
    "The port authority said about 1,200 containers had piled up during the stoppage.",
])
FLOODS = article_html("River levels fall as clean-up begins", [
    "Residents of the valley towns began clearing mud from their homes on Monday as the river fell.",
    "Officials said 340 households had been moved to shelters at the height of the flooding last week.",
    "The regional council promised emergency grants to small businesses that lost stock.",
])
# windows-1252 bytes (curly quotes, an e acute) although the HTTP header says UTF-8.
CAFE_TEXT = ("The caf\u00e9 owners\u2019 association said on Tuesday that \u201cthe new rent rules\u201d "
             "would close a third of the cafés on the old market square by the end of the year.")
MISLABELLED = article_html("Caf\u00e9 owners warn of closures", [
    CAFE_TEXT, "The city said it would review the rules next spring after hearing from traders.",
], charset=None).encode("cp1252")
NAV_ONLY = b"""<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form action="/login"><input name="email"><button>Log in</button></form></body></html>"""
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4


def http(status: str = "200 OK", content_type: str | None = "text/html; charset=utf-8",
         extra: list[tuple[str, str]] | None = None) -> StatusAndHeaders:
    headers = [("Content-Type", content_type)] if content_type else []
    return StatusAndHeaders(status, headers + (extra or []), protocol="HTTP/1.1")


def chunked(data: bytes, size: int = 100) -> bytes:
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


class Crawl:
    """A WARC built record by record; ``ids`` maps each record's name to its WARC-Record-ID."""

    def __init__(self, gz: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)
        self.ids: dict[str, str] = {}

    def _write(self, name: str, record) -> None:
        self.ids[name] = record.rec_headers.get_header("WARC-Record-ID")
        self.writer.write_record(record)

    def response(self, name: str, url: str, body: bytes, headers: StatusAndHeaders | None = None) -> None:
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers or http(),
            warc_headers_dict={"WARC-Date": CRAWL_DATE})
        self._write(name, record)

    def request(self, name: str, url: str) -> None:
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        self._write(name, self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                         http_headers=headers))

    def warcinfo(self) -> None:
        self._write("warcinfo", self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

    def revisit(self, name: str, url: str) -> None:
        record = self.writer.create_revisit_record(url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", url, CRAWL_DATE)
        self._write(name, record)

    def metadata(self, name: str, url: str) -> None:
        record = self.writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"outlink: http://x/\r\n"),
                                                warc_content_type="application/warc-fields")
        self._write(name, record)

    def resource(self, name: str, url: str, body: bytes, content_type: str) -> None:
        record = self.writer.create_warc_record(url, "resource", payload=io.BytesIO(body),
                                                warc_content_type=content_type,
                                                warc_headers_dict={"WARC-Date": CRAWL_DATE})
        self._write(name, record)

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


def mixed_crawl(gz: bool = True) -> Crawl:
    crawl = Crawl(gz)
    crawl.warcinfo()
    crawl.request("port-request", "https://news.example/port")
    crawl.response("port", "https://news.example/port", PORT.encode("utf-8"))
    crawl.metadata("port-metadata", "https://news.example/port")
    crawl.response("missing", "https://news.example/missing", b"<html><body>Not found</body></html>",
                   http("404 Not Found"))
    crawl.response("report", "https://news.example/report.pdf", PDF, http(content_type="application/pdf"))
    crawl.response("login", "https://news.example/login", NAV_ONLY)
    crawl.revisit("port-again", "https://news.example/port")
    crawl.response("cafe", "https://news.example/cafe", MISLABELLED)  # header says utf-8
    crawl.response("bogus-charset", "https://news.example/floods", FLOODS.encode("utf-8"),
                   http(content_type="text/html; charset=x-no-such-charset"))
    crawl.response("pdf-as-html", "https://news.example/fake", PDF)  # text/html header, PDF bytes
    crawl.response("redirect", "https://news.example/old", b"", http("301 Moved Permanently", None,
                                                                     [("Location", "/port")]))
    return crawl


EXPECTED_CATEGORIES = {
    "warcinfo-record": 1, "request-record": 1, "metadata-record": 1, "revisit-record": 1,
    "status-404": 1, "status-301": 1, "not-html": 1, "no-article-text": 1, "not-text": 1,
}


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def skipped(items):
    return [i for i in items if isinstance(i, Skipped)]


def failures(items):
    return [i for i in items if isinstance(i, ReadError) and not isinstance(i, Skipped)]


def record_id_at(path: Path, offset: int) -> str:
    """The WARC-Record-ID of the record that starts at ``offset``: the offset is a seek target."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        return record.rec_headers.get_header("WARC-Record-ID")


# --- the records of a crawl -------------------------------------------------------------


@pytest.mark.parametrize("gz,name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_html_responses_become_documents_and_the_rest_is_skipped(tmp_path, gz, name):
    crawl = mixed_crawl(gz)
    path = write(tmp_path / name, crawl.bytes())
    items = list(read_paths([str(path)]))

    assert failures(items) == []
    documents = docs(items)
    assert [d.url for d in documents] == ["https://news.example/port", "https://news.example/cafe",
                                          "https://news.example/floods"]
    assert Counter(s.category for s in skipped(items)) == EXPECTED_CATEGORIES
    assert len(items) == len(crawl.ids)  # one item per record, nothing dropped silently

    port = documents[0]
    assert port.kind == "html"
    assert port.title == "Harbour strike ends after nine days"
    assert port.text.startswith("Harbour strike ends after nine days\n\n")
    assert "Tomas Verhoef" in port.text and "1,200 containers" in port.text
    assert "Privacy" not in port.text  # page chrome left out by trafilatura
    assert port.meta["crawl_date"] == CRAWL_DATE
    assert port.meta["warc_record_id"] == crawl.ids["port"]
    assert port.meta["warc_file"] == str(path)
    assert port.source == f"{path}#{port.meta['warc_offset']}"
    for doc in documents:
        assert record_id_at(path, doc.meta["warc_offset"]) == doc.meta["warc_record_id"]


def test_skipped_items_name_record_and_reason(tmp_path):
    path = write(tmp_path / "crawl.warc.gz", mixed_crawl().bytes())
    by_category = {s.category: s for s in skipped(read_paths([str(path)]))}
    assert by_category["not-html"].reason == "not HTML: application/pdf"
    assert by_category["status-404"].reason == "HTTP status 404"
    assert by_category["not-text"].reason == "binary file, not text"
    assert by_category["no-article-text"].reason == "no article text found in HTML"
    for item in by_category.values():
        path_part, _, offset = item.source.rpartition("#")
        assert path_part == str(path) and offset.isdigit()
        assert isinstance(item, ReadError)
        assert str(item) == f"{item.source}: {item.reason}"


def test_wrong_declared_charset_is_decoded_by_content(tmp_path):
    path = write(tmp_path / "crawl.warc.gz", mixed_crawl().bytes())
    documents = {d.url: d for d in docs(read_paths([str(path)]))}
    cafe = documents["https://news.example/cafe"]
    assert CAFE_TEXT in cafe.text
    assert "\ufffd" not in cafe.text
    floods = documents["https://news.example/floods"]  # charset=x-no-such-charset
    assert "340 households" in floods.text


def test_content_encoding_and_chunked_transfer(tmp_path):
    crawl = Crawl()
    crawl.response("gzipped", "https://news.example/a", gzip.compress(PORT.encode()),
                   http(extra=[("Content-Encoding", "gzip")]))
    crawl.response("chunked", "https://news.example/b", chunked(FLOODS.encode()),
                   http(extra=[("Transfer-Encoding", "chunked")]))
    packed = bytearray(gzip.compress((PORT * 20).encode()))
    packed[len(packed) // 2: len(packed) // 2 + 20] = bytes(20)  # damaged half way through
    crawl.response("broken-gzip", "https://news.example/c", bytes(packed),
                   http(extra=[("Content-Encoding", "gzip")]))
    crawl.response("cut-gzip", "https://news.example/e", gzip.compress(PORT.encode())[:-40],
                   http(extra=[("Content-Encoding", "gzip")]))
    crawl.response("plain-said-gzip", "https://news.example/f", FLOODS.encode(),
                   http(extra=[("Content-Encoding", "gzip")]))  # a server that lies: read as is
    crawl.response("deflate", "https://news.example/g", zlib.compress(PORT.encode()),
                   http(extra=[("Content-Encoding", "deflate")]))
    crawl.response("brotli", "https://news.example/h", b"\x1b\x00\x00" * 30,
                   http(extra=[("Content-Encoding", "br")]))
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    crawl.response("bomb", "https://news.example/i", bomb, http(extra=[("Content-Encoding", "gzip")]))
    crawl.response("after", "https://news.example/d", FLOODS.encode())
    path = write(tmp_path / "enc.warc.gz", crawl.bytes())
    items = list(read_paths([str(path)], max_bytes=1_000_000))
    assert failures(items) == []
    documents = docs(items)
    assert [d.url for d in documents] == ["https://news.example/a", "https://news.example/b",
                                          "https://news.example/f", "https://news.example/g",
                                          "https://news.example/d"]
    assert "Tomas Verhoef" in documents[0].text and "Tomas Verhoef" in documents[3].text
    assert "340 households" in documents[1].text and "340 households" in documents[2].text
    assert [(s.reason, s.category) for s in skipped(items)] == [
        ("gzip data of the page is corrupt", "bad-encoding"),
        ("gzip data of the page is cut short", "bad-encoding"),
        ("unsupported Content-Encoding: br", "bad-encoding"),
        ("too large: over the 1.0 MB limit", "too-large"),
    ]


def test_untyped_payload_is_sniffed_and_resource_records_read(tmp_path):
    crawl = Crawl()
    crawl.response("untyped-html", "https://news.example/a", PORT.encode(), http(content_type=None))
    crawl.response("untyped-binary", "https://news.example/b", PDF, http(content_type=None))
    crawl.response("untyped-text", "https://news.example/c", b"just some words " * 20,
                   http(content_type="application/octet-stream"))
    crawl.resource("page", "https://news.example/saved", FLOODS.encode(), "text/html")
    crawl.resource("image", "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    path = write(tmp_path / "c.warc", crawl.bytes())
    items = list(read_paths([str(path)]))
    assert [d.url for d in docs(items)] == ["https://news.example/a", "https://news.example/saved"]
    assert sorted(s.category for s in skipped(items)) == ["not-html", "not-html", "not-text"]


def test_same_page_crawled_twice_has_one_id(tmp_path):
    crawl = Crawl()
    crawl.response("first", "https://news.example/port", PORT.encode())
    crawl.response("second", "https://news.example/port?utm=x", PORT.encode())
    path = write(tmp_path / "twice.warc.gz", crawl.bytes())
    first, second = docs(read_paths([str(path)]))
    assert first.id == second.id
    assert first.source != second.source


# --- damage -----------------------------------------------------------------------------


def _articles_crawl(gz: bool, n: int = 4) -> Crawl:
    crawl = Crawl(gz)
    crawl.warcinfo()
    for i in range(n):
        crawl.response(f"page{i}", f"https://news.example/{i}",
                       (PORT if i % 2 == 0 else FLOODS).replace("nine", f"nine ({i})").encode())
    return crawl


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_file_yields_good_records_then_one_error_with_offset(tmp_path, gz):
    data = _articles_crawl(gz).bytes()
    full_path = write(tmp_path / ("full.warc.gz" if gz else "full.warc"), data)
    full = list(read_paths([str(full_path)]))
    offsets = [int(d.meta["warc_offset"]) for d in docs(full)]
    cut = offsets[2] + (len(data) - offsets[2]) // 3  # inside the third page's record
    name = "cut.warc.gz" if gz else "cut.warc"
    path = write(tmp_path / name, data[:cut])
    items = list(read_paths([str(path)]))
    *good, error = items
    assert [d.url for d in docs(good)] == [d.url for d in docs(full)][:2]
    assert failures(good) == []
    assert type(error) is ReadError
    assert error.source == str(path)
    assert error.reason.startswith("corrupt or truncated WARC at byte offset ")
    assert f"offset {offsets[2]}" in error.reason


@pytest.mark.parametrize("layout", ["gzip-per-record", "plain", "gzip-whole-file"])
def test_every_cut_point_is_handled(tmp_path, layout):
    """A file cut anywhere: never an exception, documents are a prefix of the full file's,
    and a cut that loses a record ends with one error naming the file."""
    plain = _articles_crawl(gz=False, n=3).bytes()
    data = {"gzip-per-record": _articles_crawl(gz=True, n=3).bytes(), "plain": plain,
            "gzip-whole-file": gzip.compress(plain)}[layout]
    full = list(read_paths([str(write(tmp_path / "full.warc.gz", data))]))
    full_urls = [d.url for d in docs(full)]
    boundaries = {int(i.source.rpartition("#")[2]) for i in full if isinstance(i, (Document, Skipped))}
    path = tmp_path / "cut.warc.gz"
    rng = random.Random(7)
    for cut in sorted(rng.sample(range(1, len(data)), 40)):
        write(path, data[:cut])
        items = list(read_paths([str(path)]))
        urls = [d.url for d in docs(items)]
        assert urls == full_urls[:len(urls)], cut
        errors = failures(items)
        assert len(errors) <= 1, cut
        if errors:
            assert items[-1] is errors[0] and errors[0].source == str(path)
        elif layout == "gzip-whole-file":
            raise AssertionError(f"no error for a gzip stream cut at {cut}")
        else:
            # only a cut in the blank lines that end a record leaves a shorter, valid file
            assert len(urls) == len(full_urls) or any(0 <= b - cut <= 4 for b in boundaries), cut


def test_corrupt_bytes_inside_a_gzip_member(tmp_path):
    data = bytearray(_articles_crawl(True).bytes())
    full = docs(read_paths([str(write(tmp_path / "full.warc.gz", bytes(data)))]))
    offset = int(full[2].meta["warc_offset"])
    for i in range(offset + 40, offset + 80):
        data[i] ^= 0x5A
    path = write(tmp_path / "flipped.warc.gz", bytes(data))
    items = list(read_paths([str(path)]))
    assert [d.url for d in docs(items)][:2] == [d.url for d in full][:2]
    [error] = failures(items)
    assert items[-1] is error and error.source == str(path)
    assert "offset" in error.reason


@pytest.mark.parametrize("head", [b"", b"\x1f\x8b"])
def test_random_bytes_named_warc_gz(tmp_path, head):
    path = write(tmp_path / "random.warc.gz", head + random.Random(3).randbytes(4000))
    [error] = list(read_paths([str(path)]))
    assert type(error) is ReadError and error.source == str(path)
    assert error.reason.startswith("not a WARC file")
    assert error.reason.isprintable()


def test_empty_warc_file(tmp_path):
    path = write(tmp_path / "empty.warc.gz", b"")
    assert list(read_paths([str(path)])) == [ReadError(str(path), "empty file")]


def test_record_longer_than_its_content_length(tmp_path):
    crawl = Crawl(gz=False)
    crawl.response("one", "https://news.example/1", PORT.encode())
    crawl.response("two", "https://news.example/2", FLOODS.encode())
    data = crawl.bytes()
    # Shorten the first record's Content-Length by 10: its last bytes spill past its end.
    head_end = data.index(b"\r\n\r\n")
    start = data.rindex(b"Content-Length: ", 0, head_end) + len(b"Content-Length: ")
    length = int(data[start:head_end])
    broken = data[:start] + str(length - 10).encode() + data[head_end:]
    path = write(tmp_path / "bad-length.warc", broken)
    items = list(read_paths([str(path)]))
    assert docs(items) == []
    [error] = failures(items)
    assert error.reason == "corrupt or truncated WARC at byte offset 0: record longer than its Content-Length"


def test_whole_file_gzip_is_read_like_per_record_gzip(tmp_path):
    crawl = mixed_crawl(gz=False)
    per_record = write(tmp_path / "plain.warc", crawl.bytes())
    whole = write(tmp_path / "whole.warc.gz", gzip.compress(crawl.bytes()))
    a = list(read_paths([str(per_record)]))
    b = list(read_paths([str(whole)]))
    assert failures(b) == []
    assert [d.text for d in docs(a)] == [d.text for d in docs(b)]
    assert [s.category for s in skipped(a)] == [s.category for s in skipped(b)]
    # offsets in a single-stream gzip count uncompressed bytes: the same as the plain file's
    assert [d.meta["warc_offset"] for d in docs(a)] == [d.meta["warc_offset"] for d in docs(b)]


def test_truncated_whole_file_gzip(tmp_path):
    packed = gzip.compress(_articles_crawl(False).bytes())
    path = write(tmp_path / "whole.warc.gz", packed[: len(packed) * 2 // 3])
    items = list(read_paths([str(path)]))
    [error] = failures(items)
    assert items[-1] is error
    assert "uncompressed stream" in error.reason
    assert len(docs(items)) >= 1


# --- limits, batches, dispatch --------------------------------------------------------------


def test_file_larger_than_max_bytes_is_streamed_and_max_bytes_limits_records(tmp_path):
    crawl = Crawl(gz=False)
    big = article_html("A very long page", ["word " * 400] * 8).encode()
    crawl.response("small", "https://news.example/small", PORT.encode())
    crawl.response("big", "https://news.example/big", big)
    crawl.response("small2", "https://news.example/small2", FLOODS.encode())
    path = write(tmp_path / "crawl.warc", crawl.bytes())
    limit = len(big) - 1
    assert os.path.getsize(path) > limit  # the file is over the limit; none of its records but one
    items = list(read_paths([str(path)], max_bytes=limit))
    assert [d.url for d in docs(items)] == ["https://news.example/small", "https://news.example/small2"]
    [big_skip] = skipped(items)
    assert big_skip.category == "too-large"
    # a limit below the file's size but above each record: everything is read
    items = list(read_paths([str(path)], max_bytes=len(big) + 1))
    assert len(docs(items)) == 3


def test_directory_with_warc_files_and_a_batch_that_goes_on(tmp_path):
    write(tmp_path / "crawls" / "a.warc.gz", _articles_crawl(True, n=2).bytes())
    write(tmp_path / "crawls" / "b.warc", _articles_crawl(False, n=1).bytes())
    write(tmp_path / "crawls" / "broken.warc.gz", b"\x1f\x8b" + bytes(100))
    write(tmp_path / "crawls" / "note.txt", b"Council approves new cycle lanes after a long debate.\n")
    write(tmp_path / "crawls" / "skip.gz", gzip.compress(b"not a warc"))  # not a known extension
    items = list(read_paths([str(tmp_path / "crawls")]))
    sources = [i.source.split("#")[0] for i in items if isinstance(i, Document)]
    assert [os.path.basename(s) for s in sources] == ["a.warc.gz", "a.warc.gz", "b.warc", "note.txt"]
    [error] = failures(items)
    assert error.source.endswith("broken.warc.gz")
    # a glob that keeps known extensions only sees the double extension too
    globbed = list(read_paths([str(tmp_path / "crawls" / "*")]))
    assert [i.source for i in globbed] == [i.source for i in items]


def test_kind_of_compound_extension():
    assert kind_of("crawl.warc.gz") == "warc"
    assert kind_of("/data/CC-MAIN-2024.WARC.GZ") == "warc"
    assert kind_of("crawl.warc") == "warc"
    assert kind_of("story.txt.gz") is None
    assert kind_of("page.html") == "html"
    assert kind_of("archive.gz") is None


def test_warc_without_a_telling_name_is_sniffed(tmp_path):
    data = _articles_crawl(True, n=2).bytes()
    assert looks_like_warc(data[:512]) and looks_like_warc(b"WARC/1.0\r\n")
    assert not looks_like_warc(gzip.compress(b"<html></html>")) and not looks_like_warc(b"<html>")
    path = write(tmp_path / "download.bin", data)
    assert len(docs(read_paths([str(path)]))) == 2
    stdin = io.BytesIO(data)
    stdin.buffer = stdin  # type: ignore[attr-defined]
    assert len(docs(read_paths(["-"], stdin=stdin))) == 2


def test_read_bytes_leaves_out_skipped_records():
    data = mixed_crawl().bytes()
    documents = read_bytes(data, "crawl.warc.gz")
    assert [d.url for d in documents] == ["https://news.example/port", "https://news.example/cafe",
                                          "https://news.example/floods"]
    assert documents[0].source.startswith("crawl.warc.gz#")
    with pytest.raises(ReadError, match="not a WARC file"):
        read_bytes(b"garbage, not an archive at all", "x.warc")


def test_skipped_is_a_read_error_with_a_category():
    item = Skipped("crawl.warc.gz#120", "HTTP status 404", "status-404")
    assert isinstance(item, ReadError)
    assert item.category == "status-404"
    assert str(item) == "crawl.warc.gz#120: HTTP status 404"
    again = pickle.loads(pickle.dumps(item))
    assert again == item and again.category == "status-404"
    assert item != ReadError("crawl.warc.gz#120", "HTTP status 404")


@pytest.mark.e2e
def test_cli_ingests_a_crawl_and_counts_what_is_not_an_article(tmp_path):
    import json
    import os
    import subprocess
    import sys

    crawl = write(tmp_path / "crawl.warc.gz", mixed_crawl().bytes())
    db = tmp_path / "crawl.db"
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(db), "ingest", str(crawl)],
                         capture_output=True, text=True, cwd=root, env={**os.environ, "COLUMNS": "200"})
    assert run.returncode == 0, run.stderr
    assert "error:" not in run.stderr
    assert "3 documents read: 3 new, 0 skipped, 0 failed" in run.stdout
    assert "9 archive records not articles" in run.stdout and "status-404 1" in run.stdout
    arts = subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(db), "articles", "--format", "json"],
                          capture_output=True, text=True, cwd=root, check=True).stdout.splitlines()
    urls = {json.loads(a)["url"] for a in arts}
    assert "https://news.example/port" in urls
