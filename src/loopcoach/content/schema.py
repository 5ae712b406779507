"""The content-pack schema: what a valid pack holds, as dataclasses.

`read_pack(role_folder)` reads `../company.yaml`, `guide.yaml`,
`questions.yaml` and the optional `examples.yaml`, checks everything
docs/content-packs.md promises and returns a `Pack`, or raises `PackError`
carrying every problem found.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from loopcoach.content.checker import Checker, Problem
from loopcoach.content.examples import ExampleSpec, read_examples
from loopcoach.content.located import Located, YamlSyntaxError, load_located

CATEGORIES: dict[str, str] = {
    "behavioral": "Behavioral & Leadership",
    "system-design": "System Design",
    "management": "Situational & Management",
    "execution": "Program Management & Execution",
    "writing": "Writing",
    "coding": "Coding",
}
SOURCES = ("seed", "editorial", "candidate")
MAX_FILE_BYTES = 2_000_000
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
LEVEL_FIGURES = ("base", "stock_per_year", "sign_on", "total")


class PackError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content pack")
        self.problems = problems


@dataclass
class PrincipleSpec:
    slug: str
    name: str
    summary: str
    description: str
    listen_for: list[str]
    pitfalls: list[str]


@dataclass
class CompanySpec:
    slug: str
    name: str
    principles_name: str
    principles: list[PrincipleSpec]


@dataclass
class Item:
    """A titled piece of Markdown: an evaluation area, a tip, an FAQ entry…"""

    slug: str
    title: str
    body: str


@dataclass
class StageSpec:
    slug: str
    name: str
    when: str
    body: str


@dataclass
class RoundSpec:
    slug: str
    name: str
    interviewer: str
    focus: str
    principles: list[str]
    bar_raiser: bool


@dataclass
class DeepDiveSpec:
    slug: str
    area: str
    title: str
    intro: str
    be_ready_for: list[Item]


@dataclass
class LevelPay:
    """A published-figure estimate of one level's yearly pay (never a quote)."""

    level: str
    title: str
    base: int
    stock_per_year: int
    sign_on: int
    total: int
    source: str
    as_of: str


@dataclass
class RelatedSpec:
    company: str
    role: str
    blurb: str


@dataclass
class GuideSpec:
    role_slug: str
    role_name: str
    title: str
    tagline: str
    overview: str
    getting_ready_intro: str
    areas: list[Item]
    process_intro: str
    stages: list[StageSpec]
    loop_intro: str
    round_minutes: list[int]
    rounds: list[RoundSpec]
    deep_dives: list[DeepDiveSpec]
    responsibilities: str
    requirements_intro: str
    requirements: list[Item]
    faq: list[Item]
    tips: list[Item]
    summary: str
    compensation_intro: str
    vesting: list[float]
    compensation_notes: list[Item]
    related: list[RelatedSpec]
    compensation_levels: list[LevelPay] = field(default_factory=list)


@dataclass
class QuestionSpec:
    key: str
    text: str
    category: str
    principles: list[str]
    round: str
    deep_dive: str
    source: str
    guidance: str

    def fingerprint(self) -> str:
        """A hash of the pack entry, so a reload can tell whether it changed."""
        return fingerprint(asdict(self))


@dataclass
class Pack:
    folder: Path
    company: CompanySpec
    guide: GuideSpec
    questions: list[QuestionSpec] = field(default_factory=list)
    examples: list[ExampleSpec] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.company.slug}/{self.guide.role_slug}"

    def guide_fingerprint(self) -> str:
        return fingerprint(asdict(self.guide))


def fingerprint(data: dict) -> str:
    encoded = json.dumps(data, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:32]


def read_pack(folder: Path) -> Pack:
    folder = Path(folder)
    problems: list[Problem] = []
    company_doc = _load(folder.parent / "company.yaml", problems)
    guide_doc = _load(folder / "guide.yaml", problems)
    questions_doc = _load(folder / "questions.yaml", problems)
    if problems:
        raise PackError(problems)
    company = _read_company(Checker(folder.parent / "company.yaml", company_doc, problems))
    principle_slugs = {principle.slug for principle in company.principles}
    guide_check = Checker(folder / "guide.yaml", guide_doc, problems)
    guide = _read_guide(guide_check, principle_slugs)
    if guide.role_slug and guide.role_slug != folder.name:
        problems.append(
            Problem(
                folder / "guide.yaml",
                guide_doc.line(("role", "slug")),
                f"role.slug '{guide.role_slug}' must match the folder name '{folder.name}'",
            )
        )
    _check_related(guide_check, guide, company)
    questions = _read_questions(
        Checker(folder / "questions.yaml", questions_doc, problems), principle_slugs, guide
    )
    examples = _read_examples_file(folder / "examples.yaml", questions, problems)
    if problems:
        raise PackError(problems)
    return Pack(folder=folder, company=company, guide=guide, questions=questions, examples=examples)


def _read_examples_file(
    path: Path, questions: list[QuestionSpec], problems: list[Problem]
) -> list[ExampleSpec]:
    """examples.yaml is optional; when present, each example must answer a known question."""
    if not path.is_file():
        return []
    document = _load(path, problems)
    if document.value is None or not isinstance(document.value, dict):
        return []
    return read_examples(Checker(path, document, problems), {q.key for q in questions})


def _load(path: Path, problems: list[Problem]) -> Located:
    if not path.is_file():
        problems.append(Problem(path, 1, "file is missing"))
        return Located(value=None)
    if path.stat().st_size > MAX_FILE_BYTES:
        problems.append(Problem(path, 1, f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB"))
        return Located(value=None)
    try:
        document = load_located(path)
    except YamlSyntaxError as error:
        problems.append(Problem(path, error.line, error.message))
        return Located(value=None)
    if not isinstance(document.value, dict):
        problems.append(Problem(path, 1, "the file must hold a mapping of fields"))
    return document


# -- company.yaml ---------------------------------------------------------------


def _read_company(check: Checker) -> CompanySpec:
    check.mapping((), {"slug", "name", "principles_name", "principles"})
    spec = CompanySpec(
        slug=check.slug(("slug",)),
        name=check.text(("name",), max_length=120),
        principles_name=check.text(("principles_name",), required=False, max_length=120)
        or "Principles",
        principles=[],
    )
    if spec.slug and spec.slug != check.file.parent.name:
        check.problem(
            ("slug",), f"'{spec.slug}' must match the folder name '{check.file.parent.name}'"
        )
    seen: set[str] = set()
    for index, _ in enumerate(check.items(("principles",), min_items=1)):
        principle = _read_principle(check, ("principles", index))
        if principle.slug in seen:
            check.problem(
                ("principles", index, "slug"), f"duplicate principle slug '{principle.slug}'"
            )
        seen.add(principle.slug)
        spec.principles.append(principle)
    return spec


def _read_principle(check: Checker, path: tuple) -> PrincipleSpec:
    check.mapping(path, {"slug", "name", "summary", "description", "listen_for", "pitfalls"})
    return PrincipleSpec(
        slug=check.slug((*path, "slug")),
        name=check.text((*path, "name"), max_length=120),
        summary=check.text((*path, "summary"), max_length=500),
        description=check.text((*path, "description")),
        listen_for=check.text_list((*path, "listen_for")),
        pitfalls=check.text_list((*path, "pitfalls")),
    )


# -- guide.yaml -----------------------------------------------------------------

GUIDE_FIELDS = {
    "role",
    "title",
    "tagline",
    "overview",
    "getting_ready",
    "process",
    "deep_dives",
    "responsibilities",
    "requirements",
    "faq",
    "tips",
    "summary",
    "compensation",
    "related",
}


def _read_guide(check: Checker, principle_slugs: set[str]) -> GuideSpec:
    check.mapping((), GUIDE_FIELDS)
    check.mapping(("role",), {"slug", "name"})
    check.mapping(("getting_ready",), {"intro", "areas"})
    check.mapping(("process",), {"intro", "stages", "loop"})
    check.mapping(("process", "loop"), {"intro", "minutes", "rounds"})
    check.mapping(("requirements",), {"intro", "items"})
    check.mapping(("compensation",), {"intro", "vesting", "notes", "levels"})
    areas = _read_items(check, ("getting_ready", "areas"), slug_key="slug", title_key="name")
    area_slugs = {area.slug for area in areas}
    guide = GuideSpec(
        role_slug=check.slug(("role", "slug")),
        role_name=check.text(("role", "name"), max_length=120),
        title=check.text(("title",), max_length=200),
        tagline=check.text(("tagline",), max_length=300),
        overview=check.text(("overview",)),
        getting_ready_intro=check.text(("getting_ready", "intro")),
        areas=areas,
        process_intro=check.text(("process", "intro")),
        stages=_read_stages(check),
        loop_intro=check.text(("process", "loop", "intro")),
        round_minutes=_read_minutes(check),
        rounds=_read_rounds(check, principle_slugs),
        deep_dives=_read_deep_dives(check, area_slugs),
        responsibilities=check.text(("responsibilities",)),
        requirements_intro=check.text(("requirements", "intro"), required=False),
        requirements=_read_items(check, ("requirements", "items")),
        faq=_read_items(check, ("faq",), title_key="question", body_key="answer"),
        tips=_read_items(check, ("tips",), slug_key="slug"),
        summary=check.text(("summary",)),
        compensation_intro=check.text(("compensation", "intro")),
        vesting=_read_vesting(check),
        compensation_notes=_read_items(check, ("compensation", "notes"), required=False),
        related=_read_related(check),
        compensation_levels=_read_levels(check),
    )
    return guide


def _read_items(
    check: Checker,
    path: tuple,
    *,
    slug_key: str | None = None,
    title_key: str = "title",
    body_key: str = "body",
    required: bool = True,
) -> list[Item]:
    allowed = {title_key, body_key} | ({slug_key} if slug_key else set())
    items, seen = [], set()
    for index, _ in enumerate(check.items(path, required=required, min_items=1 if required else 0)):
        item_path = (*path, index)
        check.mapping(item_path, allowed)
        title = check.text((*item_path, title_key), max_length=300)
        slug = check.slug((*item_path, slug_key)) if slug_key else f"{index + 1}"
        if slug_key and slug in seen:
            check.problem((*item_path, slug_key), f"duplicate slug '{slug}'")
        seen.add(slug)
        items.append(Item(slug=slug, title=title, body=check.text((*item_path, body_key))))
    return items


def _read_stages(check: Checker) -> list[StageSpec]:
    stages = []
    for index, _ in enumerate(check.items(("process", "stages"), min_items=1)):
        path = ("process", "stages", index)
        check.mapping(path, {"slug", "name", "when", "body"})
        stages.append(
            StageSpec(
                slug=check.slug((*path, "slug")),
                name=check.text((*path, "name"), max_length=120),
                when=check.text((*path, "when"), required=False, max_length=60),
                body=check.text((*path, "body")),
            )
        )
    return stages


def _read_minutes(check: Checker) -> list[int]:
    minutes = [int(value) for value in check.number_list(("process", "loop", "minutes"))]
    if minutes and (len(minutes) != 2 or minutes[0] > minutes[1] or minutes[0] < 5):
        check.problem(
            ("process", "loop", "minutes"), "must be [shortest, longest] round length in minutes"
        )
    return minutes


def _read_rounds(check: Checker, principle_slugs: set[str]) -> list[RoundSpec]:
    rounds, seen = [], set()
    path = ("process", "loop", "rounds")
    for index, _ in enumerate(check.items(path, min_items=1)):
        round_path = (*path, index)
        check.mapping(
            round_path, {"slug", "name", "interviewer", "focus", "principles", "bar_raiser"}
        )
        spec = RoundSpec(
            slug=check.slug((*round_path, "slug")),
            name=check.text((*round_path, "name"), max_length=120),
            interviewer=check.text((*round_path, "interviewer"), max_length=200),
            focus=check.text((*round_path, "focus")),
            principles=check.slug_list((*round_path, "principles")),
            bar_raiser=check.boolean((*round_path, "bar_raiser")),
        )
        if spec.slug in seen:
            check.problem((*round_path, "slug"), f"duplicate round slug '{spec.slug}'")
        seen.add(spec.slug)
        for position, slug in enumerate(spec.principles):
            if slug not in principle_slugs:
                check.problem((*round_path, "principles", position), f"unknown principle '{slug}'")
        rounds.append(spec)
    if rounds and sum(spec.bar_raiser for spec in rounds) != 1:
        check.problem(path, "exactly one round must have bar_raiser: true")
    return rounds


def _read_deep_dives(check: Checker, area_slugs: set[str]) -> list[DeepDiveSpec]:
    dives, seen = [], set()
    for index, _ in enumerate(check.items(("deep_dives",), min_items=1)):
        path = ("deep_dives", index)
        check.mapping(path, {"slug", "area", "title", "intro", "be_ready_for"})
        dive = DeepDiveSpec(
            slug=check.slug((*path, "slug")),
            area=check.slug((*path, "area")),
            title=check.text((*path, "title"), max_length=200),
            intro=check.text((*path, "intro")),
            be_ready_for=_read_items(check, (*path, "be_ready_for")),
        )
        if dive.area and dive.area not in area_slugs:
            check.problem(
                (*path, "area"), f"unknown evaluation area '{dive.area}' (see getting_ready.areas)"
            )
        if dive.slug in seen:
            check.problem((*path, "slug"), f"duplicate deep dive slug '{dive.slug}'")
        seen.add(dive.slug)
        dives.append(dive)
    return dives


def _read_vesting(check: Checker) -> list[float]:
    vesting = check.number_list(("compensation", "vesting"))
    if vesting and abs(sum(vesting) - 100) > 1e-6:
        check.problem(
            ("compensation", "vesting"), f"must add up to 100 (adds up to {sum(vesting):g})"
        )
    return vesting


def _read_levels(check: Checker) -> list[LevelPay]:
    levels, seen = [], set()
    for index, _ in enumerate(check.items(("compensation", "levels"), required=False)):
        path = ("compensation", "levels", index)
        check.mapping(path, {"level", "title", *LEVEL_FIGURES, "source", "as_of"})
        figures = {name: _dollars(check, (*path, name)) for name in LEVEL_FIGURES}
        level = LevelPay(
            level=check.text((*path, "level"), max_length=20),
            title=check.text((*path, "title"), required=False, max_length=120),
            source=check.text((*path, "source"), max_length=500),
            as_of=check.text((*path, "as_of"), max_length=7),
            **figures,
        )
        if level.as_of and not MONTH_RE.match(level.as_of):
            check.problem((*path, "as_of"), f"'{level.as_of}' is not a month (YYYY-MM)")
        parts = level.base + level.stock_per_year + level.sign_on
        if level.total and parts != level.total:
            check.problem(
                (*path, "total"),
                f"must equal base + stock_per_year + sign_on ({parts:,}), is {level.total:,}",
            )
        if level.level in seen:
            check.problem((*path, "level"), f"duplicate level '{level.level}'")
        seen.add(level.level)
        levels.append(level)
    return levels


def _dollars(check: Checker, path: tuple) -> int:
    value = check.get(path)
    if value is None:
        check.problem(path, "is missing")
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        check.problem(path, "must be a whole, non-negative amount")
        return 0
    return value


def _read_related(check: Checker) -> list[RelatedSpec]:
    related = []
    for index, _ in enumerate(check.items(("related",), required=False)):
        path = ("related", index)
        check.mapping(path, {"company", "role", "blurb"})
        related.append(
            RelatedSpec(
                company=check.text((*path, "company"), max_length=120),
                role=check.text((*path, "role"), max_length=120),
                blurb=check.text((*path, "blurb"), max_length=500),
            )
        )
    return related


def _check_related(check: Checker, guide: GuideSpec, company: CompanySpec) -> None:
    """A related guide must be a pack that exists beside this one (same packs folder)."""
    if not guide.related:
        return
    packs_root = check.file.parent.parent.parent
    this = (company.name.lower(), guide.role_name.lower())
    known = _guides_under(packs_root)
    for index, related in enumerate(guide.related):
        wanted = (related.company.lower(), related.role.lower())
        if wanted == this:
            check.problem(("related", index), "a guide cannot list itself as related")
        elif wanted not in known:
            check.problem(
                ("related", index),
                f"no '{related.company} × {related.role}' guide in {packs_root}",
            )


def _guides_under(root: Path) -> set[tuple[str, str]]:
    """(company name, role name) of every readable pack under ROOT, lowercased."""
    guides = set()
    for guide_file in sorted(root.glob("*/*/guide.yaml")):
        try:
            company = _names_only(guide_file.parent.parent / "company.yaml")
            guide = _names_only(guide_file)
            company_name, role_name = company["name"], guide["role"]["name"]
        except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
            continue  # that pack's own validation reports what is wrong with it
        if isinstance(company_name, str) and isinstance(role_name, str):
            guides.add((company_name.strip().lower(), role_name.strip().lower()))
    return guides


def _names_only(path: Path) -> dict:
    # A plain (C, when available) parse: line numbers are not needed to read two names.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


# -- questions.yaml -------------------------------------------------------------


def _read_questions(
    check: Checker, principle_slugs: set[str], guide: GuideSpec
) -> list[QuestionSpec]:
    check.mapping((), {"questions"})
    round_slugs = {spec.slug for spec in guide.rounds}
    dive_slugs = {dive.slug for dive in guide.deep_dives}
    questions, seen_keys, seen_texts = [], set(), set()
    for index, _ in enumerate(check.items(("questions",), min_items=1)):
        path = ("questions", index)
        check.mapping(
            path,
            {"key", "text", "category", "principles", "round", "deep_dive", "source", "guidance"},
        )
        spec = QuestionSpec(
            key=check.slug((*path, "key")),
            text=check.text((*path, "text"), max_length=1000),
            category=check.choice((*path, "category"), tuple(CATEGORIES)),
            principles=check.slug_list((*path, "principles"), required=False),
            round=check.slug((*path, "round"), required=False),
            deep_dive=check.slug((*path, "deep_dive"), required=False),
            source=check.choice((*path, "source"), SOURCES),
            guidance=check.text((*path, "guidance"), required=False, max_length=4000),
        )
        _check_question_refs(check, path, spec, principle_slugs, round_slugs, dive_slugs)
        if spec.key in seen_keys:
            check.problem((*path, "key"), f"duplicate question key '{spec.key}'")
        if spec.text.lower() in seen_texts:
            check.problem((*path, "text"), "the same question text appears twice")
        seen_keys.add(spec.key)
        seen_texts.add(spec.text.lower())
        questions.append(spec)
    return questions


def _check_question_refs(
    check: Checker,
    path: tuple,
    spec: QuestionSpec,
    principle_slugs: set[str],
    round_slugs: set[str],
    dive_slugs: set[str],
) -> None:
    for position, slug in enumerate(spec.principles):
        if slug not in principle_slugs:
            check.problem((*path, "principles", position), f"unknown principle '{slug}'")
    if spec.round and spec.round not in round_slugs:
        check.problem((*path, "round"), f"unknown loop round '{spec.round}'")
    if spec.deep_dive and spec.deep_dive not in dive_slugs:
        check.problem((*path, "deep_dive"), f"unknown deep dive '{spec.deep_dive}'")
