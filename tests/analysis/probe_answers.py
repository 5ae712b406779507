"""Answers written for the probe fixes of round 5 (probes8): clean successes, mixed outcomes,
risks and trade-offs, sponsors who backed the speaker, deeds that need their complement."""

# fmt: off

ANSWERS = [
    ("m01", "Tell me about a time you delivered results for a customer.",
     "I was the account lead at a freight forwarder for a furniture importer. Their containers "
     "kept missing the weekly rail slot out of Rotterdam, which cost them about four days a "
     "shipment. I looked at the booking history and asked our rail desk for the slot cut-off "
     "times. I moved their bookings to the Tuesday cut-off and set up a standing reservation "
     "with the rail operator for two slots a week. Since March every container has made its "
     "slot, and the client renewed for two years."),
    ("m02", "Tell me about a time you had to disagree with a senior leader.",
     "At a regional bank I ran the fraud analytics team. The head of retail wanted to switch "
     "off the card velocity rule before Black Friday because it was declining good customers. "
     "I disagreed and sent him an analysis of last year's fraud losses by hour. He took it to "
     "the COO. The COO supported me, and the head of retail agreed to a raised threshold "
     "instead of switching it off. Fraud losses over the weekend were 40 percent lower than "
     "the year before, with declines flat."),
    ("m03", "Tell me about a time you took a calculated risk.",
     "We were a six-person startup selling scheduling software to dental clinics. A large "
     "chain offered us a pilot, but only if we supported their old on-premise database, which "
     "none of us knew. I took the risk and committed to it without a full estimate. I spent "
     "two weeks building an adapter and tested it against a copy of their data. The pilot went "
     "live on time, and they signed for 40 clinics."),
    ("m04", "Tell me about a time you had to make a trade-off between quality and speed.",
     "- context: mobile banking app, I was the release manager\n"
     "- the regulator moved the strong-authentication deadline up by a month\n"
     "- I cut the biometric login and the new onboarding screens from the release\n"
     "- we accepted a two-week delay on the marketing campaign\n"
     "- shipped the compliant version three days before the deadline, no findings in the audit"),
    ("m05", "Tell me about a time a project did not go as planned.",
     "so I was leading the migration of our warehouse management system, um, for a grocery "
     "distributor, and we went live on a Monday and the pick lists were coming out in the wrong "
     "sequence, pickers were walking back and forth, and we missed about a third of the store "
     "deliveries on the first day. I pulled the team into the warehouse office, we found the "
     "slotting table had not been migrated, I rebuilt it overnight with the floor supervisor, "
     "and by Wednesday we were at 97 percent on time, but we paid penalties to two store chains."),
    ("m06", "Tell me about a time you influenced someone without authority.",
     "I am a process engineer in a brewery. The packaging manager did not want to change the "
     "filler settings because his line was already running at target. I put my proposal on a "
     "single page with the foam loss figures from three weeks of sampling, and I walked him "
     "through it at the line. He agreed to a one-shift trial. The trial cut beer loss by 1.8 "
     "percent and he rolled the setting out to both lines."),
    ("m07", "Describe a time you simplified a process.",
     "In our hospital pharmacy, discharge prescriptions needed three signatures and took about "
     "five hours. I mapped every step with the ward nurses and found that two signatures "
     "checked the same thing. I redesigned the form so the pharmacist signs once after a "
     "checklist, and I presented it to the medication safety committee, who approved it. "
     "Discharge prescriptions now take under two hours."),
    ("m08", "Tell me about a time you earned the trust of a new team.",
     "When I join the logistics team as the new manager, the drivers do not trust me, because "
     "the last manager changed the routes every week. I ride along with each driver for one "
     "day. I take their suggestions to the planning meeting and I change two routes the way "
     "they propose. After a month the drivers bring me problems before they become complaints, "
     "and overtime drops by 15 percent."),
    ("m09", "Tell me about a time you handled a difficult stakeholder.",
     "I was a product manager for an HR platform. Our biggest client's HR director was angry "
     "that payroll exports kept failing, and she threatened to leave at renewal. I flew to "
     "their office, sat with her payroll team for a day and listed every failure. I handed the "
     "list to our engineering lead with a priority order, and we fixed the top five in three "
     "weeks. She renewed, but only for one year instead of three."),
    ("m10", "Tell me about a time you went above and beyond.",
     "Our online shop had a bug where gift cards were charged twice. It was a Saturday and I was "
     "not on call. I checked the payment logs, confirmed 212 customers were affected, and "
     "refunded them myself from the admin console. I then wrote to each customer with an "
     "apology and a discount code. On Monday the developers fixed the bug, and we got no "
     "chargebacks."),
    ("m11", "Tell me about a time you had to make a decision without all the data.",
     "I run a small bakery chain with five shops. A flour supplier went bankrupt in the middle "
     "of December. I did not know if the new supplier's flour would work in our sourdough. I "
     "decided to switch anyway, because we had only four days of stock. I baked test loaves "
     "with our head baker over two nights and adjusted the hydration. We did not miss a "
     "single day of bread, though two of our regular customers said the crust was different."),
    ("m12", "Tell me about a time you disagreed with your manager.",
     "My manager, Sandra, wanted to outsource our level-one support to cut costs. I thought it "
     "would hurt our satisfaction scores. She was worried about the budget, so I built a cost "
     "model showing that better self-service would save more. She agreed to try self-service "
     "first for one quarter. Ticket volume fell by 22 percent and we kept support in-house."),
    ("m13", "Tell me about your proudest achievement.",
     "At a solar installer, I set up our first training programme for new installers. Before, "
     "new people learned on the roof from whoever was there. I wrote a two-week curriculum "
     "with our two best crew leads, built a practice roof in the yard, and sent every new hire "
     "through it before their first job. Callbacks for installation defects fell from 9 to 3 "
     "percent in the first year."),
    ("m14", "Tell me about a time you failed.",
     "I was the lead on a data pipeline for a marketing team. I changed a join to speed up a "
     "report and did not check the row counts. For two weeks the dashboard showed 30 percent "
     "fewer conversions and the team paused a campaign that was working. When I found it I "
     "told my manager and the marketing lead straight away and reran the history."),
    ("m15", "Tell me about a time you delivered a project with limited resources.",
     "Our team of three had to build the new booking flow for a ferry company, which had been "
     "planned for six people. We dropped the loyalty features from the first release and reused "
     "the payment screens from the old app. I took the seat map myself, because it was the "
     "riskiest part. We launched in May, two weeks late, and online bookings went up from 35 "
     "to 52 percent of the total."),
    ("m16", "Tell me about a time you had to give difficult feedback.",
     "One of my nurses, Tom, was often late with his handover notes, and the night shift "
     "complained. I met him privately and showed him three handovers with the times. He was "
     "defensive at first. We agreed he would finish notes 20 minutes before the end of his "
     "shift, and I checked in every Friday. After six weeks his notes were on time, although "
     "he still found the evening shift harder."),
    ("m17", "Tell me about a time you improved a metric.",
     "At a telecom call centre, our first-call resolution was 61 percent. I listened to 200 "
     "recorded calls and saw that most repeat calls were about the same billing confusion. I "
     "rewrote the billing explanation script with the billing team and trained the 40 agents "
     "in two sessions. First-call resolution went up to 74 percent in two months."),
    ("m18", "Tell me about a time you took ownership of a problem.",
     "Our factory's compressed air system was leaking, and maintenance and production each "
     "said it was the other's job. I asked the maintenance planner for the leak survey from last "
     "year. I organised a Saturday leak hunt with volunteers from both teams, tagged 63 leaks, "
     "and gave the list to maintenance with a fix schedule. The compressors now run 20 percent "
     "less, which saves about 40,000 euros a year."),
    ("m19", "Give me an example of a time you had to act quickly.",
     "I am a site reliability engineer. One night our login service started timing out, and "
     "the on-call developer was not answering. I looked at the dashboards, saw the database "
     "connections maxed out, and rolled back the deploy from that afternoon without waiting for "
     "approval. Logins recovered in six minutes. The next morning I explained it to my manager, "
     "who backed the call."),
    ("m20", "Tell me about a time you had to persuade your team to change direction.",
     "we had build our mobile app in React Native but the camera features was very slow. "
     "I propose to the team to rewrite only the camera module in native code. Our tech lead, "
     "Marco, he was against because he think we will have two codebases. I make a prototype in "
     "one week and show the team the frame rate, 12 against 30. Marco agree to try for one "
     "sprint. The app store rating go from 3.4 to 4.2 after release."),
]
