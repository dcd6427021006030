"""The interactive chat: a prompt-toolkit loop over a Conversation."""
from __future__ import annotations

import datetime
import os
from collections import Counter
import re
import textwrap
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.output import Output

from .converse import Conversation
from .model import Answer
from .present import Style, clean, explain, render, short_names
from .text import STOP_WORDS

COMMANDS = (
    ("/help", "this help"),
    ("/sources", "the loaded files"),
    ("/why", "how the last answer was found, or why there was none"),
    ("/reset", "forget the conversation so far"),
    ("/quit", "leave (also quit, exit, :q or Ctrl-D); Ctrl-C clears the line"),
)
QUIT = frozenset({"/quit", "/exit", "/q", "quit", "exit", ":q", ":quit"})
PROMPT = "askclover> "


def help_text(width: int) -> str:
    """The /help text, wrapped to ``width`` without breaking words."""
    lines = textwrap.wrap("Ask a question about the loaded articles and press Enter.", width)
    for cmd, what in COMMANDS:
        lines += textwrap.wrap(what, width, initial_indent=f"  {cmd:<10} ", subsequent_indent=" " * 13,
                               break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


def history_path() -> Path:
    """``$XDG_STATE_HOME/askclover/history``, else ``~/.local/state/askclover/history``."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "askclover" / "history"


class AppendHistory(FileHistory):
    """prompt-toolkit's history file, each entry appended with one write to a file opened for
    appending, so sessions writing at once never interleave their lines, however long an entry."""

    def store_string(self, string: str) -> None:
        record = f"\n# {datetime.datetime.now()}\n" + "".join(f"+{line}\n" for line in string.split("\n"))
        data = record.encode("utf-8")
        fd = os.open(self.filename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)


def make_history(warn):
    """A file history, or an in-memory one with a warning when the file cannot be written."""
    path = history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
        return AppendHistory(str(path))
    except OSError as e:
        warn(f"history will not be saved ({e.strerror or e})")
        return InMemoryHistory()


def vocabulary(conversation: Conversation) -> list[str]:
    """Completion words: the terms the knowledge uses, as written in it (names, abbreviations),
    stop words left out."""
    seen: dict[str, str] = {short.lower(): short for short in conversation.index.abbreviations}
    for d in conversation.index.knowledge.documents:
        for w in re.findall(r"[A-Za-z][\w-]{3,}", d.text):
            if w.lower() not in STOP_WORDS:
                seen.setdefault(w.lower(), w)
    return sorted(seen.values(), key=str.lower)


def examples(conversation: Conversation, n: int = 3) -> list[str]:
    """Example questions drawn from the knowledge: a question heading, an abbreviation, and the
    names it mentions most (capitalised words inside sentences)."""
    ix = conversation.index
    out = [p.text for p in ix.knowledge.passages if p.is_heading and p.text.endswith("?") and len(p.text) < 60][:1]
    out += [f"What does {short} stand for?" for short in ix.abbreviations][:1]
    names: Counter[str] = Counter()
    for d in ix.knowledge.documents:
        names.update(m.group(1) for m in re.finditer(r"(?<=[a-z,;] )([A-Z][\w-]{3,})", d.text)
                     if m.group(1) not in ix.abbreviations)
    seen: set[str] = set()
    for name, count in names.most_common():
        key = ix.stems.get(name.lower(), name.lower())
        if key not in seen and count >= 0.8 * ix.vocabulary[name.lower()]:
            seen.add(key)
            out.append(f"What is said about {name}?")
        if len(out) >= n:
            break
    return out[:n]


class Repl:
    """The chat loop; input and output are injectable so tests can drive it."""

    def __init__(self, conversation: Conversation, top_k: int = 1, input=None,
                 output: Output | None = None, history=None, color: bool | None = None,
                 width: int | None = None) -> None:
        self.conversation = conversation
        self.top_k = top_k
        self.last: Answer | None = None
        self.session: PromptSession[str] = PromptSession(
            history=history or InMemoryHistory(), auto_suggest=AutoSuggestFromHistory(),
            completer=WordCompleter(vocabulary(conversation), ignore_case=True),
            complete_while_typing=False, input=input, output=output,
        )
        self.color = (not os.environ.get("NO_COLOR")) if color is None else color
        self.width = width
        self.names = short_names(d.source for d in conversation.index.knowledge.documents)

    def style(self) -> Style:
        width = self.width or self.session.output.get_size().columns
        return Style(self.color, max(20, min(width, 100)))

    def say(self, text: str) -> None:
        """Print through prompt-toolkit so the screen stays consistent."""
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import ANSI

        print_formatted_text(ANSI(text), output=self.session.output)

    def banner(self) -> None:
        """What is loaded; for a first-time user (no history yet) also example questions."""
        ix = self.conversation.index
        files = len(ix.knowledge.documents)
        width = self.style().width
        self.say(textwrap.fill(f"askclover — {files} file{'s' * (files != 1)}, {len(ix.knowledge.passages)} "
                               "passages loaded. /help for commands, Ctrl-D to quit.", width))
        if any(True for _ in self.session.history.load_history_strings()):
            return
        tips = examples(self.conversation)
        if tips:
            self.say(textwrap.fill("Try: " + "  ·  ".join(tips), width, subsequent_indent="     "))

    def command(self, line: str) -> bool:
        """Run a /command; return False to leave the loop."""
        cmd = line.split()[0].lower()
        if cmd in QUIT:
            return False
        if cmd == "/help":
            self.say(help_text(self.style().width))
        elif cmd == "/sources":
            counts: dict[str, int] = {}
            for p in self.conversation.index.knowledge.passages:
                counts[p.source] = counts.get(p.source, 0) + 1
            self.say("\n".join(f"  {clean(self.names.get(src, src))}  ({n} passages)" for src, n in counts.items()))
        elif cmd == "/why":
            self.say(explain(self.last, self.style(), self.conversation.index, self.names)
                     if self.last else "Nothing asked yet.")
        elif cmd == "/reset":
            self.conversation.reset()
            self.last = None
            self.say("Conversation reset.")
        else:
            self.say(f"Unknown command {cmd}; /help lists them.")
        return True

    def run(self) -> int:
        """Loop until /quit or Ctrl-D; Ctrl-C only clears the current line."""
        self.banner()
        while True:
            try:
                line = self.session.prompt(PROMPT).strip()
            except KeyboardInterrupt:
                continue
            except EOFError:
                return 0
            if not line:
                continue
            if line.startswith("/") or line.lower() in QUIT:
                if not self.command(line):
                    return 0
                continue
            try:
                self.last = self.conversation.ask(line)
            except KeyboardInterrupt:
                self.say("(cancelled)")
                continue
            except Exception as e:  # a bug must not end the session or lose the history
                if os.environ.get("ASKCLOVER_DEBUG"):
                    raise
                self.say(f"askclover: internal error: {type(e).__name__}: {e}")
                continue
            self.say(render(self.last, self.style(), self.top_k, self.names))


def run(conversation: Conversation, top_k: int = 1) -> int:
    """Start the chat on the real terminal with persistent history."""
    import sys

    def warn(message: str) -> None:
        print(f"askclover: warning: {message}", file=sys.stderr)

    return Repl(conversation, top_k, history=make_history(warn)).run()
