"""Conversation state: follow-up questions read in the light of the turns before them."""
from __future__ import annotations

import re
from dataclasses import replace

from .answer import Answerer
from .extract import GENDERED, PERSONAL, SAID, WH, WHO_IS_NAME, defines, head_words
from .index import Index
from .model import Answer, QuestionType
from .text import STOP_WORDS, LazyPattern, fold, lemmas, parts_of_speech, stem, tokens

PRONOUNS = frozenset("he she him her his hers they them their theirs it its those".split())
LEAD = r"^\s*(?:and what about|and|also|what about|how about|same for|what of)\b"
PREPOSITIONS = r"(for|in|among|with|at|after|before|during|from|of|to|on)\b"
FOLLOW_ON = LazyPattern(LEAD, re.I)
BARE_WH = LazyPattern(r"\s*(?:and\s+)?((?:(?:by|to|from|with|for)\s+)?"
                     r"(?:what|who|whom|when|where|why|how(?:\s+(?:often|long|many|much|far))?))\W*$", re.I)
AUXILIARY = r"(?:is|are|was|were|did|do|does|has|have|had|can|could|will|would)\b"
POINTING = LazyPattern(r"\b(?:that|this|those|these)\W*$", re.I)  # "How many patients was that?"
CONDITION = LazyPattern(rf"{LEAD}\s+(?:(?:those|the ones)\s+)?{PREPOSITIONS}", re.I)
CONDITION_WORD = LazyPattern(PREPOSITIONS, re.I)
COMPARED = LazyPattern(r"(?:more|less|fewer|longer|shorter|higher|lower|bigger|smaller|over|under)\b", re.I)
POSSESSED = LazyPattern(rf"{LEAD}\s+(his|her|its|their)\s+(\w.*)", re.I)  # "And his PFS?"
WH_START = LazyPattern(rf"^\s*(?:and\s+|also\s+)?{WH}\b(?!\s+about)", re.I)
CONTEXT_WEIGHT = 0.5
ONE_OF = LazyPattern(r"\bone\s+(?:of\s+(?:the|those|these)\s+)?([a-z][\w-]*)", re.I)  # "one of the groups"
OTHER = LazyPattern(r"\bthe\s+other\s+(one|[a-z][\w-]*)\b", re.I)  # "the other group", "the other one"
PHRASE = r"(?:the|a|an|one)\s+[\w-]+(?:\s+[\w-]+)?"
ALTERNATIVES = LazyPattern(rf"\b({PHRASE})\s*,?\s+or\s+({PHRASE})\b", re.I)  # "the man or the girl"
OF_THEM = LazyPattern(r"^\s*(?:and\s+)?(which|who)\s+(?:of\s+(?:them|the\s+two|those\s+two)|one)\s+(?=\w)", re.I)
# "Were any of them serious?" is asked whole; in "What was her survival?" the girl is context
# (unless it asks "what is his role" or "what did he say", which need the name itself).
THING_PRONOUN = LazyPattern(r"\b(?:they|them|it|its|their)\b", re.I)
PERSON_PRONOUN = LazyPattern(r"\b(?:he|she|him|her|his|hers)\b", re.I)


class Conversation:
    """A chain of questions; each follow-up borrows terms, topic and referent from the turns before.

    Attributes:
        index: the knowledge asked about.
        last: the last answered turn (or the first turn), which follow-ups are read against.
        referent: the person or thing "he", "she" and "they" point to.
        topic: what the conversation is about ("the side effects"), kept for "which were …".
        named: the thing the last question named, for "what about …".
        context: the passage the referent came from.
    """

    def __init__(self, index: Index, top_k: int = 3) -> None:
        self.answerer = Answerer(index, top_k)
        self.last: Answer | None = None
        self.offered: tuple[str, str] | None = None
        self.referent = ""
        self.topic = ""
        self.named = ""
        self.context = ""

    @property
    def index(self) -> Index:
        """The knowledge asked about."""
        return self.answerer.index

    def __repr__(self) -> str:
        return f"Conversation({self.index!r}, last={self.last.question if self.last else None!r})"

    def reset(self) -> None:
        """Forget the previous turns."""
        self.last = None
        self.offered = None
        self.referent = self.topic = self.named = ""
        self.context = ""

    def is_follow_up(self, question: str) -> bool:
        """True when the question leans on the previous turn: a pronoun, or "and …", "what about …"."""
        words = [w for w, _, _ in tokens(question)]
        if self.last is None or not words:
            return False
        return bool(FOLLOW_ON.match(question) or POINTING.search(question) or BARE_WH.match(question)
                    or OTHER.search(question)) or any(w in PRONOUNS for w in words)

    def ask(self, question: str) -> Answer:
        """Answer ``question`` as the next turn of the conversation."""
        typed, question = question, self.of_them(self.the_other(question))
        follow_up = self.is_follow_up(question)
        pair = ALTERNATIVES.search(question)
        self.offered = (pair.group(1), pair.group(2)) if pair else self.offered
        if not follow_up:
            answer = replace(self.answerer.ask(contrasted(question, ""), resolved=question), question=typed.strip())
        else:
            assert self.last is not None
            prev = self.last
            own = stems_of(question)
            said = f"{self.referent} {prev.resolved or prev.question} {prev.text if prev.span else ''}"
            if head_words(question) and not FOLLOW_ON.match(question):  # "What was her PFS?" after her doses:
                own |= head_words(prev.resolved or prev.question)      # the doses are not what is asked now
            context = tuple(dict.fromkeys((stem(w), CONTEXT_WEIGHT) for w, _, _ in tokens(said)
                                          if w not in STOP_WORDS and stem(w) not in own))
            near = frozenset({prev.passage} if prev.passage is not None else ())
            owned = POSSESSED.match(question)  # "And his PFS?" asks another thing of him
            elliptical = bool(FOLLOW_ON.match(question)) and not WH_START.match(question) and not owned
            condition = bool(CONDITION.match(question))
            if condition:
                head = frozenset(head_words(prev.resolved or prev.question))
            else:
                head = frozenset(own) if elliptical else frozenset()
            resolved, newcomer = self.resolve(question, prev)
            if newcomer:  # the same question of someone else: asked afresh, not near the last answer
                context, near, head = (), frozenset(), frozenset(head_words(prev.question))
            elif elliptical and " — " not in resolved:  # "by ferry" read as "by car": ferry is no context now
                dropped = stems_of(prev.resolved or prev.question) - stems_of(resolved)
                context = tuple((t, w) for t, w in context if t not in dropped)
            whole = (THING_PRONOUN.search(question) and not PERSON_PRONOUN.search(question)) \
                or WHO_IS_NAME.match(resolved) or SAID.match(resolved) or BARE_WH.match(question)
            if owned:  # "And his PFS?" is asked as "What was his PFS?", the man being context
                asked = f"What was {owned.group(1)} {owned.group(2).strip(' ?')}?"
            else:
                asked = resolved if (elliptical or whole) and " — " not in resolved else question
            answer = replace(self.answerer.ask(contrasted(asked, prev.resolved or prev.question), context, near,
                                               resolved=resolved, qtype=prev.qtype if elliptical else None, head=head),
                             question=typed.strip())
            if not answer.answered and not answer.hits:
                answer = self.answerer.ask(question)
            if newcomer and answer.answered:
                self.referent, self.context = newcomer, self.passage_text(answer)
        if answer.answered or self.last is None:
            self.last = answer
            if answer.qtype is QuestionType.PERSON and answer.span and answer.text and len(answer.text) < 40 \
                    and re.match(r"\s*(?:and\s+)?(?:who|whom|whose)\b", question, re.I):  # not "what company"
                self.referent, self.context = answer.text, self.passage_text(answer)
            elif not follow_up:
                self.referent, self.context = subject(question), self.passage_text(answer)
            if not follow_up:
                self.topic = asked_phrase(question) or self.topic  # "Which were most common?" keeps "the side effects"
                self.named = named_thing(question, answer)
        return answer

    def the_other(self, question: str) -> str:
        """ "The other one" named: of the two the last question offered ("the man or the girl"),
        the one its answer is not about."""
        m = OTHER.search(question)
        prev = self.last
        pair = prev and ALTERNATIVES.search(prev.resolved or prev.question)
        if not m or not pair or not prev:
            return question
        for said in (prev.text or "", prev.quotes[0].text if prev.quotes else ""):
            fits = [alt for alt in pair.groups() if about(alt, said)]
            if len(fits) == 1:
                break
        else:
            return question
        other = next(alt for alt in pair.groups() if alt != fits[0])
        return question[:m.start()] + other + question[m.end():]

    def of_them(self, question: str) -> str:
        """ "Which of them …?" asked of the two a question of this conversation offered last:
        "which of them went longer …" -> "which went longer …, the man or the girl?"."""
        m = OF_THEM.match(question)
        if not m or not self.offered or ALTERNATIVES.search(question):
            return question
        rest = question[m.end():].strip().rstrip("?").rstrip()
        return f"{m.group(1)} {rest}, {self.offered[0]} or {self.offered[1]}?"

    def passage_text(self, answer: Answer) -> str:
        """The passage an answer came from: the text a referent's pronouns are read in."""
        if answer.passage is None:
            return ""
        return self.index.knowledge.passages[answer.passage].text

    def resolve(self, question: str, prev: Answer) -> tuple[str, str]:
        """The question with its pronoun or ellipsis spelled out from the turns before, and who
        it newly asks about when it asks the last question of someone else ("And the girl?")."""
        q = question.strip()
        m = FOLLOW_ON.match(q)
        previous = prev.resolved or prev.question
        if m and not WH_START.match(q):
            body = q[m.end():].strip(" ,?")
            own = POSSESSED.match(q)
            if own:  # "And his PFS?": his, not someone new; "And their OS?": theirs
                pronoun, noun = own.group(1).lower(), own.group(2).strip(" ?")
                who = self.referent if pronoun in ("his", "her") else self.named or self.referent or self.topic
                if who and self.agrees(pronoun):
                    owner = f"{who}'" if who.endswith("s") else f"{who}'s"  # "the side effects'"
                    return f"What was {owner} {noun}?", ""
                return f"What was {pronoun} {noun}?", ""
            other = OTHER.fullmatch(body)
            one = ONE_OF.search(previous) if other and other.group(1).lower() == "one" else None
            if one:  # "and the other one?" after "one of the groups" (or "one group"): the other group
                someone = f"the other {min(lemmas(fold(one.group(1))) or {one.group(1)}, key=len)}"
                return previous[:one.start()] + someone + previous[one.end():], someone
            merged = merge(previous, body)
            if " — " in merged and self.referent and self.referent in previous:
                someone = re.sub(r"[’']s$", "", body)  # "And the man's?" after "the girl's tumor size"
                return previous.replace(self.referent, someone, 1), someone
            return merged, ""
        bare = BARE_WH.match(q)
        opening = re.match(rf"\s*(?:(?:by|to|from|with|for|in|on|at)\s+)?(how\s+\w+|{WH})\s+"
                           rf"((?:[\w-]+\s+){{1,2}}?(?=(?:is|are|was|were|do|does|did)\b))?({AUXILIARY})",
                           previous, re.I)
        if opening and opening.group(2) and fold(opening.group(1)) not in ("what", "which"):
            opening = None  # only "What doses are given?" moves its noun: "How often are doses given?"
        if bare and opening:  # "When were the results presented?" then "Where?"; "What doses are given?", "How often?"
            asked = f"{bare.group(1)[:1].upper()}{bare.group(1)[1:]} {opening.group(3)}"
            rest = previous[opening.end():].strip(" ?")
            noun = (opening.group(2) or "").strip()
            if noun and fold(opening.group(3)) in ("do", "does", "did"):  # "What dose does the group get?": …get a dose
                return f"{asked} {rest} {noun}?", ""
            return f"{asked} {noun + ' ' if noun else ''}{rest}?", ""
        thing = self.named or self.referent or self.topic
        for pron, referent, suffix in (("her|his", self.referent, "'s"), ("she|he|him", self.referent, ""),
                                       ("their|its", thing, "'s"), ("they|it|them", thing, "")):
            m = re.search(rf"\b(?:{pron})\b", q, flags=re.I)
            if m and referent and self.agrees(m.group().lower()):
                return q[:m.start()] + referent + suffix + q[m.end():], ""
        return q, ""

    def agrees(self, pronoun: str) -> bool:
        """Whether "she"/"he" fits the referent: the first such pronoun after the referent in its
        passage tells ("a 15-year-old girl … Her tumor"); learned from the text, not from names.
        With no such pronoun there, nothing says it does not."""
        families = {"she": "f", "her": "f", "hers": "f", "he": "m", "him": "m", "his": "m"}
        if pronoun not in families:
            return True
        last = self.referent.split()[-1].lower()
        words = [w for w, _, _ in tokens(self.context)]
        after = words[words.index(last) + 1:] if last in words else []
        found = next((families[w] for w in after if w in families), None)
        return found is None or found == families[pronoun]


def stems_of(text: str) -> set[str]:
    """The stems of a text's content words."""
    return {stem(w) for w, _, _ in tokens(text) if w not in STOP_WORDS}


def about(phrase: str, sentence: str) -> bool:
    """Whether a sentence speaks of the thing a phrase names: all its words, or "she" for "the girl"."""
    words = {stem(w) for w, _, _ in tokens(phrase) if w not in STOP_WORDS and w != "one"}
    said = [w for w, _, _ in tokens(sentence)]
    if words and words <= {stem(w) for w in said}:
        return True
    named = {g for g, kin in GENDERED.items() if kin & {w for w, _, _ in tokens(phrase)}}
    return len(named) == 1 and named == {g for g, kin in GENDERED.items() for w in said if w in kin & PERSONAL}


def contrasted(question: str, previous: str) -> str:
    """The question as the answerer reads "the other group": the second of the two the text
    contrasts ("One group … The other group …"), or the first when the last question asked of the
    second."""
    m = OTHER.search(question)
    if not m or m.group(1).lower() == "one":
        return question
    nth = re.search(rf"\b(first|second|one)\s+{re.escape(m.group(1))}\b", previous, re.I)
    place = "first" if nth and nth.group(1).lower() == "second" else "second"
    return question[:m.start()] + f"the {place} {m.group(1)}" + question[m.end():]


def subject(question: str) -> str:
    """The noun phrase a question is about: "the 15-year-old girl" in "What happened to the
    15-year-old girl?" (the first one that is not what the question asks for), or the person a
    "Who is James Caruso?" names."""
    who = re.match(r"\s*who\s+(?:is|was)\s+([A-Z][^?]*?)\s*\??\s*$", question, re.I)
    if who and WHO_IS_NAME.match(question):
        return who.group(1)
    what = re.match(r"\s*what\s+(?:is|are|was|were)\s+(\S[^?]*?)\s*\??\s*$", question, re.I)
    if what and defines(question) and not re.search(r"[’']s\b", what.group(1)) \
            and not head_words(question) - {stem(fold(w)) for w in what.group(1).split()}:
        return what.group(1)  # "What is iopofosine-131?": then "it" is iopofosine-131
    head = head_words(question)
    for m in re.finditer(r"\b(?:the|a|an)\s+", question, re.I):
        words = []
        for w in re.findall(r"[\w'’-]+", question[m.end():])[:4]:
            if fold(w) in STOP_WORDS:
                break
            owner = re.match(r"(.+)[’']s$", w)
            words.append(owner.group(1) if owner else w)
            if owner:  # "the man's progression-free survival" is about the man
                break
        if words and not {stem(fold(w)) for w in words} <= head:
            return "the " + " ".join(words)
    name = re.search(r"(?<=\s)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+", question)  # "What did James Caruso say?"
    return name.group() if name else ""


def named_thing(question: str, answer: Answer) -> str:
    """The thing an answer named for "what conference …" ("the … Conference on Pediatric
    Cancer"): what "it" in the next question stands for."""
    if answer.qtype in (QuestionType.DESCRIPTION, QuestionType.PLACE) and answer.span and answer.text \
            and head_words(question) and len(answer.text) <= 100 and answer.text[-1:].isalnum() \
            and not defines(question):  # "What is X?" names X, not its definition
        return answer.text
    return ""


def asked_phrase(question: str) -> str:
    """What a question asks about, as a noun phrase: "the side effects" in "What were the side
    effects?" — what "them" and "it" in the next question stand for when no one was named."""
    m = re.match(r"\s*(?:what|which)\s+(?:is|are|was|were)\s+((?:the|its|their)\s+[\w-]+(?:\s+[\w-]+){0,2}?)\s*\??$",
                 question, re.I)
    if m:
        return m.group(1)
    m = re.match(r"\s*(?i:what|which)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are|was|were)\s+\w+ed\s*\??$", question)
    return f"the {m.group(1)}" if m else ""  # "What side effects were reported?": the side effects


def same_kind(previous: str, phrase: str) -> str:
    """The previous question asked of ``phrase`` instead of the phrase in it with the same head
    noun ("the first group" for "the other group"), or "" if it has none."""
    m = re.fullmatch(r"(?:the|a|an|those|these)\s+(?:[\w-]+\s+){0,2}?([\w-]+)", phrase, re.I)
    if not m:
        return ""
    head = stem(fold(m.group(1)))
    for det in re.finditer(r"\b(?:the|a|an|one|those|these)\s+", previous, re.I):
        words = list(re.finditer(r"[\w-]+", previous[det.end():]))[:3]
        for w in words:
            if stem(fold(w.group())) == head:
                return previous[:det.start()] + phrase + previous[det.end() + w.end():]
            if fold(w.group()) in STOP_WORDS:
                break
    return ""


def merge(previous: str, body: str) -> str:
    """An elliptical follow-up read into the previous question: "and for those who joined later"
    replaces its condition, "and the overall survival" what it asked for."""
    if not body:
        return previous
    stem_q = previous.rstrip(" ?")
    group = re.match(r"(?:those|the ones|ones)\s+(?:with|who|that|in|on|receiving|given)\b", body, re.I)
    if group:  # "what about those with four infusions": the same question, for them
        cond = re.search(r"\s(for|in|among|with)\s", stem_q)
        if cond:
            return f"{stem_q[:cond.start()]} {cond.group(1)} {body}?"
    prep = CONDITION_WORD.match(body)
    aligned = substituted(stem_q, body)
    if prep:
        if aligned:  # "… runners on the coastal route cover a day?", "and on the forest route?"
            return f"{aligned}?"
        i = stem_q.lower().find(f" {prep.group(1).lower()} ")
        if i > 0:
            return f"{stem_q[:i]} {body}?"
        swapped = same_kind(stem_q, body[prep.end():].strip())
        if swapped:  # "What dose does the first group get?" then "And for the other group?"
            return f"{swapped}?"
    else:
        m = re.match(r"(\s*(?:what|which)\s+(?:is|are|was|were)\s+)(?:the\s+|a\s+|an\s+)?([\w-]+(?:\s+[\w-]+)?)"
                     r"(?=\s+(?:for|in|among|of|with|at|after|before|during)\b)", stem_q, re.I)
        if m:
            return f"{m.group(1)}{body}{stem_q[m.end():]}?"
        m = re.fullmatch(r"(\s*(?:what|who)\s+(?:is|are|was|were|does|do)\s+)(?:an?\s+|the\s+)?[\w-]+(\s+(?:mean|stand\s+for))?",
                         stem_q, re.I)
        if m:  # "What is X?" then "and Y?" asks the same of Y
            return f"{m.group(1)}{body}{m.group(2) or ''}?"
        m = re.fullmatch(r"(\s*(?:is|are|was|were)\s+there\s+(?:any\s+)?)[\w-]+(?:\s+[\w-]+)?", stem_q, re.I)
        if m:  # "Were there any deaths?" then "What about kidney toxicity?"
            return f"{m.group(1)}{body}?"
        thing = not COMPARED.match(body)  # "and a family pass?", not "and longer than 20?"
        m = re.fullmatch(r"(\s*(?:how\s+(?:much|many|long|old|big)|what|which)\s+(?:is|are|was|were)\s+)"
                         r"(?:the\s+|an?\s+)?[\w-]+(?:\s+[\w-]+){0,3}", stem_q, re.I)
        if m and thing:  # "How much is an adult ticket?" then "and a family pass?"
            return f"{m.group(1)}{body}?"
        m = re.fullmatch(r"(\s*how\s+many\s+)[\w-]+(?:\s+[\w-]+)?(\s+(?:do|does|did|are|were|is|was|have|has|had)\s.*)",
                         stem_q, re.I)
        if m and thing and body.split()[0].lower() not in ("the", "a", "an"):  # "How many staff does it have?", "and volunteers?"
            return f"{m.group(1)}{body}{m.group(2)}?"
    return f"{aligned}?" if aligned else f"{stem_q} — {body}?"


def substituted(previous: str, body: str) -> str:
    """The previous question with the part an elliptical follow-up replaces: where it begins
    as the follow-up does, what differs after that ("less than 8 hours", "and less than 7?":
    "less than 7 hours"; "by ferry spend", "and by car?": "by car spend"; "to delete the location
    data", "and to email the members?": "to email the members"): as many words as it has, and
    the rest of a noun phrase they cut. "" if they share no start."""
    said = list(re.finditer(r"[\w’'./-]+", previous))
    new = re.findall(r"[\w’'./-]+", body)
    if len(said) < 3 or not new:
        return ""
    folded = [fold(m.group()) for m in said]
    for i in range(1, len(said)):
        k = 0
        while k < len(new) and i + k < len(said) and folded[i + k] == fold(new[k]):
            k += 1
        if not k or k == len(new) or i + k >= len(said) or folded[i] in ("the", "a", "an"):
            continue  # "the" alone aligns nothing
        end = min(i + len(new), len(said))
        while end < len(said) and not new[-1][:1].isdigit() and folded[end] not in STOP_WORDS \
                and "v" not in parts_of_speech(folded[end]):
            end += 1  # "the location data" is one phrase; "by ferry | spend a day" ends at the verb
        return previous[:said[i].start()] + body.strip(" ?") + previous[said[end - 1].end():]
    return ""
