"""Bad knowledge, bad streams and interrupted writes: a clear message, nothing corrupted."""
from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from askclover import load_index
from askclover.cache import cache_dir
from askclover.cli import main
from askclover.repl import make_history

DATA = Path(__file__).parent / "data"
HARBOR = DATA / "harbor-light.md"


def test_symlink_loop_and_dangling_link_are_skipped(tmp_path):
    (tmp_path / "good.md").write_text(HARBOR.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    warnings = []
    index = load_index(tmp_path, use_cache=False, warn=warnings.append)
    assert len(index.knowledge.documents) == 1
    assert any("loop.txt" in w for w in warnings) and any("gone.txt" in w for w in warnings)


def test_many_tiny_files(tmp_path):
    for i in range(2000):
        (tmp_path / f"note-{i:04d}.txt").write_text(f"Note {i} says the lamp number {i} was lit.\n")
    index = load_index(tmp_path, use_cache=False)
    assert len(index.knowledge.documents) == 2000


def test_interrupted_cache_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pickle, "dump", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_index(HARBOR)
    assert not cache_dir().exists() or list(cache_dir().iterdir()) == []


def test_stdin_that_is_empty_or_not_utf8():
    for data in [b"", b"\xff\xfe\xfa what?\n", b"\n\n\n"]:
        stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        code = main(["--json", "--knowledge", str(HARBOR)], stdin=stdin, stdout=out, stderr=err)
        assert code == (0 if not data else 1)
        assert "Traceback" not in err.getvalue()
        assert len(out.getvalue().splitlines()) == data.count(b"\n")


def test_overlong_lines_are_refused_but_keep_their_place():
    stdin = io.TextIOWrapper(io.BytesIO(b"x" * 3000 + b"\nWho was the last keeper?\n"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    main(["--json", "--knowledge", str(HARBOR)], stdin=stdin, stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and '"answered":false' in lines[0] and "Thomas Greer" in lines[1]
    assert "line 1: longer than 2000 characters" in err.getvalue()
    code = main(["--knowledge", str(HARBOR), "y" * 3000], stdout=io.StringIO(), stderr=(e := io.StringIO()))
    assert code == 2 and "longer than 2000" in e.getvalue()


def test_unwritable_state_dir_degrades_to_memory_history(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    warnings = []
    history = make_history(warnings.append)
    history.append_string("still works")
    assert warnings and "history will not be saved" in warnings[0]
    assert list(history.get_strings()) == ["still works"]


def test_ctrl_c_during_a_build_exits_130_without_a_cache(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    body = "The lamp was lit at dusk and put out at dawn by the keeper. " * 40
    for i in range(300):
        (folder / f"f{i}.txt").write_text((body + "\n\n") * 20)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    import signal
    import time

    p = subprocess.Popen([sys.executable, "-m", "askclover", "--knowledge", str(folder), "lamp?"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal,
    # even when the suite itself runs in the background (where a shell starts it with Ctrl-C ignored)

    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert b"Traceback" not in err
    leftovers = list((tmp_path / "cache").rglob("*")) if (tmp_path / "cache").exists() else []
    assert [f for f in leftovers if f.is_file()] == []


def _append_many(args):
    state, tag, size = args
    os.environ["XDG_STATE_HOME"] = state
    history = make_history(print)
    for i in range(100):
        history.store_string(f"{tag} question {i} " + "x" * size + "\nsecond line")


def test_two_processes_appending_history_never_corrupt_it(tmp_path, monkeypatch, size=20_000):
    """Entries of 20,000 characters: more than one buffered write (prompt-toolkit's own
    FileHistory interleaves some of them)."""
    import multiprocessing

    from askclover.repl import AppendHistory, history_path

    state = str(tmp_path / "state")
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_append_many, [(state, "a", size), (state, "b", size)])
    monkeypatch.setenv("XDG_STATE_HOME", state)
    entries = list(AppendHistory(str(history_path())).load_history_strings())
    assert len(entries) == 200
    assert all(e.split()[0] in ("a", "b") and e.endswith("x" * size + "\nsecond line") for e in entries)
    assert {int(e.split()[2]) for e in entries if e.startswith("a ")} == set(range(100))


def test_closed_standard_streams(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    closed_in = subprocess.run(f"{sys.executable} -m askclover --knowledge {HARBOR} <&-", shell=True,
                               capture_output=True, text=True, env=env, timeout=60)
    assert closed_in.returncode == 2 and "no question" in closed_in.stderr
    all_closed = subprocess.run(f"{sys.executable} -m askclover --knowledge {HARBOR} 'Who was the keeper?' <&- >&- 2>&-",
                                shell=True, env=env, timeout=60)
    assert all_closed.returncode == 0
