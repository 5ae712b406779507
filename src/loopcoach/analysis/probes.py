"""Follow-up questions the way a Bar Raiser asks them ("peeling the onion").

Three to five per story, each probing a different intent (LABELS.md
`follow_up_intent`), each only when the story gives it something to hold on to:

| intent | asked when | never when |
| --- | --- | --- |
| specific_example | the answer is hypothetical or habitual | it tells a real event |
| scope | ownership is "we" or "mixed", with a "we" deed to quote | the speaker's deeds dominate |
| conflict | another person disagreed or pushed back | negated; "She", "Nobody", own role; settled |
| measurement | a before→after pair, a ratio, money, an outcome time | scene-setting, windows, |
| | | thresholds, targets, accepted delays (outcomes.py) |
| measurement (outcome) | a result without a number | hypothetical answers |
| decision | the speaker decided / chose / proposed something | nothing was decided |
| learning | a setback, a hard or mixed outcome; a risk or trade-off | clean success; lesson told |
| detail | the deed the result rests on, asked what is open | small steps, choices, omissions |

Every gate asks one reading of what the story already says (`told.StoryReading`, read once
per answer): a probe asks only what the story leaves open.

The question asked shapes the order (a conflict question asks about the other
person first, a failure question about what changed). A follow-up already asked
in the thread (`asked`), matched by intent or by wording, is never repeated.
Quotes are short: a number, or a few words of the speaker's own phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property

from loopcoach.analysis import intents, situations, told
from loopcoach.analysis.outcomes import is_outcome, outcome_spans
from loopcoach.analysis.pronouns import subject_counts, we_deeds
from loopcoach.analysis.report import FollowUp, Sentence
from loopcoach.analysis.spans import Span

MIN_FOLLOW_UPS = 3
MAX_FOLLOW_UPS = 5
SIMILAR_WORDING = 0.5  # share of shared content words above which two questions are the same

_CONFLICT = next(a for a in situations.ASKS if a.code == "conflict")
_ROLE = told.ROLE
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
# Capitalised words that are not a person: sentence openers, pronouns and indefinites
# ("She pushed back", "Nobody was assigned" name nobody the candidate can be asked about).
_NOT_NAMES = frozenset(
    "I So But And Then When After Before We The This That It At In On My Our Instead Finally "
    "Eventually Later Since Because She He They Her Him Them His Their Nobody Everyone Everybody "
    "Someone Somebody Anyone Anybody Noone None Nothing Both Each Others People Management "
    "Support Also Still Only Even Yes No".split()
)
# The person who disagrees, as the subject just before the disagreement ("Jonas pushed back",
# "The GM was worried", "Our director, Maria, wanted to launch…").
_SUBJECT_BEFORE = re.compile(
    r"(?P<who>(?i:" + _ROLE.pattern + r")|" + _NAME.pattern + r")(?:,\s*(?P<name>[A-Z][a-z]{2,}),)?"
    r"\s+(?:(?:\w+ly|also|still|then|was|were|had|got|first|initially)\s+){0,2}$"
)
# …or the one the speaker disagreed with ("I disagreed with my manager").
_OBJECT_AFTER = re.compile(
    r"^\s*(?:with|on|against|to)\s+(?P<who>(?i:" + _ROLE.pattern + r")|" + _NAME.pattern + r")"
)
_SPEAKER_DISAGREES = re.compile(
    r"(?:disagree|argu|push|object|clash|debat|didn't agree|did not agree|challeng|oppos|"
    r"resist|insist|refus|overrul|was against|were against|said no)",
    re.I,
)
_PRONOUN_BEFORE = re.compile(
    r"(?:^|[.;]\s*|,\s*(?:and|but)\s+)(?:She|He|she|he)\s+"
    r"(?:(?:\w+ly|also|still|then|was|were|is|got|had|first|initially)\s+){0,2}$"
)
_I_SUBJECT_BEFORE = re.compile(r"\b(?:I|we)\s+(?:(?:\w+ly|also|still|then|was|had)\s+){0,2}$")
# Past or present ("I decide to put a temporary dedupe rule…": a story told in the present).
_DECISION = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:decided|decide|chose|choose|proposed|propose|suggested|suggest|"
    r"recommended|recommend|opted|opt|went with|go with|picked|pick|pushed for|push for|"
    r"argued for|argue for|made the call|make the call)\s+"
    r"(?:to\s+|that\s+(?:we\s+(?:should\s+)?)?|for\s+)?"
    r"(?P<what>[^,.;:!?]+)",
    re.I,
)
_WE_DEED = re.compile(r"\bwe\s+(?P<what>(?:\w+ly\s+)?\w+ed\b[^,.;:!?]*)", re.I)
_WOULD = re.compile(
    r"\b(?:I|we)\s*(?:would|'d|’d|usually|always|generally|typically|try to|make sure to)\s+"
    r"(?:first\s+|also\s+|then\s+)?(?P<what>[^,.;:!?]+)",
    re.I,
)
_RATIO = re.compile(r"%|percent|points|\dx\b|\bx\b|times|half|third|quarter|doubl|tripl|halv", re.I)
_MONEY = re.compile(r"[$€£]|dollars|euros|pounds", re.I)
_TIME = re.compile(r"\b(?:ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?)\b", re.I)
_CLAUSE_END = re.compile(
    r"\s+(?:and(?! a half\b)|but|so|which|because|while|who|after|before|when|until|to make|"
    r"so that)\s+",
    re.I,
)
_TECH = re.compile(
    r"\b(?:Kafka|RabbitMQ|SQS|SNS|Kinesis|Redis|Memcached|Postgres(?:QL)?|MySQL|DynamoDB|Cassandra|"
    r"MongoDB|Elasticsearch|OpenSearch|Snowflake|BigQuery|Redshift|Spark|Airflow|Flink|Kubernetes|"
    r"Docker|Terraform|Lambda|GraphQL|gRPC|React|Angular|Kotlin|Swift|Rust|Golang|Jenkins|Datadog|"
    r"Grafana|Prometheus|Splunk|Sentry|Salesforce|Stripe|Twilio|Cloudflare|Nginx|Envoy|Istio)\b"
)
_FIRST_PERSON = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "i'd": "you'd",
    "i'm": "you're",
    "i've": "you've",
    "am": "are",
}


@dataclass(frozen=True)
class StoryEvidence:
    text: str
    sentences: Sequence[Sentence]
    per_sentence_metrics: Sequence[Sequence[Span]]
    ownership: str
    hypothetical: bool
    question: str | None
    reading: told.StoryReading | None = None  # the remarks' reading of the same answer

    @cached_property
    def told(self) -> told.StoryReading:
        """What the story already says, read once and asked by every probe's gate."""
        if self.reading is not None:
            return self.reading
        return told.read_story(self.text, self.sentences)


def pick_follow_ups(ev: StoryEvidence, asked: Sequence[str] = ()) -> list[FollowUp]:
    """Three to five follow-ups, each a different intent, none already asked in the thread."""
    covered = {intents.classify_intent(q) for q in asked if q.strip()}
    out: list[FollowUp] = []
    for probe in _order(ev):
        if probe is ask_detail:  # never the sentence the decision probe already quotes
            f = ask_detail(ev, avoid={o.sentence_index for o in out if o.intent == "decision"})
        else:
            f = probe(ev)
        if f is None or f.intent in covered or _already_asked(f.question, asked):
            continue
        if any(o.intent == f.intent for o in out):
            continue
        out.append(f)
        if len(out) == MAX_FOLLOW_UPS:
            break
    if ev.hypothetical:
        return out
    # A Bar Raiser asks three to five questions of a real story; where its words give fewer
    # probes a hold, the open questions any interviewer would ask of it, each only while true
    # (no "other options" once they are named, no "differently" once the lesson is told).
    for f in _open_questions(ev):
        if len(out) >= MIN_FOLLOW_UPS:
            break
        taken = f.intent in covered or any(o.intent == f.intent for o in out)
        if not taken and not _already_asked(f.question, asked):
            out.append(f)
    return out


HARDEST_STEP = "Which step was the hardest? Walk me through how you did it."
OTHER_OPTIONS = "What other options did you have, and why did you choose this one?"
DO_AGAIN = "If you did this again, what would you do differently?"
HARDEST_PERSON = "Who was hardest to bring along, and what did they say?"
OWN_PART = "Which parts of this did you do yourself, and which did others do?"


def _open_questions(ev: StoryEvidence) -> list[FollowUp]:
    read = ev.told
    open_questions = [("detail", HARDEST_STEP, True)]
    open_questions += [
        ("decision", OTHER_OPTIONS, not read.alternatives_named),
        ("learning", DO_AGAIN, not (read.lesson_told or read.lasting_change)),
        ("conflict", HARDEST_PERSON, bool(read.people or read.roles)),
        ("scope", OWN_PART, ev.ownership != "i" and not _own_deeds_dominate(ev)),
    ]
    return [
        _follow(f"open-{intent}", intent, question, None, None, None)
        for intent, question, true in open_questions
        if true
    ]


def _order(ev: StoryEvidence) -> list[Callable[[StoryEvidence], FollowUp | None]]:
    """Probes best first: the question's own situation leads, then what the story leaves open."""
    probes: list[Callable[[StoryEvidence], FollowUp | None]] = [
        ask_real_example,
        ask_scope,
        ask_conflict,
        ask_measurement,
        ask_decision,
        ask_learning,
        ask_detail,
        ask_outcome,
    ]
    asks = {a.code for a in situations.question_asks(ev.question)}
    lead: list[Callable[[StoryEvidence], FollowUp | None]] = []
    if asks & {"conflict", "trust", "feedback", "low-performer", "complaint"}:
        lead.append(ask_conflict)
    if asks & {"failure", "missed-commitment", "learning"}:
        lead.append(ask_learning)
    if asks & {"incomplete-data", "speed", "judgment", "prioritisation", "vision", "innovation"}:
        lead.append(ask_decision)
    if asks & {"root-cause", "cost", "deliver", "standards"}:
        lead.append(ask_measurement)
    # A hypothetical answer needs a real example before anything else.
    return [ask_real_example, *lead] + [p for p in probes if p not in lead]


def _already_asked(question: str, asked: Sequence[str]) -> bool:
    words = _content_words(question)
    for q in asked:
        other = _content_words(q)
        if words and other and len(words & other) / min(len(words), len(other)) >= SIMILAR_WORDING:
            return True
    return False


_STOP = frozenset(
    """what that this with your have were from they them their there then than about would could
    should which when where while into just also very really been being because those these other
    some more most much many such only even still like made make tell exactly""".split()
)


def _content_words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


# ---- phrasing ------------------------------------------------------------------------------------


def second_person(phrase: str) -> str:
    """Turn the candidate's words toward them: 'my team' → 'your team', 'we' → 'you'."""
    return re.sub(
        r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves|I'd|I'm|I've)\b",
        lambda m: _FIRST_PERSON[m.group(0).lower()],
        phrase,
        flags=re.I,
    )


def short_phrase(phrase: str, words: int = 8) -> str:
    """The head of a clause: cut at the first conjunction that starts a new clause ("stop
    Friday and weekend releases" keeps its "and"); when still longer than `words`, cut before
    its first preposition or infinitive ("asked the supplier to send two engineers" → "asked
    the supplier"), never inside "side by side", after a particle ("reached out | to…") or a
    participle ("added a bonus | funded from…") unless it is a passive ("was scheduled | with…");
    "" when no grammatical cut is short enough or the cut leaves the phrase unfinished ("found
    that our sync job was", "explained that not everyone")."""
    head = _clause_head(phrase.strip())
    parts = head.split()
    if len(parts) > words:
        cut = next(
            (
                i
                for i, w in enumerate(parts)
                if i >= 2
                and w.lower() in _PREPOSITIONS
                and parts[i - 1].lower() not in _PARTICLES
                and not _repeated_around(parts, i)
            ),
            len(parts),
        )
        if (
            cut < len(parts)
            and cut >= 3
            and parts[cut - 1].lower().endswith("ed")
            and parts[cut - 2].lower() not in _AUXILIARIES
        ):
            cut -= 1  # "added a driver bonus | funded from…": the participle goes with the rest
        if cut > words:  # "wrote a daily export | and a spreadsheet process": the first of two
            cut = next((i for i in range(2, words + 1) if _second_noun_phrase(parts, i)), cut)
        parts = parts[:cut] if cut <= words else []
    out = " ".join(parts).rstrip(",;:")
    return "" if _unfinished(out) else out


def trim_dangling(text: str) -> str:
    """`text` without the words at its end that need what follows them ("…a second at" →
    "…a second"), for a quote cut short."""
    words = text.split()
    while words and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words)


def _clause_head(phrase: str) -> str:
    """The phrase up to the first conjunction that starts a clause; an "and" or "or" between
    two nouns ("Friday and weekend releases") is part of the phrase."""
    for m in _CLAUSE_END.finditer(phrase):
        word = m.group(0).strip().lower()
        rest = phrase[m.end() :].split(None, 2)
        if word in {"and", "or"} and rest and not _starts_clause(rest):
            continue
        return phrase[: m.start()]
    return phrase


def _starts_clause(words: list[str]) -> bool:
    """Whether the words after an "and" start a clause: a subject, a verb form, or a word
    followed by its object ("and show the other eight") rather than a noun's head ("Friday and
    weekend releases")."""
    return bool(_STARTS_CLAUSE.match(words[0])) or (
        len(words) > 1 and words[1].lower() in _OBJECT_STARTS
    )


def _second_noun_phrase(parts: list[str], i: int) -> bool:
    """Whether parts[i] is an "and" that starts a second whole noun phrase ("and a spreadsheet
    process"), so what comes before it is whole; not "Friday | and weekend releases"."""
    return (
        i + 1 < len(parts)
        and parts[i].lower() in {"and", "or"}
        and parts[i + 1].lower() in _DETERMINERS
    )


def _repeated_around(parts: list[str], i: int) -> bool:
    """ "side by side", "step by step", "one by one": the preposition is inside an idiom."""
    return 0 < i < len(parts) - 1 and parts[i - 1].lower() == parts[i + 1].lower().strip(",.;")


def _unfinished(phrase: str) -> bool:
    """A phrase that ends on a word that needs what follows it, or a "that" clause with no
    verb ("explained that not everyone")."""
    words = phrase.lower().split()
    if not words:
        return False
    if words[-1] in _DANGLING:
        return True
    if "that" in words[:-1]:
        clause = words[words.index("that") + 1 :]
        verbs = [w for w in clause if w in _AUXILIARIES or w.endswith(("ed", "s"))]
        return len(clause) <= 2 and not verbs
    return False


_DETERMINERS = frozenset("a an the our my your their his her its those these this every".split())
_OBJECT_STARTS = frozenset(
    "the a an our my your their his her its those these this that it them him us me every all "
    "each some to with for on in up out down back off".split()
)
_BARE_ENDS = frozenset("it them this him her down up out off back over".split())
_PRONOUN_ENDS = frozenset("it them him her this that these those".split())
_ADVERB_ENDS = frozenset("instead also then first again too".split())
# Asking someone is no deed without what was asked ("asked the toolmaker | to come in").
_ASKING = frozenset("asked ask asks got get gets told tell tells convinced persuaded".split())
_STARTS_CLAUSE = re.compile(
    r"(?:I|we|you|he|she|they|it|then|also|instead|later|finally|eventually|afterwards|soon|now|"
    r"to|\w+ed|\w+ing|ran|made|took|set|put|cut|sent|said|saw|knew|thought|felt|held|heard|let|"
    r"lost|meant|paid|read|sold|sought|spoke|stood|taught|won|chose|did|began|came|became|"
    r"met|led|gave|found|wrote|built|got|went|told|asked|drew|spent|kept|left|brought|"
    r"started|run|make|take|put|send|meet|give|write|build|move|switch|stop|add|ask)$",
    re.I,
)
_AUXILIARIES = frozenset(
    "was were is are be been being am has have had did does do could would should will can "
    "might may must got".split()
)
_DANGLING = (
    frozenset(
        "a an the of to for with from on in at by into about that which who whose whether and or "
        "but so not no our my your their his her its this these those than as every each any "
        "some only just even also very more most isn't aren't wasn't weren't doesn't don't "
        "didn't can't couldn't won't wouldn't hasn't haven't".split()
    )
    | _AUXILIARIES
)


_PARTICLES = frozenset("out up off down back over in on away".split())
_PREPOSITIONS = frozenset(
    "to for with from on in at by into onto about over under through across after before".split()
)


def _follow(
    code: str, intent: str, question: str, index: int | None, start: int | None, end: int | None
) -> FollowUp:
    return FollowUp(code, question, start, end, index, intent)


def _at(ev: StoryEvidence, i: int, m: re.Match[str], group: str | int = 0) -> tuple[int, int]:
    s = ev.sentences[i]
    return s.start + m.start(group), s.start + m.end(group)


# ---- the probes ----------------------------------------------------------------------------------


def ask_real_example(ev: StoryEvidence) -> FollowUp | None:
    if not ev.hypothetical:
        return None
    for i, s in enumerate(ev.sentences):
        m = _WOULD.search(s.text)
        if m:
            what = re.sub(r"^(?:do\s+)?(?:is\s+)?", "", m.group("what").strip(), flags=re.I)
            what = second_person(short_phrase(what, 9))
            if len(what.split()) < 2:
                continue
            start, end = _at(ev, i, m, "what")
            return _follow(
                "real-example",
                "specific_example",
                f"You said you would {what}. Tell me about one specific time you actually did "
                "that: when was it, and what happened?",
                i,
                start,
                end,
            )
    return _follow(
        "real-example",
        "specific_example",
        "Can you walk me through one specific time this happened, and what you did?",
        None,
        None,
        None,
    )


def ask_scope(ev: StoryEvidence) -> FollowUp | None:
    if ev.hypothetical or ev.ownership == "i" or _own_deeds_dominate(ev):
        return None
    for i, s in enumerate(ev.sentences):
        if s.role not in {"action", "result"}:
            continue
        i_count, _ = subject_counts(s.text)
        deeds = we_deeds(s.text)
        starts = {d.start() for d in deeds}
        # The first "we" that does something, never "what we needed" inside the speaker's deed,
        # nor an agreement or the company's launch ("we agreed to…", "we rolled it out").
        m = next(
            (
                w
                for w in _WE_DEED.finditer(s.text)
                if w.start() in starts and not _NO_TEAM_DEED.match(w.group("what"))
            ),
            None,
        )
        if m and len(deeds) > i_count:
            what = short_phrase(m.group("what"), 10)
            if not what:
                continue
            start, end = _at(ev, i, m)
            return _follow(
                "personal-role",
                "scope",
                f"You said “we {what}”. What did you personally do there, and what did others do?",
                i,
                start,
                end,
            )
    return None


# "We agreed to a one-week launch" is two sides meeting, "we rolled it out to all traffic" the
# company's product "we": neither hides whose work it was.
_NO_TEAM_DEED = re.compile(
    r"(?:\w+ly\s+)?(?:agreed|settled|compromised|aligned|launched|shipped|released|rolled|"
    r"deployed|went live)\b",
    re.I,
)


def _own_deeds_dominate(ev: StoryEvidence) -> bool:
    """More "I" than "we" deeds across the actions and results: the speaker's part is told."""
    mine = ours = 0
    for s in ev.sentences:
        if s.role in {"action", "result"}:
            mine += subject_counts(s.text)[0]
            ours += len(we_deeds(s.text))
    return mine > ours


def ask_conflict(ev: StoryEvidence) -> FollowUp | None:
    """Only when another person disagreed or pushed back — never for "no pushback" — and the
    story does not already say both what they said and how it was settled."""
    if ev.hypothetical:
        return None
    read = ev.told
    for i, s in enumerate(ev.sentences):
        if s.role == "other":
            continue
        for m in situations.evidence(_CONFLICT, s.text):
            who = _disagreer(s.text, m, read, ev.text[: s.start])
            if not who:
                continue
            question = _conflict_question(second_person(who), read, i)
            if question is None:
                return None  # nothing left to ask: the objection and its outcome are told
            return _follow("conflict", "conflict", question, i, s.start, s.end)
    return None


def _conflict_question(who: str, read: told.StoryReading, i: int) -> str | None:
    """Only what the story leaves open: what they objected to, what you answered (a deed of
    yours told around the disagreement: "She pushed back because… I wrote a migration guide"),
    how it was settled."""
    objection, settled = read.objection_told(i), read.settled_after(i)
    answered = any(abs(d[0] - i) <= 2 for d in read.deeds)
    if objection and settled:
        return None
    if objection and answered:
        return f"How did {who} respond to what you did, and how was it settled?"
    if objection:
        return f"How did you answer {_possessive(who)} concern, and how was it settled?"
    if settled:
        return f"What exactly did {who} object to" + (
            "?" if answered else ", and what did you answer?"
        )
    if answered:
        return f"What exactly did {who} say, and how was it settled?"
    return f"What exactly did {who} say, what did you answer, and how was it settled?"


def _possessive(who: str) -> str:
    return who + ("'" if who.endswith("s") else "'s")


def _disagreer(
    text: str, cue: re.Match[str], read: told.StoryReading, earlier: str = ""
) -> str | None:
    """The other person of this disagreement: the subject of the cue, or, when the speaker
    disagrees, whom with; a name in preference to a role ("our director, Maria" → Maria); "she"
    or "he" is the nearest person or role named before it ("The sponsor's VP wanted… He
    escalated to my CEO": the VP); never someone the story says backed the speaker."""
    before = text[: cue.start()]
    if _PRONOUN_BEFORE.search(before):
        return _nearest_other(earlier + " " + before, read)
    m = _SUBJECT_BEFORE.search(before)
    # "I raised it with the product manager", "I convinced my lead": the speaker raising a
    # point is no disagreement; only "I disagreed with / argued with / pushed back on…" is.
    if m is None and _I_SUBJECT_BEFORE.search(before) and _SPEAKER_DISAGREES.match(cue.group(0)):
        m = _OBJECT_AFTER.match(text[cue.end() :])
    if m is None:
        return None
    name = m.groupdict().get("name")
    who = (name or m.group("who")).strip()
    if who in _NOT_NAMES:
        return None
    if told.role_key(who) in read.own_roles | read.backers:
        return None  # "I was the engineering manager": the speaker, not the other person
    who = re.sub(r"^(?:a|one)\s+", "the ", who, flags=re.I)
    return re.sub(r"^(?:The|My|Our|Their|His|Her)\b", lambda d: d.group(0).lower(), who)


def _nearest_other(before: str, read: told.StoryReading) -> str | None:
    """The person or role named last before a "he"/"she", unless it is the speaker's own role
    or someone who backed the speaker; none when the last two are named together ("Priya and
    Tomas", "my manager and the sales director": which one is "she"?)."""
    mentions = [(m.start(), m.end(), m.group(0)) for m in _ROLE.finditer(before)]
    mentions += [
        (m.start(), m.end(), p) for p in read.people for m in re.finditer(rf"\b{p}\b", before)
    ]
    others = [
        m
        for m in sorted(mentions, reverse=True)
        if told.role_key(m[2]) not in read.own_roles | read.backers
    ]
    if not others:
        return None
    last = others[0]
    if len(others) > 1 and re.fullmatch(r"\s+and\s+", before[others[1][1] : last[0]]):
        return None
    if last[2] in read.people:
        return last[2]
    return "the " + _ROLE_DETERMINER.sub("", last[2].strip())


_ROLE_DETERMINER = re.compile(r"^(?:my|our|the|their|his|her|a|an|one)\s+", re.I)


def ask_measurement(ev: StoryEvidence) -> FollowUp | None:
    """How the headline number of the result was measured: a before→after pair when the result
    gives one, else the number itself: a percentage or a multiplier first, then money, then a
    duration that is itself the outcome (not the window it was watched over, a time-box, "a
    week early", or the before value of a pair)."""
    if ev.hypothetical:
        return None
    pair = _result_pair(ev)
    if pair is not None:
        i, before, after, start, end = pair
        template = _MEASURE_PAIR_MONEY if _MONEY.search(after) else _MEASURE_PAIR
        question = _one_change(ev, template.format(before, after))
        return _follow("measurement", "measurement", question, i, start, end)
    best: tuple[int, int, int, Span] | None = None
    for i, s in enumerate(ev.sentences):
        if s.role != "result":
            continue
        for order, m in enumerate(outcome_spans(s, ev.per_sentence_metrics[i])):
            kind = _metric_kind(m.text)
            if _BEFORE_VALUE.search(s.text[max(0, m.start - s.start - 40) : m.start - s.start]):
                continue  # "instead of $130,000": the value before, not what it came to
            if kind == 2 and not _outcome_duration(s.text, m.start - s.start, m.end - s.start):
                continue
            if kind is not None and (best is None or (kind, -order) < (best[0], -best[1])):
                best = (kind, order, i, m)
    if best is None:
        return None
    kind, _, i, m = best
    if kind == 2 and _other_durations(ev, m):
        kind = 3  # the story gives another time to compare with: do not ask what it was before
    question = _MEASURE[kind].format(m.text)
    return _follow("measurement", "measurement", _one_change(ev, question), i, m.start, m.end)


_MEASURE = {
    0: "You mentioned “{}”. How did you measure that, what was the baseline, and what else "
    "could explain the change?",
    1: "You mentioned “{}”. How was that figure worked out, and who agreed with it?",
    2: "You mentioned “{}”. What was it before, how did you measure it, and which of your "
    "changes made the most difference?",
    3: "You mentioned “{}”. How did you measure it, and which of your changes made the most "
    "difference?",
}
_MEASURE_PAIR = (
    "You mentioned going from “{}” to “{}”. How did you measure that, and which of your "
    "changes made the most difference?"
)


def _one_change(ev: StoryEvidence, question: str) -> str:
    """ "Which of your changes made the most difference" only when the story tells more than one
    deed of the speaker; after one, what else could explain it."""
    if ev.told.changes_told >= 2:
        return question
    return question.replace(
        "which of your changes made the most difference", "what else could explain it"
    )


# A price or a budget is worked out and agreed, not measured.
_MEASURE_PAIR_MONEY = (
    "You mentioned going from “{}” to “{}”. How was that figure worked out, and who agreed with it?"
)
_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|half|none|zero)\b",
    re.I,
)
_SIDE = r"(?:[^,;.!?]|[.,](?=\d))"
_FROM_TO = re.compile(
    r"\bfrom\s+(?P<before>" + _SIDE + r"{1,40}?)\s+to\s+(?P<after>" + _SIDE + r"{1,40}?)"
    r"(?=\s*(?:[,;.!?](?!\d)|$)|\s+(?:and|in|over|within|after|by|because|so|which|when|while|at|"
    r"for|on|during|across|with|among)\b)",
    re.I,
)
# "$84,000 a year instead of $130,000", "under 300 ms, down from 4 seconds": the after value
# first, then the before value.
_INSTEAD_OF = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter|hour|night|run|release)\s+)?"
    r"(?:instead of|rather than|compared (?:to|with)|versus|vs\.?|,?\s*(?:down|up) from)\s+"
    r"(?:the\s+)?(?:old\s+|previous\s+|usual\s+)?$",
    re.I,
)
# A duration is an outcome when it is what something came to: "down to two hours", "now
# takes 3 days", "in just 20 minutes", "two days faster".
_OUTCOME_BEFORE = re.compile(
    r"\b(?:to|under|below|takes?|took|taking|now|only|just|saved|saving|cut|in just|in only)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|less than\s+|under\s+|just\s+|"
    r"only\s+)?$",
    re.I,
)
_OUTCOME_AFTER = re.compile(r"^\s+(?:faster|quicker|sooner|shorter|less|saved)\b", re.I)
_BEFORE_VALUE = re.compile(
    r"\b(?:from|instead of|rather than|than|compared (?:to|with)|versus|vs\.?|up from|down from)\s+"
    r"(?:about\s+|around\s+|roughly\s+|the\s+)?$",
    re.I,
)
_FAST_TIME = re.compile(r"\b(?:ms|milliseconds?|s|secs?|seconds?)$", re.I)


def _result_pair(ev: StoryEvidence) -> tuple[int, str, str, int, int] | None:
    """The first before→after pair of a result sentence: "from 11 a quarter to 2", "three hours
    instead of two days" (sentence, before, after, span)."""
    for i, s in enumerate(ev.sentences):
        if s.role != "result":
            continue
        pairs = []
        for m in _FROM_TO.finditer(s.text):
            before, after = m.group("before").strip(), m.group("after").strip()
            if (
                _HAS_NUMBER.search(before)
                and _HAS_NUMBER.search(after)
                and is_outcome(s.text, m.start("after"), m.end("after"))
            ):
                pairs.append((m.start(), before, after, m.start("before"), m.end("after")))
        # "1.2% vs 3% target": a target is not the value before.
        spans = outcome_spans(s, ev.per_sentence_metrics[i])
        for a, b in zip(spans, spans[1:], strict=False):
            if _INSTEAD_OF.match(ev.text[a.end : b.start]):
                pairs.append(
                    (a.start - s.start, b.text, a.text, a.start - s.start, b.end - s.start)
                )
        if pairs:
            _, before, after, start, end = min(pairs)
            return i, before, after, s.start + start, s.start + end
    return None


def _outcome_duration(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 20]
    if _BEFORE_VALUE.search(before):
        return False
    if _FAST_TIME.search(sentence[start:end]):
        return True  # a latency or a timing is a measured value
    return bool(_OUTCOME_BEFORE.search(before) or _OUTCOME_AFTER.match(after))


def _other_durations(ev: StoryEvidence, metric: Span) -> bool:
    """Another length of time anywhere in the story ("took exactly seven hours every night"),
    which may be the before value of the quoted one."""
    before, after = ev.text[: metric.start], ev.text[metric.end :]
    return bool(_A_DURATION.search(before) or _A_DURATION.search(after))


_A_DURATION = re.compile(
    r"(?:\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty)\b)\s*(?:ms|milliseconds?|seconds?|minutes?|hours?|"
    r"days?|weeks?|months?)\b",
    re.I,
)


def _metric_kind(metric: str) -> int | None:
    """0 ratio, 1 money, 2 time; None for a count that only gives scale ("12 engineers")."""
    if _RATIO.search(metric):
        return 0
    if _MONEY.search(metric):
        return 1
    if _TIME.search(metric):
        return 2
    return None


def ask_outcome(ev: StoryEvidence) -> FollowUp | None:
    """A result with no number: how did you know it worked?"""
    if ev.hypothetical:
        return None
    results = [i for i, s in enumerate(ev.sentences) if s.role == "result"]
    if not results or any(ev.per_sentence_metrics[i] for i in results):
        return None
    read = ev.told
    # "paged twice", "passed the penetration test", "no missing uploads after that", "both
    # juniors were requesting her reviews again": the story says how it was known.
    if read.result_measured or read.change_observed:
        return None
    if _failure_told(ev):
        return None  # a failure's result is what went wrong: nothing "worked" to verify
    i = results[0]
    s = ev.sentences[i]
    return _follow(
        "measurable-outcome",
        "measurement",
        "How did you know it worked? Which number moved, from what to what?",
        i,
        s.start,
        s.end,
    )


def ask_decision(ev: StoryEvidence) -> FollowUp | None:
    """Which other options were weighed, unless the story already names them and says why
    this one ("I have two options: … I decide to …, because it's reversible"); only about a
    real choice, not resolve ("I decided to find the real cause", "…to fix it") when the story
    names no alternatives. "Why X rather than Y?" only when the story does not already say
    what spoke against Y; otherwise only what the choice cost."""
    if ev.hypothetical:
        return None
    for i, s in enumerate(ev.sentences):
        if s.role not in {"action", "task"}:
            continue
        m = _DECISION.search(s.text)
        if not m:
            continue
        if told.alternatives_in(s.text):
            return None  # "instead of writing it myself, I decided…", "…rather than on request"
        before = ev.sentences[i - 1].text if i else ""
        reason = told.REASON.search(s.text, m.end()) or told.REASON.search(before)
        if reason and ev.told.alternatives_named:
            return None
        if _RESOLVE.match(m.group(0)) and not ev.told.alternatives_named:
            continue  # an intention, not a choice between options
        what = short_phrase(m.group("what"), 8)
        if len(what.split()) < 2:
            continue
        said = m.group(0).split(None, 1)[1]  # "decided to move the job…", without the "I"
        said = second_person(short_phrase(said, 10))
        if not said or not _keeps_object(said, what):
            continue  # "You decided.", "You argued for launching.": which choice, unsaid
        techs = sorted({t.group(0) for t in _TECH.finditer(ev.text)})
        tech_in = [t for t in techs if t in s.text]
        if tech_in and len(techs) >= 2:
            other = next(t for t in techs if t != tech_in[0])
            if _says_why_not(ev, other):
                question = f"You chose {tech_in[0]} over {other}. What did that choice cost you?"
            else:
                question = f"Why {tech_in[0]} rather than {other}? What did that choice cost you?"
        else:
            question = (
                f"You {said}. Which other options did you weigh, and why did you rule them out?"
            )
        start, end = _at(ev, i, m, "what")
        return _follow("why-decision", "decision", question, i, start, end)
    return None


def _keeps_object(said: str, what: str) -> bool:
    """Whether the quoted choice still names what was chosen: at least two of the first three
    words of it ("decided to make Aisha the owner…" keeps "make Aisha"; "decided" does not)."""
    kept = {w.lower() for w in said.split()}
    head = [w.lower() for w in what.split()[:3]]
    return sum(w in kept for w in head) >= min(2, len(head))


def _says_why_not(ev: StoryEvidence, option: str) -> bool:
    """Whether a sentence naming `option` says what spoke against it ("we had no one with
    Cassandra operations experience", "what it cost them to operate Cassandra")."""
    return any(option in s.text and _DRAWBACK.search(s.text) for s in ev.sentences)


# "decided to find the real cause", "decided to dig in": resolve to act, not a pick among options.
_RESOLVE = re.compile(
    r"I\s+(?:\w+ly\s+)?(?:decided|decide|made the call)\s+to\s+(?:\w+ly\s+)?"
    r"(?:find|figure|work out|understand|investigate|look|dig|get to the bottom|get|fix|solve|"
    r"address|tackle|handle|help|own|take (?:ownership|charge|responsibility|it on)|step in|act|"
    r"do (?:something|it|this|that|more)|try|learn|sort|deal|be|keep (?:going|at it)|"
    r"make (?:it|this|that|sure) (?:work|right|happen)?)\b",
    re.I,
)
_DRAWBACK = re.compile(
    r"\b(?:no one|nobody|none of us|lack\w*|without|cost\w*|expensive|slow\w*|complex\w*|"
    r"risk\w*|wrong|couldn't|can't|cannot|didn't (?:have|know|need)|too (?:\w+)|overkill|"
    r"hard to|harder|limits?|limited)\b",
    re.I,
)


def ask_learning(ev: StoryEvidence) -> FollowUp | None:
    """What the speaker would do differently, asked the way a Bar Raiser does: after a failure,
    what changed so it would not happen again; where the story risked or gave something up,
    whether it was worth it; where something went wrong, was hard or came out mixed, what they
    would do differently. Never after a clean success, nor when the story says its lesson."""
    # "Learned: …", "since then I…", "On Monday I add an automatic check…": it is told.
    read = ev.told
    if ev.hypothetical or read.lesson_told:
        return None
    if _failure_told(ev):
        question = "What did you change afterwards so that it would not happen again?"
    elif read.hook == "risk":
        question = (
            "Looking back, was the risk you took worth it, and what would you do to limit it?"
        )
    elif read.hook == "trade-off":
        question = (
            "Looking back, was the trade-off you made the right one, and what would you weigh "
            "differently?"
        )
    elif not read.setback and not _asks_for_learning(ev):
        return None  # a clean success: "what would you do differently" would be filler
    else:
        # Not "and what did you change afterwards?": a story that was hard or came out mixed
        # need not have anything to change, and one that does usually tells it.
        question = "Looking back, what would you do differently, and why?"
    return _follow("learning", "learning", question, None, None, None)


def _asks_for_learning(ev: StoryEvidence) -> bool:
    """The question itself is about a failure, a missed commitment or a lesson."""
    asks = {a.code for a in situations.question_asks(ev.question)}
    return bool(asks & {"failure", "missed-commitment", "learning"})


def _failure_told(ev: StoryEvidence) -> bool:
    """A failure question answered with a story in which something went wrong."""
    asks = {a.code for a in situations.question_asks(ev.question)}
    return bool(asks & {"failure", "missed-commitment"}) and (ev.told.setback or ev.told.went_wrong)


# A finding is no deed to walk through ("found he'd been moved onto frontend work", "traced it to
# a fallback"), nor is taking on the whole piece of work the answer is about ("took the project"),
# nor a choice ("made the call", "argued for launching"): why-decision asks about that, and cut to
# a few words it loses what was chosen.
_NOT_A_STEP = re.compile(
    r"(?:made the call|argued for|decided|chose|opted|pushed for|proposed|suggested|"
    r"recommended)\b"
    r"|(?:found|finds?|discovered|discovers?|saw|sees?|spotted|spots?|figured out|figures? out|"
    r"learned|learns?|realis(?:e|es|ed)|realiz(?:e|es|ed))\b(?!\s+(?:a|an)\s)"
    r"|trac(?:ed|es?) (?:it|this|that|them) to\b"
    # a scope cut is a choice ("cut the biometric login from the release")
    r"|(?:cut|dropped|descoped|removed)\b(?=(?:\s+[\w'’-]+){1,10}\s+from\b)"
    r"|(?:took|led|owned|ran|picked up|took on|took over)\s+(?:on\s+|over\s+)?"
    r"(?:the|this|that|our|my)\s+(?:project|work|effort|initiative|problem|ticket|task)\b"
    r"|(?:took|picked) (?:it|this|that) (?:on|over|up)\b",
    re.I,
)


# A minor step of the story, no deed it rests on: the admin around the work ("put the usage
# figures into a spreadsheet", "booked a meeting room", "sent him the agenda", "created a Jira
# ticket", "built a list of 80 churned accounts").
_MINOR_STEP = re.compile(
    r"(?:booked|book|scheduled|schedule|sent|send|emailed|email|forwarded|created|create|opened|"
    r"open|filed|file|made|make|built|build|put|set up|wrote down|write down|printed|copied|"
    r"added|add|took)\s+(?:[\w'’-]+\s+){0,5}?(?:list|lists|spreadsheets?|agenda|meeting room|"
    r"room|invites?|invitations?|tickets?|calendar|e-?mails?|notes|reminders?|channel)\b",
    re.I,
)


def ask_detail(ev: StoryEvidence, avoid: AbstractSet[int | None] = frozenset()) -> FollowUp | None:
    """Ask for what is open about the deed the result rests on — how it was done, what it
    contained, how the other person took it — quoting a whole phrase of it with the complement
    its verb needs ("put your reasoning in writing", not "put your reasoning"); never from a
    sentence in `avoid` (the one another probe already quotes), never a minor or self-explanatory
    step ("asked your principal engineer", "looked at the logs", "booked a room") nor an
    omission ("skipped the regression pass"). A deed that changes or makes something comes
    before one that tells someone about it; within each, the fuller deed first."""
    if ev.hypothetical:
        return None
    deeds = [d for d in ev.told.deeds if d[0] not in avoid]
    people = bool({a.code for a in situations.question_asks(ev.question)} & _PEOPLE_ASKS)
    for i, start, end in sorted(deeds, key=lambda d: _deed_rank(ev.text[d[1] : d[2]], d, people)):
        phrase = ev.text[start:end]
        if _CONDITION_BEFORE.search(ev.text, max(0, start - 20), start) or _SPEAKER_OBJECT.match(
            phrase
        ):
            continue  # "when I make a mistake", "I say… give me a week": no deed of the story
        if _OMITTED.search(ev.sentences[i].text):
            continue  # "I changed a join and did not check the row counts": the mistake itself
        if (
            _NOT_A_STEP.match(phrase)
            or _MINOR_STEP.match(phrase)
            or _SMALL_STEP.match(phrase)
            or told.is_omission(phrase)
        ):
            continue
        what = second_person(_quoted_deed(phrase))
        if not what or not _walkable(what, phrase):
            continue
        return _follow("detail", "detail", _detail_question(what), i, start, end)
    return None


def _deed_rank(phrase: str, deed: tuple[int, int, int], people_first: bool) -> tuple[int, int]:
    """Deeds that make something or win someone over first, then those that change something,
    then those that tell someone — in a story about people (developing someone, feedback,
    trust) telling them is the deed; the fuller deed first within each."""
    if _PERSUADING.match(phrase) or (people_first and _TELLING.match(phrase)):
        rank = 0
    elif _TELLING.match(phrase):
        rank = 2
    else:
        rank = 0 if _MAKING.match(phrase) else 1
    return (rank, deed[1] - deed[2])


# Questions whose story turns on a conversation with someone.
_PEOPLE_ASKS = frozenset(
    "develop-people feedback low-performer trust influence conflict complaint bad-news say-no "
    "let-go".split()
)


def _detail_question(what: str) -> str:
    """The ask that fits what the deed leaves open."""
    said = f"You said you {what}."
    if _PERSUADING.match(what):
        return (
            f"{said} Walk me through the conversation: what did you offer, and what did they "
            "ask for?"
        )
    if _TELLING.match(what):
        told_in = "did it say" if _DOCUMENT.search(what) else "did you say"
        return f"{said} What exactly {told_in}, and how did they take it?"
    if _MAKING.match(what) and what.split()[1].lower() not in _PRONOUN_ENDS:  # not "rebuilt it"
        return f"{said} What exactly was in it, and what was the hardest part to get right?"
    return f"{said} Walk me through it step by step: how did you do it?"


def _quoted_deed(phrase: str) -> str:
    """A short whole phrase of the deed; a verb that places or hands something keeps where or
    to whom ("put my reasoning in writing", "handed the list to our engineering lead"), and
    without it the deed is not quoted."""
    short = short_phrase(phrase, 7)
    if not _PLACING.match(phrase):
        return short
    parts = _clause_head(phrase.strip()).split()
    first = next((i for i, w in enumerate(parts) if i >= 2 and w.lower() in _PREPOSITIONS), None)
    if parts[0].lower() in _TAKING and (
        first is None or parts[first].lower() not in {"to", "into"}
    ):
        return ""  # "took the more conservative map for the routes": a choice, not a step
    if _has_complement(short):
        return short
    if first is None:
        return ""  # "I put my reasoning." : nothing to keep
    nxt = next(
        (j for j in range(first + 2, len(parts)) if parts[j].lower() in _PREPOSITIONS),
        len(parts),
    )
    out = " ".join(parts[:nxt]).rstrip(",;:")
    return "" if nxt > 10 or _unfinished(out) else out


def _has_complement(quote: str) -> bool:
    """ "handed the list to our engineering lead", "sent him the analysis": where or to whom."""
    words = quote.lower().split()
    return len(words) > 1 and (
        words[1] in _RECIPIENTS or any(w in _PREPOSITIONS for w in words[2:])
    )


# A sentence that tells what the speaker left undone tells the mistake, not a step.
_OMITTED = re.compile(
    r"\b(?:I|and)\s+(?:did not|didn't|didn’t|never|forgot to|failed to)\s+(?!know\b)\w+", re.I
)
# A deed told as a condition ("when I make a mistake") is a habit, not the story's deed.
_CONDITION_BEFORE = re.compile(r"\b(?:when|if|whenever|once|until|unless)\s+I\s+$", re.I)
# A deed done to the speaker ("give me a week") is someone's words reported, not a deed.
_SPEAKER_OBJECT = re.compile(r"[a-z]+\s+(?:me|us)\b", re.I)
# Steps that explain themselves, or that lead to the deed without being it: asking someone,
# looking at or checking something, meeting or calling ("asked our principal engineer",
# "look at the dryer logs", "retested the retained samples").
_SMALL_STEP = re.compile(
    r"(?:asked|ask|asks|looked|look|looks|checked|check|checks|pulled|pull|pulls|reviewed|"
    r"review|reviews|retested|reran|re-ran|listened|listen|read|met|meet|meets|called|call|"
    r"calls|contacted|contact|spoke|speak|talked|talk|visited|visit|phoned|confirmed|confirm|"
    r"flew|fly|rode|ride|sat|sit|went|go|joined|join|mapped|map|gathered|collected)\b",
    re.I,
)
# Verbs that place or hand something and need where or to whom.
_PLACING = re.compile(
    r"(?:put|puts|placed|place|sent|send|sends|moved|move|moves|handed|hand|hands|took|take|"
    r"takes|gave|give|gives|brought|bring|brings|passed|pass|forwarded|forward|submitted|"
    r"submit)\b",
    re.I,
)
_TAKING = frozenset("took take takes".split())
_RECIPIENTS = frozenset("him her them us me everyone everybody".split())
# Telling someone: what it said and how they took it is what is open.
_TELLING = re.compile(
    r"(?:put|puts|sent|send|sends|handed|hand|hands|gave|give|gives|showed|show|shows|"
    r"presented|present|presents|explained|explain|explains|told|tell|tells|pitched|pitch|"
    r"reframed|reframe|shared|share|wrote to|write to|forwarded|submitted|"
    r"walked \w+ through|took \w+ \w+ to|take \w+ \w+ to)\b",
    re.I,
)
_DOCUMENT = re.compile(
    r"\b(?:writing|page|email|e-mail|memo|analysis|report|proposal|list|doc|document|"
    r"letter|plan|deck|summary|figures|numbers|data|model|case)\b",
    re.I,
)
_PERSUADING = re.compile(
    r"(?:negotiated|negotiate|negotiates|convinced|convince|persuaded|persuade|lobbied|"
    r"won over|win over|brokered)\b",
    re.I,
)
_MAKING = re.compile(
    r"(?:(?:wrote|write|writes)(?!\s+(?:to|back)\b)|rewrote|rewrite|drafted|draft|designed|design|designs|redesigned|"
    r"redesign|built|build|builds|rebuilt|rebuild|created|create|creates|developed|develop|"
    r"prototyped|set up|sets up|made|make|makes)\b",
    re.I,
)


def _walkable(what: str, phrase: str) -> bool:
    """Whether the quoted deed has something to walk through: not a bare verb ("you raised
    it", "you sat down"), not a pronoun the quote leaves without its referent ("called each of
    them"), not a request cut from what was asked ("asked the toolmaker | to come in")."""
    words = [w.lower() for w in what.split()]
    if len(words) < 2 or (len(words) == 2 and words[-1] in _BARE_ENDS):
        return False
    if words[-1] in _PRONOUN_ENDS and len(words) <= 4:
        return False
    if len(words) == 3 and words[1] in _PRONOUN_ENDS and words[2] in _PARTICLES:
        return False  # "wrote it up", "sorted it out"
    if words[-1] in _ADVERB_ENDS:
        return False  # "offered instead"
    rest = phrase[len(what) :].split(None, 1) if phrase.lower().startswith(what.lower()) else []
    return not (words[0] in _ASKING and rest and rest[0].lower() == "to")
