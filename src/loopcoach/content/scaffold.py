"""`loopcoach content new COMPANY ROLE`: a new pack with placeholders that already validates.

Editors start from a pack that passes `loopcoach content validate`, so every
problem they see afterwards is one they introduced, and every placeholder is
marked `TODO` so that none is shipped by mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loopcoach.content.checker import SLUG_RE
from loopcoach.content.located import YamlSyntaxError, load_located
from loopcoach.content.schema import PackError, read_pack

COMPANY_TEMPLATE = """\
slug: {company}
name: {company_name}
principles_name: Principles
principles:
  - slug: {principle}
    name: TODO Principle name
    summary: TODO One sentence, in your own words.
    description: |
      TODO Two or three short paragraphs: what the principle means for this role.
    listen_for:
      - TODO What interviewers listen for.
    pitfalls:
      - TODO A common pitfall.
"""

GUIDE_TEMPLATE = """\
role:
  slug: {role}
  name: {role_name}
title: {title}
tagline: TODO One sentence for the guide's card on the home page.
overview: |
  TODO What the role is.
getting_ready:
  intro: |
    TODO How to get ready.
  areas:
    - slug: principles
      name: TODO Evaluation area
      body: |
        TODO What this area covers.
process:
  intro: |
    TODO The process as a whole.
  stages:
    - slug: recruiter-screen
      name: Recruiter screen
      when: Week 1
      body: |
        TODO What happens in this stage.
  loop:
    intro: |
      TODO The interview loop.
    minutes: [45, 60]
    rounds:
      - slug: bar-raiser
        name: TODO Round name
        interviewer: TODO Who runs the round
        focus: |
          TODO What the round looks for.
        principles: [{principle}]
        bar_raiser: true
deep_dives:
  - slug: principles
    area: principles
    title: TODO Deep dive title
    intro: |
      TODO What this deep dive covers.
    be_ready_for:
      - title: TODO Topic
        body: TODO What to be ready to go over.
responsibilities: |
  TODO Key responsibilities.
requirements:
  intro: |
    TODO What candidates usually need.
  items:
    - title: TODO Requirement
      body: |
        TODO Details.
faq:
  - question: TODO A question candidates ask?
    answer: |
      TODO The answer.
tips:
  - slug: star
    title: TODO Tip title
    body: |
      TODO The tip.
summary: |
  TODO Summary.
compensation:
  intro: |
    TODO How pay is put together. Figures are estimates, never quotes.
  vesting: [25, 25, 25, 25]
related: []
"""

QUESTIONS_TEMPLATE = """\
questions:
  - key: {company}-{role}-todo-first-question
    text: "TODO Tell me about a time you ..."
    category: behavioral
    principles: [{principle}]
    round: bar-raiser
    deep_dive: principles
    source: editorial
    guidance: |
      TODO What a strong answer covers.
"""


class ScaffoldError(Exception):
    """Why a pack cannot be created; the message is one line for the terminal."""


def scaffold_pack(
    packs: Path, company: str, role: str, *, company_name: str = "", role_name: str = ""
) -> list[Path]:
    """Write a new role pack under PACKS (and its company.yaml if missing); the files written."""
    for label, slug in (("company", company), ("role", role)):
        if not SLUG_RE.match(slug):
            raise ScaffoldError(f"{label} '{slug}' is not a slug (lowercase words and hyphens)")
    company_dir, role_dir = packs / company, packs / company / role
    if role_dir.exists():
        raise ScaffoldError(f"{role_dir} already exists")
    names = {
        "company": company,
        "role": role,
        "company_name": company_name or _title(company),
        "role_name": role_name or _title(role),
        "principle": "todo-principle",
    }
    written = []
    company_file = company_dir / "company.yaml"
    if company_file.is_file():
        names["company_name"], names["principle"] = _existing_company(company_file)
    else:
        company_dir.mkdir(parents=True, exist_ok=True)
        company_file.write_text(
            COMPANY_TEMPLATE.format(
                company=company,
                company_name=json.dumps(names["company_name"]),
                principle=names["principle"],
            ),
            encoding="utf-8",
        )
        written.append(company_file)
    role_dir.mkdir()
    names["title"] = f"{names['company_name']} {names['role_name']} interview guide"
    # Display names are written as JSON strings, which YAML reads unchanged whatever they hold.
    quoted = {
        key: json.dumps(value) if key.endswith(("name", "title")) else value
        for key, value in names.items()
    }
    for name, template in (("guide.yaml", GUIDE_TEMPLATE), ("questions.yaml", QUESTIONS_TEMPLATE)):
        (role_dir / name).write_text(template.format(**quoted), encoding="utf-8")
        written.append(role_dir / name)
    return written


def _title(slug: str) -> str:
    return " ".join(word.capitalize() for word in slug.split("-"))


def _existing_company(path: Path) -> tuple[str, str]:
    """The existing company's name and first principle, so the new guide points at real ones."""
    try:
        document = load_located(path).value
        return str(document["name"]), str(document["principles"][0]["slug"])
    except (YamlSyntaxError, KeyError, IndexError, TypeError) as error:
        raise ScaffoldError(f"{path}: cannot read the existing company ({error})") from None


def run_new(args: argparse.Namespace) -> int:
    try:
        written = scaffold_pack(
            args.packs,
            args.company,
            args.role,
            company_name=args.company_name,
            role_name=args.role_name,
        )
    except ScaffoldError as error:
        print(f"loopcoach content new: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"created {path}")
    try:
        read_pack(args.packs / args.company / args.role)
    except PackError as error:
        # Only an existing company.yaml that is itself invalid gets here.
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    print("The pack validates. Replace every TODO, then run `loopcoach content validate`.")
    return 0


def register_new(actions: argparse._SubParsersAction, default_packs: Path) -> None:
    new = actions.add_parser("new", help="scaffold a new company × role pack that validates")
    new.add_argument("company", help="the company's slug, e.g. lyft")
    new.add_argument("role", help="the role's slug, e.g. qa-engineer")
    new.add_argument("--company-name", default="", help="display name (default: from the slug)")
    new.add_argument("--role-name", default="", help="display name (default: from the slug)")
    new.add_argument(
        "--packs",
        type=Path,
        default=default_packs,
        help="the folder of packs to write into (default: the built-in packs)",
    )
    new.set_defaults(func=run_new)
