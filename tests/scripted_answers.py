"""Scripted interview answers for the story-bank and mock-loop tests: one strong, one weak."""

from __future__ import annotations

import json
from pathlib import Path

STRONG = (
    "In 2022 I was the engineering manager for the payments team at a retailer with 40 million "
    "customers. Checkout latency had grown to 900 ms at the 99th percentile and conversion was "
    "falling before the holiday peak. My goal was to bring p99 under 300 ms within six weeks "
    "without freezing feature work. I profiled the service myself and found that an N+1 query "
    "in the basket code caused most of the delay. I split the team into two streams, I wrote "
    "the design for a read-through cache, and I negotiated a two-week feature pause with "
    "product by showing the revenue at risk. I reviewed every change and I set up a latency "
    "dashboard that paged us on regressions. As a result p99 latency fell from 900 ms to 210 "
    "ms, conversion rose by 1.2%, which was worth $3 million a year, and we shipped two weeks "
    "early. I learned to put a number on technical debt before asking for time to fix it."
)
STRONG_FOLLOW_UP = (
    "I measured it with our tracing tool: 70% of the 900 ms was the N+1 query, so I fixed that "
    "first and it cut 600 ms on its own."
)
WEAK = (
    "I think we would probably just talk about it as a team and "
    "maybe try to find some kind of solution together, I guess."
)
WEAK_FOLLOW_UP = "Not sure, we would maybe see."

# A system-design answer with every rubric part, the question's expectations, and right sums.
DESIGN_STRONG = (
    "Requirements\n"
    "Users shorten a long URL and get a seven-character code; anyone who opens the short link "
    "is redirected. Non-functional: redirects under 20 ms at p99, 99.99% availability, codes "
    "never reused, and links that can expire.\n"
    "Estimates\n"
    "We expect 100 million new links a month, about 40 writes per second, and a 100:1 read "
    "ratio, so about 4,000 redirects per second on average and 20,000 at peak. Each record is "
    "about 500 bytes, so five years of links is 6 billion rows and about 3 TB.\n"
    "API\n"
    "POST /links takes the long URL and an optional expiry and returns the code; GET /{code} "
    "answers 301 with the Location header, or 404 when it is unknown or expired.\n"
    "Data model\n"
    "A links table keyed by code holds the long URL, the owner, the creation time and the "
    "expiry, in DynamoDB with the code as partition key.\n"
    "Design\n"
    "Codes come from a counter service that hands each app server a range of ids, and each id "
    "is base62-encoded, so there are no collisions and no check before writing. A load "
    "balancer spreads redirects over stateless app servers that read through a Redis cache "
    "holding the hottest links, since a small share of links get most of the clicks.\n"
    "Scaling\n"
    "The cache absorbs about 90% of reads; the table is partitioned by code and replicated "
    "across three availability zones, and click events go to a queue for analytics instead "
    "of being written on the redirect path.\n"
    "Trade-offs\n"
    "I choose availability over strict consistency for redirects: a link created a second ago "
    "may 404 on a replica briefly, which is better than failing redirects during a partition. "
    "301 lets browsers cache the redirect, which gives up exact click counts; 302 would keep "
    "them at the cost of more load.\n"
    "Operations\n"
    "We monitor redirect latency, cache hit rate and 404 rate, alarm on p99 over 20 ms, and "
    "the on-call runbook covers a cache node failing, when the hottest keys fall through to "
    "the table; after any outage we write a COE."
)
# A thin design whose arithmetic is wrong: 100 M users × 10 requests a day is about 11,600 a
# second, not 1 M.
DESIGN_WEAK = (
    "I would use a database and a web server. There are 100 million daily users and each makes "
    "10 requests a day, so that is 1 million requests per second. The web server looks up the "
    "code in the database and redirects the user."
)
# A story told where a design was asked for.
DESIGN_STORY = (
    "At my last company I was the manager of the platform team. In 2021 our link service went "
    "down during a launch and customers complained. I took ownership and I asked the team to "
    "add more servers. We fixed the outage in two hours and I wrote the postmortem. The result "
    "was that we had no outage the next quarter, and I learned to plan capacity early."
)
NARRATIVE = (
    "Purpose\n"
    "This document asks for two engineers for one quarter to move the invoice service off the "
    "shared database, and for a decision by 15 March.\n"
    "The problem\n"
    "The shared database was down for 14 hours last year, and 9 of those hours stopped "
    "invoicing. Our customers are very unhappy with this and it is significantly hurting the "
    "business. It was decided that the migration should be delayed until the DBA team "
    "approves the RTO.\n"
    "The proposal\n"
    "We move invoices to their own PostgreSQL cluster in six weeks, copying data in the "
    "background and switching reads first, so that a rollback is a configuration change."
)


def labelled_design(question_key: str, grade: int) -> str:
    """A labelled design answer (training/design) of `grade` to the bank question
    `question_key`: every system-design question has a strong (4) and a weak one."""
    path = Path(__file__).resolve().parents[1] / "training" / "design" / "answers.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["question_key"] == question_key and row["grade"] == grade:
            return row["answer"]
    raise LookupError(f"no design answer of grade {grade} to {question_key}")
