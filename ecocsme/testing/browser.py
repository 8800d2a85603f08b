"""Debian's Chromium driven by Playwright, for the tests marked `browser` (fixtures `browser`
and `page` in ecocsme/conftest.py)."""

import os

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium(playwright):
    """The headless browser; fails the test with what to install when Chromium is missing."""
    import pytest

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: apt-get install chromium (make test does it as root)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def browser_login(page, username: str, password: str | None = None) -> None:
    """Log in through the login form (as a demo account unless a password is given)."""
    from ecocsme.accounts.demo import demo_password

    page.goto(page.base + "/en/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/manage/")
