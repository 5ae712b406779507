"""Strengths, improvements and follow-up questions, each tied to the words it is about.

Every remark is produced by a rule that fired on this answer, and carries the
span or sentence that made it fire, so the interface can point at it and the
candidate can check it. Follow-ups "peel the onion" the way an interviewer
does: they quote the answer's own words back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loopcoach.analysis import cues
from loopcoach.analysis.principles import NAMES, PrincipleScore, cue_counts
from loopcoach.analysis.pronouns import subject_counts
from loopcoach.analysis.report import WORDS_PER_MINUTE, FollowUp, Remark, Sentence
from loopcoach.analysis.spans import Span

MAX_STRENGTHS = 3
MAX_IMPROVEMENTS = 4
MAX_FOLLOW_UPS = 4
SHORT_WORDS = 90
LONG_WORDS = 450

_TECH = re.compile(
    r"\b(?:Kafka|RabbitMQ|SQS|SNS|Kinesis|Redis|Memcached|Postgres(?:QL)?|MySQL|DynamoDB|"
    r"Cassandra|MongoDB|Elasticsearch|OpenSearch|Snowflake|BigQuery|Redshift|Spark|Airflow|"
    r"Flink|Hadoop|Kubernetes|K8s|Docker|Terraform|Lambda|EC2|S3|ECS|EKS|GraphQL|gRPC|REST|"
    r"React|Angular|Vue|Swift|Kotlin|Rust|Go|Golang|Java|Python|Scala|Node(?:\.js)?|"
    r"TypeScript|Jenkins|GitHub Actions|CircleCI|Datadog|Grafana|Prometheus|Splunk|Sentry|"
    r"PagerDuty|Jira|Salesforce|Stripe|Twilio|CDN|Cloudflare|Nginx|Envoy|Istio|microservices?|"
    r"monolith|feature flags?|canary|blue[- ]green|sharding|cache|caching|queue|"
    r"event[- ]driven|ORM|SDK|API gateway|load balancer|read replicas?|CQRS|webhooks?)\b"
)
_DECISION = re.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:decided|chose|proposed|suggested|"
    r"recommended|opted|pushed|argued|went with|picked|agreed)\s+(?:for\s+|"
    r"to\s+|that\s+(?:we\s+should\s+)?)?(?P<what>[^,.;:!?]+)",
    re.I,
)
_CONFLICT = re.compile(
    r"\b(?:disagree\w*|pushed back|push back|argu\w+|conflict\w*|"
    r"objected|skeptic\w*|refused|convinc\w+|escalat\w+|tension|"
    r"frustrat\w+|upset|angry|resist\w*|pushback|opposed|challenged)\b",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:(?:my|our|the|their|his|her)\s+(?:\w+\s+)?(?:manager|director|VP|"
    r"vice president|CTO|CEO|CFO|lead|product manager|PM|architect|peer|colleague|"
    r"stakeholder|customer|client|boss|engineer|team|head of \w+))|"
    r"\b(?:[A-Z][a-z]+)(?=,?\s+(?:the|our|my|who|was|said|told|wanted|disagreed|insisted))"
)
_LEARNED = re.compile(
    r"\b(?:i learned|i learnt|taught me|my lesson|the lesson|what i took|since then i)\b", re.I
)
_NOT_NAMES = frozenset(
    "I So But And Then When After Before We The This That It At In On My Our".split()
)
_ALTERNATIVES = {
    "kafka": "a managed queue such as SQS",
    "rabbitmq": "Kafka",
    "sqs": "Kafka",
    "redis": "an in-process cache",
    "postgres": "a NoSQL store",
    "postgresql": "a NoSQL store",
    "mysql": "Postgres",
    "dynamodb": "a relational database",
    "kubernetes": "a simpler managed service",
    "microservices": "keeping the monolith",
    "microservice": "keeping the monolith",
    "monolith": "splitting it into services",
    "graphql": "plain REST",
    "cache": "fixing the slow path itself",
    "caching": "fixing the slow path itself",
    "feature flag": "a normal release",
    "feature flags": "a normal release",
    "canary": "a full rollout with a rollback plan",
    "queue": "a synchronous call",
}


@dataclass(frozen=True)
class Evidence:
    text: str
    sentences: Sequence[Sentence]
    metrics: Sequence[Span]
    per_sentence_metrics: Sequence[Sequence[Span]]


def build(
    *,
    text: str,
    sentences: Sequence[Sentence],
    metrics: Sequence[Span],
    per_sentence_metrics: Sequence[Sequence[Span]],
    ownership: str,
    hypothetical: bool,
    fillers: Sequence[Span],
    hedges: Sequence[Span],
    principles: Sequence[PrincipleScore],
    asked: str | None,
    word_count: int,
    action_share: float,
) -> tuple[list[Remark], list[FollowUp]]:
    ev = Evidence(text, sentences, metrics, per_sentence_metrics)
    roles = [s.role for s in sentences]
    strengths = [
        r
        for r in (
            _quantified_result(ev),
            _clear_personal_action(ev, hypothetical),
            _complete_star(ev, roles, hypothetical),
            _on_principle(ev, principles, asked),
            _lesson(ev),
            _good_length(word_count),
        )
        if r
    ][:MAX_STRENGTHS]
    improvements = [
        r
        for r in (
            _hypothetical(ev, hypothetical),
            _principle_mismatch(ev, principles, asked, hypothetical),
            _no_result(ev, roles, hypothetical),
            _result_without_number(ev, roles, hypothetical),
            _we_story(ev, ownership, hypothetical),
            _no_task(ev, roles, hypothetical),
            _low_action_share(ev, roles, action_share, hypothetical),
            _outside_story(ev),
            _length(word_count),
            _fillers(fillers, word_count),
            _hedges(hedges, word_count),
            _no_situation(ev, roles, hypothetical),
        )
        if r
    ][:MAX_IMPROVEMENTS]
    follow_ups = _follow_ups(ev, ownership, hypothetical, roles)
    return strengths + improvements, follow_ups


# ---- helpers -------------------------------------------------------------------------------------


def quote(s: str, limit: int = 110) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def second_person(phrase: str) -> str:
    """Turn the candidate's words toward them: 'my team' → 'your team', 'we' → 'you'."""
    swaps = {
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
    }
    return re.sub(
        r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves|I'd|I'm)\b",
        lambda m: swaps[m.group(0).lower()],
        phrase,
        flags=re.I,
    )


def _clause(phrase: str, words: int) -> str:
    parts = phrase.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _remark(
    kind: str,
    code: str,
    text: str,
    sentence: Sentence | None = None,
    index: int | None = None,
    span: Span | None = None,
) -> Remark:
    if span is not None:
        return Remark(kind, code, text, span.start, span.end, index, span.text)
    if sentence is not None:
        return Remark(kind, code, text, sentence.start, sentence.end, index, sentence.text)
    return Remark(kind, code, text)


def _first(ev: Evidence, role: str) -> tuple[int, Sentence] | None:
    for i, s in enumerate(ev.sentences):
        if s.role == role:
            return i, s
    return None


def _past_i_actions(ev: Evidence) -> list[tuple[int, Sentence]]:
    return [
        (i, s) for i, s in enumerate(ev.sentences) if s.role == "action" and cues.past_i_cue(s.text)
    ]


# ---- strengths -----------------------------------------------------------------------------------


def _quantified_result(ev: Evidence) -> Remark | None:
    for i, s in enumerate(ev.sentences):
        found = ev.per_sentence_metrics[i]
        if s.role == "result" and found:
            names = ", ".join(f"“{m.text}”" for m in found[:3])
            return _remark(
                "strength",
                "quantified-result",
                f"You put numbers on the outcome ({names}): “{quote(s.text)}”",
                s,
                i,
            )
    return None


def _clear_personal_action(ev: Evidence, hypothetical: bool) -> Remark | None:
    actions = _past_i_actions(ev)
    if hypothetical or len(actions) < 2:
        return None
    i, s = max(actions, key=lambda p: len(p[1].text))
    return _remark(
        "strength",
        "personal-action",
        f"Your own part is clear: {len(actions)} sentences "
        f"say what you did, e.g. “{quote(s.text)}”",
        s,
        i,
    )


def _complete_star(ev: Evidence, roles: list[str], hypothetical: bool) -> Remark | None:
    if hypothetical or not all(r in roles for r in ("situation", "task", "action", "result")):
        return None
    found = _first(ev, "task")
    i, s = found if found else (None, None)
    return _remark(
        "strength",
        "complete-star",
        f"All four STAR parts are there, and you state your goal: “{quote(s.text)}”"
        if s
        else "All four STAR parts are there.",
        s,
        i,
    )


def _on_principle(
    ev: Evidence, principles: Sequence[PrincipleScore], asked: str | None
) -> Remark | None:
    if not asked or not principles or principles[0].slug != asked:
        return None
    best = _sentence_for_principle(ev, asked)
    name = NAMES[asked]
    if best is None:
        return _remark(
            "strength",
            "on-principle",
            f"The story fits {name}, the principle the question asks about.",
        )
    i, s = best
    return _remark(
        "strength",
        "on-principle",
        f"The story fits {name}, the principle asked about; "
        f"this sentence shows it best: “{quote(s.text)}”",
        s,
        i,
    )


def _sentence_for_principle(ev: Evidence, slug: str) -> tuple[int, Sentence] | None:
    scored = [
        (cue_counts(s.text).get(slug, 0), i, s)
        for i, s in enumerate(ev.sentences)
        if s.role in {"action", "result", "task"}
    ]
    scored = [x for x in scored if x[0] > 0]
    if not scored:
        return None
    _, i, s = max(scored, key=lambda x: x[0])
    return i, s


def _lesson(ev: Evidence) -> Remark | None:
    for i, s in enumerate(ev.sentences):
        if s.role == "result" and _LEARNED.search(s.text):
            return _remark(
                "strength", "lesson", f"You close with what you learned: “{quote(s.text)}”", s, i
            )
    return None


def _good_length(word_count: int) -> Remark | None:
    if 150 <= word_count <= 380:
        minutes = word_count / WORDS_PER_MINUTE
        return _remark(
            "strength",
            "length",
            f"At {word_count} words (about {minutes:.1f} minutes "
            "spoken) it fits the 2–3 minutes an interviewer expects.",
        )
    return None


# ---- improvements --------------------------------------------------------------------------------


def _hypothetical(ev: Evidence, hypothetical: bool) -> Remark | None:
    if not hypothetical:
        return None
    for i, s in enumerate(ev.sentences):
        if cues.would_cue(s.text) or cues.habit_cue(s.text):
            return _remark(
                "improvement",
                "hypothetical",
                "This describes what you would do or usually do "
                f"(“{quote(s.text, 80)}”), not one real event. "
                "Pick a specific time, tell it in the past tense, and say what happened.",
                s,
                i,
            )
    return _remark(
        "improvement",
        "hypothetical",
        "This is general, not one real event. Tell one specific time, in the past tense.",
    )


def _principle_mismatch(
    ev: Evidence, principles: Sequence[PrincipleScore], asked: str | None, hypothetical: bool
) -> Remark | None:
    if not asked or not principles or principles[0].slug == asked or hypothetical:
        return None
    shown = principles[0].slug
    return _remark(
        "improvement",
        "principle-mismatch",
        f"The question asks about {NAMES[asked]}, but the story mostly shows {NAMES[shown]}. "
        f"Choose a story where {NAMES[asked]} is the point, or make that part explicit.",
    )


def _no_result(ev: Evidence, roles: list[str], hypothetical: bool) -> Remark | None:
    if hypothetical or "result" in roles or not ev.sentences:
        return None
    i, s = len(ev.sentences) - 1, ev.sentences[-1]
    return _remark(
        "improvement",
        "no-result",
        f"The story stops at “{quote(s.text, 80)}” without "
        "a result. Say what came of it: what changed, "
        "for whom, and by how much.",
        s,
        i,
    )


def _result_without_number(ev: Evidence, roles: list[str], hypothetical: bool) -> Remark | None:
    if hypothetical or "result" not in roles:
        return None
    results = [(i, s) for i, s in enumerate(ev.sentences) if s.role == "result"]
    if any(ev.per_sentence_metrics[i] for i, _ in results):
        return None
    i, s = results[0]
    what = (
        "the answer has no numbers at all"
        if not ev.metrics
        else "none of the numbers is about the outcome"
    )
    return _remark(
        "improvement",
        "result-without-number",
        f"The result “{quote(s.text, 90)}” has no measure, "
        f"and {what}. Add one: time saved, errors, "
        "cost, users, revenue — before and after.",
        s,
        i,
    )


def _we_story(ev: Evidence, ownership: str, hypothetical: bool) -> Remark | None:
    if hypothetical or ownership == "i":
        return None
    for i, s in enumerate(ev.sentences):
        i_count, we_count = subject_counts(s.text)
        if s.role == "action" and we_count > i_count:
            share = "mostly" if ownership == "we" else "often"
            return _remark(
                "improvement",
                "we-ownership",
                f"The actions are {share} told as “we”, e.g. "
                f"“{quote(s.text, 80)}”. Say what you did "
                "yourself: which decision was yours, what you built, whom you talked to.",
                s,
                i,
            )
    return None


def _no_task(ev: Evidence, roles: list[str], hypothetical: bool) -> Remark | None:
    if hypothetical or "task" in roles or "action" not in roles:
        return None
    found = _first(ev, "action")
    i, s = found if found else (None, None)
    return _remark(
        "improvement",
        "no-task",
        "Before the first action, say what you personally had to achieve (“My goal was…”, "
        "“I was responsible for…”), so the actions have a yardstick.",
        s,
        i,
    )


def _low_action_share(
    ev: Evidence, roles: list[str], action_share: float, hypothetical: bool
) -> Remark | None:
    if hypothetical or action_share >= 0.3 or "action" not in roles:
        return None
    situations = [(i, s) for i, s in enumerate(ev.sentences) if s.role == "situation"]
    if not situations:
        return None
    i, s = max(situations, key=lambda p: len(p[1].text))
    return _remark(
        "improvement",
        "low-action-share",
        f"Only {action_share:.0%} of the answer is about your actions. Trim the background "
        f"(such as “{quote(s.text, 70)}”) and spend the time on what you did and why.",
        s,
        i,
    )


def _outside_story(ev: Evidence) -> Remark | None:
    others = [
        (i, s) for i, s in enumerate(ev.sentences) if s.role == "other" and len(s.text.split()) > 6
    ]
    if len(others) < 2:
        return None
    i, s = others[0]
    return _remark(
        "improvement",
        "outside-story",
        f"{len(others)} sentences are outside the story, e.g. “{quote(s.text, 80)}”. "
        "Interviewers score the event, not general views; cut them.",
        s,
        i,
    )


def _length(word_count: int) -> Remark | None:
    minutes = word_count / WORDS_PER_MINUTE
    if word_count > LONG_WORDS:
        return _remark(
            "improvement",
            "too-long",
            f"At {word_count} words (about {minutes:.1f} "
            "minutes spoken) it runs long; aim for 2–3 minutes "
            "and keep one sentence of background.",
        )
    if word_count < SHORT_WORDS:
        return _remark(
            "improvement",
            "too-short",
            f"At {word_count} words (under a minute spoken) "
            "there is little an interviewer can assess; "
            "add the steps you took and what came of them.",
        )
    return None


def _fillers(fillers: Sequence[Span], word_count: int) -> Remark | None:
    if len(fillers) < 3:
        return None
    words = sorted({f.text.lower() for f in fillers})
    listed = ", ".join(f"“{w}”" for w in words[:4])
    return _remark(
        "improvement",
        "fillers",
        f"{len(fillers)} filler words ({listed}) in "
        f"{word_count} words. A short pause sounds surer.",
        span=fillers[0],
    )


def _hedges(hedges: Sequence[Span], word_count: int) -> Remark | None:
    if len(hedges) < 3:
        return None
    words = sorted({h.text.lower() for h in hedges})
    listed = ", ".join(f"“{w}”" for w in words[:4])
    return _remark(
        "improvement",
        "hedges",
        f"{len(hedges)} hedges ({listed}) make your own "
        "story sound uncertain; state what happened.",
        span=hedges[0],
    )


def _no_situation(ev: Evidence, roles: list[str], hypothetical: bool) -> Remark | None:
    if hypothetical or "situation" in roles or len(ev.sentences) < 3:
        return None
    return _remark(
        "improvement",
        "no-situation",
        "Open with one sentence of context: where you were, your role, and what was at stake.",
        ev.sentences[0],
        0,
    )


# ---- follow-up questions -------------------------------------------------------------------------


def _follow_ups(
    ev: Evidence, ownership: str, hypothetical: bool, roles: list[str]
) -> list[FollowUp]:
    found = [
        f
        for f in (
            _ask_real_time(ev, hypothetical),
            _ask_personal(ev, ownership, hypothetical),
            _ask_conflict(ev),
            _ask_outcome(ev, roles, hypothetical),
            _ask_why_decision(ev),
            _ask_why_technology(ev),
            _ask_measurement(ev, hypothetical),
        )
        if f
    ]
    seen, out = set(), []
    for f in found:
        if f.sentence_index not in seen or f.sentence_index is None:
            out.append(f)
            seen.add(f.sentence_index)
    return out[:MAX_FOLLOW_UPS]


def _follow(
    code: str,
    question: str,
    i: int | None = None,
    s: Sentence | None = None,
    span: tuple[int, int] | None = None,
) -> FollowUp:
    if span:
        return FollowUp(code, question, span[0], span[1], i)
    if s is not None:
        return FollowUp(code, question, s.start, s.end, i)
    return FollowUp(code, question)


def _ask_real_time(ev: Evidence, hypothetical: bool) -> FollowUp | None:
    if not hypothetical:
        return None
    for i, s in enumerate(ev.sentences):
        m = re.search(
            r"\b(?:I|we)\s*(?:would|'d|’d|usually|always|generally|typically|try to|"
            r"make sure to)\s+(?:first\s+|also\s+|then\s+)?(?P<what>[^,.;:!?]+)",
            s.text,
            re.I,
        )
        if m:
            what = re.sub(
                r"^(?:do\s+)?(?:first\s+)?(?:is\s+)?", "", m.group("what").strip(), flags=re.I
            )
            what = second_person(_clause(what, 12))
            return _follow(
                "real-example",
                f"You said you would {what}. Tell me about a "
                "specific time you actually did that. What happened?",
                i,
                s,
            )
    return _follow(
        "real-example", "Can you walk me through one specific time this happened, and what you did?"
    )


def _ask_personal(ev: Evidence, ownership: str, hypothetical: bool) -> FollowUp | None:
    if hypothetical or ownership == "i":
        return None
    for i, s in enumerate(ev.sentences):
        m = re.search(r"\bwe\s+(?P<what>(?:\w+\s+){1,7}\w+)", s.text, re.I)
        if (
            s.role in {"action", "result"}
            and m
            and subject_counts(s.text)[1] > subject_counts(s.text)[0]
        ):
            return _follow(
                "personal-role",
                f"You said “we {m.group('what')}”. What did you "
                "personally do there, and what did others do?",
                i,
                s,
                (s.start + m.start(), s.start + m.end()),
            )
    return None


def _ask_conflict(ev: Evidence) -> FollowUp | None:
    for i, s in enumerate(ev.sentences):
        m = _CONFLICT.search(s.text)
        if not m:
            continue
        who = _who_in(s.text) or _who_nearby(ev, i)
        if who:
            who = second_person(who)
            question = (
                f"When you say “{quote(s.text, 70)}”: what exactly did you say to {who}, "
                f"and what did {who} answer?"
            )
        else:
            question = (
                f"When you say “{quote(s.text, 70)}”: who "
                "exactly did you speak to, what did you say, "
                "and what did they answer?"
            )
        return _follow("conflict", question, i, s)
    return None


def _who_in(text: str) -> str | None:
    for m in _PERSON.finditer(text):
        name = m.group(0).strip()
        if name not in _NOT_NAMES and not name.lower().startswith(
            ("the team", "our team", "my team")
        ):
            return name
    return None


def _who_nearby(ev: Evidence, index: int) -> str | None:
    for j in (index - 1, index + 1):
        if 0 <= j < len(ev.sentences):
            who = _who_in(ev.sentences[j].text)
            if who:
                return who
    return None


def _ask_why_decision(ev: Evidence) -> FollowUp | None:
    for i, s in enumerate(ev.sentences):
        if s.role not in {"action", "task"}:
            continue
        m = _DECISION.search(s.text)
        if m:
            said = _clause(s.text[m.start() : m.end()], 16)
            return _follow(
                "why-decision",
                f"You said “{said}”. Why that, and which other options did you weigh and rule out?",
                i,
                s,
                (s.start + m.start("what"), s.start + m.end("what")),
            )
    return None


def _ask_why_technology(ev: Evidence) -> FollowUp | None:
    for i, s in enumerate(ev.sentences):
        if s.role not in {"action", "task", "result"}:
            continue
        m = _TECH.search(s.text)
        if m:
            tech = m.group(0)
            alt = _ALTERNATIVES.get(tech.lower())
            other = f"for example {alt}" if alt else "another option"
            return _follow(
                "why-technology",
                f"Why {tech}? What made it a better fit here "
                f"than {other}, and what did it cost you?",
                i,
                s,
                (s.start + m.start(), s.start + m.end()),
            )
    return None


def _ask_outcome(ev: Evidence, roles: list[str], hypothetical: bool) -> FollowUp | None:
    if hypothetical:
        return None
    result_metrics = any(
        ev.per_sentence_metrics[i] for i, s in enumerate(ev.sentences) if s.role == "result"
    )
    if result_metrics:
        return None
    actions = [(i, s) for i, s in enumerate(ev.sentences) if s.role == "action"]
    if not actions:
        return _follow(
            "measurable-outcome", "What was the measurable outcome, and how did you know it worked?"
        )
    i, s = actions[-1]
    m = re.search(r"\b(?:I|we)\s+(?:\w+ly\s+)?(?P<what>[^,.;:!?]+)", s.text, re.I)
    what = (
        second_person(_clause(re.split(r"\s+and\s+", m.group("what"))[0], 10)) if m else "did that"
    )
    return _follow(
        "measurable-outcome",
        f"After you {what}, what was the measurable "
        "outcome? Which number moved, from what to what?",
        i,
        s,
    )


def _ask_measurement(ev: Evidence, hypothetical: bool) -> FollowUp | None:
    """Ask how the headline number of the result was measured: a percentage or multiplier first."""
    if hypothetical:
        return None
    best: tuple[int, int, FollowUp] | None = None
    for i, s in enumerate(ev.sentences):
        if s.role != "result":
            continue
        for order, m in enumerate(ev.per_sentence_metrics[i]):
            kind, question = _measurement_question(m.text)
            if question and (best is None or (kind, -order) < best[:2]):
                best = (kind, -order, _follow("measurement", question, i, s, (m.start, m.end)))
    return best[2] if best else None


def _measurement_question(metric: str) -> tuple[int, str | None]:
    """(priority, question) for a metric; lower priority is asked first."""
    low = metric.lower()
    if re.search(r"%|percent|points|\bx\b|\dx$|times|half|third|quarter|doubl|tripl|halv", low):
        return 0, (
            f"You mentioned “{metric}”. How did you measure that, over what period, and what else "
            "could explain the change?"
        )
    if re.search(r"[$€£]|dollars|euros", low):
        return (
            1,
            f"You mentioned “{metric}”. How was that figure worked out, and who agreed with it?",
        )
    if re.search(r"\b(?:ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?)\b", low):
        return (
            2,
            f"You mentioned “{metric}”. What was it before, and "
            "which of your changes made the most difference?",
        )
    return 3, None
