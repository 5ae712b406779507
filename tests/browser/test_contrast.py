"""What axe does not check: the focus ring's contrast, and STAR roles that differ without colour."""

from __future__ import annotations

from tests.browser.audit import make_data, sign_in

# WCAG relative luminance and contrast of two computed `rgb(...)` colours.
CONTRAST = """([a, b]) => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
      v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}"""


def _ring(page, selector: str) -> tuple[str, str]:
    page.focus(selector)
    return page.eval_on_selector(
        selector,
        "e => [getComputedStyle(e).outlineColor, getComputedStyle(e).outlineStyle]",
    )


def test_the_focus_ring_stands_out_on_white_and_on_inputs(page):
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    link_color, link_style = _ring(page, "a.brand")
    field_color, field_style = _ring(page, "#id_username")
    assert link_style != "none" and field_style != "none"
    for color in (link_color, field_color):
        assert page.evaluate(CONTRAST, [color, "rgb(255, 255, 255)"]) >= 3, color


def test_star_roles_differ_in_grayscale(page, live_server, alice):
    data = make_data(alice)
    sign_in(page.context, live_server, alice)
    page.goto(f"/practice/attempts/{data['attempt']}/")
    styles = page.evaluate(
        """() => ['situation', 'task', 'action', 'result'].map(role => {
             const e = document.querySelector('.sent.role-' + role) ||
                       document.querySelector('.star-swatch.role-' + role);
             const s = getComputedStyle(e);
             return s.borderBottomStyle + ' ' + s.borderBottomWidth; })"""
    )
    assert len(set(styles)) == 4, styles  # four underlines: told apart without colour


def test_grade_and_numbers_keep_full_contrast(page, live_server, alice):
    data = make_data(alice)
    sign_in(page.context, live_server, alice)
    page.goto(f"/practice/attempts/{data['attempt']}/")
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('.grade-of, .grade-big, .sent-n, .grade-badge')]
             .map(e => { let b = e, bg;
               while (b && (bg = getComputedStyle(b).backgroundColor) === 'rgba(0, 0, 0, 0)')
                 b = b.parentElement;
               return [getComputedStyle(e).color, bg || 'rgb(255, 255, 255)',
                       getComputedStyle(e).opacity, e.className]; })"""
    )
    assert pairs
    for color, background, opacity, name in pairs:
        assert float(opacity) == 1, name
        assert page.evaluate(CONTRAST, [color, background]) >= 4.5, (name, color, background)
