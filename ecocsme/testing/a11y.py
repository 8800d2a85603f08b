"""One accessibility check for every browser test: axe-core on a Playwright page at a given
width, failing with a readable list of the serious and critical violations, and no page that
scrolls sideways (a phone is 375 px wide)."""

from functools import cache

# The rules checked: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
IMPACTS = ("serious", "critical")  # what fails a test; minor and moderate ones are reported by axe only
PHONE, DESKTOP = 375, 1280
WIDTHS = (PHONE, DESKTOP)


@cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(page) -> list[str]:
    """One readable line per serious or critical violation on the page as it is now."""
    results = _axe().run(page, options={"runOnly": AXE_TAGS})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in IMPACTS]


def sideways_overflow(page) -> int:
    """How many pixels the page scrolls sideways (0 when it fits the window)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def assert_accessible(page, path: str | None = None, *, width: int | None = None, height: int = 800) -> None:
    """Open `path` (relative to `page.base`, or the page as it is) at `width` pixels and fail
    on a serious axe-core violation or on sideways scrolling."""
    if width is not None:
        page.set_viewport_size({"width": width, "height": height})
    if path is not None:
        page.goto(path if "://" in path else page.base + path)
    where = f"{path or page.url} @ {page.viewport_size['width']}px"
    problems = serious_violations(page)
    assert not problems, f"{where}: {len(problems)} serious accessibility problems:\n" + "\n".join(
        f"  - {problem}" for problem in problems)
    overflow = sideways_overflow(page)
    assert overflow <= 0, f"{where} scrolls sideways by {overflow}px"


def assert_pages_accessible(page, paths, *, widths=WIDTHS) -> None:
    """`assert_accessible` for every path at every width (phone first)."""
    for width in widths:
        for path in paths:
            assert_accessible(page, path, width=width)
