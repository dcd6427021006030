from pathlib import Path

from askclover import Answerer
from askclover.cache import SUFFIX, cache_dir, load_index

DATA = Path(__file__).parent / "data"


def test_cache_is_written_reused_and_gives_identical_answers(tmp_path):
    src = tmp_path / "a.md"
    src.write_text((DATA / "harbor-light.md").read_text(encoding="utf-8"), encoding="utf-8")
    fresh = load_index(src, use_cache=False)
    first = load_index(src)
    assert len(list(cache_dir().glob(f"*{SUFFIX}"))) == 1
    second = load_index(src)
    for q in ["Who was the last keeper?", "How long do guided tours last?", "What is the capital of France?"]:
        assert Answerer(fresh).ask(q) == Answerer(first).ask(q) == Answerer(second).ask(q)


def test_changed_file_rebuilds_and_corrupt_cache_is_ignored(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("The tower has 119 steps.\n", encoding="utf-8")
    load_index(src)
    src.write_text("The tower has 120 steps.\n", encoding="utf-8")
    assert "120" in Answerer(load_index(src)).ask("How many steps does the tower have?").text
    for f in cache_dir().glob(f"*{SUFFIX}"):
        f.write_bytes(b"garbage")
    assert "120" in Answerer(load_index(src)).ask("How many steps does the tower have?").text


def test_unwritable_cache_warns_once_and_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ASKCLOVER_CACHE", str(blocker / "sub"))
    warnings = []
    index = load_index(DATA / "harbor-light.md", warn=warnings.append)
    assert len(warnings) == 1 and "cache" in warnings[0]
    assert Answerer(index).ask("Who was the last keeper?").answered


def test_fingerprint_covers_the_code_and_the_data_files(tmp_path):
    import shutil

    from askclover import cache

    here = Path(cache.__file__).resolve().parent
    copy = tmp_path / "askclover"
    shutil.copytree(here, copy, ignore=shutil.ignore_patterns("__pycache__"))
    base = cache._code_fingerprint(copy)
    assert base == cache._code_fingerprint(copy) == cache._code_fingerprint()
    for name in ["data/irregular.tsv", "data/homographs.tsv", "split.py", "text.py"]:
        original = (copy / name).read_bytes()
        (copy / name).write_bytes(original + b"\n")
        assert cache._code_fingerprint(copy) != base, name
        (copy / name).write_bytes(original)
    (copy / "data" / "new.tsv").write_text("a\tb\n")
    assert cache._code_fingerprint(copy) != base


def test_cached_index_is_mapped_and_answers_alike_with_either_engine(tmp_path, monkeypatch):
    import askclover.index as index_module

    questions = ["Who was the last keeper?", "How many steps does the tower have?", "What is the CHT?",
                 "when did the lamp go dark", "What is the capital of France?"]
    for small in (0, 10**6):
        monkeypatch.setattr(index_module, "SMALL", small)
        monkeypatch.setenv("ASKCLOVER_CACHE", str(tmp_path / f"cache-{small}"))
        fresh = load_index(DATA, use_cache=False)
        load_index(DATA)
        cached = load_index(DATA)
        assert type(cached.sentences) is type(fresh.sentences)
        assert not cached.unit_table.flags.writeable and not cached.passage_table.flags.writeable
        assert list(cached.knowledge.passages) == list(fresh.knowledge.passages)
        for q in questions:
            assert Answerer(cached).ask(q) == Answerer(fresh).ask(q)


def test_truncated_or_foreign_cache_is_rebuilt(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("The tower has 119 steps.\n", encoding="utf-8")
    load_index(src)
    (cached,) = cache_dir().glob(f"*{SUFFIX}")
    data = cached.read_bytes()
    for broken in (data[: len(data) // 2], data[:-30] + data[-24:], b"askclover-index1" * 4):
        cached.write_bytes(broken)
        assert "119" in Answerer(load_index(src)).ask("How many steps does the tower have?").text


def test_prune_keeps_the_newest_within_count_and_bytes(tmp_path):
    import os

    from askclover.cache import _prune

    for i, size in enumerate([300, 300, 300, 300, 5000]):
        f = tmp_path / f"{i}.index"
        f.write_bytes(b"x" * size)
        os.utime(f, (1000 + i, 1000 + i))
    _prune(tmp_path, keep=8, max_bytes=5500)
    assert sorted(f.name for f in tmp_path.glob("*.index")) == ["3.index", "4.index"]
    _prune(tmp_path, keep=8, max_bytes=100)
    assert [f.name for f in tmp_path.glob("*.index")] == ["4.index"]


def test_clear_cache_from_the_command_line(tmp_path):
    import io

    from askclover.cli import main

    load_index(DATA / "harbor-light.md")
    size = sum(f.stat().st_size for f in cache_dir().glob("*.index"))
    out = io.StringIO()
    assert main(["--clear-cache"], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == f"removed 1 cached index ({size / 2**20:.1f} MB) from {cache_dir()}\n"
    assert list(cache_dir().glob("*.index")) == []
    out = io.StringIO()
    assert main(["--clear-cache"], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == f"removed 0 cached indexes (0.0 MB) from {cache_dir()}\n"


def test_prune_keeps_at_most_the_count(tmp_path):
    from askclover.cache import _prune

    for i in range(5):
        (tmp_path / f"{i}.index").write_bytes(b"x")
    _prune(tmp_path, keep=2)
    assert len(list(tmp_path.glob("*.index"))) == 2
