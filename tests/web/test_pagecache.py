"""Cached public pages: served from the cache, fresh at once after an edit, 304 when unchanged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from loopcoach.web.core.pagecache import content_version
from loopcoach.web.guides.models import GuideItem
from loopcoach.web.questions.models import Question
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def public_urls(guide) -> list[str]:
    principle = guide.company.principles.first()
    question = guide.questions.active().first()
    return [
        guide.get_absolute_url(),
        f"/guides/{guide.company.slug}/principles/",
        principle.get_absolute_url(),
        "/questions/",
        "/questions/?q=disagree",
        question.get_absolute_url(),
    ]


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_second_anonymous_visit_costs_one_query(client, amazon_guide):
    for url in public_urls(amazon_guide):
        first = client.get(url)
        assert first.status_code == 200
        assert queries_of(client, url) == 1, url  # the content version, nothing else
        assert "csrftoken" not in first.cookies  # the same page for everyone: no cookie


def test_a_stored_page_goes_out_with_the_first_responses_headers(client, amazon_guide):
    url = amazon_guide.get_absolute_url()
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert len(queries) == 1  # answered by the middleware: no session, no view
    assert again.content == first.content
    for name in (
        "Content-Type",
        "Content-Security-Policy",
        "X-Frame-Options",
        "Vary",
        "ETag",
        "Cache-Control",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert again.headers[name] == first.headers[name], name
    assert "nonce-" not in again.headers["Content-Security-Policy"]
    assert not again.cookies


def test_a_head_for_a_stored_page_gets_its_headers_without_the_body(client, amazon_guide):
    from loopcoach.web.core.pagecache import PageCacheMiddleware

    url = amazon_guide.get_absolute_url()
    first = client.get(url)
    middleware = PageCacheMiddleware(lambda request: pytest.fail("not served from the store"))
    head = middleware(RequestFactory().head(url))
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == str(len(first.content))
    assert head.headers["ETag"] == first.headers["ETag"]


def test_a_page_that_sets_a_cookie_is_never_stored(client, amazon_guide, monkeypatch):
    from loopcoach.web.core import pagecache

    stored = []
    monkeypatch.setattr(pagecache.cache, "set", lambda *args, **kw: stored.append(args[0]))
    request_factory = RequestFactory()
    request = request_factory.get("/questions/")
    request.page_to_store = 1
    response = HttpResponse("<p>yours</p>")
    response.set_cookie("sessionid", "abc")
    pagecache.PageCacheMiddleware(lambda r: response)(request)
    request = request_factory.get("/questions/")
    request.page_to_store = 1
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # the page holds a CSRF token
    pagecache.PageCacheMiddleware(lambda r: HttpResponse("<p>token</p>"))(request)
    assert stored == []
    request = request_factory.get("/questions/")
    request.page_to_store = 1
    pagecache.PageCacheMiddleware(lambda r: HttpResponse("<p>anyone</p>"))(request)
    assert len(stored) == 1  # the same page without either is stored


def test_a_request_with_credentials_is_never_answered_from_the_store(client, amazon_guide):
    url = amazon_guide.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_AUTHORIZATION="Bearer whatever")
    assert len(queries) > 1  # went the normal way


def test_the_guide_page_fetches_only_what_it_shows(client, amazon_guide):
    # Cold (nothing cached): a fixed number of queries, whatever the size of the bank
    # (two of them read the most reported questions of the last year per round).
    assert queries_of(client, amazon_guide.get_absolute_url()) <= 18


def test_each_deep_dive_shows_at_most_six_examples_source_first(client, amazon_guide):
    from loopcoach.web.guides.selectors import guide_deep_dives, guide_get

    guide = guide_get(company="amazon", role="engineering-manager")
    dives = guide_deep_dives(guide)
    assert dives and any(dive.questions for dive in dives)
    for dive in dives:
        assert len(dive.questions) <= 6
        sources = [question.source == Question.Source.SEED for question in dive.questions]
        assert sources == sorted(sources, reverse=True)  # the source guide's come first
        assert {question.deep_dive for question in dive.questions} <= {dive.item.slug}


def test_an_unchanged_page_answers_304(client, amazon_guide):
    url = amazon_guide.get_absolute_url()
    first = client.get(url)  # stored: the next ones are answered by the middleware
    etag = first.headers["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again.headers["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200


def test_an_unchanged_page_answers_304_before_it_is_stored(client, amazon_guide, settings):
    url = amazon_guide.get_absolute_url()
    etag = client.get(url).headers["ETag"]
    from django.core.cache import cache

    cache.clear()  # another process, which has not stored the page
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_content_change_makes_the_old_etag_stale(client, amazon_guide):
    url = amazon_guide.get_absolute_url()
    etag = client.get(url).headers["ETag"]
    GuideItem.objects.filter(guide=amazon_guide).first().save()
    fresh = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh.headers["ETag"] != etag


def admin_change_data(response) -> dict:
    """The admin change form's current values, as the browser would post them back."""
    data: dict = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data |= {
            management.add_prefix(name): management[name].value() for name in management.fields
        }
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def admin_rename(admin, question) -> None:
    """An editor changes the question's text in the admin, as a browser would."""
    editor = User.objects.create_superuser("editor", "editor@example.com", "editor-Passw0rd!")
    admin.force_login(editor)
    change_url = f"/admin/questions/question/{question.pk}/change/"
    data = admin_change_data(admin.get(change_url))
    data["text"] = "Tell me about a time you shipped a zeppelin on schedule."
    assert admin.post(change_url, data).status_code == 302


def test_an_admin_edit_shows_at_once_to_visitors_and_signed_in_users(client, amazon_guide):
    question = amazon_guide.questions.active().filter(source=Question.Source.SEED).first()
    reader = make_user("reader")
    signed_in = type(client)()
    signed_in.force_login(reader)
    pages = [amazon_guide.get_absolute_url(), question.get_absolute_url(), "/questions/"]
    for page in pages:  # warm both caches: the whole page and the signed-in fragment
        client.get(page)
        signed_in.get(page)
    admin_rename(type(client)(), question)
    for page in pages:
        assert "shipped a zeppelin" in client.get(page).content.decode(), page
        assert "shipped a zeppelin" in signed_in.get(page).content.decode(), page


def test_a_pack_load_bumps_the_version_once(amazon_guide):
    from loopcoach.web.guides.services import content_load

    before = content_version()
    content_load()
    after = content_version()
    assert after == before + 1


def test_signed_in_pages_are_not_shared(client, amazon_guide):
    alice, bob = make_user("alice"), make_user("bob")
    url = amazon_guide.get_absolute_url()
    client.get(url)  # the anonymous page is cached
    client.force_login(alice)
    page = client.get(url)
    assert "Account" in page.content.decode() and "Log in" not in page.content.decode()
    assert "ETag" not in page.headers  # personal: never answered from the shared page
    assert "X-CSRFToken" in page.content.decode()
    client.force_login(bob)
    assert "Account" in client.get(url).content.decode()


def test_a_pending_message_is_never_cached_for_others(client, amazon_guide):
    client.cookies["messages"] = "anything"
    client.get(amazon_guide.get_absolute_url())
    del client.cookies["messages"]
    with CaptureQueriesContext(connection) as queries:
        client.get(amazon_guide.get_absolute_url())
    assert len(queries) > 1  # rendered, not served from a page the other request cached


def test_missing_pages_stay_404(client, amazon_guide):
    assert client.get("/amazon/no-such-role/").status_code == 404
    assert client.get("/questions/999999/").status_code == 404
    assert client.get("/amazon/no-such-role/").status_code == 404


@pytest.fixture
def version_in_cache(settings):
    """The Redis topology's content version (a counter in the shared cache), on locmem."""
    from django.core.cache import cache

    settings.CONTENT_VERSION_IN_CACHE = True
    cache.clear()
    yield
    cache.clear()


def test_with_the_version_in_the_cache_a_stored_page_costs_no_query(
    client, amazon_guide, version_in_cache
):
    url = amazon_guide.get_absolute_url()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == 0


def test_with_the_version_in_the_cache_an_admin_edit_shows_at_once(
    client, amazon_guide, version_in_cache, django_capture_on_commit_callbacks
):
    question = amazon_guide.questions.active().filter(source=Question.Source.SEED).first()
    client.get(question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):  # the version moves on commit
        admin_rename(type(client)(), question)
    assert "shipped a zeppelin" in client.get(question.get_absolute_url()).content.decode()


def test_with_the_version_in_the_cache_it_moves_only_on_commit(
    amazon_guide, version_in_cache, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        GuideItem.objects.filter(guide=amazon_guide).first().save()
        assert content_version() == before  # not yet committed: readers keep the old pages
    assert content_version() == before + 1


def test_a_lost_cached_version_never_matches_an_older_page(amazon_guide, version_in_cache):
    from django.core.cache import cache

    from loopcoach.web.core.pagecache import VERSION_KEY

    before = content_version()
    cache.delete(VERSION_KEY)
    assert content_version() > before


def test_a_recreated_version_row_never_repeats_an_old_number(amazon_guide):
    from loopcoach.web.core.models import ContentVersion
    from loopcoach.web.core.pagecache import bump_content_version

    bump_content_version()
    before = content_version()
    ContentVersion.objects.all().delete()  # an emptied database under a running process
    bump_content_version()
    again = content_version()
    # Not 1 again: pages, rankings and the matcher kept under the old numbers cannot match.
    assert again != before and again > before


SEARCH_API = "/api/v1/questions?q=disagree"


def test_the_apis_question_list_is_stored_for_anonymous_callers(client, amazon_guide):
    first = client.get(SEARCH_API)
    assert first.status_code == 200 and first.json()["count"] >= 1
    with CaptureQueriesContext(connection) as queries:
        again = client.get(SEARCH_API)
    assert len(queries) == 1  # the content version, nothing else
    assert again.json() == first.json() and again["Content-Type"] == first["Content-Type"]


def test_the_apis_question_list_shows_an_edit_at_once(client, amazon_guide):
    before = client.get(SEARCH_API).json()["results"][0]
    question = Question.objects.get(pk=before["id"])
    question.text = "Tell me about a time you disagreed with your manager, edited."
    question.save()
    assert client.get(SEARCH_API).json()["results"][0]["text"] == question.text


def test_the_apis_question_list_with_a_token_is_never_answered_from_the_store(client, amazon_guide):
    client.get(SEARCH_API)
    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH_API, HTTP_AUTHORIZATION="Bearer whatever")
    assert len(queries) > 1  # went the normal way
