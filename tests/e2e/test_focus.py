"""Every control the keyboard reaches shows where focus is (WCAG 2.4.7) and is not hidden behind
anything else on the page (WCAG 2.4.11). axe-core cannot judge either, so the browser does."""

import pytest

from tests.e2e.journeys import CONTACT_PATH, INTERVIEW_PATH, tab_to

# What has focus, where it is, and whether anything covers its middle.
FOCUS_FACTS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
        return null;
    }
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 10);
    const onTop = document.elementFromPoint(x, y);
    return {
        label: el.outerHTML.slice(0, 120),
        box: {x: box.left, y: box.top, width: box.width, height: box.height},
        covered: !!onTop && onTop !== el && !el.contains(onTop) && !onTop.contains(el),
    };
}"""


def focus_ring_is_visible(page, box):
    """The area around the focused control looks different with focus than without it."""
    margin = 8
    clip = {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => { window.__focused = document.activeElement; window.__focused.blur(); }")
    unfocused = page.screenshot(clip=clip, animations="disabled")
    # Focus goes back by script, after a keyboard press, so :focus-visible applies again.
    page.evaluate("() => window.__focused.focus({preventScroll: true})")
    return focused != unfocused


@pytest.mark.parametrize(
    ("viewport", "path"),
    [
        ("desktop", "/"),
        ("mobile", "/"),
        ("desktop", "/programmes/"),
        ("desktop", CONTACT_PATH),
        ("desktop", INTERVIEW_PATH),
        ("desktop", "/search/?q=leadership"),
    ],
)
def test_focus_is_visible_and_not_hidden_on_every_control(open_page, viewport, path):
    page = open_page(viewport)
    page.goto(path)
    seen = set()
    problems = []
    for _ in range(150):
        page.keyboard.press("Tab")
        facts = page.evaluate(FOCUS_FACTS)
        if facts is None or facts["label"] in seen:
            break
        seen.add(facts["label"])
        if facts["box"]["width"] == 0 or facts["box"]["height"] == 0:
            problems.append(f"focus on something with no size: {facts['label']}")
            continue
        if facts["covered"]:
            problems.append(f"covered by another element: {facts['label']}")
        if not focus_ring_is_visible(page, facts["box"]):
            problems.append(f"no visible focus: {facts['label']}")
    else:
        raise AssertionError("Tab never came back to the start: a keyboard trap?")
    assert len(seen) > 5, seen
    assert not problems, "\n".join(problems)


def test_a_missing_focus_ring_would_be_caught(open_page):
    page = open_page()
    page.goto("/why-systems-leadership/")
    tab_to(page, "main a")
    box = page.evaluate(FOCUS_FACTS)["box"]
    assert focus_ring_is_visible(page, box)
    # Take the site's focus style away from the link (by script: the policy forbids inline CSS).
    page.evaluate(
        """() => {
            const style = document.activeElement.style;
            for (const [name, value] of [["outline", "none"], ["box-shadow", "none"],
                    ["background-color", "transparent"], ["color", "inherit"],
                    ["text-decoration", "underline"]]) {
                style.setProperty(name, value, "important");
            }
        }"""
    )
    assert not focus_ring_is_visible(page, box)
