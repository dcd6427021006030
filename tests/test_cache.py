from pathlib import Path

from askclover import Answerer
from askclover.cache import cache_dir, load_index

DATA = Path(__file__).parent / "data"


def test_cache_is_written_reused_and_gives_identical_answers(tmp_path):
    src = tmp_path / "a.md"
    src.write_text((DATA / "harbor-light.md").read_text(encoding="utf-8"), encoding="utf-8")
    fresh = load_index(src, use_cache=False)
    first = load_index(src)
    assert len(list(cache_dir().glob("*.pickle"))) == 1
    second = load_index(src)
    for q in ["Who was the last keeper?", "How long do guided tours last?", "What is the capital of France?"]:
        assert Answerer(fresh).ask(q) == Answerer(first).ask(q) == Answerer(second).ask(q)


def test_changed_file_rebuilds_and_corrupt_cache_is_ignored(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("The tower has 119 steps.\n", encoding="utf-8")
    load_index(src)
    src.write_text("The tower has 120 steps.\n", encoding="utf-8")
    assert "120" in Answerer(load_index(src)).ask("How many steps does the tower have?").text
    for f in cache_dir().glob("*.pickle"):
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
