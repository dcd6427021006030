"""The ``askclover`` command: parse arguments, call the library, render, map errors to exit codes."""
from __future__ import annotations

import argparse
import os
import sys
from enum import IntEnum
from typing import TextIO

from . import __version__
from .errors import AskCloverError
from .answer import MAX_QUESTION
from .model import Answer
from .present import Progress, auto_style, explain, is_terminal, json_line, render, short_names

EXAMPLES = """examples:
  askclover                                   start the interactive chat
  askclover "what were the side effects?"     ask one question
  askclover --json "who is the CEO?"          machine-readable answer
  askclover --knowledge my-articles/ "..."    ask about your own .txt/.md files
  printf 'q1\\nq2\\n' | askclover --json       a conversation, one question a line
"""


class ExitStatus(IntEnum):
    """Exit codes: answered, not answered, usage or knowledge error, interrupted."""

    OK = 0
    NO_ANSWER = 1
    ERROR = 2
    INTERRUPTED = 130


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter sized as ``shutil.get_terminal_size`` would size it, without importing
    ``shutil`` (and its ``bz2``, ``lzma``) on every run: argparse makes one per option it adds."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
        super().__init__(prog, width=columns - 2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every option has help text."""
    p = argparse.ArgumentParser(
        prog="askclover", epilog=EXAMPLES, formatter_class=HelpFormatter,
        description="Answer questions about the articles in a knowledge folder, quoting them verbatim.",
    )
    p.add_argument("question", nargs="*", help="the question to ask (omit it for the interactive chat)")
    p.add_argument("-k", "--knowledge", metavar="PATH",
                   help="a .txt/.md file or a folder of them (default: $ASKCLOVER_KNOWLEDGE, else the shipped article)")
    p.add_argument("-n", "--top-k", type=int, default=1, metavar="N",
                   help="how many supporting quotes to show (default: 1)")
    p.add_argument("--json", action="store_true", help="print one JSON object per question, nothing else")
    p.add_argument("--explain", action="store_true", help="also show how the answer was found, or why there is none")
    p.add_argument("--no-cache", action="store_true", help="rebuild the index instead of using the cache")
    p.add_argument("--clear-cache", action="store_true", help="delete the cached indexes and exit")
    p.add_argument("--version", action="version", version=f"askclover {__version__}",
                   help="show the version and exit")
    return p


def _safe(text: str) -> str:
    """Undo the surrogate escapes the OS may give undecodable arguments."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; return the exit status instead of exiting."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout or open(os.devnull, "w")
    stderr = stderr or sys.stderr or open(os.devnull, "w")
    try:
        return _run(argv, stdin, stdout, stderr)
    except KeyboardInterrupt:
        print("", file=stderr)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return ExitStatus.OK
    except Exception as e:
        if os.environ.get("ASKCLOVER_DEBUG"):
            raise
        print(f"askclover: internal error: {type(e).__name__}: {e} (set ASKCLOVER_DEBUG=1 for details)",
              file=stderr)
        return ExitStatus.ERROR


def _run(argv: list[str] | None, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.top_k < 1:
        print("askclover: error: --top-k must be at least 1", file=stderr)
        return ExitStatus.ERROR

    def warn(message: str) -> None:
        print(f"askclover: warning: {_safe(message)}", file=stderr)

    from .cache import cache_dir, clear_cache, load_index

    if args.clear_cache:
        try:
            count, size = clear_cache()
        except OSError as e:
            print(f"askclover: error: cannot clear the cache in {_safe(str(cache_dir()))} ({e.strerror or e})",
                  file=stderr)
            return ExitStatus.ERROR
        print(f"removed {count} cached index{'es' * (count != 1)} ({size / 2**20:.1f} MB) from {cache_dir()}",
              file=stdout)
        return ExitStatus.OK
    from .converse import Conversation

    show = Progress(stderr) if is_terminal(stderr) and not args.json else None
    try:
        index = load_index(args.knowledge, use_cache=not args.no_cache, warn=warn, progress=show)
    except AskCloverError as e:
        print(f"askclover: error: {_safe(str(e))}", file=stderr)
        return ExitStatus.ERROR
    conversation = Conversation(index, top_k=args.top_k)
    names = short_names(d.source for d in index.knowledge.documents)
    question = _safe(" ".join(args.question)).strip()
    if args.question:
        if not question:
            print("askclover: error: the question is empty", file=stderr)
            return ExitStatus.ERROR
        if len(question) > MAX_QUESTION:
            print(f"askclover: error: the question is longer than {MAX_QUESTION} characters", file=stderr)
            return ExitStatus.ERROR
        answer = conversation.ask(question)
        _emit(answer, args, stdout, index, names)
        return ExitStatus.OK if answer.answered else ExitStatus.NO_ANSWER
    if stdin is None:
        print("askclover: error: no question: give one as an argument, or on standard input", file=stderr)
        return ExitStatus.ERROR
    if is_terminal(stdin) and is_terminal(stdout) and not args.json:
        from .repl import run

        return run(conversation, top_k=args.top_k)
    every = True
    for number, raw in enumerate(_lines(stdin), 1):
        line = raw.strip()
        if not line:
            answer = _not_asked(line, "the line is empty")
        elif len(line) > MAX_QUESTION:
            warn(f"line {number}: longer than {MAX_QUESTION} characters, not asked")
            answer = _not_asked(line, f"the line is longer than {MAX_QUESTION} characters")
        else:
            answer = conversation.ask(line)
        every = every and answer.answered
        _emit(answer, args, stdout, index, names)
        if not args.json:
            print(file=stdout)
        stdout.flush()
    return ExitStatus.OK if every else ExitStatus.NO_ANSWER


def _not_asked(line: str, why: str) -> Answer:
    """The reply to a piped line that is no question, so every line gets one."""
    return Answer(line, False, None, note=f"Not asked: {why}.")


def _lines(stdin: TextIO):
    """Lines of standard input, decoded leniently so bad bytes cannot stop the run."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        yield from stdin
        return
    for raw in buffer:
        yield raw.decode("utf-8", "replace")


def _emit(answer: Answer, args, stdout: TextIO, index, names: dict[str, str]) -> None:
    if args.json:
        print(json_line(answer, index, args.explain), file=stdout)
        return
    style = auto_style(stdout)
    print(render(answer, style, args.top_k, names), file=stdout)
    if args.explain:
        print("\n" + explain(answer, style, index, names), file=stdout)


def main_exit() -> None:
    """Console-script entry point."""
    sys.exit(main())
