"""What the story already says: one reading per answer that every follow-up gate and remark asks.

An interviewer does not ask what the candidate has just told them: the alternative a decision
was weighed against, what the other person objected to and how it was settled, how the outcome
came out, the lesson, who the speaker was. Each probe used to keep its own phrase lists for
that; they live here once, and `read_story` reads them once per answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from loopcoach.analysis import cues, situations
from loopcoach.analysis.metrics import counted_to_none
from loopcoach.analysis.outcomes import measured_in_words
from loopcoach.analysis.pronouns import we_deeds
from loopcoach.analysis.report import Sentence

ROLE_WORDS = (
    r"manager|director|VP|vice president|CTO|CEO|CFO|COO|GM|general manager|lead|"
    r"product manager|PM|architect|peer|colleague|stakeholder|customer|client|boss|engineer|"
    r"designer|analyst|founder|head of \w+|team lead|tech lead|owner|partner|counterpart"
)
# Someone by role: "my manager", "the sales director", "their account manager".
ROLE = re.compile(
    r"\b(?:my|our|the|their|his|her|a|one)\s+(?:\w+(?:'s|’s)?\s+)?(?:" + ROLE_WORDS + r")\b",
    re.I,
)
# Someone who took the speaker's side ("The CEO backed me", "my director supported the plan"):
# never the one to ask what they objected to.
_BACKED = re.compile(
    r"\s+(?:\w+ly\s+)?(?:backed|supported|sided with|agreed with|stood by|championed|"
    r"was on my side|approved)\s+(?:me|us|my|our|the plan|the proposal|it)\b",
    re.I,
)
# The speaker's own role ("I was the engineering manager"): never the other person.
_OWN_ROLE = re.compile(
    r"\b(?:I\s+(?:was|am|'m|’m|had been|have been|worked as)|as)\s+(?:the|a|an)\s+"
    r"(?P<role>(?:[\w-]+\s+){0,3}?(?:" + ROLE_WORDS + r"))\b",
    re.I,
)
# A reflection on what the story taught ("I learned", "looking back"): the lesson itself.
_LEARNED = re.compile(
    r"\b(?:learned:|lesson:|(?:i learned|i learnt|lessons? learned|taught me|my lesson|"
    r"the lesson|what i took|since then i|looking back|in hindsight|"
    r"(?:i'd|i’d|i would) do differently)\b)",
    re.I,
)
# …or a lasting change of habit told with it ("since then", "so we wouldn't … again").
_LESSON = re.compile(
    r"\b(?:since then|ever since|from then on|now i always|i now|we now|these days i|"
    r"next time|afterwards,? (?:i|we)|"
    r"after that,? (?:i|we) (?:always|now|made|added|wrote|changed)|"
    r"so (?:that )?(?:we|it|this|nobody|no one) (?:(?:would|will|could|did|does|do)"
    r"(?:n't|n’t| not| never)|won't|won’t|never) [^.!?]{0,60}\bagain)\b",
    re.I,
)
# A change made after the event, told at the story's end ("on Monday I add an automatic check",
# "the next week we introduced a review", "…which we still do").
_CHANGED_AFTER = re.compile(
    r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"the (?:next|following) (?:day|week|morning|sprint|month|quarter)|afterwards|after that|"
    r"later)\b,?\s+(?:i|we)\s+(?:also\s+)?(?:add|added|adds|built|build|wrote|write|set up|"
    r"introduced?|changed?|made|make|created?|automated?|put in|started)\b|"
    r"\b(?:which|that) (?:we|i) still do\b|\bis now (?:standard|the rule|part of)\b|"
    # a safeguard told at the end: "locked the parameters so they could not be changed…"
    r"\bso (?:that )?(?:they|it|nobody|no one|this|that|the \w+) (?:could|can|would|will)"
    r"(?:n't|n’t| not| never)\b",
    re.I,
)
# A result that says what stays different ("It has not failed since", "the team now teaches it",
# "Now he volunteers"): what changed afterwards is the story's own end.
_LASTING = re.compile(
    r"\b(?:has(?:n't| not) [\w ]{0,30}\bsince|(?:ever )?since then|now\b|still\b|"
    r"no longer|every (?:sprint|week|month|release|new hire))",
    re.I,
)
# Alternatives a decision was weighed against, named in the story.
_OPTIONS = re.compile(
    r"\b(?:(?:two|three|several|other) (?:options|alternatives|choices)|either\b[^.!?]+\bor|"
    r"instead of|rather than|the alternative|anyway|the plan was|(?:all|everyone) at once|"
    r"could (?:either )?\w+ [^.!?]{0,80}\bor\b)",
    re.I,
)
REASON = re.compile(
    r"\b(?:because|since|as it|so that|while (?:\w+ing)|which is (?:exactly )?(?:what|why)|"
    r"that's why|which cost)\b",
    re.I,
)
# What the other person said is in the story ("because…", "worried about…").
_OBJECTION_GIVEN = re.compile(
    r"\b(?:because|worried (?:about|that)|concerned (?:about|that)|afraid (?:of|that)|said|says|"
    r"told (?:me|us)|tells (?:me|us)|argued that|insisted (?:on|that)|wanted|wants|"
    r"thought (?:it|that|we)|objected to|saying|felt (?:it|that))\b",
    re.I,
)
# …and how it was settled.
_SETTLED = re.compile(
    r"\b(?:agreed|agrees|approved|approves|accepted|accepts|went with|signed off|settled|"
    r"compromised?|came around|changed (?:his|her|their) mind|gave (?:us |me )?the go-ahead|"
    r"backed (?:the|my|our|it)|(?:we|they) (?:launched|shipped|went ahead|moved forward) with|"
    r"chose (?:my|our)|overruled|decided to go with)\b",
    re.I,
)
# A change someone could see: people acting differently afterwards, or saying so.
_OBSERVED = re.compile(
    r"\b(?:again|no longer|(?:stopped|started) (?:\w+ing|to)|asked for|requesting|requested|"
    r"called out|praised|thanked|renewed|came back|returned|signed|reused|adopted|"
    r"complimented|volunteers?|volunteered|on (?:her|his|their|my|our) own|"
    # what went wrong came to an end: "after that the complaints stop"
    r"(?:complaints?|tickets?|calls?|escalations?|errors?|incidents?|pages?|alerts?)\s+"
    r"(?:stop|stopped|ended|end|disappeared|went away|dried up))\b",
    re.I,
)
# Someone named: a capitalised word that acts ("Priya led", "Karen says") or is set off as
# whose name it is ("my manager, Karen,"); not a place, a product or a weekday.
_PERSON = re.compile(
    r"(?:,\s*|\b(?:and|with|to|told|asked|by)\s+)?\b(?P<name>[A-Z][a-z]{2,})\b"
    r"(?=,|\s+and\s+[A-Z]|\s+(?:\w+ed|said|says|told|tells|led|leads|was|is|had|has|wants|wanted|pushed|"
    r"agreed|agrees|thought|felt|came|went|owned|owns)\b)"
)
_NOT_PEOPLE = frozenset(
    "I So But And Then When After Before We The This That It At In On My Our Instead Finally "
    "Eventually Later Since Because She He They Her Him Them His Their Nobody Everyone Everybody "
    "Someone Somebody Anyone Anybody None Nothing Both Each Others People Management Support "
    "Also Still Only Even Yes No Now Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "Situation Task Action Result Learned Lesson Context Within Over Until While".split()
)
# Something went wrong or was hard ("my mistake", "we missed the date", "it backfired").
_SETBACK = re.compile(
    r"\b(?:mistakes?|my fault|went wrong|backfired|struggled|struggling|failed|failure|"
    r"missed (?:the|our|a|my)|slipped|too late|over budget|didn't work|did not work|"
    r"didn't go|did not go|wasn't enough|was not enough|regret\w*|lost (?:the|a|two|three|\d)|"
    r"churned|escalated|complained|angry|burn(?:ed|t)? out|the hard way|"
    r"(?:did not|didn't|didn’t|forgot to|failed to) (?:check|test|tell|update|notice|ask|"
    r"review|read|verify|warn))\b",
    re.I,
)
# A mistake in general, no setback of this story ("I tell the team when I make a mistake").
_GENERIC_WHEN = re.compile(
    r"\b(?:when|if|whenever)\s+(?:I|we|you|someone|people|they)\s+(?:\w+\s+)?"
    r"(?:make|makes|made)\s+(?:a\s+)?mistakes?\b",
    re.I,
)
# …or the result came out mixed ("the launch held, but two clients left", "only partly").
_MIXED = re.compile(
    r"\b(?:but|although|though|however|except|only (?:partly|partially|some|half|two|three)|"
    r"partly|partially|not (?:all|every|quite|fully)|mixed|still (?:lost|missed|had to))\b",
    re.I,
)
# A risk the speaker took ("took a calculated risk", "a gamble", "bet on").
_RISK_TAKEN = re.compile(
    r"\b(?:took (?:a|the|that) (?:calculated |big |real )?risk|risked|a gamble|gambled|"
    r"bet (?:on|that)|without (?:full |enough |complete )?(?:data|testing|approval)|"
    r"without waiting for|"
    r"(?:accepted|took on|carried) (?:the |a |some |that )?(?:\w+ )?risk)\b",
    re.I,
)
# A cost accepted or something given up for the result.
_TRADE_OFF = re.compile(
    r"\b(?:trade-?offs?|at the (?:cost|expense) of|gave up|give up|sacrific\w+|"
    r"(?:accepted|accept|took|agreed to) (?:a |an |the |some )?(?:[\w-]+ ){0,2}"
    r"(?:delay|slip|hit|cost|loss|overrun)|cut (?:the )?(?:scope|features?|corners)|"
    r"deprioriti[sz]\w*|over (?:the )?budget|dropped (?:the|two|three|a) (?:\w+ )?features?)\b",
    re.I,
)
_WENT_WRONG = [a for a in situations.ASKS if a.code in {"failure", "missed-commitment"}]
# Not a deed to walk through: an omission ("I skipped the regression pass") is what went wrong.
_OMISSION = re.compile(
    r"^(?:skipped|missed|forgot|ignored|overlooked|failed|neglected|dropped the ball)\b", re.I
)


@dataclass(frozen=True)
class StoryReading:
    """What the story already tells, read once per answer."""

    lesson_told: bool  # the lesson, a lasting change of habit, or the change made afterwards
    learned: frozenset[int]  # sentences that reflect on what the story taught
    lesson_sentences: frozenset[int]  # sentences that tell a lesson or a lasting change
    lasting_change: bool  # the result says what stays different ("has not failed since")
    alternatives_named: bool  # a decision's other options are in the story
    result_measured: bool  # the result says how it came out, in a pair, a count or a yes/no
    change_observed: bool  # people acted differently afterwards ("requesting her reviews again")
    own_roles: frozenset[str]  # the speaker's own role ("engineering manager")
    people: tuple[str, ...]  # the people named, in order of first mention
    roles: tuple[str, ...]  # the other people by role ("the sales director"), not the speaker's
    backers: frozenset[str]  # people or roles the story says backed the speaker ("the CEO")
    objections: frozenset[int]  # sentences that say what someone objected to or wanted
    settled: frozenset[int]  # sentences that say how a disagreement was settled
    deeds: tuple[tuple[int, int, int], ...]  # the speaker's deeds: (sentence, start, end)
    changes_told: int  # how many deeds of the speaker or the team the actions tell

    sentences: Sequence[Sentence] = field(repr=False, compare=False, default=())

    @cached_property
    def went_wrong(self) -> bool:
        """Something in the story went wrong (a failure's evidence); read only when a failure
        question asks, since it costs a situation reading of every sentence."""
        return any(situations.evidence(a, s.text) for a in _WENT_WRONG for s in self.sentences)

    @cached_property
    def setback(self) -> bool:
        """Something went wrong, was hard or came out mixed: what a Bar Raiser asks "what would
        you do differently" about (not a clean success)."""
        told = [s for s in self.sentences if not cues.habit_cue(s.text) and s.role != "other"]
        # "I tell the team when I make a mistake": a habit, not what went wrong in the story.
        return any(_SETBACK.search(_GENERIC_WHEN.sub("", s.text)) for s in told) or any(
            _MIXED.search(s.text) for s in told if s.role == "result"
        )

    @cached_property
    def hook(self) -> str | None:
        """What the story risked or gave up for its result ("we accepted a two-week slip", "I
        took the risk"): "risk", "trade-off", or None."""
        text = " ".join(s.text for s in self.sentences if s.role != "other")
        if _RISK_TAKEN.search(text):
            return "risk"
        if _TRADE_OFF.search(text):
            return "trade-off"
        return None

    def settled_after(self, index: int) -> bool:
        return any(i >= index for i in self.settled)

    def objection_told(self, index: int) -> bool:
        """What the other person said, in the disagreement's sentence or the one after it."""
        return index in self.objections or index + 1 in self.objections


def lesson_phrase(text: str) -> str:
    """The words that mark a sentence as a lesson ("I learned", "looking back"), or ""."""
    found = _LEARNED.search(text)
    return found.group(0) if found else ""


def read_story(text: str, sentences: Sequence[Sentence]) -> StoryReading:
    results = [i for i, s in enumerate(sentences) if s.role == "result"]
    learned = frozenset(i for i, s in enumerate(sentences) if _LEARNED.search(s.text))
    lessons = learned | frozenset(i for i, s in enumerate(sentences) if _LESSON.search(s.text))
    changed_after = any(_CHANGED_AFTER.search(s.text) for s in sentences[-2:])
    own_roles = frozenset(role_key(m.group("role")) for m in _OWN_ROLE.finditer(text))
    deeds = _story_deeds(text, sentences, lessons)
    return StoryReading(
        lesson_told=bool(lessons) or changed_after,
        learned=learned,
        lesson_sentences=lessons,
        lasting_change=any(_LASTING.search(sentences[i].text) for i in results),
        alternatives_named=_OPTIONS.search(text) is not None,
        result_measured=_result_measured(text, sentences, results, lessons),
        change_observed=any(_OBSERVED.search(sentences[i].text) for i in results),
        own_roles=own_roles,
        people=_people(text),
        roles=_roles(text, own_roles),
        backers=_backers(text),
        objections=frozenset(i for i, s in enumerate(sentences) if _OBJECTION_GIVEN.search(s.text)),
        settled=frozenset(i for i, s in enumerate(sentences) if _SETTLED.search(s.text)),
        deeds=deeds,
        sentences=tuple(sentences),
        changes_told=len(deeds)
        + sum(len(we_deeds(s.text)) for s in sentences if s.role == "action"),
    )


def alternatives_in(sentence: str) -> bool:
    return _OPTIONS.search(sentence) is not None


def is_omission(deed: str) -> bool:
    return _OMISSION.match(deed) is not None


_DETERMINER = re.compile(r"^(?:my|our|the|their|his|her|a|an|one)\s+", re.I)


def role_key(role: str) -> str:
    return _DETERMINER.sub("", role.strip().lower())


def _result_measured(
    text: str, sentences: Sequence[Sentence], results: list[int], lessons: frozenset[int]
) -> bool:
    """The result, what follows it or the sentence before it says how it came out, or the result
    brings a count told earlier to nothing ("37 were missing" … "no missing uploads")."""
    if not results:
        return False
    if measured_in_words(sentences, results[0]):
        return True
    # A lesson is not the result to measure: a failure story may end on it.
    return any(
        counted_to_none(text[: sentences[i].start], sentences[i].text)
        for i in results
        if i not in lessons
    )


def _backers(text: str) -> frozenset[str]:
    """Who the story says took the speaker's side, by name or role key."""
    out = set()
    for m in re.finditer(ROLE.pattern + r"|\b[A-Z][a-z]{2,}\b", text, re.I):
        if _BACKED.match(text, m.end()):
            out.add(role_key(m.group(0)))
    return frozenset(out)


def _roles(text: str, own_roles: frozenset[str]) -> tuple[str, ...]:
    """The other people's roles, as the story writes them ("CEO", "sales director")."""
    seen: dict[str, str] = {}
    for m in ROLE.finditer(text):
        key = role_key(m.group(0))
        if key not in own_roles and key not in seen:
            seen[key] = _DETERMINER.sub("", m.group(0).strip())
    return tuple(seen.values())


def _people(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for m in _PERSON.finditer(text):
        name = m.group("name")
        # "Failed runs fell…", "Testing showed…": a sentence's first word, not a name
        if name.endswith(("ed", "ing", "ly")):
            continue
        if name not in _NOT_PEOPLE and name not in seen:
            seen.append(name)
    return tuple(seen)


def _story_deeds(
    text: str, sentences: Sequence[Sentence], lessons: frozenset[int]
) -> tuple[tuple[int, int, int], ...]:
    """The speaker's deeds in the actions, never a lesson's habit ("since then I add an
    alert…"), what they would or usually do."""
    present = _told_in_present(sentences)
    return tuple(
        (i, start, end)
        for i, s in enumerate(sentences)
        if s.role == "action"
        and i not in lessons
        and not cues.would_cue(s.text)
        and not cues.habit_cue(s.text)
        for start, end in _speaker_deeds(text, s, present)
    )


# The speaker as the subject of a deed, and the deeds that follow it after a comma ("I bought
# twenty samples, built three prototype boards…").
# "I never…" is no deed; "I therefore reframed…" is one.
_LEADING_ADVERBS = "|".join(sorted((cues.ADVERBS - {"never"}) | {"therefore", "thus", "so"}))
_SUBJECT_I = re.compile(rf"\bI\s+(?:(?:{_LEADING_ADVERBS}|\w+ly)\s+)?(?=[a-z])")
_PHRASE = re.compile(r"(?P<verb>[a-z]+)\b[^,.;:!?\n]*")
_NEXT_DEED = re.compile(r",\s*(?:and\s+)?(?=[a-z])")
# Wanting, noticing, realising and feeling are not deeds to walk through ("I wanted my team
# to…"); auxiliaries ("I did not know") are none either.
_NOT_DEEDS = frozenset(
    """want wanted wants need needed needs notice noticed notices realize realized realise
    realised learn learned learnt like liked hope hoped try tried seem seemed assume assumed
    expect expected believe believed worry worried wonder wondered start started use used join
    joined decide decided decides think thought feel felt know knew see saw guess mean meant
    am was were have had has do did does could would should will can might must get got
    disagree disagreed agree agreed went go goes came come comes said say says
    never not didn don doesn wasn weren couldn wouldn cannot""".split()
)


def _told_in_present(sentences: Sequence[Sentence]) -> bool:
    """A story told in the present ("I show her the error rates…"): most of its actions have
    no verb in the past."""
    actions = [s.text for s in sentences if s.role == "action"]
    return sum(not cues.past_i_cue(t) for t in actions) * 2 > len(actions)


def _speaker_deeds(text: str, s: Sentence, present: bool) -> list[tuple[int, int]]:
    """Where the speaker's deeds are told in this sentence, as spans of the whole answer (a
    deed may run past the sentence reader's chunk: "…with the data science | team"); a verb
    in the present counts in a story told in the present."""
    out = []
    for m in _SUBJECT_I.finditer(text, s.start, s.end):
        pos = m.end()
        # "I noticed it…, fixed the credentials, and added an alert": the chain goes on past a
        # verb that is no deed, and stops at a word that is no verb.
        while (p := _PHRASE.match(text, pos)) and (
            _is_deed_verb(verb := p.group("verb"), present) or verb in _NOT_DEEDS
        ):
            # "I wrote down what we needed: …": what it held follows the colon, already told.
            if verb not in _NOT_DEEDS and not text.startswith(":", p.end()):
                out.append((p.start(), p.end()))
            n = _NEXT_DEED.match(text, p.end())
            if n is None:
                break
            pos = n.end()
    return out


def _is_deed_verb(verb: str, present: bool) -> bool:
    if verb in _NOT_DEEDS or verb in _NOT_VERBS:
        return False  # ", so it can't…": the chain has left the speaker's deeds
    return cues.is_past_verb(verb) or verb in _DEED_VERBS or (present and verb.isalpha())


_NOT_VERBS = frozenset(
    """so then when if because while it he she they we i you there here now yes no a an the of
    to for with from on in at by into about that which who whose whether and or but not our my
    your their his her its this these those than as every each any some only just even also
    very more most is are be been being may""".split()
)


_DEED_VERBS = frozenset("set up made took sent met led drew gave found rewrote sat".split())
