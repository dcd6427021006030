"""The README's examples, run as written: the console transcripts and the library snippet."""
from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

from askclover.cli import main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
EXIT = '; echo "exit $?"'


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README, re.S)


def test_console_examples_print_what_the_readme_shows(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    runs = [run for block in blocks("console") for run in re.split(r"^\$ ", block, flags=re.M) if run]
    assert runs
    for run in runs:
        command, _, expected = run.partition("\n")
        argv = shlex.split(command.removesuffix(EXIT))
        assert argv[0] == "askclover"
        out = io.StringIO()
        code = main(argv[1:], stdout=out, stderr=io.StringIO())
        shown = out.getvalue() + (f"exit {code}\n" if command.endswith(EXIT) else "")
        assert shown == expected, command


def test_library_example_prints_what_its_comments_say():
    (code,) = blocks("python")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    promised = [m.group(1) for m in re.finditer(r"^print\(.*?\)\s+# (.+)$", code, re.M)]
    assert promised and all(line in printed for line in promised)
    assert printed[0].startswith("True progression-free survival /") and printed[0].endswith(" 2247")


def test_json_example_has_the_keys_of_a_real_answer():
    import json

    (example,) = blocks("json")
    out = io.StringIO()
    main(["--json", "What does PFS stand for?"], stdout=out, stderr=io.StringIO())
    real = json.loads(out.getvalue())
    shown = json.loads(example)
    assert set(shown) == set(real) and set(shown["quotes"][0]) == set(real["quotes"][0])
