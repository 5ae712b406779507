"""System-design answers and writing mode: the kind of an attempt, its analysis, its page,
the live checklist's API, a writing sample's review, and bad input that loses nothing."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from loopcoach.analysis.design.rubric import ITEMS
from loopcoach.analysis.validation import MAX_ANSWER_CHARS
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question
from tests.scripted_answers import DESIGN_STORY, DESIGN_STRONG, DESIGN_WEAK, NARRATIVE, STRONG

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
CODE = "\n".join(
    [
        "def shorten(url):",
        "    code = base62(next_id())",
        "    db.put(code, url)",
        "    return code",
        "class Store:",
        "    pass;",
    ]
)


@pytest.fixture
def shortener(amazon_guide):
    return amazon_guide.questions.get(key="amzn-em-design-url-shortener")


@pytest.fixture
def memo(amazon_guide):
    return amazon_guide.questions.get(key="amzn-em-writing-tech-debt-memo")


@pytest.fixture
def six_pager(amazon_guide):
    return amazon_guide.questions.get(key="amzn-em-writing-six-pager")


@pytest.fixture
def client_alice(client, alice):
    client.force_login(alice)
    return client


def test_a_design_question_is_answered_as_a_design(alice, shortener):
    attempt = answering.attempt_create(user=alice, question=shortener, answer=DESIGN_STRONG)
    assert attempt.kind == Attempt.Kind.DESIGN
    assert attempt.analysis["kind"] == "design" and attempt.grade == attempt.analysis["grade"]
    covered = {row["item"] for row in attempt.analysis["rubric"] if row["covered"]}
    assert covered == set(ITEMS)
    assert attempt.analysis["estimate_errors"] == [] and attempt.grade == 4


def test_a_wrong_estimate_is_corrected_and_graded_down(alice, shortener):
    attempt = answering.attempt_create(user=alice, question=shortener, answer=DESIGN_WEAK)
    errors = attempt.analysis["estimate_errors"]
    assert [e["text"] for e in errors] == ["1 million requests per second"]
    assert "11,600" in errors[0]["expected"] and attempt.grade <= 2


def test_a_story_pasted_into_a_design_question_is_said_kindly_and_kept(alice, shortener):
    attempt = answering.attempt_create(user=alice, question=shortener, answer=DESIGN_STORY)
    assert attempt.answer == DESIGN_STORY and attempt.analysis["story_like"] is True
    assert attempt.grade == 1


def test_a_design_question_cannot_be_answered_as_a_story(alice, shortener):
    with pytest.raises(AnswerInputError, match="system design"):
        answering.attempt_create(user=alice, question=shortener, answer=STRONG, kind="story")
    assert not Attempt.objects.exists()


def test_writing_mode_reviews_a_writing_question_as_a_narrative(alice, memo, six_pager):
    assert answering.answer_kinds(memo) == ("narrative", "story")
    assert answering.answer_kinds(six_pager) == ("story", "narrative")
    attempt = answering.attempt_create(user=alice, question=memo, answer=NARRATIVE)
    assert attempt.kind == "narrative" and attempt.analysis["kind"] == "narrative"
    kinds = {issue["kind"] for issue in attempt.analysis["issues"]}
    assert {"weasel", "passive_voice", "undefined_acronym"} <= kinds
    told = answering.attempt_create(user=alice, question=six_pager, answer=STRONG)
    assert told.kind == "story" and "kind" not in told.analysis


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "empty"),
        (CODE, "looks like code"),
        ("A page of prose. " * 12_000, "too long"),
    ],
)
def test_bad_design_input_is_refused_and_nothing_is_saved(alice, shortener, text, message):
    with pytest.raises(AnswerInputError, match=message):
        answering.attempt_create(user=alice, question=shortener, answer=text)
    assert not Attempt.objects.exists()


def test_a_revision_keeps_the_kind_and_a_follow_up_is_a_follow_up(alice, shortener):
    first = answering.attempt_create(user=alice, question=shortener, answer=DESIGN_WEAK)
    again = answering.attempt_create(
        user=alice, question=shortener, answer=DESIGN_STRONG, revision_of=first
    )
    assert again.kind == "design" and again.grade == 4
    follow_up = first.analysis["follow_ups"][0]
    child = answering.attempt_create(
        user=alice,
        question=shortener,
        answer="At 11,600 a second one Redis node and three app servers are enough.",
        parent=first,
        follow_up=follow_up,
    )
    assert child.kind == "follow_up" and child.analysis["kind"] == "follow_up"


def test_the_design_page_has_the_editor_headings_and_checklist(client_alice, shortener):
    html = client_alice.get(f"/practice/questions/{shortener.pk}/").content.decode()
    assert 'data-design-question="amzn-em-design-url-shortener"' in html
    assert 'data-analyze-url="/api/v1/analyze/design"' in html and "design.js" in html
    for heading in ("Requirements", "Estimates", "API", "Data model", "Design", "Scaling"):
        assert f'data-heading="{heading}"' in html
    for item in ("requirements", "estimates", "deep_dive", "operations"):
        assert f'data-item="{item}"' in html
    assert 'name="kind" value="design"' in html
    assert "maxlength" not in html.split('name="answer"')[1].split(">")[0]
    assert "<script>" not in html and "onclick" not in html


def test_submitting_a_design_shows_the_design_panel(client_alice, shortener, alice):
    response = client_alice.post(
        f"/practice/questions/{shortener.pk}/attempts/",
        {"answer": DESIGN_WEAK, "kind": "design"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'data-kind="design"' in html
    assert "Rubric" in html and "What this question calls for" in html
    assert 'class="hl hl-error"' in html and "about 11,600 requests per second" in html
    assert "Follow-up questions" in html
    attempt = Attempt.objects.get(user=alice)
    page = client_alice.get(attempt.get_absolute_url()).content.decode()
    assert 'data-kind="design"' in page and 'data-design-question="' in page  # the revise box


def test_a_story_in_a_design_question_gets_the_kind_banner(client_alice, shortener):
    html = client_alice.post(
        f"/practice/questions/{shortener.pk}/attempts/", {"answer": DESIGN_STORY}, **HTMX
    ).content.decode()
    assert "This reads as a story, not a design." in html


def test_code_in_a_design_box_is_refused_in_place_with_the_text_kept(client_alice, shortener):
    response = client_alice.post(
        f"/practice/questions/{shortener.pk}/attempts/",
        {"answer": CODE, "kind": "design", "form_id": "answer-form"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 422 and "looks like code" in html
    assert escape(CODE.splitlines()[0]) in html and 'data-kind="design"' in html
    assert not Attempt.objects.exists()


def test_a_50_page_document_is_refused_with_the_limit_and_kept(client_alice, memo):
    text = "This is a sentence of a very long document about the plan. " * 8_000
    response = client_alice.post(
        f"/practice/questions/{memo.pk}/attempts/", {"answer": text, "kind": "narrative"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and f"limit {MAX_ANSWER_CHARS:,}" in html
    assert "six pages" in html and text[:200] in html
    assert not Attempt.objects.exists()


def test_the_writing_question_page_switches_modes(client_alice, six_pager):
    told = client_alice.get(f"/practice/questions/{six_pager.pk}/").content.decode()
    assert 'name="kind" value="story"' in told and "?mode=narrative" in told
    written = client_alice.get(
        f"/practice/questions/{six_pager.pk}/?mode=narrative"
    ).content.decode()
    assert 'name="kind" value="narrative"' in written and "Writing mode" in written


def test_a_writing_sample_is_reviewed_without_being_saved(client_alice):
    page = client_alice.get("/practice/writing/").content.decode()
    assert "Review a writing sample" in page and "?mode=narrative" in page
    response = client_alice.post("/practice/writing/review/", {"text": NARRATIVE}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-kind="narrative"' in html
    assert "Readability by section" in html and 'class="hl hl-weasel"' in html
    assert "Not saved" in html and not Attempt.objects.exists()


@pytest.mark.parametrize(("text", "message"), [("", "empty"), (CODE, "looks like code")])
def test_a_bad_writing_sample_says_why(client_alice, text, message):
    response = client_alice.post("/practice/writing/review/", {"text": text}, **HTMX)
    assert response.status_code == 422 and message in response.content.decode()


def test_the_writing_page_needs_a_login(client):
    assert client.get("/practice/writing/").status_code == 302
    assert client.post("/practice/writing/review/", {"text": NARRATIVE}).status_code == 302


def test_kinds_of_other_users_attempts_stay_private(client, alice, bob, shortener):
    attempt = answering.attempt_create(user=alice, question=shortener, answer=DESIGN_WEAK)
    client.force_login(bob)
    assert client.get(attempt.get_absolute_url()).status_code == 404
    assert client.get("/api/v1/attempts").json()["results"] == []


def test_the_kind_is_in_the_attempts_api(client_alice, shortener, memo):
    created = client_alice.post(
        "/api/v1/attempts",
        {"question_id": memo.pk, "answer": NARRATIVE, "kind": "narrative"},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert (
        created.json()["kind"] == "narrative" and created.json()["analysis"]["kind"] == "narrative"
    )
    refused = client_alice.post(
        "/api/v1/attempts",
        {"question_id": shortener.pk, "answer": STRONG, "kind": "narrative"},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "system design" in refused.json()["message"]
    listed = client_alice.get("/api/v1/attempts").json()["results"]
    assert [row["kind"] for row in listed] == ["narrative"]


def test_the_writing_question_categories_exist(amazon_guide):
    categories = set(amazon_guide.questions.values_list("category", flat=True))
    assert {Question.Category.SYSTEM_DESIGN, Question.Category.WRITING} <= categories


def _post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_analyze_design_returns_the_design_json_without_saving(client):
    response = _post(
        client,
        "/api/v1/analyze/design",
        {"answer": DESIGN_WEAK, "question": "amzn-em-design-url-shortener"},
    )
    data = response.json()
    assert response.status_code == 200 and data["kind"] == "design"
    assert data["question_key"] == "amzn-em-design-url-shortener"
    assert [row["item"] for row in data["rubric"]][:2] == ["requirements", "estimates"]
    assert data["estimate_errors"][0]["text"] == "1 million requests per second"
    assert not Attempt.objects.exists()


def test_analyze_narrative_returns_the_review(client):
    response = _post(client, "/api/v1/analyze/narrative", {"text": NARRATIVE})
    data = response.json()
    assert response.status_code == 200 and data["kind"] == "narrative"
    assert data["summary"] and 1 <= data["grade"] <= 4 and data["issues"]


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/api/v1/analyze/design", {"answer": "", "question": "x"}, "empty"),
        ("/api/v1/analyze/design", {"answer": CODE, "question": "x"}, "looks like code"),
        ("/api/v1/analyze/narrative", {"text": "word " * 7_000}, "too long"),
        ("/api/v1/analyze/narrative", {"text": "\x00\x01"}, "NUL character"),
    ],
)
def test_bad_input_to_the_analyze_endpoints_gets_the_error_shape(client, path, body, message):
    response = _post(client, path, body)
    assert response.status_code == 400 and response.json()["error"] == "bad_request"
    assert message in response.json()["message"]


def test_a_design_needs_its_question(client):
    response = _post(client, "/api/v1/analyze/design", {"answer": DESIGN_WEAK})
    assert response.status_code == 400 and "question" in response.json()["message"]


def test_the_three_analyze_endpoints_share_one_rate_limit(client, settings):
    settings.ANALYZE_RATE_PER_MINUTE = 3
    design = {"answer": DESIGN_WEAK, "question": "amzn-em-design-url-shortener"}
    codes = [
        _post(client, "/api/v1/analyze", {"answer": STRONG}).status_code,
        _post(client, "/api/v1/analyze/design", design).status_code,
        _post(client, "/api/v1/analyze/narrative", {"text": NARRATIVE}).status_code,
        _post(client, "/api/v1/analyze/design", design).status_code,
    ]
    assert codes == [200, 200, 200, 429]
    assert _post(client, "/api/v1/analyze/narrative", {"text": NARRATIVE}).json()["error"] == (
        "rate_limited"
    )
