"""The account pages in the app's own look, sign-up for visitors, the first-run page, and more."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from loopcoach.web.planner.models import Plan
from loopcoach.web.questions.models import Question

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
PASSWORD_PAGES = [
    "/accounts/password/",
    "/accounts/password/done/",
    "/accounts/password/reset/",
    "/accounts/password/reset/sent/",
    "/accounts/password/reset/complete/",
]


@pytest.mark.parametrize("url", PASSWORD_PAGES)
def test_password_pages_have_the_site_look(client, alice, url):
    client.force_login(alice)
    html = client.get(url).content.decode()
    assert 'class="site-header"' in html
    assert "Django administration" not in html and "/admin/" not in html


def test_the_reset_link_page_has_the_site_look(client):
    html = client.get("/accounts/password/reset/x/set-password/").content.decode()
    assert 'class="site-header"' in html and "Django administration" not in html


def test_a_visitor_sees_sign_up(client, settings):
    assert 'href="/accounts/signup/"' in client.get("/").content.decode()
    settings.SIGNUP_OPEN = False
    assert 'href="/accounts/signup/"' not in client.get("/").content.decode()


def test_sign_up_leads_to_the_first_run_page_which_makes_a_plan(client, amazon_guide):
    response = client.post(
        "/accounts/signup/",
        {"username": "erin", "password1": "a-Long-passw0rd!", "password2": "a-Long-passw0rd!"},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/welcome/"
    html = client.get("/accounts/welcome/").content.decode()
    assert "Welcome, erin" in html and str(amazon_guide) in html
    from datetime import date, timedelta

    loop_date = (date.today() + timedelta(days=20)).isoformat()
    made = client.post(
        "/plan/new", {"guide": amazon_guide.pk, "loop_date": loop_date, "weekly": "0"}
    )
    plan = Plan.objects.get(owner__username="erin")
    assert made["Location"] == plan.get_absolute_url() and plan.guide == amazon_guide


def test_the_welcome_page_needs_a_sign_in(client):
    assert client.get("/accounts/welcome/").status_code == 302


def test_the_password_rules_error_is_under_the_password_field(client):
    response = client.post(
        "/accounts/signup/", {"username": "dana", "password1": "12345678", "password2": "12345678"}
    )
    form = response.context["form"]
    assert form.errors.get("password1") and not form.errors.get("password2")
    html = response.content.decode()
    assert html.index('id="id_password1_errors"') < html.index('for="id_password2"')


def test_every_aria_describedby_on_sign_up_points_at_an_element(client):
    import re

    html = client.get("/accounts/signup/").content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert described, "the password rules are described"
    for ids in described:
        for target in ids.split():
            assert f'id="{target}"' in html, target


def test_question_labels_are_for_candidates(client, amazon_guide):
    question = amazon_guide.questions.filter(source=Question.Source.SEED).first()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Source guide" not in html and "Not yet" not in html
    assert "No candidate has reported it yet" in html


def test_saving_an_offer_with_htmx_confirms_and_lists_it(client, alice):
    client.force_login(alice)
    data = {"count": "1", "o1-name": "Acme L5", "o1-base_salary": "180000", "action": "save-0"}
    html = client.post("/offers/", data, headers={"HX-Request": "true"}).content.decode()
    assert "Saved “Acme L5”" in html
    assert 'id="saved-offers" aria-labelledby="saved-h" hx-swap-oob="true"' in html
    assert html.count("Acme L5") >= 2  # in the confirmation and in the swapped list
    assert "Saved “Acme L5”" not in client.get("/offers/").content.decode()  # shown once


def test_the_data_folder_does_not_depend_on_the_current_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "LOOPCOACH_DATA_DIR"}
    env |= {"PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "loopcoach.web.settings"}
    env["SECRET_KEY"] = "any"  # so that reading the settings writes nothing
    code = "from django.conf import settings; print(settings.DATA_DIR)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == str(ROOT / "data"), result.stderr
