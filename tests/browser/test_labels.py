"""Status labels a reader understands: from any label, by keyboard or by
touch, the reader reaches what it means in the page's key (build/labels.py)."""

from __future__ import annotations

import pytest

from .checks import assert_works, change_page, tab_until

pytestmark = pytest.mark.browser


IN_VIEW = """(id) => { const el = document.getElementById(id); if (!el) return null;
  const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"""


def label_key_problems(page, server, path: str, how: str) -> list[str]:
    """From a status label, by keyboard (Tab to the first label, then Enter)
    or by touch (a tap on a later one), the reader reaches the label's
    meaning in the page's key (build/labels.py), on screen."""
    page.goto(server.url(path))
    if how == "keyboard":
        stops = tab_until(page, "el => el.matches('article a.status')")
        label = page.evaluate(
            "document.activeElement.matches('article a.status') && document.activeElement.textContent"
        )
        if not label:
            return [
                f"tabbing through /{path} never reaches a status label (last stops: {' | '.join(stops[-6:])}); build/labels.py makes the first of each kind a keyboard stop"
            ]
        page.keyboard.press("Enter")
    else:
        labels = page.locator("article a.status")
        if labels.count() < 4:
            return [f"/{path} has {labels.count()} status labels linked to the key; build/labels.py links each"]
        target = labels.nth(3)
        label = target.inner_text()
        target.tap()
    page.wait_for_timeout(300)
    fragment = page.evaluate("location.hash").lstrip("#")
    meaning = page.evaluate("(id) => document.querySelector(`#${id} dd`)?.textContent", fragment) if fragment else None
    if not fragment.startswith("status-") or not meaning:
        return [
            f"the status label '{label}' on /{path}, reached by {how}, leads to #{fragment}, not to its meaning in the key"
        ]
    if not page.evaluate(IN_VIEW, fragment):
        return [f"the meaning of '{label}' on /{path}, reached by {how}, is not on screen"]
    return []


def test_a_status_label_leads_to_its_meaning_by_keyboard(reader, server):
    _, page, checks = reader
    assert_works(label_key_problems(page, server, "treaty/", "keyboard"), page, checks)


def test_a_status_label_leads_to_its_meaning_by_touch(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        problems = label_key_problems(page, server, "fr/timeline/", "touch")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_a_label_that_leads_nowhere_is_reported(reader, server):
    context, page, _ = reader
    change_page(context, server, "treaty/", lambda html: html.replace('href="#status-', 'href="#nowhere-'))
    assert "leads to #nowhere-stated, not to its meaning in the key" in "\n".join(
        label_key_problems(page, server, "treaty/", "keyboard")
    )
