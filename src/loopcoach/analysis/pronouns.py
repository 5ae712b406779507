"""Counts "I" and "we" and decides whose story it is (LABELS.md `ownership`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loopcoach.analysis.cues import ADVERBS, is_past_verb, tokens
from loopcoach.analysis.linear import LinearModel, shipped_models

_I = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|me|my|mine|myself)\b", re.I)
_WE = re.compile(
    r"\b(?:we|we're|we’re|we've|we’ve|we'd|we’d|we'll|we’ll|us|our|ours|ourselves)\b", re.I
)
# Who does the deed: a subject pronoun (optionally "also/then/finally") before a verb.
# "I think", "I guess", "I was": the speaker talking, not acting; they do not make a story theirs.
# "I am doing the database change myself", "I was checking the test cases": a progressive is a
# deed (a non-native speaker may tell the whole story so), unless it is only thinking or hoping.
_I_SUBJECT = re.compile(
    r"\b(?:i|i'd|i’d|i've|i’ve|i'll|i’ll)\b(?!\s*[.,])"
    r"(?!\s+(?:\w+ly\s+)?(?:think|thought|guess|believe|mean|remember|feel|felt|know|knew|suppose|hope|"
    r"wasn't|wasn’t|would say|'d say|’d say|really like|like)\b)"
    r"(?!\s+(?:was|am)\b(?!\s+(?:also\s+|then\s+|\w+ly\s+)?"
    r"(?!(?:going|thinking|hoping|wondering|feeling|being|getting)\b)\w{2,}ing\b))",
    re.I,
)
# Notes with the subject left out: "My role: on-call lead", "Wrote the patch", "so looked at
# GC logs myself" are the speaker's deeds.
_NOTE_ROLE = re.compile(r"^\W*my\s+(?:role|part|job|responsibility)\s*:", re.I)
# A past verb opening the note, followed by its object ("Wrote the patch", "Traced it",
# "Proposed moving…"); not a participle before a noun ("Failed runs fell by 90%").
_NOTE_VERB = re.compile(
    r"^\W*(?:[A-Z]\w*:\s*)?(?P<verb>[A-Za-z]+)\s+(?:the|a|an|it|them|this|that|these|those|"
    r"my|our|their|his|her|every|all|each|both|some|up|out|down|off|back|over|with|to|on|at|in|"
    r"for|from|into|through|\d[\w,.]*|\w+ing)\b"
)
_MYSELF = re.compile(r"\bmyself\b", re.I)
_WE_SUBJECT = re.compile(
    r"\b(?:we|we'd|we’d|we've|we’ve|we'll|we’ll|my team and i|"
    r"the team|the teams?|everyone|everybody|they)\b",
    re.I,
)
_WE_ONLY_SUBJECT = re.compile(r"\b(?:we|we'd|we’d|we've|we’ve|we'll|we’ll)\b", re.I)
_WE_VERB = re.compile(r"(?:\s+(?:\w+ly|also|then|all|both|just|still|really))*\s+(?P<verb>[\w'’]+)")
_WE_STATES = frozenset(
    "had have has needed need were are was knew know wanted want seemed felt thought believed "
    "hoped expected liked lacked didn't didn’t don't don’t".split()
)
# "I wrote down what we…", "I explained that we…": the speaker's deed, "we" only in its object.
_I_COMPLEMENT = re.compile(
    r"\bI\s+(?:\w+ly\s+)?\w+(?:\s+(?:down|out|up|them|him|her|everyone))?\s+"
    r"(?:what|that|how|why|whether|where|which)\b",
    re.I,
)

# "I had to convince her", "she said I should drop it": what the speaker had to or might do,
# not a deed ("I was asked to" is no subject at all, see `_I_SUBJECT`).
_I_NEED = re.compile(
    r"\bi\s+(?:\w+ly\s+)?(?:(?:had|needed|wanted|have|need|want)\s+to|should|could|might|must|"
    r"can)\b",
    re.I,
)
# "I was checking", "I had noticed": the verb that says what the speaker did comes next.
_AUX_BEFORE_VERB = frozenset("am was were is are have had 've 'm".split())

I_SHARE_FOR_I = 0.6
I_SHARE_FOR_WE = 0.35


@dataclass(frozen=True, slots=True)
class PronounCounts:
    i: int
    we: int

    def to_dict(self) -> dict[str, int]:
        return {"i": self.i, "we": self.we}


def count_pronouns(text: str) -> PronounCounts:
    """All first-person singular and plural forms ("I", "my", "me"…; "we", "our", "us"…)."""
    # A lone capital "I" as a list marker ("I. Intro") is rare enough to ignore.
    return PronounCounts(len(_I.findall(text)), len(_WE.findall(text)))


def subject_counts(sentence: str) -> tuple[int, int]:
    """(I as subject, we as subject) in one sentence."""
    i = len(_I_SUBJECT.findall(sentence))
    we = len(_WE_ONLY_SUBJECT.findall(sentence))
    if i == 0 and we == 0 and _speaker_note(sentence):
        i = 1
    return i, we


def we_deeds(sentence: str) -> list[re.Match[str]]:
    """The "we" of this sentence that do something: not a state or a need ("we had 5,000
    writes a second", "we were short of people") nor a "we" inside what the speaker did ("I
    wrote down what we actually needed")."""
    out = []
    for m in _WE_ONLY_SUBJECT.finditer(sentence):
        verb = _WE_VERB.match(sentence, m.end())
        if verb and verb.group("verb").lower() in _WE_STATES:
            continue
        if _I_COMPLEMENT.search(sentence, 0, m.start()):
            continue
        out.append(m)
    return out


def own_deed(sentence: str) -> bool:
    """The speaker does something in this sentence: "I" (or a note without a subject) acts, not
    only needs to ("I had to convince her"), and no more "we" than "I" do the acting ("we split
    the work and we met daily; I took notes" is the team's)."""
    i, _ = subject_counts(sentence)
    i -= len(_I_NEED.findall(sentence))
    return i > 0 and i >= len(we_deeds(sentence))


def speaker_verbs(sentence: str) -> list[str]:
    """The verbs the speaker does in one sentence: the one after each "I" (past an adverb or an
    auxiliary: "I then rewrote", "I was checking"), the one a subject-less note opens with
    ("Traced it…"), and a past verb joined to either by "and" or "then" ("I read the tickets
    and listened to the calls")."""
    toks = tokens(sentence)
    found: dict[int, str] = {}  # token index → verb, so "I then rewrote" counts "rewrote" once
    if _speaker_note(sentence) and not _I_SUBJECT.search(sentence):
        note = _NOTE_VERB.match(sentence)
        if note:
            found[-1] = note.group("verb").lower()
    for k, t in enumerate(toks):
        if t == "i":
            at = _verb_at(toks, k + 1)
            if at is not None:
                found[at] = toks[at]
        elif found and t in {"and", "then"} and k + 1 < len(toks) and is_past_verb(toks[k + 1]):
            found[k + 1] = toks[k + 1]
    return [found[k] for k in sorted(found)]


def _verb_at(toks: list[str], k: int) -> int | None:
    """Where the verb of a subject ending before token `k` is."""
    while k < len(toks) and toks[k] in ADVERBS:
        k += 1
    if k + 1 < len(toks) and toks[k] in _AUX_BEFORE_VERB and toks[k + 1].endswith(("ing", "ed")):
        k += 1
    return k if k < len(toks) else None


def _speaker_note(sentence: str) -> bool:
    """A note without a subject that is the speaker's: "My role: …", "Traced it: …",
    "…looked at GC logs myself"."""
    if _NOTE_ROLE.match(sentence) or _MYSELF.search(sentence):
        return True
    m = _NOTE_VERB.match(sentence)
    return m is not None and is_past_verb(m.group("verb").lower())


def i_share(sentences: Sequence[str]) -> float | None:
    """Share of I among I/we subjects in these sentences; None when neither occurs."""
    i = we = 0
    for s in sentences:
        a, b = subject_counts(s)
        i += a
        we += b
    return i / (i + we) if i + we else None


def decide_ownership(
    action_sentences: Sequence[str],
    all_sentences: Sequence[str],
    *,
    model: LinearModel | None = None,
    i_threshold: float | None = None,
    we_threshold: float | None = None,
) -> str:
    """'i', 'we' or 'mixed' from who acts in the action sentences.

    With fewer than two action sentences recognised, the subjects of every sentence decide:
    an answer the role model read as all scene-setting is still the speaker's when it says
    "I" ten times and "we" once.
    """
    extra = (model or shipped_models().ownership or LinearModel((), (), {}, {})).extra
    hi = i_threshold if i_threshold is not None else extra.get("i_threshold", I_SHARE_FOR_I)
    lo = we_threshold if we_threshold is not None else extra.get("we_threshold", I_SHARE_FOR_WE)
    share = i_share(action_sentences) if len(action_sentences) >= 2 else None
    if share is None:
        share = i_share(all_sentences)
    if share is None:
        # Nobody says "I" or "we" as a subject: the team or others did it, or nobody acted.
        return "we" if any(_WE_SUBJECT.search(s) for s in all_sentences) else "mixed"
    if share >= hi:
        return "i"
    if share <= lo:
        return "we"
    return "mixed"
