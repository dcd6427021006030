"""End-to-end tests of the command: one-shot, piped, --json, errors, all through main()."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from askclover.cli import build_parser, main

DATA = Path(__file__).parent / "data"
HARBOR = str(DATA / "harbor-light.md")


class Stdin(io.StringIO):
    def isatty(self):
        return False


def run(*argv: str, stdin: str = ""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=Stdin(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_one_shot_prints_answer_quote_and_source():
    code, out, err = run("--knowledge", HARBOR, "Who was the last keeper?")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Thomas Greer"
    assert "“The last keeper, Thomas Greer, lived" in out
    assert "harbor-light.md:9" in out


def test_one_shot_abstains_with_exit_1():
    code, out, _ = run("--knowledge", HARBOR, "What is the capital of France?")
    assert code == 1 and out.startswith("The article doesn't say.")


def test_json_contract_and_verbatim_offsets():
    code, out, _ = run("--json", "--knowledge", str(DATA), "How many heritage apple trees were planted?")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert {"question", "answered", "answer", "quotes"} <= set(obj)
    assert obj["answered"] is True and "1,800" in obj["answer"] and len(obj["answer"]) <= 300
    for q in obj["quotes"]:
        assert os.path.isabs(q["source"])
        assert open(q["source"], encoding="utf-8").read()[q["start"]:q["end"]] == q["text"]
    assert len(obj["quotes"][0]["text"]) <= 450 and obj["answer"] in obj["quotes"][0]["text"]


def test_json_abstention_has_null_answer():
    _, out, _ = run("--json", "--knowledge", HARBOR, "Who won the World Cup?")
    obj = json.loads(out)
    assert obj["answered"] is False and obj["answer"] is None


SOURCE = json.dumps(str(Path(HARBOR).resolve()))
KEEPER = ('{"text":"The last keeper, Thomas Greer, lived at the station with his daughter Ellen until 1961.",'
          f'"source":{SOURCE},"start":492,"end":579,"line":9}}')


def test_piped_questions_are_one_conversation_one_object_per_line():
    code, out, err = run("--json", "--knowledge", HARBOR,
                         stdin="Who was the last keeper?\n\nWho was his daughter?\nWhat is the capital of France?\n")
    assert out == (
        '{"question":"Who was the last keeper?","answered":true,"answer":"Thomas Greer","quotes":[' + KEEPER + '],'
        '"resolved":"Who was the last keeper?","type":"person","score":4.826}\n'
        '{"question":"","answered":false,"answer":null,"quotes":[],"resolved":"","type":"description",'
        '"score":0.0,"note":"Not asked: the line is empty."}\n'
        '{"question":"Who was his daughter?","answered":true,"answer":"Ellen","quotes":[' + KEEPER + '],'
        '"resolved":"Who was Thomas Greer\'s daughter?","type":"person","score":7.866}\n'
        '{"question":"What is the capital of France?","answered":false,"answer":null,"quotes":[],'
        '"resolved":"What is the capital of France?","type":"description","score":0.0,'
        '"note":"The article doesn\'t say."}\n')
    assert code == 1 and err == ""


def test_piped_exit_status_is_0_only_when_every_line_is_answered():
    assert run("--json", "--knowledge", HARBOR, stdin="Who was the last keeper?\nWho was his daughter?\n")[0] == 0
    assert run("--knowledge", HARBOR, stdin="Who was the last keeper?\n\n")[0] == 1
    code, out, err = run("--json", "--knowledge", HARBOR, stdin="x" * 2001 + "\n")
    assert code == 1 and json.loads(out)["note"] == "Not asked: the line is longer than 2000 characters."
    assert err == "askclover: warning: line 1: longer than 2000 characters, not asked\n"


def test_piped_text_transcript():
    code, out, _ = run("--knowledge", HARBOR, stdin="Who was the last keeper?\n\nWho was his daughter?\n")
    assert out == """Thomas Greer
  “The last keeper, Thomas Greer, lived at the station with his daughter Ellen
  until 1961.”
  — harbor-light.md:9

Not asked: the line is empty.

Ellen
  (read as: Who was Thomas Greer's daughter?)
  “The last keeper, Thomas Greer, lived at the station with his daughter Ellen
  until 1961.”
  — harbor-light.md:9

"""


def test_top_k_sets_the_number_of_quotes():
    for n in (1, 2):
        _, out, _ = run("--json", "-n", str(n), "--knowledge", HARBOR, "How long do guided tours last?")
        assert len(json.loads(out)["quotes"]) == n


def test_json_resolved_is_the_reading_the_text_shows():
    _, text, _ = run("--knowledge", HARBOR, "how long do gided tuors last")
    _, out, _ = run("--json", "--knowledge", HARBOR, "how long do gided tuors last")
    assert "(read as: how long do guided tours last)" in text
    assert json.loads(out)["resolved"] == "how long do guided tours last"


def test_json_explain_is_under_its_own_key():
    _, out, _ = run("--json", "--explain", "--knowledge", HARBOR, "how long do gided tours last")
    assert out.count("\n") == 1
    explained = json.loads(out)["explain"]
    assert explained.pop("decision") == "answered" and 0.5 < explained.pop("probability") < 1
    assert explained.pop("features")["coverage"] > 0
    assert explained == {
        "read_as": "how long do guided tours last", "corrections": [["gided", "guided"]], "span": [771, 781],
        "why_not": None, "not_in_articles": [], "not_in_closest": [],
        "passages": [{"score": 7.647, "source": json.loads(SOURCE), "start": 753, "end": 817, "line": 13,
                      "text": "Guided tours last 45 minutes and climb 119 steps to the gallery."},
                     {"score": 2.061, "source": json.loads(SOURCE), "start": 492, "end": 579, "line": 9,
                      "text": "The last keeper, Thomas Greer, lived at the station with his daughter Ellen until 1961."}]}
    _, out, _ = run("--json", "--explain", "--knowledge", HARBOR, "What is the capital of France?")
    assert json.loads(out)["explain"]["not_in_articles"] == ["capital", "france"]


def test_json_abstention_quotes_the_closest_sentence_if_any_shares_a_word():
    _, out, _ = run("--json", "--knowledge", HARBOR, "How many lighthouses does Paris have?")
    obj = json.loads(out)
    assert obj["answered"] is False and obj["quotes"] and "ighthouse" in obj["quotes"][0]["text"]
    _, out, _ = run("--json", "--knowledge", HARBOR, "What is the capital of France?")
    assert json.loads(out)["quotes"] == []


def test_colliding_file_names_show_their_folders(tmp_path):
    for sub, year in (("north", 1872), ("south", 1901)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "light.md").write_text(f"The {sub} tower was built in {year}.\n", encoding="utf-8")
    _, out, _ = run("--knowledge", str(tmp_path), "When was the south tower built?")
    assert out.splitlines()[0] == "1901" and out.splitlines()[-1] == "  — south/light.md:1"


def test_piped_human_output_separates_answers():
    _, out, _ = run("--knowledge", HARBOR, stdin="Who was the last keeper?\nHow long do guided tours last?\n")
    assert "Thomas Greer" in out and "45 minutes" in out and "\n\n" in out


def test_missing_knowledge_is_exit_2(tmp_path):
    code, out, err = run("--knowledge", str(tmp_path / "nope"), "q?")
    assert code == 2 and out == ""
    assert err.startswith("askclover: error: knowledge path not found") and err.count("\n") == 1


def test_empty_folder_and_bad_files_are_reported(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "empty.md").write_text("")
    code, _, err = run("--knowledge", str(tmp_path), "q?")
    assert code == 2
    assert "binary.txt: not a text file" in err and "latin.txt: not UTF-8" in err and "empty.md: empty" in err
    assert "Traceback" not in err


def test_a_bad_file_is_skipped_and_the_rest_used(tmp_path):
    (tmp_path / "good.md").write_text(Path(HARBOR).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    code, out, err = run("--knowledge", str(tmp_path), "Who was the last keeper?")
    assert code == 0 and "Thomas Greer" in out and "bad.txt" in err


def test_empty_question_and_bad_option():
    assert run("--knowledge", HARBOR, "   ")[0] == 2
    assert run("--top-k", "0", "q")[0] == 2
    assert run("--no-such-option")[0] == 2


def test_every_option_has_help():
    for action in build_parser()._actions:
        assert action.help, action.dest


def test_version_and_help(capsys):
    assert run("--version")[0] == 0
    assert "askclover " in capsys.readouterr().out
    assert run("--help")[0] == 0
    assert "examples:" in capsys.readouterr().out


def test_installed_command_handles_closed_pipe_and_env_knowledge(tmp_path):
    env = dict(os.environ, ASKCLOVER_KNOWLEDGE=HARBOR, XDG_CACHE_HOME=str(tmp_path))
    questions = "\n".join(["How long do guided tours last?"] * 200) + "\n"
    p = subprocess.run(f"{sys.executable} -m askclover | head -1", shell=True, input=questions,
                       capture_output=True, text=True, env=env, timeout=60)
    assert p.stdout.strip() == "45 minutes"
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr


def test_explain_shows_type_typos_and_passages():
    code, out, _ = run("--explain", "--knowledge", HARBOR, "how long do gided tours last")
    assert code == 0
    assert "45 minutes" in out and "question type: duration" in out
    assert "typos fixed: gided → guided" in out and "1. [" in out
    assert "\nread as: how long do guided tours last\n" in out


def test_control_sequences_in_articles_never_reach_the_terminal(tmp_path):
    article = tmp_path / "evil.txt"
    article.write_text("The keeper \x1b]0;pwned\x07lit the \x1b[31mred\x1b[0m lamp at dusk every day.\n", encoding="utf-8")
    code, out, _ = run("--knowledge", str(article), "Who lit the lamp at dusk?")
    assert "\x1b" not in out and "\x07" not in out and "lamp" in out
    _, out, _ = run("--json", "--knowledge", str(article), "Who lit the lamp at dusk?")
    quote = json.loads(out)["quotes"][0]
    assert "\\u001b" in out and open(quote["source"], encoding="utf-8").read()[quote["start"]:quote["end"]] == quote["text"]


def test_progress_bar_draws_on_a_terminal_only_for_large_builds():
    from askclover.present import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    small, large = Tty(), Tty()
    Progress(small)(10, 100)
    Progress(large)(5000, 10000)
    Progress(large)(10000, 10000)
    assert small.getvalue() == ""
    assert "5,000/10,000 passages" in large.getvalue() and large.getvalue().endswith("passages\n")


def test_files_of_other_kinds_are_named_as_skipped(tmp_path):
    (tmp_path / "good.md").write_text(Path(HARBOR).read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("report.pdf", "page.html", "notes.docx", "a.png", "b.png", ".hidden.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    code, out, err = run("--knowledge", str(tmp_path), "Who was the last keeper?")
    assert code == 0 and out.startswith("Thomas Greer")
    assert err == (
        f"askclover: warning: skipped {tmp_path}/notes.docx: a word-processor file (save it as plain text); "
        "only .txt and .md files are read\n"
        f"askclover: warning: skipped {tmp_path}/page.html: HTML (save it as text, e.g. with pandoc -t plain); "
        "only .txt and .md files are read\n"
        f"askclover: warning: skipped {tmp_path}/report.pdf: a PDF (convert it to text, e.g. with pdftotext); "
        "only .txt and .md files are read\n"
        "askclover: warning: skipped 2 other files not .txt or .md (a.png, b.png)\n")
    (tmp_path / "report.pdf").unlink()
    _, _, again = run("--knowledge", str(tmp_path), "Who was the last keeper?")
    assert "report.pdf" not in again and again.count("\n") == 3
