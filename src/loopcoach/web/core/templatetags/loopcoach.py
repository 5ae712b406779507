"""Template filters shared by every app."""

from __future__ import annotations

import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def _renderer() -> markdown_lib.Markdown:
    renderer = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    # Content is Markdown, never raw HTML: drop the HTML passthrough so that a
    # stray <script> in a pack or an admin edit is shown escaped, not run.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    return renderer


# What rendered Markdown may contain: the tags Markdown itself writes, and links only to
# http(s), mailto or a relative address. nh3 decodes entities before it checks a scheme,
# so `&#106;avascript:` and a reference-style `[x][1]` to `javascript:` lose their href too.
ALLOWED_TAGS = {
    "a", "p", "br", "hr", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


_local = threading.local()  # a Markdown instance is not thread-safe; waitress serves from threads


@lru_cache(maxsize=4096)
def _render(text: str) -> str:
    # Guide prose changes only on a content load, so rendered HTML is cached by its source.
    if not hasattr(_local, "renderer"):
        _local.renderer = _renderer()
    return sanitise_html(_local.renderer.reset().convert(text))


@register.filter
def markdown(text: str) -> str:
    return mark_safe(_render(text or ""))


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key)


@register.filter
def width_class(percent: object) -> str:
    """`w-45` for 43.7: a bar's width as a class in steps of 5, since the CSP forbids style=."""
    try:
        value = float(str(percent))
    except ValueError:
        return "w-0"
    step = round(min(max(value, 0.0), 100.0) / 5) * 5
    return f"w-{step}"
