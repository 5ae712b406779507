"""Export everything, import it elsewhere: the same content, no duplicate, all or nothing."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User

from loopcoach.web.loops.models import MockLoop
from loopcoach.web.portability.deletion import account_delete
from loopcoach.web.portability.exporting import export_account
from loopcoach.web.portability.importing import ImportProblem, import_account
from loopcoach.web.practice.models import Attempt, Draft
from loopcoach.web.stories.models import Story
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def export_of(user) -> bytes:
    out = io.BytesIO()
    export_account(user, out)
    return out.getvalue()


def data_of(archive: bytes) -> dict[str, list]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {
            name: json.loads(zipped.read(name))
            for name in zipped.namelist()
            if name.startswith("data/") and name != "data/api_tokens.json"
        }


def rezip(archive: bytes, changes: dict[str, object]) -> io.BytesIO:
    """The archive with some members replaced (JSON-encoded unless bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name not in changes:
                target.writestr(name, source.read(name))
        for name, value in changes.items():
            target.writestr(name, value if isinstance(value, bytes) else json.dumps(value))
    out.seek(0)
    return out


def test_it_exports_every_kind_for_machines_and_people(busy_alice, alice):
    archive = export_of(alice)
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        names = set(zipped.namelist())
        manifest = json.loads(zipped.read("manifest.json"))
        stories_md = zipped.read("stories.md").decode()
        tokens = json.loads(zipped.read("data/api_tokens.json"))
    for kind in (
        "attempts",
        "review_cards",
        "drafts",
        "stories",
        "mock_loops",
        "loop_rounds",
        "loop_questions",
        "plans",
        "saved_offers",
        "market_data_points",
        "api_tokens",
    ):
        assert f"data/{kind}.json" in names and f"{kind}.md" in names
        assert manifest["data"][kind]["rows"] > 0, kind
    assert "README.md" in names and "The payments outage" in stories_md
    assert tokens == [
        {
            "key": tokens[0]["key"],
            "name": "laptop",
            "created_at": tokens[0]["created_at"],
            "last_used_at": None,
        }
    ]


def test_the_export_holds_no_token_secret_and_nothing_of_bob(busy_alice, alice, amazon_guide):
    from tests.web.portability.conftest import fill_account

    bob = make_user("bob")
    fill_account(bob, amazon_guide)
    Story.objects.filter(user=bob).update(title="Bob's secret story")
    raw = export_of(alice)
    with zipfile.ZipFile(io.BytesIO(raw)) as zipped:
        text = b"".join(zipped.read(name) for name in zipped.namelist()).decode()
    digest = alice.api_tokens.get().digest
    assert digest not in text and alice.api_tokens.get().hint not in text
    assert "Bob's secret story" not in text
    assert len(data_of(raw)["data/attempts.json"]) == Attempt.objects.filter(user=alice).count()


def test_a_round_trip_gives_the_same_content(busy_alice, alice):
    first = export_of(alice)
    account_delete(user=alice, password="alice-Passw0rd!")  # a fresh instance has none of it
    newcomer = make_user("alice")
    imported = import_account(newcomer, io.BytesIO(first))
    assert imported.created["attempts"] == 4 and sum(imported.skipped.values()) == 0
    assert data_of(export_of(newcomer)) == data_of(first)


def test_the_revision_and_follow_up_links_survive(busy_alice, alice):
    archive = export_of(alice)
    carol = make_user("carol")
    import_account(carol, io.BytesIO(archive))
    follow_up = Attempt.objects.get(user=carol, parent__isnull=False)
    revision = Attempt.objects.get(user=carol, revision_of__isnull=False)
    assert follow_up.parent.user == carol and revision.revision_of.user == carol
    draft = Draft.objects.get(user=carol)
    assert draft.slot == Draft.revise_slot(revision.pk)
    loop = MockLoop.objects.get(user=carol)
    assert Attempt.objects.filter(user=carol, loop_question__session__loop=loop).count() == 1


def test_importing_twice_adds_nothing(busy_alice, alice):
    archive = export_of(alice)
    carol = make_user("carol")
    import_account(carol, io.BytesIO(archive))
    again = import_account(carol, io.BytesIO(archive))
    assert again.total_created == 0 and again.skipped["attempts"] == 4
    assert Attempt.objects.filter(user=carol).count() == 4


def test_importing_into_the_account_it_came_from_adds_nothing(busy_alice, alice):
    again = import_account(alice, io.BytesIO(export_of(alice)))
    assert again.total_created == 0
    assert Attempt.objects.filter(user=alice).count() == 4


def _with_bad_story(archive: bytes, bad: dict) -> io.BytesIO:
    stories = data_of(archive)["data/stories.json"]
    stories.append({**stories[0], "key": "new-story", **bad})
    return rezip(archive, {"data/stories.json": stories})


@pytest.mark.parametrize(
    ("bad", "field", "problem"),
    [
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"title": "a\x00b"}, "title", "NUL"),
        ({"title": "\ud800"}, "title", "surrogate"),
        ({"title": 12}, "title", "wrong type"),
        ({"principles": ["amazon/no-such-principle"]}, "principles", "not on this server"),
        ({"user": 1}, "user", "not a field"),
        ({"created_at": "yesterday"}, "created_at", "format"),
        ({"analysis": "not a report"}, "", "analyzer's report"),
        ({"analysis": {"grade": 9}}, "", "1 to 4"),
    ],
)
def test_a_partly_invalid_import_imports_nothing_and_says_where(
    busy_alice, alice, bad, field, problem
):
    carol = make_user("carol")
    with pytest.raises(ImportProblem) as caught:
        import_account(carol, _with_bad_story(export_of(alice), bad))
    assert caught.value.file == "data/stories.json" and caught.value.item == 2
    assert caught.value.field == field and problem in str(caught.value)
    assert not Attempt.objects.filter(user=carol).exists()  # imported before stories: undone
    assert not Story.objects.filter(user=carol).exists()


def test_a_row_cannot_point_at_someone_elses_row(busy_alice, alice, amazon_guide):
    from tests.web.portability.conftest import fill_account

    bob = make_user("bob")
    fill_account(bob, amazon_guide)
    bobs_round = data_of(export_of(bob))["data/loop_questions.json"][0]["key"]
    archive = export_of(alice)
    attempts = data_of(archive)["data/attempts.json"]
    attempts[0]["loop_question"] = bobs_round
    with pytest.raises(ImportProblem, match="not in the export") as caught:
        import_account(make_user("carol"), rezip(archive, {"data/attempts.json": attempts}))
    assert caught.value.field == "loop_question"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"", "not a ZIP"),
        (b"\x00" * 1000, "not a ZIP"),
        (b"PK\x03\x04garbage", "not a ZIP"),
    ],
)
def test_what_is_not_an_export_is_refused(alice, upload, message):
    with pytest.raises(ImportProblem, match=message):
        import_account(alice, io.BytesIO(upload))


def test_a_broken_manifest_or_json_file_is_named(busy_alice, alice):
    archive = export_of(alice)
    with pytest.raises(ImportProblem, match="manifest.json"):
        import_account(alice, rezip(archive, {"manifest.json": {"format": "other"}}))
    with pytest.raises(ImportProblem, match="data/plans.json: is not valid JSON"):
        import_account(alice, rezip(archive, {"data/plans.json": b"[" * 200_000}))
    with pytest.raises(ImportProblem, match="data/plans.json: must hold a list"):
        import_account(alice, rezip(archive, {"data/plans.json": {"a": 1}}))


def test_the_account_users_are_unchanged_by_a_failed_import(busy_alice, alice):
    before = User.objects.count()
    with pytest.raises(ImportProblem):
        import_account(alice, io.BytesIO(b"nope"))
    assert User.objects.count() == before
