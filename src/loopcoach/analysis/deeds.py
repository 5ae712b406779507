"""Who did what to whom, how fast, and on whose authority (LABELS.md `answers_question`).

Three ways a story misses a question that names the right topic, read from the shape of the
deeds rather than from phrase lists about one topic:

- **Direction.** A question can put the speaker on the receiving end ("feedback you
  received", "a time someone coached you") or the giving end ("feedback you gave", "a
  time you helped someone grow"). A story's object pronouns say which end the speaker is
  on: "she walked me through", "he showed me" against "I walked her through", "I showed
  them". The share of first-person objects among all personal objects is a feature, signed
  by what the question asks, so feedback *given* in words no phrase list knows still reads
  as given.
- **Tempo.** Asked to act quickly or without all the information, a story whose times are
  all weeks and months ("a three-week approval process") and none hours or days tells of
  patience, not speed.
- **Authority.** Asked to influence people who did not report to you, a story in which the
  speaker directs their own team ("I asked my team to…", "my reports") used the authority
  the question takes away.

Each gives features to the relevance model; the clearest fires are decisive readings
(`relevance.decisive_readings`) whose caps training keeps only where the labelled pairs
bear them out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from loopcoach.analysis import situations


def _phrases(*alternatives: str) -> re.Pattern[str]:
    """Whole-word alternatives over lower-cased text (as in `premises`)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")\b")


# ---- direction -----------------------------------------------------------------------------------

_RECEIVED_THING = (
    r"(?:some |a |an |the |any |piece of |hard |harsh |critical |negative |tough |difficult |"
    r"honest |direct |unexpected |blunt )*(?:feedback|criticism|advice|coaching|mentoring|"
    r"comments?|(?:performance )?reviews?|input|guidance)"
)
_DEED = (
    r"(?:(?:received|got|were given|heard|took|accepted|acted on) "
    + _RECEIVED_THING
    + r"|were (?:told|criticis\w+|criticiz\w+|coached|mentored|challenged))"
)
_TO_YOU = r"(?:gave|give|given|told|coached|mentored|taught|helped|critici[sz]\w*|challenged)"
# The speaker on the receiving end: "feedback you received", "someone coached you".
_ASKS_RECIPIENT = _phrases(
    r"you(?:'ve| have| had)? (?:ever )?" + _DEED,
    r"(?:someone|somebody|anyone|anybody|a (?:manager|peer|colleague|mentor|boss|customer)|your "
    r"(?:manager|boss|lead|peer|mentor|team|colleague)s?|others|people) (?:\w+ ){0,2}"
    + _TO_YOU
    + r" you",
    r"(?:feedback|criticism) (?:about|on|of) (?:you|your)\b|on the receiving end",
    r"critici[sz]\w* your (?:work|code|design|plan|approach|leadership|style|performance|decision)",
    r"to hear about (?:yourself|your)",
    r"feedback (?:that )?you(?:'ve| have)? (?:ever )?(?:received|got|were given|heard)",
)
# The speaker on the giving end: "feedback you gave", "a time you helped someone grow".
_ASKS_GIVER = _phrases(
    r"you (?:had to |needed to )?(?:gave|give|deliver(?:ed)?|provide[d]?|share[d]?|tell|told|"
    r"coach(?:ed)?|mentor(?:ed)?|train(?:ed)?|develop(?:ed)?|grew|help(?:ed)?) (?:some |hard |"
    r"difficult |critical |honest |tough )*(?:feedback|someone|somebody|a (?:peer|colleague|"
    r"report|team member|junior)|an? (?:engineer|employee)|one of your|your (?:team|report|peer|"
    r"people)|others)",
    r"feedback to (?:a|an|someone|somebody|your|the|one)\b",
)
_ME = _phrases(r"me|myself")
_THEM = _phrases(r"him|her|them|himself|herself|themselves")
# Fewer object pronouns than this say nothing about who did what to whom.
MIN_OBJECTS = 3


def question_direction(question: str) -> int:
    """+1 when the question puts the speaker on the receiving end, -1 on the giving end, 0
    when it names no direction (or both)."""
    q = question.lower()
    recipient, giver = bool(_ASKS_RECIPIENT.search(q)), bool(_ASKS_GIVER.search(q))
    return int(recipient) - int(giver)


def recipient_share(text: str) -> tuple[float, int]:
    """The share of first-person objects ("me") among the story's personal objects, and how
    many objects there were."""
    low = text.lower()
    me, them = len(_ME.findall(low)), len(_THEM.findall(low))
    return (me / (me + them) if me + them else 0.5), me + them


# ---- tempo ---------------------------------------------------------------------------------------

_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|"
_COUNT += r"several|many|a couple of|couple of)"
_LONG = _phrases(
    _COUNT + r"[- ](?:weeks?|months?|quarters?|years?)",
    r"(?:weeks|months|quarters) (?:of|later|long|before|after)",
    r"(?:the|a|that|next|following|each) (?:quarter|month)",
)
_SHORT = _phrases(
    _COUNT + r"[- ](?:minutes?|hours?|days?)",
    r"same day|that (?:night|evening|afternoon|morning|day)|overnight|tonight|within (?:the |an? )?"
    r"(?:hour|day|morning)|by (?:the )?(?:end of the day|next morning|morning|lunch|noon)",
    r"immediately|right away|on the spot|straight away|there and then|in minutes|in hours",
)
_WAITING = _phrases(
    r"waited|waiting|approvals?|sign-?offs?|signed off|committee|review board|paperwork",
    r"procurement|rfp|due diligence|formal review|steering group",
)


def _speed_question(question: str) -> bool:
    """Acting or deciding quickly is what the question turns on: "quickly" that qualifies
    learning or a risk ("learn a new skill quickly") lets the story take weeks."""
    asks = [a.code for a in situations.question_asks(question)]
    return "speed" in asks and asks[0] in ("speed", "incomplete-data", "deadline")


# ---- authority -----------------------------------------------------------------------------------

# The speaker's own line of command.
_OWN_AUTHORITY = _phrases(
    r"my (?:own )?(?:team|reports|direct reports|engineers|org|organi[sz]ation|department|staff|"
    r"squad|group)",
    r"(?:reporting|reported|report) to me|i (?:assigned|directed|instructed|mandated|ordered|"
    r"delegated|made it mandatory)",
    r"i (?:asked|told|had|got) my (?:team|engineers|reports|people|staff)",
)
# People outside it: the other side of influence.
_OUTSIDE = _phrases(
    r"(?:didn't|did not|don't|do not|doesn't|does not|never) report(?:ed)? to me",
    r"no (?:formal |direct |real )?authority",
    r"(?:another|other|partner|sister|their|neighbo(?:u)?ring) (?:teams?|org|organi[sz]ations?|"
    r"departments?|groups?)",
    r"(?:their|his|her) (?:own )?(?:manager|boss|director|team|roadmap|priorities)",
    r"peers?|counterparts?|stakeholders?|cross-functional|across teams|skip-level|head of \w+",
    # Upwards is outside one's authority too: "I showed the director the pages".
    r"(?:the|our|my) (?:director|vp|cto|ceo|cfo|coo|leadership|executives?|board)",
)
_ASKS_NO_AUTHORITY = _phrases(
    r"(?:without|no) (?:any |formal |direct |real )*authority|(?:people|teams?) outside your team",
    r"(?:didn't|did not|don't|do not|doesn't|does not) report to you",
    r"(?:weren't|were not|wasn't|was not) (?:in )?your (?:team|reports?|chain)",
    r"influenc\w+ (?:people|someone|somebody|others|a|an|the|other|stakeholders|peers|teams?|"
    r"leaders|leadership|decisions?|without)",
)


@dataclass(frozen=True, slots=True)
class DeedReading:
    """The direction, tempo and authority of one story's deeds against its question's."""

    direction: int  # what the question asks: +1 speaker receives, -1 gives, 0 no direction
    recipient_share: float  # first-person objects among personal objects (0.5 when none)
    objects: int
    speed_asked: bool
    long_times: int
    short_times: int
    waiting: int
    authority_asked: bool
    own_authority: int
    outside: int

    def features(self) -> dict[str, float]:
        fit = self.direction * (2 * self.recipient_share - 1) if self.objects else 0.0
        return {
            # +1: the speaker is on the end the question asks about; -1: on the other end.
            "direction_fit": fit,
            "direction_against": float(self.runs_the_other_way),
            "slow_tempo": (
                math.log1p(self.long_times + self.waiting) - math.log1p(self.short_times)
                if self.speed_asked
                else 0.0
            ),
            "no_quick_time": float(self.speed_asked and not self.short_times),
            "all_times_slow": float(self.slow),
            "authority_only_own": float(self.by_authority),
            "own_authority": (
                math.log1p(self.own_authority) - math.log1p(self.outside)
                if self.authority_asked
                else 0.0
            ),
        }

    @property
    def runs_the_other_way(self) -> bool:
        """Asked about one end of a deed, the story's objects are clearly on the other: at
        least MIN_OBJECTS of them and three in four the wrong way."""
        if not self.direction or self.objects < MIN_OBJECTS:
            return False
        share = self.recipient_share if self.direction > 0 else 1 - self.recipient_share
        return share <= 0.25

    @property
    def slow(self) -> bool:
        """Asked for speed, every time the story gives is weeks or months."""
        return self.speed_asked and self.long_times > 0 and not self.short_times

    @property
    def by_authority(self) -> bool:
        """Asked about influence without authority, the speaker directed their own people and
        nobody outside their line appears."""
        return self.authority_asked and self.own_authority > 0 and not self.outside

    def miss(self) -> str | None:
        """How the story misses the question, said after "and the story …", or None."""
        if self.runs_the_other_way:
            return (
                "tells of you doing it to someone else, not of it being done to you"
                if self.direction > 0
                else "tells of it being done to you, not of you doing it for someone else"
            )
        if self.slow:
            return "takes weeks or months, where the question asks about acting quickly"
        if self.by_authority:
            return "tells of directing your own team, not of influencing people outside it"
        return None


def read_deeds(question: str, text: str) -> DeedReading:
    low, q = text.lower(), question.lower()
    share, objects = recipient_share(low)
    speed = _speed_question(question)
    authority = bool(_ASKS_NO_AUTHORITY.search(q))
    return DeedReading(
        direction=question_direction(q),
        recipient_share=share,
        objects=objects,
        speed_asked=speed,
        long_times=len(_LONG.findall(low)) if speed else 0,
        short_times=len(_SHORT.findall(low)) if speed else 0,
        waiting=len(_WAITING.findall(low)) if speed else 0,
        authority_asked=authority,
        own_authority=_unnegated(_OWN_AUTHORITY, low) if authority else 0,
        outside=len(_OUTSIDE.findall(low)) if authority else 0,
    )


def _unnegated(pattern: re.Pattern[str], low: str) -> int:
    """Matches not negated in their clause: "none of them reported to me" is no authority."""
    return sum(not situations.negated(low, m.start()) for m in pattern.finditer(low))
