"""Template filters shared by every app."""
from __future__ import annotations

import markdown as markdown_lib
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


@register.filter
def markdown(text: str) -> str:
    return mark_safe(_renderer().convert(text or ""))


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key)
