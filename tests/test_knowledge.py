from pathlib import Path

import pytest

from askclover import Knowledge, KnowledgeError
from askclover.knowledge import decode, find_files


def test_find_files_takes_text_and_markdown_and_skips_hidden(tmp_path):
    for name in ["a.txt", "b.md", "c.pdf", ".hidden.txt", "sub/d.markdown", ".git/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files(tmp_path)] == ["a.txt", "b.md", "sub/d.markdown"]


@pytest.mark.parametrize("data", [b"one\r\ntwo\r\n", b"one\rtwo", "\ufeffBOM first\n".encode(), b"no newline"])
def test_decoded_text_equals_what_open_reads(tmp_path, data):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    assert decode(path, data) == open(path, encoding="utf-8").read()


def test_load_splits_passages_and_reports_missing_paths(tmp_path):
    k = Knowledge.load(Path(__file__).parent / "data" / "orchard.txt")
    assert len(k.documents) == 1 and len(k.passages) >= 4
    with pytest.raises(KnowledgeError):
        Knowledge.load(tmp_path / "missing")
