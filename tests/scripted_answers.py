"""Scripted interview answers for the story-bank and mock-loop tests: one strong, one weak."""

from __future__ import annotations

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
