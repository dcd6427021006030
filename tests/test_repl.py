"""The chat driven through a real prompt-toolkit session with pipe input."""
from __future__ import annotations

import io

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from askclover import Conversation
from askclover.repl import Repl, history_path, make_history


def drive(index, keys: str, history=None) -> str:
    buffer = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(keys)
        output = PlainTextOutput(buffer)
        code = Repl(Conversation(index), input=inp, output=output, color=False, width=60,
                    history=history).run()
    assert code == 0
    return buffer.getvalue()


def test_turns_why_reset_and_ctrl_d(harbor):
    screen = drive(harbor, "Who was the last keeper?\rWho was his daughter?\r/why\r/reset\r"
                           "Who was his daughter?\r\x04")
    assert "askclover — 1 file" in screen
    assert "Thomas Greer" in screen
    assert "Ellen" in screen and "read as: Who was Thomas Greer's daughter?" in screen
    assert "question type: person" in screen
    assert "Conversation reset." in screen


def test_ctrl_c_clears_the_line_and_quit_leaves(harbor):
    screen = drive(harbor, "half a question\x03/help\r/sources\r/quit\r")
    assert "/reset" in screen and "harbor-light.md" in screen
    assert "half a question" not in screen.split("/help")[-1]


def test_history_is_saved_to_the_state_dir(harbor):
    drive(harbor, "How long do guided tours last?\r\x04", history=make_history(print))
    assert "How long do guided tours last?" in history_path().read_text(encoding="utf-8")


def test_long_answers_wrap_to_the_width(harbor):
    screen = drive(harbor, "Were there any injuries?\r\x04")
    assert "No injuries were reported" in screen
    assert all(len(line.rstrip()) <= 60 for line in screen.splitlines() if "askclover>" not in line)


def test_tips_only_for_a_first_time_user(harbor):
    from prompt_toolkit.history import InMemoryHistory

    assert "Try: What does CHT stand for?" in drive(harbor, "\x04")
    used = InMemoryHistory()
    used.append_string("an earlier question")
    assert "Try:" not in drive(harbor, "\x04", history=used)


def test_tab_completion_offers_names_terms_and_abbreviations(harbor):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    repl = Repl(Conversation(harbor))
    offered = lambda text: [c.text for c in repl.session.completer.get_completions(Document(text), CompleteEvent())]
    assert "Whitfield" in offered("Who is Whitf")
    assert "CHT" in offered("what is ch")
    assert "lighthouse" in offered("when did the lightho") or "Lighthouse" in offered("when did the lightho")


class Recording(Repl):
    """The chat with what it says collected, for exact transcripts."""

    def say(self, text: str) -> None:
        self.said.append(text)


def transcript(index, keys: str, width: int = 50, history=None) -> str:
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.output import DummyOutput

    if history is None:
        history = InMemoryHistory()
        history.append_string("an earlier question")
    with create_pipe_input() as inp:
        inp.send_text(keys)
        repl = Recording(Conversation(index), input=inp, output=DummyOutput(), color=False, width=width,
                         history=history)
        repl.said = []
        assert repl.run() == 0
    return "\n".join(repl.said)


def test_why_after_an_abstention_says_what_was_missing(harbor):
    assert transcript(harbor, "What is the capital of France?\r/why\r\x04") == """\
askclover — 1 file, 9 passages loaded. /help for
commands, Ctrl-D to quit.
The article doesn't say.
question type: description
answer: (abstained)
not in the articles: capital, france
no sentence shares a word with the question"""


def test_help_wraps_to_the_width_without_breaking_words(harbor):
    said = transcript(harbor, "/help\r\x04").split("\n", 2)[2]
    assert said == """\
Ask a question about the loaded articles and press
Enter.
  /help      this help
  /sources   the loaded files
  /why       how the last answer was found, or why
             there was none
  /reset     forget the conversation so far
  /quit      leave (also quit, exit, :q or
             Ctrl-D); Ctrl-C clears the line"""


def test_quit_exit_and_colon_q_leave_without_a_slash(harbor):
    for word in ("quit", "exit", ":q", "Quit"):
        assert transcript(harbor, f"{word}\rWho was the last keeper?\r").count("\n") == 1


def test_sources_are_shown_by_short_name(shipped):
    said = transcript(shipped, "/sources\r\x04")
    assert said.splitlines()[-1].startswith("  iopofosine-131-clover-2.txt  (")


def test_tab_completion_leaves_out_stop_words(harbor):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    repl = Repl(Conversation(harbor))
    offered = [c.text.lower() for c in repl.session.completer.get_completions(Document("th"), CompleteEvent())]
    assert offered and not {"than", "that", "there", "these", "their", "this"} & set(offered)


def test_history_file_is_private(harbor):
    import stat

    drive(harbor, "How long do guided tours last?\r\x04", history=make_history(print))
    assert stat.S_IMODE(history_path().stat().st_mode) == 0o600
    history_path().chmod(0o644)
    make_history(print)
    assert stat.S_IMODE(history_path().stat().st_mode) == 0o600
