"""Answers written for the quoting strengths (issue #10), each with the sentence an interviewer
would quote for "this sentence shows the principle best".

`deed` holds the sentences (by their opening words) that show the asked principle as the
speaker's own deed; an empty tuple means no sentence does, and the strength must then be said
without a quote or not at all. `fires` is False where the strength must not be said.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteAnswer:
    name: str
    question: str
    text: str
    deed: tuple[str, ...]  # openings of the sentences that may be quoted as the principle's deed
    fires: bool = True


ANSWERS = (
    QuoteAnswer(
        "ownership-star",
        "Tell me about a time you took ownership of something outside your job.",
        "At my last company I led the checkout team, and our payment alerts went to a shared "
        "channel nobody watched. Over the December holidays two payment outages went unnoticed "
        "for hours. Nobody owned the alerts, and the platform team said it was not their "
        "problem. I took the on-call rota myself over the holiday and wrote a runbook for every "
        "alert. I also moved the alerts into our paging tool so a person was woken up. Churn "
        "fell to 2% that quarter and we had no unnoticed outage after that.",
        ("I took the on-call rota", "I also moved the alerts"),
    ),
    QuoteAnswer(
        "disagree-manager",
        "Tell me about a time you disagreed with your manager.",
        "Two years ago my director wanted to launch the new pricing page in every market at "
        "once. I noticed the data from our pilot showed a drop in sign-ups in two countries. I "
        "told her in our one-to-one that I disagreed and showed her the pilot numbers. She "
        "still wanted the full launch because of the marketing calendar. I committed to her "
        "plan and asked for a rollback switch per country, which I built myself that week. The "
        "launch went out on time and we switched off the page in one country after three days.",
        ("I told her in our one-to-one", "I committed to her plan"),
    ),
    QuoteAnswer(
        "dive-deep-crashes",
        "Tell me about a time you had to dig deep into data to find a root cause.",
        "Our mobile app's crash rate doubled after a release and nobody could reproduce it. I "
        "pulled the crash reports for the week and grouped them by device and OS version. I "
        "noticed that nine in ten crashes came from one Android version with low memory. I "
        "traced it to an image cache that we had made three times bigger. We shrank the cache "
        "on low-memory devices and the crash rate went back to 0.3%.",
        ("I pulled the crash reports", "I noticed that nine", "I traced it"),
    ),
    QuoteAnswer(
        "customer-bullets",
        "Tell me about a time you went above and beyond for a customer.",
        "- Context: B2B analytics product, I was the EM for reporting.\n"
        "- Big customer (a hospital group) said exports were unusable, threatened to leave.\n"
        "- Flew out and sat with their finance team for two days to watch them use it.\n"
        "- Saw they rebuilt every export by hand in Excel.\n"
        "- Rewrote the export format with my team to match their ledger columns.\n"
        "- Result: renewed for 3 years, export tickets down 70%.",
        ("Flew out and sat", "Rewrote the export format"),
    ),
    QuoteAnswer(
        "bias-run-on",
        "Tell me about a time you had to act quickly without all the information.",
        "so this was on a Friday evening and the vendor's API started returning errors for "
        "about a third of our orders and the vendor's support said they would look on Monday "
        "and I didn't know if it was our side or theirs but I decided not to wait, I switched "
        "our traffic to the backup provider that night and I wrote to the customers who had "
        "failed orders myself, and by Saturday morning the orders were going through again and "
        "we lost maybe forty orders instead of a weekend's worth",
        (),  # the deed is only in chunks of the spoken run: no whole sentence to quote
    ),
    QuoteAnswer(
        "frugality-budget",
        "Tell me about a time you did more with less.",
        "Last year our team's cloud budget was cut by 30% in the middle of a big data "
        "migration. The finance team asked every team to hold spending flat. I went through our "
        "bill line by line and found test clusters that ran all weekend. I shut them down "
        "outside working hours with a small script and moved the cold logs to cheaper storage. "
        "The bill came down by 38% and the migration finished on schedule.",
        ("I shut them down",),
    ),
    QuoteAnswer(
        "trust-non-native",
        "Tell me about a time you had to earn the trust of a team.",
        "When I am joining the new team as manager, the engineers are not trusting the "
        "management because previous manager was promising many things and not doing. I am "
        "doing one-to-one with every engineer in first two weeks and I am writing down each "
        "problem they tell. I am fixing first the small problems, for example the slow "
        "laptops, and I am sending every Friday a note what is done and what is not done. "
        "After three months the team survey score for trust in manager is going from 2.1 to "
        "4.0.",
        ("I am doing one-to-one", "I am fixing first"),
    ),
    QuoteAnswer(
        "results-mostly-we",
        "Tell me about a time you delivered a project under a tight deadline.",
        "We had six weeks to move our billing system off the old data centre before the lease "
        "ended. We split the work into three streams and we met every morning. The database "
        "move was the riskiest part. I took that stream myself and ran the rehearsal "
        "migrations every night for two weeks. We moved everything two days before the "
        "deadline with no billing errors.",
        ("I took that stream myself",),
    ),
    QuoteAnswer(
        "disagree-hypothetical",
        "Tell me about a time you disagreed with a peer.",
        "I would first listen to understand their point of view. Then I would bring data to "
        "the discussion and look for a compromise. If we still disagree I would escalate to our "
        "manager and commit to whatever is decided.",
        (),
        fires=False,
    ),
    QuoteAnswer(
        "develop-present-tense",
        "Tell me about a time you developed someone on your team.",
        "It's 2022 and I have a junior engineer, Priya, who is shy in design reviews. Her ideas "
        "are good but she never speaks. I ask her to lead the next design review and I spend "
        "two sessions with her rehearsing it. I sit at the back and only answer when she "
        "passes a question to me. She leads three more reviews that quarter and gets promoted "
        "the next year.",
        ("I ask her to lead", "I sit at the back"),
    ),
    QuoteAnswer(
        "standards-release",
        "Tell me about a time you refused to compromise on quality.",
        "We were a week from launching a new search feature and the test suite had about forty "
        "flaky tests that people just re-ran. My product manager wanted to ship and fix the "
        "tests later. I stopped the release and asked each engineer to own five flaky tests. I "
        "reviewed every fix myself before it merged. We launched six days late with a green "
        "suite, and the rollback rate for the next quarter was zero.",
        ("I stopped the release", "I reviewed every fix"),
    ),
    QuoteAnswer(
        "simplify-release",
        "Tell me about a time you simplified a complex process.",
        "Our release process had fourteen manual steps across three tools and took a whole "
        "day. Everyone hated release day. I mapped the steps on a whiteboard with the two "
        "people who ran them. I replaced eleven of the steps with one pipeline job and deleted "
        "the release checklist document. Releases now take forty minutes and anyone on the "
        "team can do one.",
        # Mapping the steps with the people who ran them is where the simplification began;
        # the replacement is the deed itself. Either shows the principle.
        ("I replaced eleven", "I mapped the steps"),
    ),
    QuoteAnswer(
        "curious-ml",
        "Tell me about a time you learned something new to solve a problem.",
        "Our team had no one who knew anything about machine learning, and our fraud rules "
        "were catching fewer frauds every month. I took an online course in the evenings for "
        "six weeks. Then I built a small model on last year's fraud cases and compared it with "
        "our rules. The model caught 25% more fraud at the same false alarm rate, and we put it "
        "into production.",
        ("I took an online course", "Then I built a small model"),
    ),
    QuoteAnswer(
        "think-big-platform",
        "Tell me about a time you proposed a bold idea.",
        "Each of our twelve teams ran its own deployment scripts, and outages from bad deploys "
        "happened every week. I wrote a two-page proposal for one deployment platform for the "
        "whole company and presented it to the CTO. I offered to build the first version with "
        "two engineers in one quarter. Within a year all twelve teams used it and "
        "deploy-related outages dropped by 80%.",
        ("I wrote a two-page proposal", "I offered to build"),
    ),
    QuoteAnswer(
        "right-database",
        "Tell me about a time you made a good decision with incomplete data.",
        "We had to choose a database for a new ledger service and the team was split between "
        "two options. I read the failure reports of both and ran a load test of our own write "
        "pattern on each. I noticed one of them lost writes during a failover in our test. I "
        "chose the other one and wrote down why, with the test results. Two years later the "
        "ledger has had no data loss through four failovers.",
        ("I read the failure reports", "I noticed one of them", "I chose the other one"),
    ),
    QuoteAnswer(
        "broad-notifications",
        "Tell me about a time you considered the wider impact of your work on people outside "
        "your team.",
        "Our app sent push notifications late at night to users in other time zones. A user "
        "wrote to us that it woke her baby every night. I changed the scheduler so that no "
        "notification goes out between 10 pm and 8 am local time, and I wrote a rule for all "
        "teams that sent notifications. Complaints about notifications fell by 60%.",
        ("I changed the scheduler",),
    ),
    QuoteAnswer(
        "employer-on-call",
        "Tell me about a time you improved the working life of your team.",
        "My team was on call every other week and people were burning out; two engineers had "
        "quit in a year. I moved us to a rota with eight people by training the new joiners, "
        "and I gave a day off after every night page. I also pushed the product team to fund "
        "two quarters of alert clean-up. Night pages went down from twelve a month to three, "
        "and nobody left in the next year.",
        ("I moved us to a rota", "I also pushed the product team"),
    ),
    QuoteAnswer(
        "ownership-notes",
        "Tell me about a time you owned a problem end to end.",
        "- Situation: nightly data export to partners failing 2-3 times a week, no owner.\n"
        "- Noticed the failures all came after the 2 am backup job.\n"
        "- Took ownership: put my name on the export in the service catalogue.\n"
        "- Moved the export to 4 am and added a retry with alerts to me.\n"
        "- Result: no failed exports in 5 months.",
        ("Took ownership", "Moved the export"),
    ),
    QuoteAnswer(
        "disagree-commit-vp",
        "Tell me about a time you disagreed with a decision but committed to it.",
        "Our VP decided to rewrite the mobile app in a cross-platform framework. I thought it "
        "would slow us down, and I wrote a one-page note with the risks and sent it to him "
        "before the planning meeting. He heard me out but kept the decision. After that I "
        "backed the plan in front of my team and I led the first migration of the login "
        "screen. The rewrite shipped a month late, but the login screen was done on time.",
        ("I thought it would slow us down", "After that I backed the plan"),
    ),
    QuoteAnswer(
        "customer-feedback",
        "Tell me about a time you used customer feedback to change a product.",
        "I ran the onboarding team for a payroll app. Small business owners kept telling "
        "support that they could not finish the setup without calling us. I read two hundred "
        "support tickets and listened to twenty calls. I cut the setup form from thirty fields "
        "to eight and let people skip the bank details until the first payroll. Calls to "
        "support about setup fell by half in a month.",
        ("I cut the setup form",),
    ),
    QuoteAnswer(
        "results-team-only",
        "Tell me about a time you delivered results against the odds.",
        "Our team had three months to launch the app in Germany. The team worked through the "
        "translations and the tax rules. Our lawyers found a problem with the privacy notice "
        "late. The team fixed it in a week. We launched on the planned day and got 10,000 "
        "sign-ups in the first month.",
        (),
    ),
    QuoteAnswer(
        "trust-mistake",
        "Tell me about a time you made a mistake and how you handled it with your team.",
        "Last spring I pushed a config change that took down the search page for forty "
        "minutes. My manager was on holiday and the team was in a panic. I rolled the change "
        "back, then I wrote the incident report that evening and named my own mistake in the "
        "first line. I added a check to the deploy pipeline that blocks that kind of change. I "
        "learned to never push config on a Friday without a second reviewer.",
        ("I rolled the change back", "I added a check"),
    ),
    QuoteAnswer(
        "ownership-build-servers",
        "Tell me about a time you took on something that wasn't your responsibility.",
        "Our shared build servers belonged to nobody since the infra team was disbanded. Builds "
        "took forty minutes and the disks filled up every week. Everyone complained in the chat "
        "but nobody did anything. I volunteered to own the build servers and told my manager I "
        "would spend one day a week on them. I cleaned the disks, added caching and set up a "
        "weekly report on build times. Builds went down to twelve minutes.",
        ("I volunteered to own", "I cleaned the disks"),
    ),
    QuoteAnswer(
        "bias-captcha",
        "Tell me about a time you took a calculated risk.",
        "During a launch I noticed the sign-up page was much slower than in testing. The load "
        "test had missed the new captcha service. I turned off the captcha for two hours and "
        "watched the fraud dashboard myself the whole time. Sign-ups recovered within ten "
        "minutes and we saw no rise in fake accounts.",
        ("I turned off the captcha",),
    ),
    QuoteAnswer(
        "curious-mostly-we",
        "Tell me about a time you explored a new technology.",
        "We wanted to know if we could replace our search cluster with a managed service. We "
        "ran a two-week spike and we compared the costs. I read the managed service's "
        "documentation on weekends and built a prototype of our hardest query. The prototype "
        "answered in 80 ms against 300 ms on our cluster, and we moved.",
        ("I read the managed service",),
    ),
    QuoteAnswer(
        "ownership-then-i",
        "Tell me about a time you showed ownership.",
        "In my previous job as team lead our nightly batch failed often. The on-call engineer "
        "usually just restarted it. I decided that this had to stop. I analysed the last fifty "
        "failures. Then I personally wrote a fix for the lock timeout and I reviewed the runbook "
        "with the team. After this the batch failed only one time in three months.",
        ("Then I personally wrote a fix", "I decided that this had to stop"),
    ),
    QuoteAnswer(
        "backbone-bcrypt",
        "Tell me about a time you disagreed with a peer and pushed back.",
        "A senior engineer on my team wanted to store passwords with a fast hash to save CPU. I "
        "was worried about it. I looked up what attackers can crack with GPUs and showed him the "
        "numbers. I pushed back in the design review and refused to approve the change until we "
        "used bcrypt. He agreed, and the change shipped a week later with bcrypt.",
        ("I pushed back in the design review", "I looked up what attackers"),
    ),
    QuoteAnswer(
        "trust-sales-head",
        "Tell me about a time you earned the trust of a skeptical stakeholder.",
        "The head of sales did not trust our delivery dates because we had missed three in a "
        "row. I had to win her back before the next quarter. I listened to her in a one-to-one "
        "for an hour. I started sending her a weekly one-page status with the risks in red, and "
        "I never moved a date without calling her first. Two quarters later she asked my team to "
        "take over the pricing project.",
        ("I started sending her", "I listened to her"),
    ),
    QuoteAnswer(
        "results-spoken-team",
        "Tell me about a time you delivered results in a difficult situation.",
        "So the context was a retail client and the launch was in two weeks. We had a load "
        "problem. Um, the team were working very hard and we fixed most bugs. At the end the "
        "launch was successful and the client was happy, the traffic was 5x the normal day.",
        (),
    ),
)
