"""Markdown from packs and editors renders no live script link, in any spelling."""

from __future__ import annotations

import re

import pytest

from loopcoach.web.core.templatetags.loopcoach import markdown

pytestmark = pytest.mark.django_db

HOSTILE = [
    "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#x3A;alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x][1]\n\n[1]: javascript:alert(1)",
    '[x][ref]\n\n[ref]: &#106;avascript:alert(1) "t"',
    "<javascript:alert(1)>",
    "![i](javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
]


@pytest.mark.parametrize("source", HOSTILE)
def test_script_links_lose_their_target(source):
    html = markdown(source).lower()
    targets = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert not [t for t in targets if not t.startswith(("http", "mailto:", "/"))], html
    assert "<script" not in html


@pytest.mark.parametrize(
    "source, href",
    [
        ("[a](https://example.com/x)", 'href="https://example.com/x"'),
        ("[a](http://example.com)", 'href="http://example.com"'),
        ("[a](mailto:me@example.com)", 'href="mailto:me@example.com"'),
        ("[a](/guides/amazon/)", 'href="/guides/amazon/"'),
        ("[a][r]\n\n[r]: https://example.com/r", 'href="https://example.com/r"'),
    ],
)
def test_safe_links_stay(source, href):
    assert href in markdown(source)


def test_markdown_formatting_survives():
    html = markdown("# T\n\n**b** *i* `c`\n\n1. one\n2. two\n\n> q")
    for tag in ("<h1>", "<strong>", "<em>", "<code>", "<ol>", "<li>", "<blockquote>"):
        assert tag in html


def test_a_guide_page_shows_a_hostile_pack_link_dead(client, amazon_guide):
    question = amazon_guide.questions.first()
    question.guidance = "See [notes](javascript:alert(document.cookie)) and [ok](https://a.example)"
    question.save()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "javascript:alert" not in html
    assert 'href="https://a.example"' in html
