"""Example answers for the analyzer's tests, written for these tests."""

from __future__ import annotations

STRONG = (
    "At my last company I led a team of 6 engineers that owned the search service for an "
    "online bookshop. Search latency had crept up to 900 ms at peak, and the product team "
    "had seen a 4% drop in add-to-cart. My goal was to bring p95 latency under 200 ms before "
    "the holiday sale without adding servers. I profiled the slowest queries and found that "
    "half of them rebuilt the same facet counts on every request. I proposed caching the "
    "facet counts in Redis for five minutes and wrote the change myself. I also set up an "
    "alarm on cache misses so that we would notice if the cache went cold. Latency fell from "
    "900 ms to 150 ms at peak, and add-to-cart recovered the 4% within two weeks. I learned "
    "to measure before I optimise, because my first guess about the cause was wrong."
)
HYPOTHETICAL = (
    "That's a great question. I think the key is to stay calm. "
    "If a project was slipping, I would first talk to the team to understand the blockers. "
    "Then I would re-plan the scope with the product manager and I'd tell stakeholders early. "
    "I always try to be transparent, because people appreciate honesty."
)
WE_STORY = (
    "At my previous job we had a problem with our deployment pipeline. "
    "We decided to move to a new CI system. "
    "We migrated all the jobs and we wrote new documentation. "
    "We also trained the other teams on it. "
    "It went pretty well in the end."
)
CONFLICT = (
    "Our director, Maria, wanted to launch the new billing flow a month early. I disagreed "
    "because our last test run still showed invoice errors for large customers. I set up a "
    "meeting with her and showed her the failing invoices. She agreed to a phased launch, "
    "and we moved the remaining customers a month later without billing errors."
)
RAMBLING_NO_PUNCTUATION = (
    "so um at my last job we had this big problem with the billing system and like "
    "nobody knew why it kept failing every night so i started looking at the logs and "
    "then i found that the batch job was running twice and after that i fixed the "
    "scheduler and then the failures stopped and the finance team was happy because they "
    "did not have to fix the numbers by hand anymore and we saved maybe 10 hours a week"
)
BULLETS_CRLF = (
    "Situation: our API was timing out for 3 large customers.\r\n"
    "- I traced the slow calls to an N+1 query.\r\n"
    "- I rewrote it as a single join.\r\n"
    "* Result: timeouts went from 120 a day to zero.\r\n"
)
ALL_CAPS = (
    "I WAS ASKED TO FIX OUR FLAKY TESTS. I QUARANTINED 40 TESTS AND FIXED THEM ONE BY ONE. "
    "BUILDS WENT GREEN 98% OF THE TIME."
)
EMOJI = (
    "I shipped the fix 🚀 on Friday. Errors dropped by 80% 🎉 and the customer renewed. "
    "I learned a lot 😅."
)

ALL = {
    "strong": STRONG,
    "hypothetical": HYPOTHETICAL,
    "we_story": WE_STORY,
    "conflict": CONFLICT,
    "rambling": RAMBLING_NO_PUNCTUATION,
    "bullets_crlf": BULLETS_CRLF,
    "all_caps": ALL_CAPS,
    "emoji": EMOJI,
}
