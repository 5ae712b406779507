"""What a behavioral question asks for, and whether a story contains that situation.

A question names a situation ("a time you disagreed", "your first 90 days with a
new team", "a low performer"); a story answers it only if that situation is in
the story and the story turns on it (LABELS.md `answers_question`). Each *ask*
below pairs the phrases that put it in a question with the whole-word phrases
that show it in a story. The lists are about situations, not principles, so a
question worded unlike any we have seen still maps to the asks it names.

A question that names no situation ("your proudest achievement", "the most
complex problem you solved") is generic: any specific story answers it.

Phrases are written one alternative per ` | ` (spaces around the pipe), as regular
expressions matched at word boundaries and ignoring case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nobody|none|zero|hardly|didn't|wasn't|weren't|isn't|don't|"
    r"doesn't|hadn't|haven't|couldn't)\b[\w\s'’-]{0,24}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Ask:
    code: str
    label: str  # what the question asks for, as it reads after "The question asks about"
    question: re.Pattern[str]
    story: re.Pattern[str]  # case-insensitive, for any text
    story_lower: re.Pattern[str]  # the same for lower-cased text: about three times faster


def _alternatives(text: str) -> str:
    # Alternatives are separated by a pipe with white space on both sides; pipes inside
    # groups ("(?:a|an)") have none.
    return "|".join(p.strip() for p in re.split(r"\s\|\s", text) if p.strip())


def _words(alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternatives(alternatives) + r")\b", re.I)


def _ask(code: str, label: str, question: str, story: str) -> Ask:
    # A look-behind instead of a leading \b, and no IGNORECASE, let the regex engine skip
    # positions quickly; the story patterns are scanned once per ask for every answer.
    lower = re.compile(r"(?<!\w)(?:" + _alternatives(story).lower() + r")\b")
    return Ask(code, label, _words(question), _words(story), lower)


ASKS: tuple[Ask, ...] = (
    _ask(
        "conflict",
        "a disagreement or conflict with someone",
        r"""disagree\w* | conflict\w* | push(?:ed)? back | pushback | challenged? | stood up |
        stand up | unpopular | argu\w+ | doubted | questioned | conflicting opinions |
        difficult (?:peer|colleague|stakeholder|person|coworker) | differen(?:t|ce) of opinion |
        didn't agree | did not agree |
        stood your ground | stand your ground | opinions (?:on the team )?differ |
        views that differed""",
        r"""disagree\w* | push(?:ed|ing)? back | pushback | argu\w+ | objected | objections? |
        conflict\w* | didn't agree | did not agree | insisted | challenged | opposed | resisted |
        skeptic\w* | sceptic\w* | refused | debated? | tension | was against | were against |
        not convinced | wasn't convinced | convince\w* | overruled | escalated | clashed? |
        questioned | doubted | unhappy | concerns? | worried | preferred | made it clear |
        bad idea | too (?:aggressive|risky|early|late|expensive|slow) |
        raised (?:it|concerns?|this) |
        thought (?:it|this|that|we) (?:was|were|would be) (?:a mistake|wrong|too) |
        (?:but|while) i (?:thought|felt|believed|was convinced) | i (?:didn't|did not) think |
        wanted (?:us )?to (?:ship|launch|wait|keep|cut|go|move|skip|delay) | (?:a|the) debate |
        (?:didn't|did not) (?:like|want|buy) (?:it|the|this|that|my) | made it clear |
        said no | i told (?:him|her|them|my \w+) (?:that )?(?:i|he|she|it|this|we)""",
    ),
    _ask(
        "influence",
        "influencing people who do not report to you",
        r"""influenc\w+ | without (?:any |formal |direct |real )*authority |
        (?:didn't|did not|don't|do not|doesn't|does not) report to you |
        persuad\w+ | buy-in | win (?:over|support) | won (?:over|support) |
        convinc(?:e|ed|ing) (?:someone|somebody|others|people|stakeholders|leadership|a|an|the|
        your|them|other)""",
        r"""convinc\w+ | persuad\w+ | buy-in | won (?:them|him|her|the \w+) over |
        (?:didn't|did not|don't|doesn't|does not) report to me | no (?:formal |direct )?authority |
        (?:another|other|partner|their) teams? | came (?:a)?round | on board | signed (?:on|up) |
        agreed to | pitch\w* | made the case | brought (?:them|him|her|\w+) along |
        sold (?:them|him|her|the idea) | stakeholders? | peers? | allies | champion\w*""",
    ),
    _ask(
        "failure",
        "a failure or a mistake of yours",
        r"""fail(?:ed|ure|ures|s)? | mistakes? | wrong | self-critical | let \w+ down | admit\w* |
        went badly |
        regret\w* | screwed up | error in judge?ment | misjudg\w+ |
        did(?:n't| not) go (?:well|as planned) | not go as planned | do differently | weakness |
        setback""",
        r"""mistakes? | my fault | i was wrong | i got it wrong | i had it wrong |
        (?:my|our) (?:assumption|guess|estimate|plan|call|bet) was wrong | failed | failure |
        went wrong | i missed | i underestimated | i overlooked | i forgot | i misjudged |
        i misread | should have | backfired | didn't work | did not work | wrong call |
        wrong decision | apologi[sz]ed | owned up | i admitted | my error | regret\w* |
        blamed? myself | proved me wrong | i caused | my change (?:broke|caused) | i broke |
        let (?:them|him|her|the team|everyone) down | hadn't checked | didn't check | i skipped""",
    ),
    _ask(
        "let-go",
        "letting someone go",
        r"""let (?:someone|somebody|an? \w+|\w+) go | fir(?:e|ed|ing) (?:someone|an?) |
        terminat\w+ | part(?:ed)? ways | manag(?:e|ed) (?:someone )?out | lay(?:ing)? off |
        laid off | layoffs?""",
        r"""let (?:him|her|them) go | fired | terminat\w+ | parted ways | part ways |
        (?:his|her|their) last day | resign\w* | managed (?:him|her|them) out |
        performance improvement plan | pip | laid off | layoffs? | severance | with hr |
        hr partner | redundan\w+ | left the company""",
    ),
    _ask(
        "rejected",
        "an idea or proposal of yours that was turned down",
        r"""rejected | turned down | shot down | didn't get (?:buy-in|approved|support) |
        was(?:n't| not) (?:approved|accepted) | said no to your""",
        r"""rejected | turned (?:it|me|the \w+) down | turned down | said no | declined |
        shot (?:it )?down | didn't (?:approve|accept|agree|fund) |
        did not (?:approve|accept|agree|fund) |
        wasn't (?:approved|accepted|funded) | was not (?:approved|accepted|funded) | not convinced |
        killed (?:it|the)""",
    ),
    _ask(
        "bad-news",
        "delivering bad news",
        r"""bad news | (?:difficult|hard|unwelcome|unpopular) news | deliver(?:ing)? bad |
        did(?:n't| not) want to hear""",
        r"""had to tell | told (?:them|him|her|the \w+|my \w+|our \w+) | broke the news | bad news |
        warned | let (?:them|him|her) know | i admitted | escalated | delay\w* | slip\w* |
        would not make | wouldn't make | not going to make | called (?:them|him|her|the \w+) |
        apologi[sz]ed""",
    ),
    _ask(
        "unintended",
        "an unintended consequence of your work",
        r"""unintended | negative consequence | side effects? | backfired |
        unexpected (?:harm|impact|consequence)""",
        r"""unintended | side effects? | didn't anticipate | did not anticipate |
        hadn't (?:thought|considered|anticipated|expected) |
        had not (?:thought|considered|anticipated|expected) |
        consequences? | backfired | harm\w* | complain\w* | unexpected\w* |
        (?:hurt|affected|broke) (?:the|our|some) | i caused""",
    ),
    _ask(
        "compromise",
        "compromising on quality or scope to ship",
        r"""compromis\w+ on | cut corners | trade(?:d)? (?:off )?quality | lower(?:ed)? the bar |
        good enough to ship | ship(?:ped)? something imperfect""",
        r"""compromis\w+ | shipped (?:it )?with | known (?:issues|bugs|gaps|limitations) |
        cut (?:scope|corners) | tech(?:nical)? debt | temporar\w+ | workarounds? | mvp |
        good enough | follow-up release | later release | accepted the risk | descop\w+ |
        left out | deferred | imperfect""",
    ),
    _ask(
        "say-no",
        "saying no to a request",
        r"""say no | saying no | said no | turn(?:ed)? down (?:a|an|the) | declin\w+ (?:a|an|the) |
        refus\w+ (?:a|an|the) request""",
        r"""said no | say no | declined | turned (?:it|them|him|her|the request) down | refused |
        pushed back | not (?:going|able) to (?:build|do|give) | wouldn't (?:build|do|commit) |
        instead (?:i )?offered | explained why | couldn't (?:commit|do|give) | no to""",
    ),
    _ask(
        "own-cost",
        "putting the company ahead of your own team's goals",
        r"""hurt (?:your|my) (?:own )?(?:team|goals?|numbers?) | at the expense of your |
        right for the company | cost (?:you|your team)""",
        r"""(?:my|our) (?:team's )?(?:own )?(?:goals?|targets?|okrs?|metrics?|roadmap|bonus) |
        (?:my|our) (?:team's )?(?:own )?(?:headcount|budget) |
        gave up | give up | at the cost of | at the expense of | missed (?:our|my) |
        moved (?:two|three|\d+|some|my) (?:of my )?(?:engineers|people) | lent | loaned |
        cost us | hurt (?:our|my)""",
    ),
    _ask(
        "missed-commitment",
        "a commitment or deadline you missed",
        r"""missed (?:a |an |the )?(?:deadline|commitment|target|goal|date) |
        couldn't (?:deliver|meet) | could not (?:deliver|meet) | late | behind schedule |
        didn't (?:deliver|meet)""",
        r"""missed | slipped | late | delay\w* | behind schedule | pushed the date |
        moved the date |
        new date | couldn't make | wouldn't make | overran | weeks? behind | reset expectations""",
    ),
    _ask(
        "deadline",
        "delivering under a tight deadline or pressure",
        r"""(?:tight|hard|short|impossible|aggressive) deadlines? | deadlines? | under pressure |
        time pressure | tight timeline | short notice |
        under (?:a lot of |heavy |intense )?pressure""",
        r"""deadlines? | due | launch date | go-live | on time | in time |
        (?:days?|weeks?) (?:left|before|to go|away) |
        by (?:monday|tuesday|wednesday|thursday|friday|the end of) | cut scope | descoped? |
        time pressure | ahead of schedule | before the (?:launch|release|event|audit|deadline)""",
    ),
    _ask(
        "low-performer",
        "someone who was underperforming or struggling",
        r"""underperform\w* | under-perform\w* | low performer | poor performer |
        (?:low|poor)[- ]performing | not performing |
        struggling (?:engineer|employee|report|team member|colleague|person|hire) |
        (?:someone|engineer|employee|report|member) (?:who|that) (?:was|is) struggling |
        performance (?:issue|problem)s? (?:with|of|on) (?:someone|a|an|one|your) |
        wasn't performing | behaviou?r that was hurting | hard people decision |
        difficult employee | not meeting expectations""",
        r"""underperform\w* | under-perform\w* | struggl\w+ |
        performance (?:plan|issues?|problems?|improvement plan|review) | pip |
        wasn't (?:meeting|delivering|performing) |
        missed (?:\w+ )?(?:deadlines|targets|commitments) |
        behind on | coach\w* | let (?:him|her|them) go | fired | expectations |
        weekly (?:1:1s?|one-on-ones?|check-ins?) | quality of (?:his|her|their) work |
        complaints? about (?:him|her|them)""",
    ),
    _ask(
        "develop-people",
        "developing, coaching or mentoring someone",
        r"""develop(?:ed)? (?:someone|the|people|an?|your|engineers?) | mentor\w* | coach\w* |
        grow | promot\w+ | (?:their|someone's|his|her) career | someone you developed |
        grew (?:someone|a|an|one|your) | into a leader""",
        r"""mentor\w* | coach\w* | promot\w+ | grow(?:th)? | grew | career | 1:1s? |
        one-on-ones? | stretch | paired (?:him|her|them|with) | develop\w* | confidence |
        learning plan | senior engineer | tech lead""",
    ),
    _ask(
        "hiring",
        "hiring or building a team",
        r"""hir(?:e|ed|ing) | recruit\w* | built a team | build a team | team from scratch |
        interview(?:ing|s|ed)? (?:candidates|someone) | hiring bar |
        (?:built|build|building) a strong team""",
        r"""hir(?:e|ed|es|ing) | recruit\w* | interview\w* | candidates? | offers? |
        job (?:description|posting|ad) | onboard\w* | headcount | new joiners? | bar raiser |
        sourc(?:ed|ing) | referrals?""",
    ),
    _ask(
        "customer",
        "a customer and what they needed",
        r"""customers? | clients? | users? | voice of the customer""",
        r"""customers? | clients? | users? | buyers? | shoppers? | merchants? | patients? |
        passengers? | subscribers? | members? | guests? | sellers? | tenants? | drivers? |
        riders? | students? | citizens? | residents? | clinics? | accounts? | nps |
        support tickets? | complain\w* | churn\w* | renew\w*""",
    ),
    _ask(
        "complaint",
        "an unhappy customer or a complaint",
        r"""complaints? | angry | unhappy | upset | frustrated | escalation | difficult customer""",
        r"""complain\w* | angry | upset | unhappy | frustrat\w+ | escalat\w+ | furious |
        threatened to (?:leave|cancel|churn) | apologi[sz]ed | refund\w*""",
    ),
    _ask(
        "incomplete-data",
        "deciding without complete information",
        r"""incomplete (?:data|information) |
        without (?:all|much|enough|complete) (?:the )?(?:data|information|facts) |
        without having all | ambigu\w+ | uncertain\w* | calculated risk |
        limited (?:data|information) | before (?:you|others) (?:had|knew) |
        (?:very |too )?little (?:data|information) |
        (?:scarce|sparse|partial|no) (?:data|information) |
        (?:took|take|taking) (?:a |an )?(?:\w+ )?risks? | data pointed in different directions""",
        r"""didn't (?:know|have) | did not (?:know|have) | no (?:data|idea|way of knowing) |
        without (?:waiting|knowing|all|the full|complete) | unclear | uncertain\w* | risks? |
        risky | assum\w+ | guess\w* | couldn't wait | could not wait | reversible |
        roll(?:ed)? back | rollback | bet | best guess | incomplete | partial | not sure |
        ambigu\w+ | hypothes\w+ | estimate\w* |
        unproven | untested | (?:nobody|no one)(?:\s\w+){0,4}\shad\s(?:ever\s)?(?:used|tried|done) |
        never been (?:tried|used|done) | worried (?:about|that) | downside | fallback | plan b |
        mitigat\w+ | pilot\w* | prototype\w* | experiment\w*""",
    ),
    _ask(
        "speed",
        "acting quickly",
        r"""quick(?:ly)? | fast | speed | decisively | move fast | act(?:ed)? quickly |
        without waiting | urgent\w* | before others did |
        on the spot | didn't wait | did not wait""",
        r"""quick(?:ly)? | fast | immediately | right away |
        that (?:night|evening|morning|afternoon|day) | same day |
        within (?:an? )?(?:hours?|minutes?|day) | within \w+ (?:hours|minutes|days) |
        overnight | by the next morning | didn't wait | did not wait | without waiting |
        urgent\w* | hotfix | on the spot | temporary""",
    ),
    _ask(
        "new-team",
        "joining or taking over a new team (your first days)",
        r"""first (?:90|ninety|30|60|hundred) days | first (?:days|weeks|months) | new team |
        joined | new role | took over (?:a|an) team | inherit\w* | new manager |
        new to (?:the|a) team""",
        r"""joined | new (?:team|role|manager|job|company) |
        first (?:week|weeks|month|months|days|90 days|ninety days|30 days) | took over |
        inherited | listening tour | (?:1:1s?|one-on-ones?) with (?:each|every|everyone) |
        when i (?:started|arrived|joined) | onboard\w* | met (?:each|every|everyone)""",
    ),
    _ask(
        "feedback",
        "giving or receiving difficult feedback",
        r"""(?<!customer )(?<!user )(?<!client )feedback | criticism | critici[sz]ed |
        critical (?:input|comments?) |
        difficult conversation |
        weakness""",
        r"""feedback | critici[sz]\w* | told (?:him|her|them|me) | honest\w* | 1:1s? |
        one-on-ones? | difficult conversation | blunt | sat (?:him|her|them|me) down |
        pulled (?:him|her|them|me) aside | walked (?:him|her|them|me) through |
        (?:it|that) stung | hard to hear | called (?:me|him|her|them) out |
        pointed out | gave me | told me""",
    ),
    _ask(
        "prioritisation",
        "choosing between competing priorities or options",
        r"""prioriti[sz]\w* | trade-?offs? | conflicting (?:priorities|requests|demands) |
        choose between | chose between | balance | competing | two reasonable options |
        short term (?:and|versus|vs) (?:the )?long term |
        few things that mattered | focus(?:ed)? (?:your team )?on""",
        r"""prioriti[sz]\w* | deprioriti[sz]\w* | trade-?offs? | instead of | rather than |
        cut scope | descop\w+ | options? | chose | backlog | roadmap | said no |
        pushed (?:back|out) | postpon\w+ | deferred | weighed | short[- ]term | long[- ]term |
        versus | vs""",
    ),
    _ask(
        "cost",
        "saving money or doing more with less",
        r"""cost\w* | money | budget\w* | frugal\w* | limited resources | more with less |
        fewer resources | spend\w* | resourceful | cheap\w* | waste | short-staffed |
        cloud bill | constraints?""",
        r"""costs? | saved | sav(?:e|ing|ings) | budget\w* | cheap\w* | spend\w* | spent |
        licen[cs]es? | free | reus\w+ | without hiring | headcount | contracts? | vendors? |
        bill\w* | invoices? | money | expens\w+ | afford | frugal\w* | waste | per month |
        a year | instances?""",
    ),
    _ask(
        "innovation",
        "inventing or simplifying something",
        r"""invent\w* | innovat\w+ | new way | novel | creative | simplif\w+ | complex process |
        new approach | status quo |
        new idea | simpler | simple (?:solution|way|fix) | easier to use |
        remov\w+ (?:steps|unnecessary|complexity) | manual process | idea from outside""",
        r"""built | prototyp\w* | new (?:tool|way|approach|process|system|design|format) |
        automat\w+ | simplif\w+ | removed | replaced | scripts? | ideas? | invent\w* |
        redesign\w* | templates? | self-serve | one-page | merged | cut (?:the|it|from) |
        steps | eliminat\w+ | consolidat\w+""",
    ),
    _ask(
        "standards",
        "holding work to a high standard",
        r"""standards? | (?:raised|raise|raising) the bar | quality | not satisfied |
        weren't satisfied | good enough | higher bar |
        wasn't ready | was not ready | stopped a release""",
        r"""quality | standards? | bar | bugs? | tests? | testing | reviews? | defects? |
        refused to (?:ship|release|sign off) | checklists? | polish\w* | not good enough |
        wasn't good enough | rework\w* | rewr\w+ | regressions? | acceptance criteria |
        definition of done | audit\w* | accessib\w+""",
    ),
    _ask(
        "broad-impact",
        "responsibility beyond your customers (society, environment, scale)",
        r"""societ\w+ | environment(?:al)? | community | beyond your (?:company|direct customers) |
        broad(?:er)? (?:impact|responsibility) | wider (?:\w+ )?impact | outside your company |
        world | footprint | scale (?:created|brought) | obligation | at scale |
        sustainab\w+ | ethic\w* | safer | the public | accessib\w+ | served everyone""",
        r"""environment(?:al)? | carbon | energy | emissions? | accessib\w+ | privacy |
        communit\w+ | societ\w+ | public | safety | regulat\w+ | fair\w* | vulnerable |
        sustainab\w+ | charit\w+ | nonprofits? | harm\w* | misuse | disabilit\w+ | elderly |
        ethic\w* | footprint | wheelchair""",
    ),
    _ask(
        "vision",
        "a bold vision or thinking big",
        r"""bold | vision\w* | think(?:ing)? big | thought big | ambitio\w+ | long[- ]term |
        big idea | much bigger | around corners | bigger opportunity | big bet |
        strateg\w+ | bigger than | far beyond what | years ahead | long-range | radical |
        scaled far | larger opportunity | opportunity | big impact""",
        r"""vision\w* | roadmap | platform | long[- ]term | strateg\w+ | bold | ambitio\w+ |
        pitch\w* | proposals? | company-wide | across the company | every team | all teams |
        (?:two|three|five|\d+)[- ]years? | multi-year | north star | 10x | ten times |
        opportunit\w+ | whole (?:company|industry)""",
    ),
    _ask(
        "root-cause",
        "digging into details or data to find the real cause",
        r"""dive deep | dove deep | deep dive | dig\w* | dug | root cause | didn't add up |
        bottom of | details? | discrepanc\w+ | levels deep |
        (?:metrics?|numbers?|dashboards?|data|figures?|reports?|kpis?) (?:\w+ )?(?:looked|seemed) |
        wrong underneath | under the surface |
        real (?:cause|problem) | data to (?:uncover|find|solve) | complicated issue |
        deep into | detailed level | investigat\w+ | analy[sz]\w+ | bugs? | debugg\w+ | anomal\w+ |
        others had missed | data told""",
        r"""root cause | logs? | dug | dig\w* | traced? | quer(?:y|ied|ies) | dashboards? |
        found (?:that|out) | turned out | noticed | investigat\w+ | data | analy[sz]\w+ |
        spreadsheet | sampled? | compared | reproduc\w+ | profil\w+ | correlat\w+ |
        discrepanc\w+ | audit\w*""",
    ),
    _ask(
        "learning",
        "learning something new",
        r"""learn(?:ed|t)? (?:something|a new|about|quickly|the) | learn something | curios\w+ |
        taught yourself | new skill | outside your area of expertise | new technology |
        new perspective | learned something |
        learn\w* | knowledge | outside your (?:field|expertise) | stay current |
        explored? a technology | how something worked""",
        r"""learn\w* | taught myself | courses? | read | stud(?:y|ied) | curio\w+ | books? |
        tutorials? | experiment\w* | shadow\w* | asked (?:an?|the) expert | practis\w+ |
        practic\w+ | certific\w+ | papers? | workshop""",
    ),
    _ask(
        "trust",
        "earning or rebuilding someone's trust",
        r"""trust\w* | skeptic\w* | sceptic\w* | won over | win over | win back | relationship |
        credib\w+ | doubted you |
        commitment to someone | followed through | kept (?:your|a) promise""",
        r"""trust\w* | skeptic\w* | sceptic\w* | credib\w+ | relationships? | transparen\w+ |
        honest\w* | admitted | promised? | kept my word | doubt\w* | open(?:ly)? |
        weekly (?:updates?|reports?) | shared (?:the|my|our) | apologi[sz]ed | commit\w+ |
        follow(?:ed)? through | won (?:them|him|her) over""",
    ),
    _ask(
        "ownership",
        "taking on something beyond your role",
        r"""outside (?:of )?your (?:area|scope|responsibility|role|job|team) | wasn't yours |
        not yours | beyond your (?:role|job) | ownership | owned | took on | job description |
        end to end | responsibility | without waiting for approval | without approval |
        wasn't your job | not your job | between (?:two )?teams | nobody was taking care |
        no one else | nobody else | fill a gap | another team's area | someone else to solve |
        beyond the scope | above and beyond | on behalf of the whole company | following up""",
        r"""wasn't (?:my|our) | not (?:my|our) (?:team|job|responsibility|area|system|code) |
        outside (?:my|our) | nobody owned | no one owned | nobody was | no one was | took it on |
        volunteered | on my own | took ownership | owned | end to end | stepped in |
        i (?:took|picked) (?:it|this) up | my problem | no owner | orphan\w*""",
    ),
    _ask(
        "wellbeing",
        "making work better for the people on your team",
        r"""workplace | wellbeing | well-being | burn(?:ing|ed|t)? ?out | inclusive | employees? |
        better place to work | working (?:conditions|environment) | excluded | fairer | morale |
        personal situation | work better for |
        engagement survey | culture | people want to stay | on-call burden | protected your team |
        hard time | adapted the way your team works | people on your team""",
        r"""burn(?:ing|ed|t)? ?out | wellbeing | well-being | on-?call | overtime | inclusi\w+ |
        flexib\w+ | morale | workloads? | rotas? | parental | fair\w* | hours | weekends? |
        stress\w* | mental health | leave | excluded | belong\w* | remote | time zones? | pager |
        retention | quit | attrition | survey | breaks? | isolated""",
    ),
    _ask(
        "judgment",
        "a judgment call that proved right against doubt",
        r"""judge?ment | judgment call | were right | was right | turned out to be right |
        others (?:doubted|disagreed|questioned) | good decision | changed your mind |
        better than the consensus""",
        r"""decid\w+ | decision | judge?ment | turned out | was right | proved | bet | doubt\w* |
        questioned | chose | recommend\w* | data | changed my mind | evidence""",
    ),
    _ask(
        "deliver",
        "delivering a result despite obstacles",
        r"""deliver\w* | obstacles? | accomplish\w* | achiev\w+ | proud\w* | at risk |
        difficult project | big result | goal | target |
        setback | to completion | finish""",
        r"""deliver\w* | launch\w* | shipped | on time | hit | met (?:the|our) | goals? |
        targets? | finished | completed | released | went live | rolled out | achiev\w+ |
        milestones?""",
    ),
)

# Situations so particular that a story without any evidence of them does not answer the
# question (a latency story is not about your first 90 days with a team, however good).
STRICT = frozenset(
    {
        "new-team",
        "let-go",
        "low-performer",
        "hiring",
        "missed-commitment",
        "rejected",
        "bad-news",
        "unintended",
        "say-no",
        "complaint",
        "feedback",
    }
)
# Asks that only add context when the question also names a more specific one ("an angry
# customer" is about a complaint; "customer" alone is the broad ask).
_BROAD = frozenset({"customer", "deliver", "judgment", "speed", "ownership", "influence"})
_GENERIC = _words(
    r"""proud\w* | accomplishment | biggest (?:achievement|impact|accomplishment) |
    most (?:complex|challenging|difficult|ambitious|positive|significant) | greatest |
    favou?rite | best work | walk me through (?:a|your) (?:project|career)"""
)


def question_asks(question: str | None) -> list[Ask]:
    """The asks a question names, most specific first; empty for a generic question."""
    if not question:
        return []
    return list(_question_asks(question))


@cache
def _question_asks(question: str) -> tuple[Ask, ...]:
    found = [a for a in ASKS if a.question.search(question)]
    specific = [a for a in found if a.code not in _BROAD]
    if specific:
        found = specific + [a for a in found if a.code in _BROAD]
    return tuple(found)


def headline_ask(question: str | None) -> Ask | None:
    """The situation the question is about, as its reason should name it: of the specific asks,
    the one the question names first. A later phrase qualifies it ("refused to lower the quality
    bar even under pressure" is about the bar, "a metric looked fine but something was wrong
    underneath" about the metric), so it is not the one to name."""
    asks = question_asks(question)
    if not asks or not question:
        return None
    specific = [a for a in asks if a.code not in _BROAD] or asks
    first = min(specific, key=lambda a: _first_match(a, question))
    # "Went above and beyond for a customer": whom it was for names the situation, not the
    # phrase that says how much was done for them.
    beneficiary = _FOR_WHOM.search(question, _first_match(first, question))
    if beneficiary:
        named = [a for a in specific if a is not first and a.question.search(beneficiary.group(1))]
        if named:
            return named[0]
    return first


_FOR_WHOM = re.compile(
    r"\babove and beyond\s+for\s+((?:(?:a|an|the|your|one|of|our)\s+)*[\w-]+)", re.I
)


def _first_match(ask: Ask, question: str) -> int:
    found = ask.question.search(question)
    return found.start() if found else len(question)


def is_generic(question: str | None) -> bool:
    """A question that names no situation of its own: any specific story of that kind answers
    it."""
    if not question:
        return True
    asks = question_asks(question)
    return not asks or (bool(_GENERIC.search(question)) and all(a.code in _BROAD for a in asks))


def evidence(ask: Ask, text: str) -> list[re.Match[str]]:
    """Whole-word evidence of the ask's situation in `text`, without negated mentions
    ("there was no pushback" is not a conflict)."""
    low = text.lower()
    pattern = ask.story_lower if len(low) == len(text) else ask.story
    return [
        m
        for m in pattern.finditer(low if pattern is ask.story_lower else text)
        if not negated(text, m.start())
    ]


def negated(text: str, start: int) -> bool:
    """True when a negation sits just before `start` in the same clause."""
    before = text[max(0, start - 30) : start]
    clause = re.split(r"[.;:!?,]| but | and then ", before)[-1]
    return bool(_NEGATION.search(clause))
