"""The general system-design rubric: which items an answer covers, and where.

Nine items (DESIGN.md), each recognised sentence by sentence by cue phrases
that an interviewer listens for; docs/design-labels.md says what each item
means. A sentence under a heading such as "API:" or "## Scaling" is evidence
for that item too. `deep_dive` is the exception: it is judged against the
question's own expectations (expectations.py), by the analyzer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from loopcoach.analysis.design.quantities import Quantity
from loopcoach.analysis.spans import Span

ITEMS = (
    "requirements",
    "estimates",
    "api",
    "data_model",
    "high_level",
    "deep_dive",
    "scaling",
    "trade_offs",
    "operations",
)
NAMES = {
    "requirements": "Requirements",
    "estimates": "Scale estimates",
    "api": "API",
    "data_model": "Data model",
    "high_level": "High-level design",
    "deep_dive": "Deep dive",
    "scaling": "Scaling",
    "trade_offs": "Trade-offs",
    "operations": "Failure modes and operations",
}
MIN_SECTION_WORDS = 4  # a sentence under a heading counts for it when it says something


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


CUES: dict[str, re.Pattern[str]] = {
    "requirements": _words(
        r"requirements?",
        r"(?:non-?)?functional",
        r"(?:must|should|needs? to|has to|have to|may)\s+(?:not\s+|never\s+|always\s+|still\s+)?"
        r"(?:support|handle|allow|let|accept|return|respond|arrive|stay|cost|keep|work|load|serve|"
        r"survive|guarantee|finish|start|appear|tolerate|show|reach|remain|never|always|last|"
        r"be (?:able|available|durable|consistent|shown|lost|charged|served|returned))",
        r"(?:users?|customers?|clients?|callers?|shoppers?|players?|agents?) "
        r"(?:can|should|must|need to|want to|will be able to|are able to)",
        r"we need to (?:take|store|support|serve|return|handle|send|let|show|keep)",
        r"(?:main |key |core )?features? (?:are|is|include)",
        r"the (?:main |first |key )?goal(?: \w+){0,4} is",
        r"targets?",
        r"the invariant",
        r"(?:within|under|below|in) (?:(?:a |an )?(?:\d+|one|two|a few)|a|an) ?"
        r"(?:ms|milliseconds?|seconds?|minutes?)",
        r"(?:latency )?budget",
        r"at least (?:daily|hourly|once)",
        r"at most",
        r"in scope",
        r"out of scope",
        r"clarify(?:ing)?",
        r"(?:i(?:'d| would)|let me) (?:first )?(?:ask|confirm|check)",
        r"(?:main |key |primary )?use cases? (?:are|is|include)",
        r"(?:we|it|the system) needs? (?:more|to support|to handle|a way)",
        r"we need to support",
        r"SLAs?",
        r"(?:latency|availability|durability) (?:target|budget|goal|requirement)s?",
        r"read[- ]heavy",
        r"write[- ]heavy",
        r"the goal is",
    ),
    "api": _words(
        r"(?:the|our|an?|public|internal|its) APIs? (?:has|have|exposes?|looks like|returns?|"
        r"offers?|accepts?|consists|includes?|is (?:just|simply|a|an|two|three|one|POST|GET|PUT))",
        r"API (?:calls?|design|endpoints?|contract|surface|methods?)",
        r"(?:GET|POST|PUT|PATCH|DELETE)\s+/\S*",
        r"endpoints?",
        r"exposes? (?:an?|one|two|three) (?:calls?|methods?|operations?|endpoints?)",
        r"REST(?:ful)?",
        r"gRPC",
        r"GraphQL",
        r"webhooks?",
        r"request (?:body|payload|parameters)",
        r"response (?:body|codes?)",
        r"[a-z][a-z_]+\([a-z_, ]*\)",
        r"calls? (?:get|put|set|delete)\b",
    ),
    "data_model": _words(
        r"schemas?",
        r"tables? (?:keyed|with|holds?|has|of|called|named|for|that|partitioned)",
        r"(?:one|a) tables?,",
        r"(?:is|are) stored (?:with|as)",
        r"stored in \w+ (?:with|keyed|by)",
        r"data ?model",
        r"(?:primary|partition|sort|foreign|shard|composite|hash|range|row) keys?",
        r"columns?",
        r"fields?",
        r"index(?:es|ed)?",
        r"indices",
        r"rows? (?:keyed|with|per|for each|holds?|has)",
        r"UPDATE \w+ SET",
        r"SELECT .{0,40}? FROM",
        r"WHERE \w+ ?[=<>]",
        r"records? (?:keyed|with|per|for each|holds?|has)",
        r"keyed (?:by|on)",
        r"entit(?:y|ies)",
        r"attributes?",
        r"[a-z]+_id",
        r"stores? (?:a|one|each) (?:row|record|item|entry|document)",
        r"(?:each|every) \w+ (?:stores|holds|keeps)",
    ),
    "scaling": _words(
        r"cach(?:e|es|ed|ing)",
        r"shard(?:s|ed|ing)?",
        r"partition(?:s|ed|ing)?",
        r"replicas?",
        r"replicat(?:e|es|ed|ion|ing)",
        r"cop(?:y|ies) (?:each|every|the) \w+ to (?:another|other|two|three)",
        r"fans? (?:\w+ )?out",
        r"pub/?sub",
        r"load[- ]balanc(?:er|ers|ing|ed)",
        r"balanc(?:er|ers|ing)",
        r"horizontal(?:ly)?",
        r"(?:so it|to) (?:can )?scale",
        r"kafka",
        r"kinesis",
        r"SQS",
        r"rabbitmq",
        r"scal(?:e|es|ing) (?:out|up|horizontally)",
        r"auto ?-?scal(?:e|es|ing)",
        r"consistent hashing",
        r"CDN",
        r"queues?",
        r"fan[- ]?out",
        r"stateless",
        r"add more (?:servers|nodes|hosts|instances|workers)",
        r"bottlenecks?",
    ),
    "trade_offs": _words(
        r"trade[- ]?offs?",
        r"CAP",
        r"consisten(?:t|cy)",
        r"eventual(?:ly)?",
        r"at the (?:cost|expense|price) of",
        r"give(?:s)? up",
        r"gave up",
        r"giving up",
        r"downsides?",
        r"the (?:cost|price) (?:is|we pay)",
        r"in exchange",
        r"pros and cons",
        r"rather than",
        r"instead\b",
        r"compromise",
        r"prefer \w+(?: \w+)? (?:to|over)",
        r"costs? more",
        r"(?:more|less) \w+ than",
        r"(?:easier|harder|cheaper|simpler|faster|slower|better|worse) than",
        r"versus",
        r"vs\.?",
        r"on the other hand",
        r"(?:we|i) accept",
        r"sacrific(?:e|es|ing)",
        r"worth (?:it|the)",
        r"stale",
        r"(?:cheaper|simpler|faster|slower) but",
        r"(?:is|are) (?:better|worse|cheaper|simpler|faster|safer)",
        r"(?:would|could) also work",
        r"but (?:\w+ ){0,3}would",
        r"the (?:main |biggest |only )?risk (?:with|of|is)",
        r"not \w+(?: \w+)?, because",
        r"costs? us",
        r"even though",
        r"would be (?:cheaper|simpler|faster|easier|more \w+)",
        r"because (?:\w+ ){1,6}(?:isn't|is not|can't|cannot|doesn't|does not)",
        r"\w+ but (?:adds?|costs?|harder|slower|more)",
        r"(?:is|are) acceptable",
        r"acceptable",
    ),
    "operations": _words(
        r"monitor(?:s|ing|ed)?",
        r"alarms?",
        r"alert(?:s|ing|ed)?",
        r"on-?call",
        r"dashboards?",
        r"pag(?:e|es|ed|ing) (?:the|an|someone|on-call)",
        r"COEs?",
        r"correction of errors?",
        r"runbooks?",
        r"SLOs?",
        r"canar(?:y|ies)",
        r"roll ?-?backs?",
        r"roll(?:ed)? back",
        r"observability",
        r"logging",
        r"tracing",
        r"post-?mortems?",
        r"incidents?",
        r"health checks?",
        r"game ?days?",
        r"chaos",
        r"failure modes?",
        r"fail ?-?over",
        r"circuit breakers?",
        r"(?:goes|go|is|are) down",
        r"(?:fails|dies|crashes)",
        r"failures?",
        r"(?:detect|detects|detecting) (?:failures?|failed)",
        r"outages?",
        r"in case (?:\w+ ){0,2}(?:loses|fails|goes down|dies|crashes|is lost)",
        r"goes wrong",
        r"switch(?:es)? back",
        r"(?:we |i )?measure",
        r"degrades?",
    ),
}
_ESTIMATE_WORDS = _words(
    r"QPS",
    r"RPS",
    r"(?:requests|writes|reads|queries|messages|events) (?:per|a) second",
    r"back[- ]of[- ]the[- ]envelope",
    r"storage",
    r"bandwidth",
    r"throughput",
    r"capacity",
    r"estimates?",
    r"assum(?:e|ing)",
    r"for scale",
    r"DAU",
    r"MAU",
    r"per day",
    r"a day",
)
_COMPONENT = _words(
    r"load[- ]balanc(?:er|ers)",
    r"API gateway",
    r"gateway",
    r"(?:web|app|application|front-?end|back-?end|api|edge) (?:servers?|tier|layer|fleet|hosts?)",
    r"(?:micro)?services?",
    r"databases?",
    r"DB",
    r"caches?",
    r"queues?",
    r"CDN",
    r"workers?",
    r"object stor(?:e|age)",
    r"S3",
    r"redis",
    r"memcached",
    r"kafka",
    r"kinesis",
    r"SQS",
    r"dynamo(?:db)?",
    r"cassandra",
    r"postgres(?:ql)?",
    r"mysql",
    r"elasticsearch",
    r"stream processors?",
    r"schedulers?",
    r"lambdas?",
    r"clients?",
    r"brokers?",
    r"store",
    r"backend",
    r"(?:mobile )?app",
    r"SDK",
    r"client librar(?:y|ies)",
    r"fetchers?",
    r"parsers?",
    r"frontier",
    r"outbox",
    r"nodes",
    r"(?:rate )?limiter",
    r"UI",
)
_ARCHITECTURE = _words(
    r"architecture",
    r"high[- ]level",
    r"components?",
    r"(?:request|data|write|read) (?:flow|path)",
    r"flows? (?:to|through|into)",
    r"sits? (?:in front of|behind|between)",
    r"in front of",
    r"behind (?:a|the)",
    r"talks? to",
    r"calls? the",
    r"calls",
    r"connect(?:s|ed)? (?:them|it|the)",
    r"sends? (?:\w+ ){0,2}to (?:a|an|the)",
    r"(?:reads?|writes?|queries|calls) (?:that|the|a|an) (?:\w+ )?"
    r"(?:table|database|store|cache|queue|service)",
    r"(?:writes?|reads?|goes|go|sends?|publish(?:es)?|puts?) (?:it |them )?"
    r"(?:to|from|into|on|onto) (?:a|an|the|\w+db)",
    r"with an? \w+",
)
_ARROW = re.compile(r"→|->|=>")
_SITS = _words(r"sits? (?:in front of|behind|between)")
_HEADINGS: dict[str, re.Pattern[str]] = {
    "requirements": _words(
        r"requirements?", r"(?:non-?)?functional(?: requirements)?", r"scope", r"clarifications?"
    ),
    "estimates": _words(
        r"estimates?",
        r"assum(?:e|ing)",
        r"for scale",
        r"estimations?",
        r"capacity(?: planning| estimates?)?",
        r"scale",
        r"back[- ]of[- ]the[- ]envelope",
        r"numbers",
    ),
    "api": _words(r"APIs?", r"interfaces?", r"endpoints?"),
    "data_model": _words(r"data ?model", r"schemas?", r"data"),
    "high_level": _words(r"(?:high[- ]level )?design", r"architecture", r"components"),
    "deep_dive": _words(r"deep[- ]dives?"),
    "scaling": _words(r"scaling", r"scalability", r"scale[- ]out"),
    "trade_offs": _words(r"trade[- ]?offs?", r"consistency", r"alternatives"),
    "operations": _words(
        r"operations", r"monitoring", r"failures?(?: modes)?", r"reliability", r"observability"
    ),
}
_HEADING_LINE = re.compile(r"^\s*(?:#+\s*)?(?P<name>[A-Za-z][A-Za-z &/-]{1,40}?)\s*:?\s*$")
_HEADING_PREFIX = re.compile(r"^\s*(?:#+\s*)?(?P<name>[A-Za-z][A-Za-z &/-]{1,30}?)\s*:\s+\S")


@dataclass(frozen=True, slots=True)
class RubricItem:
    item: str
    covered: bool
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "item": self.item,
            "name": NAMES[self.item],
            "covered": self.covered,
            "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in self.evidence],
        }


def rubric_evidence(
    text: str, sentences: list[Span], quantities: list[Quantity]
) -> dict[str, list[Span]]:
    """For each general item except deep_dive, the sentences that are evidence for it."""
    found: dict[str, list[Span]] = {item: [] for item in ITEMS if item != "deep_dive"}
    sections = section_of_each(text, sentences)
    estimate_sentences = _estimate_sentences(sentences, quantities)
    cue_hits = {item: matching_sentences(cue, text, sentences) for item, cue in CUES.items()}
    for n, (sentence, section) in enumerate(zip(sentences, sections, strict=True)):
        if _is_heading_only(text, sentence):
            continue
        said = len(sentence.text.split()) >= MIN_SECTION_WORDS
        for item in CUES:
            if n in cue_hits[item] or (section == item and said):
                found[item].append(sentence)
        if _is_high_level(sentence.text) or (section == "high_level" and said):
            found["high_level"].append(sentence)
        in_section = section == "estimates" and said and _has_number(sentence)
        if sentence in estimate_sentences or in_section:
            found["estimates"].append(sentence)
    return found


def matching_sentences(pattern: re.Pattern[str], text: str, sentences: list[Span]) -> set[int]:
    """The indexes of the sentences in which `pattern` matches, in one pass over the text."""
    starts = [s.start for s in sentences]
    out: set[int] = set()
    for m in pattern.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= sentences[i].end:
            out.add(i)
    return out


def heading_item(line: str) -> str | None:
    """The rubric item a heading line names ("Requirements:", "## Data model"), if any."""
    m = _HEADING_LINE.match(line) or _HEADING_PREFIX.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    if len(name.split()) > 4:
        return None
    for item, pattern in _HEADINGS.items():
        if pattern.fullmatch(name):
            return item
    return None


def section_of_each(text: str, sentences: list[Span]) -> list[str | None]:
    """The heading each sentence sits under (a rubric item), or None."""
    out: list[str | None] = []
    current: str | None = None
    for s in sentences:
        line_start = text.rfind("\n", 0, s.start) + 1
        line_end = text.find("\n", s.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if s.start == line_start or text[line_start : s.start].strip(" \t#-*") == "":
            named = heading_item(line)
            if named:
                current = named
        out.append(current)
    return out


def _is_heading_only(text: str, sentence: Span) -> bool:
    return bool(_HEADING_LINE.match(sentence.text)) and heading_item(sentence.text) is not None


def _is_high_level(sentence: str) -> bool:
    """Components and how they connect: two or more named, or one placed in the flow."""
    components = {m.group(0).lower() for m in _COMPONENT.finditer(sentence)}
    if len(components) >= 2:
        return True
    if _SITS.search(sentence):
        return True
    return bool(components and (_ARCHITECTURE.search(sentence) or _ARROW.search(sentence)))


def _estimate_sentences(sentences: list[Span], quantities: list[Quantity]) -> set[Span]:
    out: set[Span] = set()
    for s in sentences:
        inside = [q for q in quantities if s.start <= q.span.start < s.end and _is_scale(q)]
        if inside and (len(inside) >= 2 or _ESTIMATE_WORDS.search(s.text)):
            out.add(s)
    return out


def _is_scale(q: Quantity) -> bool:
    if q.kind in {"population", "bytes", "money"}:
        return True
    return q.kind == "count" and (q.time != 0 or q.value >= 1000)


def _has_number(sentence: Span) -> bool:
    return any(ch.isdigit() for ch in sentence.text)
