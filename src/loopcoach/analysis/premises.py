"""What a story does with the question's premise (LABELS.md `answers_question`).

Three ways an answer misses a question while its words seem to fit, each read here as a
small whole-word feature for the relevance model (`relevance.relevance_features`):

- **The dodge.** Asked about a failure, a missed commitment, a disagreement or a "no", the
  speaker denies the premise ("I wouldn't call it a failure", "we came very close but
  made it", "in the end we all agreed") and tells a success instead.
- **The wrong direction.** Asked about feedback they received, they tell feedback they
  gave; asked how they helped someone grow, they tell how they learned something
  themselves; asked about a low performer, they tell how they developed their strongest.
- **The missing counterpart.** Asked about a disagreement with their manager or a
  peer, the story never mentions a manager, or anyone at all.

The phrases are about what people say when they sidestep, not about any principle, so
they carry over to wordings we have not seen; the model learns how much each is worth.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass


def _phrases(*alternatives: str) -> re.Pattern[str]:
    """One regular expression per alternative, matched as whole words in lower-cased text.

    A look-behind instead of a leading \\b, and no IGNORECASE, let the engine skip positions
    quickly (as in `situations`): these run over every answer."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")\b")


# Questions whose premise is a hard moment the speaker has to own: the ones people sidestep.
_HARD_PREMISE = _phrases(
    r"fail\w*|mistakes?|wrong|missed|miss (?:a|an|the)|setback|regret\w*|went badly",
    r"did(?:n't| not) go (?:well|as planned)|rejected|turned down|bad news|disappoint\w*",
    r"disagree\w*|conflict\w*|push(?:ed)? back|unpopular|against (?:the )?consensus",
    r"say(?:ing)? no|said no|critical feedback|negative feedback|criticis\w+|criticiz\w+",
    r"low performer|underperform\w*|struggling|let (?:someone|somebody|an? \w+) go|fire[ds]?",
)

_DODGE = _phrases(
    # "I wouldn't call it a failure", "not really a conflict"
    r"(?:wouldn't|would not|don't|do not|can't|cannot|couldn't) (?:really |necessarily |"
    r"honestly |exactly )?(?:call|say|describe|consider) (?:it|this|that|them|those|"
    r"any of (?:them|those)) (?:was )?(?:as )?(?:a |an )?(?:real |true |big )?"
    r"(?:failures?|mistakes?|conflicts?|disagreements?|miss)",
    r"not (?:really |exactly |quite |necessarily )?(?:a |an )?"
    r"(?:failure|mistake|conflict|disagreement|miss|critical)",
    # "I've never really had a conflict", "we don't really miss deadlines"
    r"(?:never|haven't|have not|hasn't|don't|do not|rarely) (?:really |ever |truly |actually )?"
    r"(?:had|have|faced|experienced|missed|miss|failed|disagreed|been in) (?:a |an |any |many |"
    r"much )?(?:real |big |major |serious |true )?(?:conflicts?|disagreements?|failures?|"
    r"low performers?|pushback|commitments?|deadlines?)",
    r"(?:don't know if|not sure) (?:i'd|i would) (?:really )?(?:call|say|describe)",
    r"(?:wasn't|was not|isn't|is not) (?:really |exactly )?my (?:mistake|fault|failure|decision)",
    r"(?:didn't|did not|never) (?:really |actually |truly |technically )?(?:disagree|argue|fight|"
    r"fail|miss)(?:ed)?",
    r"(?:never|didn't|did not) (?:have|need) to (?:actually |really )?(?:let \w+ go|let go|fire|"
    r"terminate|say no)",
    r"avoid (?:actually )?(?:terminating|firing|letting (?:anyone|anybody|someone) go)",
    r"(?:on|with) the (?:framing|premise)|(?:some people|others|people) (?:might|would|could) "
    r"call (?:that|it|this) a",
    r"(?:are|were|was|am) (?:really |quite |very |always |usually |pretty |generally )*aligned",
    r"unanimous\w*|(?:facilitated|built|reached|converged) (?:\w+ )?(?:to |on )?(?:a )?consensus",
    r"(?:we|i) (?:decided|agreed|chose) to (?:accept|say yes|take it on|do it anyway)",
    r"(?:i've|i have|we've|we have) (?:honestly |really )?been (?:quite |very |pretty |really |"
    r"incredibly )?(?:lucky|fortunate)",
    r"i (?:try|tried|always try) (?:really |very |so )?hard (?:not|never) to",
    # "one where we came very close", "we still made it on time"
    r"(?:came|come|got) (?:(?:very|really|so|pretty|quite|super|dangerously),? )*close",
    r"(?:in the end|eventually|finally),? (?:we|i) (?:made it|delivered|hit (?:it|the date))",
    r"close call|(?:almost|nearly) missed",
    r"(?:we|i) (?:still |actually |eventually |ultimately |just |somehow )?(?:made|hit|met|"
    r"delivered on) (?:it|the (?:deadline|date|commitment|launch)|our (?:date|deadline|"
    r"commitment)) (?:in time|on time|after all|anyway|in the end|by the deadline)",
    # "in the end we all agreed", "everyone was on the same page"
    r"(?:in the end|eventually|ultimately|finally),? (?:we )?(?:all|everyone|everybody) "
    r"(?:agreed|aligned)",
    r"(?:everyone|everybody|we all|the whole team|all of us) (?:was |were )?(?:agreed|aligned|"
    r"on board|on the same page)",
    # asked about a "no", tells a yes
    r"(?:we|i) (?:ended up|decided to) (?:saying yes|say yes|agreeing|agree to|giving them)",
    r"(?:nobody|no one|no customers?|no users?) (?:was|were) (?:really |actually )?"
    r"(?:affected|impacted|hurt|harmed)",
    # no story at hand
    r"(?:can't|cannot|couldn't) (?:really )?think of|hard to think of",
    r"i don't (?:really )?have (?:a|an|any) (?:good |specific |real |great )?(?:example|story)",
    r"i(?:'m| am) (?:a )?(?:usually |generally |pretty |very |quite )?(?:a )?(?:collaborative|"
    r"easy-?going|agreeable|easy (?:person )?to work with)",
    r"(?:i|we) (?:usually|generally|always) get along",
)

# The question wants feedback the speaker received, or feedback the speaker gave.
_ASKS_RECEIVED = _phrases(
    r"feedback (?:that )?you (?:received|got|were given|heard)",
    r"(?:received|got|were given|taken|accepted|acted on) (?:some |a piece of |hard |critical |"
    r"negative |tough |difficult |harsh |unexpected )*(?:feedback|criticism)",
    r"criticis\w+ you|criticiz\w+ you|you were criticis\w+|you were criticiz\w+",
    r"feedback (?:about|on) (?:you|your(?:self)?)|told you (?:that )?you|someone gave you",
)
_ASKS_GIVEN = _phrases(
    r"(?:give|gave|giving|deliver\w*|provide\w*|share\w*) (?:some |hard |critical |negative |"
    r"tough |difficult |honest |direct |candid )*feedback",
    r"feedback to (?:a|an|your|someone)",
)
_RECEIVED = _phrases(
    r"told me(?:,? [\w ]{0,20},?)? (?:that )?(?:i|my)|pulled me aside",
    r"gave me (?:some |direct |honest |critical |tough |harsh )*(?:feedback|comments?|examples?|"
    r"criticism)",
    r"(?:feedback|comments?|criticism|review) (?:from (?:my|the|a|our)|about me|on my|said i)",
    r"i (?:received|got|heard|was given) (?:some |the |a |critical |tough |harsh |direct |"
    r"honest |negative )*(?:feedback|comments?|criticism|review)",
    r"my (?:manager|boss|director|lead|skip|peer|vp|mentor|team) (?:told|said|pointed|"
    r"mentioned|called|wrote)",
    r"(?:said|wrote|mentioned) (?:that )?i (?:was|had|came|didn't|did not|tend|often|always)",
)
_GAVE = _phrases(
    r"i (?:gave|give|told|delivered|shared|provided|wrote) (?:(?:him|her|them|my \w+|the \w+) )?"
    r"(?:some |direct |honest |critical |clear |specific |tough )*(?:feedback|examples?)",
    r"(?:delivered|gave|shared|provided) (?:the |my |some |direct |honest |critical |clear |"
    r"difficult |tough )*feedback",
    r"i (?:sat|pulled|took) (?:him|her|them) (?:down|aside)",
    r"(?:with|to) (?:him|her|them) in (?:our|my|a) 1:1",
    r"i told (?:him|her|them)",
)

# Being coached, against coaching someone.
_ASKS_COACHED = _phrases(
    r"(?:coached|mentored|taught|helped|supported) you|someone (?:coached|mentored|helped) you",
    r"sought (?:out )?(?:coaching|mentorship|mentoring|a mentor|help)|(?:your|a) mentor",
)
_COACHED = _phrases(
    r"(?:coached|mentored|taught|helped|supported) me|my (?:mentor|coach)|(?:a|the) mentor",
    r"i (?:asked|found|sought|reached out to) (?:\w+ )?(?:for help|a mentor|a coach|for advice)",
)
_COACHING = _phrases(
    r"i (?:coach\w*|mentor\w*|paired with|shadowed|did shadow \w+ with|taught|trained) "
    r"(?:her|him|them)",
    r"me coaching|sessions with (?:her|him|them)|reporting to me|(?:her|his|their) first",
)

# Growing someone else, against learning something oneself.
_ASKS_DEVELOP_OTHER = _phrases(
    r"(?:help\w*|develop\w*|coach\w*|mentor\w*|grow\w*|train\w*|support\w*) (?:someone|"
    r"somebody|a (?:team member|colleague|peer|report|junior|person)|an? (?:engineer|employee|"
    r"direct)|(?:one of )?your (?:team|reports?|engineers?|people|direct)|others|people|them)",
    r"(?:grow|improve|build|develop) (?:their|his|her) (?:skills|career|abilities)",
)
_OTHER_GROWS = _phrases(
    r"(?:him|her|them) (?:grow|improve|learn|lead|own|present|get better|step up|develop)",
    r"(?:mentor\w*|coach\w*|paired with|trained|taught|sponsored|encouraged|stretch\w*) "
    r"(?:him|her|them)",
    r"(?:his|her|their) (?:skills|growth|confidence|promotion|career|development|strengths?|"
    r"gaps?)",
    r"(?:he|she|they) (?:was|were|got) promoted",
    r"(?:he|she|they) (?:now |later |eventually )?(?:leads?|owns?|runs?|presents?)",
)
_SELF_LEARNS = _phrases(
    r"i (?:learned|learnt|studied|read|taught myself|practised|practiced|had to learn)",
    r"i took (?:a|an|the) (?:course|class)|i wanted to (?:learn|understand)",
    r"i (?:had )?never (?:used|worked with|done|touched)|(?:my|our) own (?:learning|understanding)",
)

# Someone who fell short, against the team's best: asked about a low performer, a story about
# developing a star ("the strongest on the team", "our top performer") with no sign anywhere
# that anyone fell short tells the other end of the performance scale.
_ASKS_LOW_PERFORMER = _phrases(
    r"low performer|poor performer|underperform\w*|under-perform\w*|not performing",
    r"(?:low|poor)[- ]performing|not meeting (?:the bar|expectations)",
)
_STAR = _phrases(
    r"(?:the|our|my) (?:strongest|best|most productive|top|highest[- ]performing) "
    r"(?:\w+ )?(?:on|in|of) (?:the|my|our) (?:team|group|department|squad)",
    r"(?:the|our|my) (?:strongest|best|top|star) (?:engineer|analyst|developer|performer|"
    r"designer|seller|salesperson|rep|nurse|teacher|agent|person|member)",
    r"(?:top|star|high|strongest|best) performer|high[- ]performing|high[- ]potential",
)
_FELL_SHORT = _phrases(
    r"struggl\w+|underperform\w*|under-perform\w*|behind|miss(?:ed|ing)|mistakes?|errors?",
    r"slipp\w+|late|dropp\w+|declin\w+|complain\w*|complaints?|performance (?:plan|issues?|"
    r"problems?|improvement|review)|pip|(?:wasn't|was not|weren't|not) (?:meeting|delivering|"
    r"performing|pulling)|fell short|short of|below (?:the bar|expectations)|poor|weak\w*|"
    r"disengag\w+|quality of (?:his|her|their) work",
)

# Committing to a decision you opposed, against winning the argument.
_ASKS_COMMIT = _phrases(
    r"disagree(?:d)? and commit\w*|commit\w* (?:anyway|to (?:it|a decision|the decision))",
    r"(?:went|go|going) along with|(?:support|back)\w* a decision you (?:disagreed|didn't agree)",
    r"(?:decision|call) you (?:disagreed with|didn't agree with|did not agree with|opposed)",
)
_COMMITTED = _phrases(
    r"i (?:still |then |fully )?(?:committed|backed|supported|went along|got behind|executed|"
    r"implemented|delivered|built) (?:it|the|their|his|her|what)",
    r"(?:disagree and commit|committed anyway|despite my|even though i (?:disagreed|didn't agree|"
    r"had argued)|the decision went against me|i lost the argument|overruled|it was (?:his|her|"
    r"their) call)",
    r"(?:we|they) went (?:with|ahead with) (?:his|her|their|the other)",
    r"i (?:still |then |fully )?committed\b|(?:the )?decision stood|(?:the )?decision stands",
    r"made (?:his|her|their) (?:decision|call|plan|choice) work",
)
_WON = _phrases(
    r"(?:agreed|sided) with me|went with my|came (?:a)?round|i (?:convinced|persuaded|won)",
    r"(?:agreed|decided) to (?:add|grant|make|allow|accept|adopt) (?:an? |the |my )?"
    r"(?:[\w-]+ )?(?:exception|exemption|proposal|request|change)",
    r"(?:granted|got|won) (?:us |me )?(?:the |an? )?(?:[\w-]+ )?(?:exception|exemption)",
    r"(?:approved|accepted|adopted) my (?:proposal|plan|approach|recommendation|idea)",
    r"changed (?:his|her|their) mind|backed (?:me|my)|(?:he|she|they) (?:agreed|gave in)",
)

# Your own first days in a team, against someone else's.
_ASKS_OWN_START = _phrases(
    r"your first (?:\d+|thirty|sixty|ninety|hundred|few|weeks?|months?|days?)\b",
    r"(?:you )?(?:joined|took over|inherited|stepped into) (?:a |an )?(?:new )?(?:team|role|org)",
)
_OWN_START = _phrases(
    r"i (?:joined|took over|inherited|arrived|started|moved)",
    r"i was (?:hired|brought in|moved|promoted)",
    r"my first (?:\d+|thirty|sixty|ninety|hundred|few|week|day|month)|when i (?:started|arrived)",
    r"new to the (?:team|role|company)|(?:on|in) my (?:first|second) (?:day|week|month)",
)
_OTHERS_START = _phrases(
    r"onboard\w* (?:a|an|her|him|them|the|our|my|two|three|new)\b|new (?:hire|joiner|starter)s?",
    r"(?:we|i) hired (?:a|an) (?:new )?\w+|before (?:he|she|they) (?:started|joined|arrived)",
    r"(?:him|her|them) (?:productive|up to speed)|(?:his|her|their) (?:onboarding|ramp-?up)",
    r"(?:his|her|their) first (?:\d+|thirty|sixty|ninety|week|day|month)",
)

# People a question names as the other side of the story, and the words a story would use for
# them. A story without any of them is not about that person. (Customers are left out: a story
# calls them by a hundred names — shop owners, hospitals, the sales team.)
_COUNTERPARTS = (
    (
        "your manager",
        _phrases(r"your (?:manager|boss|supervisor|director|leader|leadership|skip)"),
        _phrases(
            r"managers?|boss|director|vp|supervisor|skip(?:-level)?|head of \w+|cto|ceo|cfo|coo",
            r"leadership|my lead|founder|executive|exec|gm",
        ),
    ),
    (
        "the other person",
        _phrases(r"peers?|colleagues?|co-?workers?"),
        _phrases(
            r"peers?|colleagues?|co-?workers?|counterpart|another team|other team|he|she|him|her",
            r"(?:the|a|another|fellow|other) (?:\w+ )?(?:manager|engineer|lead|pm|designer|"
            r"architect|analyst|director)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class PremiseReading:
    """What one story does with its question's premise."""

    hard: bool  # the question names a hard moment (a failure, a "no", a disagreement…)
    dodges: tuple[str, ...]  # the sidestepping phrases, as the speaker said them
    early_dodge: bool  # one of them in the first three sentences, where people sidestep
    wrong_direction: str | None  # what the story tells instead, for the remark
    missing_counterpart: str | None  # the person the question names and the story never does

    def features(self) -> dict[str, float]:
        """The readings as features for the relevance model (0 where there is nothing to check)."""
        dodges = math.log1p(len(self.dodges))
        return {
            "hard_premise": float(self.hard),
            "premise_dodge": dodges if self.hard else 0.0,
            "premise_dodge_early": float(self.hard and self.early_dodge),
            "dodge_any": dodges,
            "wrong_direction": float(self.wrong_direction is not None),
            "counterpart_missing": float(self.missing_counterpart is not None),
        }

    @property
    def says_it_misses(self) -> bool:
        """A reading precise enough to decide the verdict on its own: the story runs the other
        way, never names the person asked about, or sidesteps a hard premise. On the training
        pairs these are off-topic about nine times in ten (`premise_cap` in relevance.json)."""
        return bool(self.wrong_direction or self.missing_counterpart or (self.hard and self.dodges))

    def miss(self) -> str | None:
        """How the story misses the question, said after "and the story …", or None."""
        if self.wrong_direction:
            return self.wrong_direction
        if self.hard and self.dodges:
            return f"sidesteps it (“{self.dodges[0]}”)"
        if self.missing_counterpart:
            return f"never mentions {self.missing_counterpart}"
        return None


def read_premise(question: str, sentences: Sequence[str]) -> PremiseReading:
    said = " ".join(sentences)
    text, question = said.lower(), question.lower()
    # Quoted as said where lower-casing kept the offsets (it does but for a few letters).
    quoted = said if len(said) == len(text) else text
    found = list(_DODGE.finditer(text))
    opening = len(" ".join(sentences[:3]))
    return PremiseReading(
        hard=bool(_HARD_PREMISE.search(question)),
        dodges=tuple(quoted[m.start() : m.end()] for m in found),
        early_dodge=any(m.start() < opening for m in found),
        wrong_direction=_wrong_direction(question, text),
        missing_counterpart=_missing_counterpart(question, text),
    )


def _wrong_direction(question: str, text: str) -> str | None:
    """What the story tells when it runs the other way from the question (feedback given for
    feedback received, learning something oneself for helping someone grow); else None."""
    received, gave = len(_RECEIVED.findall(text)), len(_GAVE.findall(text))
    if _ASKS_RECEIVED.search(question) and gave > received:
        return "tells of feedback you gave, not feedback you received"
    if _ASKS_GIVEN.search(question) and received > gave:
        return "tells of feedback you received, not feedback you gave"
    if _ASKS_COACHED.search(question) and len(_COACHING.findall(text)) > len(
        _COACHED.findall(text)
    ):
        return "tells of coaching someone else, not of being coached"
    if (
        _ASKS_OWN_START.search(question)
        and _OTHERS_START.search(text)
        and not _OWN_START.search(text)
    ):
        return "tells of someone else's first days, not of yours"
    if _ASKS_LOW_PERFORMER.search(question) and _STAR.search(text) and not _FELL_SHORT.search(text):
        return "tells of developing a strong performer, not of someone falling short"
    if _ASKS_COMMIT.search(question) and _WON.search(text) and not _COMMITTED.search(text):
        return "tells of an argument you won, not of committing to a decision you opposed"
    if (
        _ASKS_DEVELOP_OTHER.search(question)
        and not _OTHER_GROWS.search(text)
        and _SELF_LEARNS.search(text)
    ):
        return "tells how you learned something yourself, not how you helped someone grow"
    return None


def _missing_counterpart(question: str, text: str) -> str | None:
    for name, asked, mentioned in _COUNTERPARTS:
        if asked.search(question) and not mentioned.search(text):
            return name
    return None
