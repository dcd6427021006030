"""Answering one question: retrieve sentences, read the best span, or abstain."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from . import compare, verdict
from .extract import (MAX_CONTEXT, NAME_ASKED, NAMING, ORDINAL_NAMES, SAID, WEEKDAYS, Span, appositive, asked_for, best_span,
                      cased, classify, conflict, coverage, defines, definition_span, focus, gender_fit, identity,
                      kinship, missing_numbers, names_only, predicates, quotation, settling_clause, swapped_modifier, trim)
from .decide import Candidate, Facts, Model, Origin, Reason, decide, shipped_model
from .index import Index
from .model import Answer, Hit, Quote, QuestionType
from .retrieve import Query, Retriever, understand
from .text import STOP_WORDS, LazyPattern, fold, stem, tokens

Q = QuestionType
SENTENCE_TYPES = (Q.YESNO, Q.LIST)
TYPED = (Q.DATE, Q.PLACE, Q.PERSON, Q.COUNT, Q.AMOUNT, Q.DURATION)
MAX_QUESTION = 2000
MAX_ANSWER = 300
MAX_QUOTE = 450
READ_HITS = 5
BRIDGE_SENTENCES = 3
BRIDGE_REACH = 60
DEFINE_HITS = 30
MIN_MARGIN = {Q.PERSON: 1.0, Q.PLACE: 1.0, Q.DATE: 0.5}  # names are more often confused than dates
SPAN_FULL = 0.5  # a span scoring this much counts fully; weaker ones, less
NO_SPAN_TYPES = (Q.COUNT, Q.AMOUNT, Q.DURATION)  # "How many adults were enrolled?" and no count: not said
NOT_SAID = "The article doesn't say."
SCHEDULED = LazyPattern(r"\b(?:every|each)\s+$", re.I)  # "every Monday": a schedule, not a day
ORDINALS = "|".join(ORDINAL_NAMES[:10])
ENUMERATED = LazyPattern(rf"\b({ORDINALS})\s+([a-z][\w-]*)", re.I)  # "the second group"
ENUMERATION_SENTENCES = 12  # how far after "One group …" its "other group" may come
FRAGMENT_WORDS = 4


class Answerer:
    """Answers questions from one knowledge index; stateless between questions."""

    def __init__(self, index: Index, top_k: int = 3, model: Model | None = None) -> None:
        self.index = index
        self.model = model or shipped_model()
        self.retriever = Retriever(index)
        self.top_k = top_k

    def doc(self, hit: Hit) -> str:
        return self.index.knowledge.text_of(hit.source)

    def quote(self, hit: Hit, around: tuple[int, int] | None = None) -> Quote:
        """The hit's sentence as a verbatim quote, windowed around ``around`` when too long."""
        doc = self.doc(hit)
        start, end = hit.start, hit.end
        if end - start > MAX_QUOTE:
            a, b = around or (start, start)
            start = max(start, min(a - (MAX_QUOTE - (b - a)) // 2, end - MAX_QUOTE))
            start, end = trim(doc, start, end, MAX_QUOTE)
            if around and end < b:  # cut inside the answer (a word longer than a quote): the quote ends with it
                start, end = max(hit.start, b - MAX_QUOTE), b
        return Quote.from_text(doc, hit.source, start, end)

    def ask(self, question: str, context: tuple[tuple[str, float], ...] = (),
            near: frozenset[int] = frozenset(), resolved: str = "",
            qtype: QuestionType | None = None, head: frozenset[str] = frozenset()) -> Answer:
        """Answer ``question``; ``context`` adds weighted terms, ``near`` favours passages."""
        question = question.strip()
        if not question:
            return Answer(question, False, None, note="The question is empty.")
        if len(question) > MAX_QUESTION:
            return Answer(question, False, None,
                          note=f"The question is longer than {MAX_QUESTION} characters.")
        asked = question.lower() if question.isupper() else question  # capitals throughout say nothing of names
        query = understand(cased(asked, self.index), self.index, context, head)  # "dr amsel": "Dr Amsel"
        compared = compare.answer(self, question, query, resolved or question)
        if compared is not None:
            return replace(compared, corrections=query.repairs)
        hits = self.retriever.search(query, k=max(READ_HITS, self.top_k))
        qtype = qtype or classify(query.fixed_text, self.index.abbreviations)
        if not hits:
            return Answer(question, False, None, resolved=resolved or question, qtype=qtype, note=NOT_SAID,
                          corrections=query.repairs)
        if near:
            hits = sorted(hits, key=lambda h: -h.score * (1.25 if h.passage in near else 1.0))
        return replace(self.read(question, query, qtype, hits, resolved or question),
                       corrections=query.repairs)

    def read(self, question: str, query: Query, qtype: QuestionType, hits: list[Hit], resolved: str) -> Answer:
        """Describe the candidate answers, let the fitted scorer choose, and answer or abstain."""
        cands = self.candidates(query, qtype, hits, resolved, question)
        decision = decide(cands, self.model, query)
        top = hits[0].score
        if decision.chosen is None:
            return Answer(question, False, None, (self.quote(hits[0]),), resolved, qtype, top, hits=tuple(hits),
                          note=NOT_SAID, decision=decision)
        chosen = cands[decision.chosen]
        if decision.reason is not Reason.ANSWERED:
            likeliest = cands[decision.likeliest]
            closest = self.quote(likeliest.hit)  # a vetoed sentence may still be the closest
            why = likeliest.facts.blocked or chosen.facts.blocked or why_unsure(chosen.facts)
            tentative = None
            note = f"{NOT_SAID} The closest it comes: {quoted_text(closest.text)}"
            if decision.reason is Reason.TENTATIVE:
                held, text, _, around = self.render(chosen, query, qtype, decision.whole)
                tentative = text
                closest = self.quote(held, around)
                note = f"The article may not say this exactly; the closest it comes: {quoted_text(closest.text)}"
            return Answer(question, False, None, (closest,), resolved, qtype, top, hits=tuple(hits),
                          note=note, why_not=why, decision=decision, tentative=tentative)
        hit, text, where, around = self.render(chosen, query, qtype, decision.whole)
        quotes = [self.quote(hit, around)]
        quotes += [self.quote(h) for h in hits if h is not hit][: max(self.top_k - 1, 0)]
        return Answer(question, True, text, tuple(quotes), resolved, qtype, hit.score,
                      where, tuple(hits), passage=hit.passage, decision=decision)

    def render(self, cand: Candidate, query: Query, qtype: QuestionType, whole: bool = False
               ) -> tuple[Hit, str, tuple[int, int] | None, tuple[int, int]]:
        """The answer a candidate gives: (the sentence it is cut from, the text, the span, the
        window); with ``whole``, the sentence rather than its span."""
        hit, span = cand.bridge or (cand.held, cand.span)
        doc = self.doc(hit)
        if span is None and names_only(query, hit.text):
            hit = self.following(hit) or hit
        if sure(span, qtype) and not whole:
            around = where = trim(doc, span.start, span.end, MAX_ANSWER)
        elif qtype is Q.YESNO:
            around = where = settling_clause(doc, hit.start, hit.end, query.stems)
        else:
            points = [hit.start + o for w, o, _ in tokens(hit.text) if stem(w) in query.stems]
            around, where = focus(doc, hit.start, hit.end, MAX_ANSWER, points), None
        text = doc[around[0]:around[1]]
        if qtype is Q.YESNO and not sure(span, qtype) and len(text) < MAX_ANSWER - 30:
            text = verdict.say(verdict.judge(query, text), text)
        return hit, text, where, around

    def candidates(self, query: Query, qtype: QuestionType, hits: list[Hit], resolved: str,
                   question: str) -> list[Candidate]:
        """Every answer the reader can propose: the ranked sentences' spans, and the quotation,
        definition or enumerated sentence the question's shape asks for."""
        special: list[tuple[Origin, Hit, Span | None]] = []
        found = definition_span(query, hits, self.doc, self.index) if qtype is Q.DEFINITION else None
        if found is None and defines(query.fixed_text):
            found = self.described(query)
        if found:
            special.append((Origin.DEFINED, *found))
        quoted = self.quoted(query) if found is None else None
        if quoted:
            special.append((Origin.QUOTED, *quoted))
        placed, first = "", None
        nth = self.enumerated(query, hits)
        if nth:
            placed, noun = ENUMERATED.search(query.fixed_text).groups()
            hits = [nth, *(h for h in hits if (h.passage, h.sentence) != (nth.passage, nth.sentence))]
            first = first_of(noun)
        asked = query.fixed_text if resolved == question else resolved
        asked = re.sub(rf"\b{placed}\b", "", asked) if placed else asked
        read = replace(query, concepts=tuple(c for c in query.concepts if (stem(fold(placed)),) not in c)) \
            if placed else query
        top = hits[0].score or 1.0
        out = [self.candidate(hit, hit, span, origin, read, qtype, top, asked) for origin, hit, span in special]
        for rank, hit in enumerate(hits[:READ_HITS]):
            if out and query.late():
                break  # past the deadline: the candidates read so far
            held, span = self.span_of(hit, qtype, read) if qtype not in SENTENCE_TYPES else (hit, None)
            origin = Origin.ENUMERATED if nth and rank == 0 else Origin.RANKED
            cand = self.candidate(hit, held, span, origin, read, qtype, top, asked)
            if rank and first and first.search(hit.text) and not cand.facts.conflict:  # "One route used …": the first
                cand = replace(cand, facts=replace(cand.facts, conflict=f"it is about the first; the question asks the {placed}"))
            out.append(cand)
        return out

    def candidate(self, hit: Hit, held: Hit, span: Span | None, origin: Origin, query: Query,
                  qtype: QuestionType, top: float, asked: str) -> Candidate:
        """One candidate and the facts its features are read from."""
        context = self.passage_text(hit)
        cov = 1.0 if origin is Origin.DEFINED and qtype is Q.DEFINITION else self.coverage(query, hit, context)
        typed = qtype in TYPED
        bridge = None
        spanned = sure(span, qtype)
        if not spanned and (typed or qtype is Q.DESCRIPTION):
            bridge = self.bridged(hit, qtype, query)
        text = query.fixed_text
        facts = Facts(
            bm25=min(hit.score / top, 1.0) if origin is not Origin.QUOTED else 1.0,
            coverage=cov,
            said=coverage(query, hit.text, "", self.index),
            kin=kinship(query, hit.text, self.index),
            sure=spanned or (bridge is not None and sure(bridge[1], qtype)),
            span_strength=min(1.0, max(0.0, span.score / SPAN_FULL)) if span else 0.0,
            typed=typed,
            description=qtype is Q.DESCRIPTION,
            predicate=bool(predicates(query, hit.text)),
            names_asked=qtype is Q.DESCRIPTION and names_asked(query, hit.text),
            names_source=names_source(query, hit.text),
            naming=bool(NAME_ASKED.search(text) and NAMING.search(hit.text)),
            identity=float(identity(text, hit.text, context)),
            gender=float(gender_fit(text, hit.text)),
            no_date=qtype is Q.DATE and (span is None or undated(span, self.doc(held), query)) and not bridge,
            numbers_passage=bool(missing_numbers(text, context)),
            numbers_sentence=bool(re.search(r"\d", hit.text) and missing_numbers(text, hit.text)),
            conflict=conflict(asked, hit.text, context, self.index.abbreviations, qtype is Q.YESNO),
            swapped=swapped_modifier(query, hit.text),
            no_value=qtype in NO_SPAN_TYPES and span is None and bridge is None,
            origin=origin,
            qtype=qtype.value,
        )
        return Candidate(hit, held, span, facts, bridge)

    def enumerated(self, query: Query, hits: list[Hit]) -> Hit | None:
        """For "the second group" where the text never says so: the sentence that introduces the
        second of an enumeration that a retrieved sentence starts ("One group receives … The
        other group receives …")."""
        m = ENUMERATED.search(query.fixed_text)
        if not m or not m.group(0).islower():  # "the Second Minister" is a title, no enumeration
            return None
        if any(re.search(rf"\b{m.group(1)}\s+{m.group(2)}\b", h.text, re.I) for h in hits):
            return None
        first = first_of(m.group(2))
        then = re.compile(rf"\b(?:the\s+other|another|the\s+next|(?:the|a)\s+(?:{ORDINALS}))\s+{m.group(2)}\b", re.I)
        wanted = ORDINAL_NAMES.index(m.group(1).lower()) + 1
        for hit in (h for h in hits[:READ_HITS] if first.search(h.text)):
            at, run = hit, 1
            for _ in range(ENUMERATION_SENTENCES):
                if run == wanted or at is None:
                    break
                at = self.following(at)
                run += bool(at and then.search(at.text))
            if run == wanted and at is not None:
                return replace(at, score=hits[0].score)
        return None

    def span_of(self, hit: Hit, qtype: QuestionType, query: Query) -> tuple[Hit, Span | None]:
        """The hit's best span; for a typed question whose sentence is a fragment ("News
        Release."), the next sentence's ("Oct. 27, 2025."), with that sentence."""
        span = best_span(qtype, hit, self.doc(hit), query, self.index)
        if span is None and qtype in TYPED and len(hit.text.split()) <= FRAGMENT_WORDS:
            nxt = self.following(hit)
            found = nxt and best_span(qtype, nxt, self.doc(nxt), query, self.index)
            if found and sure(found, qtype):
                return nxt, found
        return hit, span

    def following(self, hit: Hit, step: int = 1) -> Hit | None:
        """The sentence after ``hit`` (``step`` -1: before it), in its passage, else in the
        neighbouring passage of the same file."""
        ps = self.index.knowledge.passages
        p = ps[hit.passage]
        near = hit.passage + step
        if 0 <= hit.sentence + step < len(p.sentences):
            at, k = hit.passage, hit.sentence + step
        elif 0 <= near < len(ps) and ps[near].source == p.source and not ps[near].is_heading:
            at, k = near, (0 if step > 0 else len(ps[near].sentences) - 1)
        else:
            return None
        s = ps[at].sentences[k]
        return Hit(at, k, p.source, s.start, s.end, self.doc(hit)[s.start:s.end], hit.score)

    def bridged(self, hit: Hit, qtype: QuestionType, query: Query) -> tuple[Hit, Span] | None:
        """For a sentence that names its event only as "the conference": the date, place or
        number an earlier sentence gives beside that conference ("… Conference …, held in
        September 2025"), or for "what conference", the name it gives it."""
        nouns = {stem(fold(w)) for w in re.findall(r"\b[Tt]he\s+([a-z][\w-]+)", hit.text)}
        asked = nouns & asked_for(query)  # "the conference" for "what conference"
        nouns = asked or (set() if qtype is Q.DESCRIPTION else nouns - query.stems)
        earlier: Hit | None = hit
        for _ in range(BRIDGE_SENTENCES if nouns else 0):
            earlier = self.following(earlier, -1)
            if earlier is None:
                return None
            doc = self.doc(earlier)
            span = best_span(qtype, earlier, doc, query, self.index)
            if span is None:
                continue
            if nouns & {stem(w) for w, _, _ in tokens(doc[span.start:span.end])}:  # "… Special Conference on …"
                return earlier, replace(span, score=max(span.score, SPAN_FULL), margin=9.0)  # the thing itself
            if sure(span, qtype):
                beside = doc[max(earlier.start, span.start - BRIDGE_REACH):min(earlier.end, span.end + BRIDGE_REACH)]
                if nouns & {stem(w) for w, _, _ in tokens(beside)}:
                    return earlier, span
        return None

    def passage_text(self, hit: Hit) -> str:
        """The hit's passage with its section heading, the context a sentence is read in."""
        passage = self.index.knowledge.passages[hit.passage]
        if len(passage.text) <= MAX_CONTEXT:
            return passage.heading + " " + passage.text
        a, b = max(passage.start, hit.start - MAX_CONTEXT // 2), min(passage.end, hit.end + MAX_CONTEXT // 2)
        return passage.heading + " " + self.doc(hit)[a:b]  # a long passage: the part around the sentence

    def coverage(self, query: Query, hit: Hit, context: str | None = None) -> float:
        """How much of the question the hit's sentence (and, less, its passage) covers."""
        context = self.passage_text(hit) if context is None else context
        return coverage(query, hit.text, context, self.index)

    def deeper(self, query: Query, read, next_too: bool = False,
               hits: list[Hit] | None = None) -> Iterator[tuple[Hit, Span]]:
        """The hits, searched deeper than the usual ones (the sentence may share few words with
        the question; ``hits`` if already searched), whose span ``read(doc, start, end)`` finds,
        best-ranked first; with ``next_too``, in the sentence after a hit as well ("Lindgren … .
        “…,” she said.")."""
        for hit in hits if hits is not None else self.retriever.search(query, k=DEFINE_HITS):
            if query.late():
                return
            for h in (hit, self.following(hit)) if next_too else (hit,):
                found = h and read(self.doc(h), h.start, h.end)
                if found:
                    yield h, Span(*found, 1.5)
                    break

    def quoted(self, query: Query) -> tuple[Hit, Span] | None:
        """For "what did X say": the best-ranked sentence that quotes words beside X's name, or
        failing that, one that reports them ("She said the water taxi had been …")."""
        if not SAID.match(query.fixed_text):
            return None
        hits = self.retriever.search(query, k=DEFINE_HITS)  # searched once, read twice
        for reported in (False, True):
            found = next(self.deeper(query, lambda doc, s, e: quotation(doc, s, e, query, reported), True, hits), None)
            if found:
                return found
        return None

    def described(self, query: Query) -> tuple[Hit, Span] | None:
        """For "what (kind of thing) is X": the best-ranked sentence that puts a description
        beside X, one that says "X is a …" before one with an appositive elsewhere."""
        head = asked_for(query)
        found = list(self.deeper(query, lambda doc, s, e: appositive(doc, s, e, query, head)))
        defining = [(hit, span) for hit, span in found  # "Imperialism is a type of …" before "Imperialism, the Highest …"
                    if re.match(r"[\w\s’'-]{1,60}?\s(?:is|are|was|were)\s", self.doc(hit)[hit.start:span.start])]
        return next(iter(defining or found), None)


def first_of(noun: str) -> re.Pattern[str]:
    """Where a text introduces the first of an enumeration of ``noun``: "One group", "the first group"."""
    return re.compile(rf"\b(?:one|the\s+first|a\s+first)\s+{re.escape(noun)}\b", re.I)


def undated(span: Span, doc: str, query: Query) -> bool:
    """A schedule of weekdays for "when did …" ("open Tuesday to Sunday", "on Sundays", "every
    Monday"): a past event has a date, or one day ("opened on Saturday")."""
    words = [w for w, _, _ in tokens(doc[span.start:span.end])]
    return not re.search(r"\d", doc[span.start:span.end]) \
        and re.match(r"\s*when\s+(?:did|was|were)\b", query.fixed_text, re.I) is not None \
        and any(w.rstrip("s") in WEEKDAYS for w in words) \
        and (len(words) > 1 or words[0] not in WEEKDAYS or SCHEDULED.search(doc, max(0, span.start - 8), span.start) is not None)


def sure(span: Span | None, qtype: QuestionType) -> bool:
    """Whether a span can answer alone: well ahead of the runner-up and, for a name, with some
    evidence for it (a lone name scoring below nothing is only the sentence's one capital)."""
    return span is not None and span.margin >= MIN_MARGIN.get(qtype, 0.0) \
        and (span.score > 0 or qtype not in (Q.PERSON, Q.PLACE))


def says(query: Query, words: set[str], sentence: str) -> bool:
    """Whether the sentence says each of the question's ``words``, in any form the question
    allows ("PFS" or "progression-free survival", "AAA" or "American Automobile Association")."""
    said = {stem(w) for w, _, _ in tokens(sentence)}
    forms = [c for c in query.concepts if any(alt[0] in words for alt in c)] or [{(t,)} for t in words]
    return bool(words) and all(any(set(alt) <= said for alt in c) for c in forms)


def names_asked(query: Query, sentence: str) -> bool:
    """Whether the sentence names the kind of thing asked for ("what tradition": "a tradition of …")."""
    return says(query, asked_for(query), sentence)


def names_source(query: Query, sentence: str) -> bool:
    """Whether the sentence names the source a question cites ("According to Lenin, why …",
    "according to the AAA": "The American Automobile Association reported …")."""
    cited = re.search(r"\b(?i:according\s+to)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)", query.fixed_text)
    return bool(cited) and says(query, {stem(w) for w, _, _ in tokens(cited.group(1))} - STOP_WORDS, sentence)


def quoted_text(text: str) -> str:
    """The text in quotation marks, unless it is a quotation already."""
    return text if text[:1] in "“\"" and text[-1:] in "”\"" else f"“{text}”"


def why_unsure(facts: Facts) -> str:
    """A reason a person can read for a candidate the scorer did not trust."""
    if facts.coverage < 0.5:
        return "it covers too little of the question"
    return "the evidence for it is too weak"


def ask(question: str, knowledge: Index | str | None = None) -> Answer:
    """Answer one question about ``knowledge`` (an Index, a path, or the shipped article)."""
    from .cache import load_index

    index = knowledge if isinstance(knowledge, Index) else load_index(knowledge)
    return Answerer(index).ask(question)
