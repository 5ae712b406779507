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


# Listed, never imported: token secrets stay on their server, and a coach's review is
# a cache of one model's reply (see coach/portability.py).
EXPORT_ONLY = {"data/api_tokens.json", "data/coach_reviews.json"}


def data_of(archive: bytes) -> dict[str, list]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {
            name: json.loads(zipped.read(name))
            for name in zipped.namelist()
            if name.startswith("data/") and name not in EXPORT_ONLY
        }


def files_of(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {n: zipped.read(n) for n in zipped.namelist() if n.startswith("files/")}


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
        "interview_reports",
        "reported_questions",
        "coach_reviews",
        "recordings",
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
    again = export_of(newcomer)
    assert data_of(again) == data_of(first)
    assert files_of(again) == files_of(first) and len(files_of(first)) == 1


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


def test_the_new_apps_travel_with_their_own_content(busy_alice, alice):
    archive = export_of(alice)
    data = data_of(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        reviews = json.loads(zipped.read("data/coach_reviews.json"))
        reports_md = zipped.read("interview_reports.md").decode()
        manifest = json.loads(zipped.read("manifest.json"))
    attempt_keys = {row["key"] for row in data["data/attempts.json"]}
    assert reviews[0]["attempt"] in attempt_keys and reviews[0]["model"] == "smollm2-135m"
    assert "job" not in reviews[0] and "job" not in data["data/recordings.json"][0]
    [report] = data["data/interview_reports.json"]
    [reported] = data["data/reported_questions.json"]
    assert reported["report"] == report["key"] and reported["text"] == "Tell me about a failure."
    assert "Tell me about a failure." in reports_md and "alice's private notes" in reports_md
    assert "actions" not in str(manifest["data"]) and "moderationaction" not in str(manifest)
    [recording] = data["data/recordings.json"]
    audio = busy_alice["recording"].audio_path.read_bytes()
    assert files_of(archive) == {recording["audio_name"]: audio}
    assert recording["attempt"] in attempt_keys and recording["transcript"].startswith("I led um")


def test_imported_audio_is_stored_privately_and_the_row_points_at_it(busy_alice, alice, settings):
    from loopcoach.web.voice.models import Recording

    archive = export_of(alice)
    carol = make_user("carol")
    import_account(carol, io.BytesIO(archive))
    recording = Recording.objects.get(owner=carol)
    path = recording.audio_path
    assert path.parent == settings.VOICE_DIR / str(carol.pk)
    assert path.read_bytes() == busy_alice["recording"].audio_path.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o600
    assert recording.attempt.user == carol and recording.attempt.answer.endswith("I measured it.")


def test_a_failed_import_leaves_no_audio_behind(busy_alice, alice, settings):
    archive = export_of(alice)
    carol = make_user("carol")
    with pytest.raises(ImportProblem):
        import_account(carol, _with_bad_story(archive, {"title": "a\x00b"}))
    assert not list((settings.VOICE_DIR / str(carol.pk)).glob("*"))


def test_a_recording_naming_a_missing_file_or_a_bad_shape_is_refused(busy_alice, alice):
    archive = export_of(alice)
    recordings = data_of(archive)["data/recordings.json"]
    missing = [{**recordings[0], "audio_name": "files/recordings/x/audio_name.ogg"}]
    with pytest.raises(ImportProblem, match="not in the archive") as caught:
        import_account(make_user("carol"), rezip(archive, {"data/recordings.json": missing}))
    assert caught.value.field == "audio_name" and caught.value.file == "data/recordings.json"
    shaped = [{**recordings[0], "delivery": "fast"}]
    with pytest.raises(ImportProblem, match="delivery"):
        import_account(make_user("dave"), rezip(archive, {"data/recordings.json": shaped}))


def test_an_imported_report_waits_for_this_servers_moderators(busy_alice, alice, amazon_guide):
    from loopcoach.web.reports.models import Report, ReportedQuestion

    archive = export_of(alice)
    data = data_of(archive)
    question = amazon_guide.questions.order_by("id").first()
    ref = f"{amazon_guide.path}/{question.key}"
    published = [{**data["data/interview_reports.json"][0], "status": "published"}]
    merged = [{**data["data/reported_questions.json"][0], "status": "merged", "question": ref}]
    carol = make_user("carol")
    import_account(
        carol,
        rezip(
            archive,
            {"data/interview_reports.json": published, "data/reported_questions.json": merged},
        ),
    )
    report = Report.objects.get(owner=carol)
    assert report.status == Report.Status.PENDING
    reported = ReportedQuestion.objects.get(report=report)
    assert reported.status == ReportedQuestion.Status.PENDING and reported.question is None
    question.refresh_from_db()
    assert question.times_reported == 0
