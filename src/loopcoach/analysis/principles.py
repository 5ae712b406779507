"""Ranks all 16 Leadership Principles for a story, and reads which one the question asks about.

Two linear models: one reads the question alone (which principle is asked),
one reads the story and the question together (which principle the story
shows). The final ranking adds a learned bonus for the asked principle to
the story model's log-probabilities, so a story that clearly shows another
principle still comes out on top, and the mismatch is reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from loopcoach.analysis import cues
from loopcoach.analysis.linear import load_model, normalised, softmax

NAMES: dict[str, str] = {
    "customer-obsession": "Customer Obsession",
    "ownership": "Ownership",
    "invent-and-simplify": "Invent and Simplify",
    "are-right-a-lot": "Are Right, A Lot",
    "learn-and-be-curious": "Learn and Be Curious",
    "hire-and-develop-the-best": "Hire and Develop the Best",
    "insist-on-the-highest-standards": "Insist on the Highest Standards",
    "think-big": "Think Big",
    "bias-for-action": "Bias for Action",
    "frugality": "Frugality",
    "earn-trust": "Earn Trust",
    "dive-deep": "Dive Deep",
    "have-backbone-disagree-and-commit": "Have Backbone; Disagree and Commit",
    "deliver-results": "Deliver Results",
    "strive-to-be-earths-best-employer": "Strive to be Earth's Best Employer",
    "success-and-scale-bring-broad-responsibility": "Success and Scale Bring Broad Responsibility",
}
SLUGS = tuple(NAMES)

# What a question about each principle tends to say. Written for loopcoach; stems match word starts.
QUESTION_CUES: dict[str, tuple[str, ...]] = {
    "customer-obsession": (
        "customer",
        "client",
        "user feedback",
        "user need",
        "end user",
        "users? (wanted|needed|asked)",
        "work(ed|ing)? backwards",
        "customer experience",
    ),
    "ownership": (
        "outside (of )?your (area|role|responsib|job|team|scope|remit)",
        "took ownership",
        "own(ed)? ",
        "nobody (was|else|owned)",
        "no one (was|else|owned)",
        "long[- ](term|standing)",
        "stepped in",
        "step(ped)? up",
        "beyond your",
        "not your (job|responsib)",
        "responsibility for",
        "sacrific",
        "on behalf of",
        "took charge",
    ),
    "invent-and-simplify": (
        "simplif",
        "simpler",
        "invent",
        "innovat",
        "new approach",
        "creative",
        "complex",
        "novel",
        "new way",
        "automat",
        "reinvent",
        "accepted as",
        "improved? (a|the|your) process",
    ),
    "are-right-a-lot": (
        "judgment",
        "judgement",
        "right call",
        "intuition",
        "instinct",
        "gut",
        "others doubted",
        "incomplete (data|information)",
        "wrong",
        "good decision",
        "correct decision",
        "choose between",
        "two (technical )?(approaches|options|paths|designs)",
        "team was split",
        "conflicting opinions",
    ),
    "learn-and-be-curious": (
        "learn",
        "curious",
        "curiosity",
        "new skill",
        "unfamiliar",
        "outside your (expertise|comfort)",
        "taught yourself",
        "new technology",
        "new domain",
    ),
    "hire-and-develop-the-best": (
        "hire",
        "hiring",
        "develop(ed|ing)? (someone|a|an|the|your|people|talent|leaders?)",
        "mentor",
        "coach",
        "grow (someone|a|an|the|your)",
        "underperform",
        "struggl",
        "career",
        "promot",
        "feedback to",
        "talent",
        "team member improve",
        "low[- ]perform",
    ),
    "insist-on-the-highest-standards": (
        "standard",
        "quality",
        "bar",
        "not good enough",
        "good enough",
        "refused to ship",
        "excellence",
        "cut corners",
        "defect",
        "not satisfied",
        "polish",
    ),
    "think-big": (
        "think big",
        "vision",
        "bold",
        "ambitious",
        "big bet",
        "scale up",
        "radical",
        "transform",
        "big picture",
        "beyond your team's",
        "multi-year",
    ),
    "bias-for-action": (
        "quick",
        "fast",
        "speed",
        "urgent",
        "without all the (data|information|facts)",
        "calculated risk",
        "act(ed)? (quickly|fast|decisively)",
        "waiting",
        "decision quickly",
        "before you had",
        "on the spot",
    ),
    "frugality": (
        "frugal",
        "budget",
        "limited resources",
        "cost",
        "cheap",
        "money",
        "more with less",
        "less with",
        "constraint",
        "without (more|additional) (people|headcount|resources)",
        "saving",
        "saved",
        "headcount",
        "spend",
    ),
    "earn-trust": (
        "trust",
        "skeptic",
        "credib",
        "mistake",
        "admit",
        "candid",
        "difficult conversation",
        "relationship",
        "vulnerab",
        "apolog",
        "bad news",
    ),
    "dive-deep": (
        "dive deep",
        "deep dive",
        "dove deep",
        "root cause",
        "data to",
        "get to the bottom",
        "metric",
        "detail",
        "investigat",
        "debug",
        "analy",
        "bug",
        "tracked down",
        "troubleshoot",
        "anomal",
        "discrepanc",
        "didn't add up",
        "dig",
    ),
    "have-backbone-disagree-and-commit": (
        "disagree",
        "push(ed)? back",
        "conflict",
        "commit(ted)? to (a|the) decision",
        "commit\\b",
        "challenge(d)? (a|your|the)",
        "unpopular",
        "stood up",
        "stand up",
        "went against",
        "didn't agree",
        "convince",
        "said no",
    ),
    "deliver-results": (
        "deliver",
        "deadline",
        "goal",
        "result",
        "obstacle",
        "setback",
        "on time",
        "accomplish",
        "under (a lot of )?pressure",
        "tight timeline",
        "shipped",
        "commitment",
        "despite",
        "hit (a|the|your) (goal|target)",
        "over the line",
    ),
    "strive-to-be-earths-best-employer": (
        "employee",
        "morale",
        "burnout",
        "burning out",
        "wellbeing",
        "well-being",
        "work environment",
        "working environment",
        "inclusive",
        "belonging",
        "safe",
        "workload",
        "happier",
        "retention",
        "people on your team",
        "on-call burden",
    ),
    "success-and-scale-bring-broad-responsibility": (
        "community",
        "communities",
        "society",
        "environment",
        "sustainab",
        "privacy",
        "ethic",
        "broader impact",
        "beyond (the|your) company",
        "beyond (your|the) (direct )?(customers|users)",
        "people beyond",
        "impact of your work",
        "responsib\\w* at scale",
        "harm",
        "accessib",
        "the world",
        "planet",
        "carbon",
        "energy use",
        "fairness",
    ),
}


# What a story that SHOWS each principle tends to say: the speaker's deeds and their outcomes,
# not the wording of questions. Written for loopcoach; stems match word starts.
STORY_CUES = {
    "customer-obsession": (
        "customer",
        "client",
        "user",
        "shopper",
        "patient",
        "buyer",
        "merchant",
        "subscriber",
        "called (them|him|her|the)",
        "on the phone with",
        "ticket",
        "complain",
        "churn",
        "renew",
        "their (workflow|experience|pain|frustration|business)",
        "what they (really )?needed",
        "satisfaction",
        "nps",
        "support queue",
        "sat with",
        "shadow",
        "refund",
        "apolog",
    ),
    "ownership": (
        "nobody (owned|was|else|had)",
        "no one (owned|was|else|had)",
        "wasn't my",
        "was not my",
        "not my (job|team|area|code)",
        "outside my",
        "took (it )?on myself",
        "took ownership",
        "took responsib",
        "on my own time",
        "weekend",
        "long[- ]term",
        "fell through the cracks",
        "orphan",
        "volunteer",
        "stepped in",
        "owned it",
        "myself",
        "for good",
        "runbook",
        "follow(ed)? through",
        "until it was fixed",
        "root cause so it",
    ),
    "invent-and-simplify": (
        "simplif",
        "simpler",
        "automat",
        "script",
        "prototype",
        "template",
        "one page",
        "single",
        "replaced .{0,30} with",
        "removed",
        "eliminat",
        "fewer steps",
        "from \\w+ steps",
        "manual",
        "new way",
        "invent",
        "idea",
        "reusable",
        "self-serve",
        "tool",
        "spreadsheet",
        "rewrote",
    ),
    "are-right-a-lot": (
        "judg",
        "intuition",
        "instinct",
        "turned out (to be )?right",
        "bet",
        "weigh",
        "trade-?off",
        "option",
        "risk",
        "evidence",
        "pattern",
        "experience told",
        "doubt",
        "sanity",
        "pilot",
        "proved (me|right|correct)",
        "wrong",
        "seek(ing)? out",
        "dissent",
        "alternativ",
        "correct call",
    ),
    "learn-and-be-curious": (
        "learn",
        "curious",
        "course",
        "read (up|about|the|a)",
        "book",
        "taught myself",
        "never (used|worked|touched)",
        "unfamiliar",
        "new to me",
        "tutorial",
        "paper",
        "asked (a|an|the) expert",
        "understand how",
        "why it worked",
        "study",
        "studied",
        "experiment",
        "explor",
        "question(ed)? (why|how)",
    ),
    "hire-and-develop-the-best": (
        "mentor",
        "coach",
        "hire",
        "hiring",
        "interview",
        "candidate",
        "promot",
        "career",
        "junior",
        "new grad",
        "intern",
        "grow",
        "stretch",
        "pair(ed)? with",
        "feedback",
        "develop",
        "onboard",
        "her (first|own|confidence)",
        "his (first|own|confidence)",
        "bar raiser",
        "underperform",
        "1:1",
        "one-on-one",
        "delegat",
    ),
    "insist-on-the-highest-standards": (
        "standard",
        "quality",
        "bar",
        "defect",
        "review",
        "test",
        "checklist",
        "refused to (ship|sign|merge|release)",
        "not good enough",
        "polish",
        "rework",
        "regress",
        "flaky",
        "coverage",
        "accuracy",
        "sloppy",
        "raise(d)? the",
        "typo",
        "audit",
        "post-?mortem",
        "fix(ed)? it properly",
        "held (it|back|the)",
    ),
    "think-big": (
        "vision",
        "platform",
        "whole (company|industry|org)",
        "every team",
        "company-wide",
        "roadmap",
        "bold",
        "ambitio",
        "long-term plan",
        "multi-year",
        "scale",
        "10x",
        "ten times",
        "rather than (just|only)",
        "instead of (just|only)",
        "bigger",
        "new market",
        "strategy",
        "north star",
        "reimagin",
        "entire",
    ),
    "bias-for-action": (
        "immediately",
        "right away",
        "that (same )?(day|night|afternoon|evening)",
        "within (an|the|a) hour",
        "didn't wait",
        "did not wait",
        "without waiting",
        "rather than wait",
        "reversible",
        "quick",
        "fast",
        "rolled back",
        "hotfix",
        "calculated risk",
        "two-way door",
        "on the spot",
        "minutes",
        "before (the|a) (meeting|approval|committee)",
        "acted",
        "moved",
    ),
    "frugality": (
        "budget",
        "cost",
        "cheap",
        "free",
        "saved",
        "saving",
        "spend",
        "license",
        "vendor",
        "\\$",
        "reus",
        "repurpos",
        "existing",
        "instead of (hiring|buying|paying)",
        "without (hiring|buying|extra)",
        "headcount",
        "cloud bill",
        "idle",
        "spare",
        "open[- ]source",
        "more with less",
        "shut down",
        "cancel",
    ),
    "earn-trust": (
        "trust",
        "admit",
        "apolog",
        "my mistake",
        "i was wrong",
        "owned up",
        "transparen",
        "honest",
        "candid",
        "relationship",
        "listened",
        "skeptic",
        "credib",
        "promise",
        "kept my word",
        "told (them|him|her) the truth",
        "bad news",
        "vulnerab",
        "respect",
        "open about",
        "shared (the|my|our) (numbers|mistake|data)",
        "rebuild",
    ),
    "dive-deep": (
        "log",
        "query",
        "queries",
        "trace",
        "dashboard",
        "data",
        "root cause",
        "sample",
        "metric",
        "anomal",
        "discrepan",
        "didn't add up",
        "did not add up",
        "dug",
        "dig",
        "investigat",
        "analy",
        "spreadsheet",
        "row",
        "correlat",
        "debug",
        "profil",
        "packet",
        "histogram",
        "line by line",
        "by hand",
        "audit",
        "source code",
    ),
    "have-backbone-disagree-and-commit": (
        "disagree",
        "pushed back",
        "push back",
        "objected",
        "objection",
        "challeng",
        "argued",
        "made (my|the) case",
        "stood (my )?ground",
        "not comfortable",
        "went with (their|his|her|the)",
        "committed",
        "commit",
        "overruled",
        "decided against",
        "escalat",
        "unpopular",
        "respectfully",
        "in writing",
        "said no",
    ),
    "deliver-results": (
        "deadline",
        "on time",
        "launch",
        "shipped",
        "deliver",
        "target",
        "goal",
        "milestone",
        "date",
        "despite",
        "setback",
        "blocker",
        "cut scope",
        "descop",
        "prioriti",
        "hit (the|our|my)",
        "finish",
        "completed",
        "commitment",
        "go-live",
        "over the line",
        "missed",
    ),
    "strive-to-be-earths-best-employer": (
        "burnout",
        "burn out",
        "burning out",
        "morale",
        "wellbeing",
        "well-being",
        "on-call",
        "pager",
        "workload",
        "overtime",
        "weekend",
        "parental",
        "leave",
        "inclusive",
        "belong",
        "psychological",
        "safe",
        "retention",
        "quit",
        "attrition",
        "engagement survey",
        "rotation",
        "exhausted",
        "flexib",
        "schedule",
        "accommodat",
    ),
    "success-and-scale-bring-broad-responsibility": (
        "community",
        "communities",
        "society",
        "environment",
        "carbon",
        "emission",
        "energy",
        "privacy",
        "personal data",
        "ethic",
        "bias",
        "fairness",
        "accessib",
        "screen reader",
        "regulat",
        "compliance",
        "neighbou?r",
        "public",
        "children",
        "elderly",
        "vulnerable",
        "harm",
        "sustainab",
        "waste",
        "charity",
        "nonprofit",
        "local",
        "world",
    ),
}


@dataclass(frozen=True, slots=True)
class PrincipleScore:
    slug: str
    name: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "name": self.name, "score": round(self.score, 4)}


_QUESTION_PATTERNS = {
    slug: re.compile(r"\b(?:" + "|".join(c) + r")", re.I) for slug, c in QUESTION_CUES.items()
}
# Cue look-up by the first three letters of a word, so a text is scanned once, word by word.
_CUE_INDEX: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _slug, _cues in QUESTION_CUES.items():
    for _cue in _cues:
        _CUE_INDEX.setdefault(_cue[:3].lower(), []).append((_slug, re.compile(_cue, re.I)))
_WORD_START = re.compile(r"\b[a-z]{3}")
_STORY_INDEX: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _slug, _cues in STORY_CUES.items():
    for _cue in _cues:
        _STORY_INDEX.setdefault(_cue.replace("\\", "")[:3].lower(), []).append(
            (_slug, re.compile(_cue, re.I))
        )
_STORY_WORD_START = re.compile(r"\b[a-z0-9]{3}|\$")


def cue_counts(text: str) -> dict[str, int]:
    """How often each principle's cue phrases occur in `text` (at word starts)."""
    lower = text.lower()
    counts: dict[str, int] = {}
    for w in _WORD_START.finditer(lower):
        for slug, pattern in _CUE_INDEX.get(w.group(0), ()):
            if pattern.match(lower, w.start()):
                counts[slug] = counts.get(slug, 0) + 1
    return counts


def story_cue_counts(text: str) -> dict[str, int]:
    """How often each principle's story cues (deeds and outcomes that show it) occur in `text`."""
    lower = text.lower()
    counts: dict[str, int] = {}
    for w in _STORY_WORD_START.finditer(lower):
        for slug, pattern in _STORY_INDEX.get(w.group(0)[:3], ()):
            if pattern.match(lower, w.start()):
                counts[slug] = counts.get(slug, 0) + 1
    return counts


def question_features(question: str) -> dict[str, float]:
    bag = {"qw:" + t: 1.0 for t in cues.tokens(question)}
    toks = cues.tokens(question)
    bag.update({"qb:" + a + "_" + b: 1.0 for a, b in zip(toks, toks[1:], strict=False)})
    feats = normalised(bag) if bag else {}
    for slug, hits in cue_counts(question).items():
        feats["qcue:" + slug] = QUESTION_CUE_WEIGHT * min(hits, 2)
    return feats


def story_features(answer: str, deeds: str | None = None) -> dict[str, float]:
    """Words and cue counts of the whole answer; `deeds` is the text of its action and result
    sentences (what the speaker did and what came of it), whose story cues count separately."""
    bag: dict[str, float] = {}
    for t in cues.tokens(answer):
        if t not in _STOPWORDS:
            bag["w:" + t] = bag.get("w:" + t, 0.0) + 1.0
    feats = normalised({k: math.sqrt(v) for k, v in bag.items()}) if bag else {}
    for slug, hits in cue_counts(answer).items():
        feats["acue:" + slug] = math.log1p(hits)
    for slug, hits in story_cue_counts(answer).items():
        feats["scue:" + slug] = math.log1p(hits)
    if deeds:
        for slug, hits in story_cue_counts(deeds).items():
            feats["dcue:" + slug] = math.log1p(hits)
    return feats


def deeds_text(sentences: list[str], roles: list[str]) -> str:
    """The action and result sentences: where a story shows its principle."""
    return " ".join(s for s, r in zip(sentences, roles, strict=True) if r in ("action", "result"))


def asked_bonus(
    bonus: float, shrink: float, p_asked: float, probs: dict[str, float], slug: str
) -> float:
    """The bonus for a principle the question asks about (probability `p_asked`).

    It shrinks as the story model grows confident about another principle:
    bonus × p_asked × (1 − the highest story probability of any other principle) ** shrink.
    """
    if not shrink:
        return bonus * p_asked
    other = max((p for s, p in probs.items() if s != slug), default=0.0)
    return bonus * p_asked * (1.0 - other) ** shrink


QUESTION_CUE_WEIGHT = 2.0  # cue phrases generalise to new wordings better than single words

_STOPWORDS = frozenset(
    """a an the and or but so of to in on at by for with from as is was were be been being it its
    this that these those i me my we us our you your he him his she her they them their there then
    than had has have did do does done would could should will can just also very really into out
    up about after before when while which who what how""".split()
)


def asked_distribution(question: str | None) -> dict[str, float]:
    """How likely the question asks about each principle; empty without a question."""
    if not question or not question.strip():
        return {}
    model = load_model("question_principle")
    if model is None:
        slug, confidence = _asked_by_cues(question)
        return {slug: confidence} if slug else {}
    return dict(zip(model.classes, model.probabilities(question_features(question)), strict=True))


def asked_principle(question: str | None) -> tuple[str | None, float]:
    """The principle a question asks about and the model's
    confidence, or (None, 0) without a question."""
    dist = asked_distribution(question)
    if not dist:
        return None, 0.0
    slug = max(dist, key=dist.__getitem__)
    return slug, dist[slug]


def _asked_by_cues(question: str) -> tuple[str | None, float]:
    hits = cue_counts(question)
    if not hits:
        return None, 0.0
    return max(hits, key=hits.__getitem__), 0.5


def rank_principles(
    answer: str, asked: dict[str, float], deeds: str | None = None
) -> list[PrincipleScore]:
    """All 16 principles, best first; the scores sum to 1.

    `asked` is how likely the question asks about each principle (one-hot when the caller
    names it); the story model's log-probabilities get a learned bonus in proportion, which
    shrinks when the story model is confident about another principle. `deeds` is the text
    of the action and result sentences (see `deeds_text`).
    """
    model = load_model("story_principle")
    probs: dict[str, float] = {}
    if model is None:
        counts = cue_counts(answer)
        raw = {slug: math.log1p(counts.get(slug, 0)) for slug in SLUGS}
    else:
        probs = dict(
            zip(model.classes, model.probabilities(story_features(answer, deeds)), strict=True)
        )
        raw = {slug: math.log(max(p, 1e-9)) for slug, p in probs.items()}
        raw.update({slug: math.log(1e-9) for slug in SLUGS if slug not in raw})
    bonus = float(model.extra.get("asked_bonus", 2.0)) if model else 2.0
    shrink = float(model.extra.get("bonus_shrink", 0.0)) if model else 0.0
    for slug, p in asked.items():
        if slug in raw:
            raw[slug] += asked_bonus(bonus, shrink, p, probs, slug)
    ordered = sorted(SLUGS, key=lambda s: -raw[s])
    scores = softmax([raw[s] for s in ordered])
    return [PrincipleScore(s, NAMES[s], p) for s, p in zip(ordered, scores, strict=True)]
