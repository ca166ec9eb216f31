"""Browser tests: Playwright drives Debian's Chromium against the live server.

Tests never call `page.goto` themselves: the `browse` fixture's `open()`, `follow()` and
`submit()` navigate and then run axe-core (WCAG 2.2 A/AA and best practice) on the page,
failing the test on any violation. The default viewport is a phone (360 × 740).
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "locale": "en-GB"}


def axe_violations(page: Page) -> list[tuple[str, str, list[str]]]:
    result = page.evaluate(
        "o => axe.run(document, o)", {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    )
    return [
        (v["id"], v["help"], [str(node["target"]) for node in v["nodes"]])
        for v in result["violations"]
    ]


class Browse:
    """Navigates like a person and checks every page it lands on with axe."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.pages_checked: list[str] = []

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        violations = axe_violations(self.page)
        assert violations == [], f"axe violations on {self.page.url}: {violations}"
        # WCAG 1.4.10 Reflow: nothing makes the whole page scroll sideways on a phone.
        page_width = self.page.evaluate("document.documentElement.scrollWidth")
        viewport_width = self.page.viewport_size["width"] if self.page.viewport_size else 0
        assert page_width <= viewport_width, f"{self.page.url} is {page_width}px wide"
        self.pages_checked.append(self.page.url)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def follow(self, target: str | Locator) -> Page:
        """Click a link (by its accessible name, or a locator) and check the page it opens."""
        link = self.page.get_by_role("link", name=target) if isinstance(target, str) else target
        with self.page.expect_navigation():
            link.first.click()
        self.check()
        return self.page

    def submit(self, target: str | Locator) -> Page:
        """Press a submit button (by its accessible name, or a locator) and check the result."""
        button = self.page.get_by_role("button", name=target) if isinstance(target, str) else target
        with self.page.expect_navigation():
            button.first.click()
        self.check()
        return self.page


@pytest.fixture
def browse(page: Page, live_server) -> Browse:
    assert AXE_JS.exists(), "axe-core is missing: run `make assets` (npm ci) first"
    page.add_init_script(path=str(AXE_JS))  # works under a strict CSP, unlike add_script_tag
    return Browse(page, live_server.url)


@pytest.fixture
def sign_in(browse, live_server):
    """Sign a user in by handing the browser a session cookie (sign-in has its own test)."""
    from django.conf import settings
    from django.test import Client

    def _sign_in(user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        browse.page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return _sign_in
