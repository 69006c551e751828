"""What every browser test may assert about a page: axe-core's verdict, the strict policy, focus,
sideways scrolling; and the screenshots kept as test artefacts."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

# Screenshots of every state, for people to look at; git ignores the folder.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# No rule is ignored. If one ever must be, list it here with the reason, one line per rule.
IGNORED_RULES = {}

axe = Axe()


def axe_violations(page):
    """axe-core's WCAG A and AA violations on the page as it is now, less the explained ones."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [v for v in results.response["violations"] if v["id"] not in IGNORED_RULES]
    return violations, results.generate_report()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{page.viewport_name}.png", full_page=True)


def focused(page):
    """What has keyboard focus: its tag, id, classes, text and a few attributes."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                className: typeof el.className === "string" ? el.className : "",
                text: (el.innerText || el.value || "").trim(),
                name: el.getAttribute("name"),
                href: el.getAttribute("href"),
                role: el.getAttribute("role"),
            };
        }"""
    )


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def is_status(page, status):
    """Whether the page the tab shows now was answered with this HTTP status."""
    return page.problems.documents[-1][1] == status


def assert_clean(page):
    """Served under the strict policy; no script errors, no CSP refusals, nothing off-site."""
    assert page.problems.documents, "no page was loaded"
    for url, _status, policy in page.problems.documents:
        assert "default-src 'self'" in policy, f"{url} was served without the strict policy"
        assert "unsafe-inline" not in policy, f"{url}: {policy}"
    assert not page.problems.csp_violations, page.problems.csp_violations
    assert not page.problems.errors, page.problems.errors
    assert not page.problems.offsite_requests, page.problems.offsite_requests


def layout_shift(page):
    """How far the page has moved under the reader since it loaded (CLS; 0 when nothing moved)."""
    return page.evaluate("() => window.__layoutShift || 0")


def check_page(page, name):
    """The checks every state passes; `name` names its screenshot."""
    violations, report = axe_violations(page)
    screenshot(page, name)
    assert not violations, report
    assert horizontal_overflow(page) <= 0, f"{name} scrolls sideways at {page.viewport_size}"
    # Far below the 0.1 that counts as good: width and height on images, nothing shown late.
    assert layout_shift(page) < 0.01, f"{name} moves by {layout_shift(page):.3f} as it loads"
    assert_clean(page)
