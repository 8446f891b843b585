"""`make preview` in a real browser: Debian's headless Chromium loads every client-area and addon
page at desktop and phone widths in English and German, clicks the main actions, and fails on a
console error, an element overflowing the page, the provider's name or an English sentence on a
German page. One browser process serves every page.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from local import preview
from local.browser import Browser, chromium_path
from local.stack.template import REPO_ROOT
from tests.e2e.test_demo_order import running_stack  # noqa: F401 - the stack fixture

pytestmark = pytest.mark.slow

COMPUTE, STORAGE, FAILED = (preview.SERVICES[k] for k in ("compute", "storage", "failed"))
CLIENT_PAGES = [
    f"clientarea.php?action=productdetails&id={COMPUTE}",
    *(
        f"clientarea.php?action=productdetails&id={COMPUTE}&modop=custom&a={page}"
        for page in (
            "reinstall",
            "snapshots",
            "sshkeys",
            "network",
            "firewall",
            "rescue",
            "activity",
        )
    ),
    f"clientarea.php?action=productdetails&id={STORAGE}",
    f"clientarea.php?action=productdetails&id={FAILED}",
]
ADDON_PAGES = [
    f"addonmodules.php?module=contabo_admin&page={page}"
    for page in ("settings", "catalog", "templates", "logs", "queue", "import", "tools")
]
DESKTOP, PHONE = 1280, 375
PROVIDER = re.compile(r"contabo|vmi\d{3,}", re.IGNORECASE)
S3_ENDPOINT = re.compile(r"https?://[a-z0-9-]+\.contabostorage\.com", re.IGNORECASE)
RAW_STATES = {"queued", "provisioning", "active", "failed", "running", "stopped", "parked", "yes"}

# Elements whose right edge passes the device's width and that no scrolling container holds
# (the device width, not innerWidth: a phone zooms out to fit a page that is too wide).
OVERFLOW = """(() => {
  const width = WIDTH, found = [];
  const scrolls = (e) => {
    for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && !scrolls(e)) {
      found.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
    }
  }
  const page = document.documentElement.scrollWidth;
  return [page > width + 1 ? 'page ' + page : null, ...found].filter(Boolean);
})()"""
LEAF_TEXTS = """[...document.body.querySelectorAll('*')].filter(e => e.children.length === 0)
  .map(e => (e.innerText || '').trim()).filter(Boolean)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "CHROMIUM IS NOT INSTALLED: the preview's browser test did not run "
            "(apt-get install -y chromium; .ci/run does)"
        )
    opened = Browser(executable)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def site(running_stack: dict) -> Iterator[str]:  # noqa: F811 - the imported fixture
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = preview.start(Path(running_stack["state_dir"]), port, quiet=True)
    try:
        yield started.url
    finally:
        started.stop()


def _lang(module: str, variable: str, language: str) -> dict[str, str]:
    path = REPO_ROOT / "whmcs_module" / "modules" / module / "lang" / f"{language}.php"
    code = f"define('WHMCS', 1); ${variable} = []; include '{path}'; echo json_encode(${variable});"
    return json.loads(subprocess.run(["php", "-r", code], capture_output=True, check=True).stdout)  # noqa: S603, S607


def _english_left(module: str, variable: str) -> list[str]:
    """English sentences of the module that German says differently (placeholders cut out)."""
    english, german = _lang(module, variable, "english"), _lang(module, variable, "german")
    parts = []
    for key, text in english.items():
        if german.get(key, text) != text:
            parts += [p.strip() for p in re.split(r"%(?:\d+\$)?[sd]|\{[a-z_]+\}", text)]
    return [p for p in parts if len(p) >= 12]


def _check(
    browser: Browser, url: str, width: int, *, client: bool, german: bool, english_parts: list[str]
) -> list[str]:
    problems = [f"console: {error}" for error in browser.console_errors]
    problems += [
        f"overflow: {item}" for item in browser.evaluate(OVERFLOW.replace("WIDTH", str(width)))
    ]
    text = browser.evaluate("document.body.innerText")
    if "Fatal error" in text or "Warning:" in text:
        problems.append("PHP error on the page")
    if client and PROVIDER.search(S3_ENDPOINT.sub("", text)):
        problems.append(f"provider name: {PROVIDER.search(S3_ENDPOINT.sub('', text)).group(0)}")
    if german:
        problems += [f"English: {part}" for part in english_parts if part in text]
        if "page=logs" not in url:  # the audit log shows the backend's records as written
            leaves = browser.evaluate(LEAF_TEXTS)
            problems += [f"raw state: {leaf}" for leaf in leaves if leaf in RAW_STATES]
    return [f"{url}: {problem}" for problem in problems]


def test_every_page_at_desktop_and_phone_width_in_two_languages(browser: Browser, site: str):
    english_parts = {
        True: _english_left("servers/contabo", "_LANG"),
        False: _english_left("addons/contabo_admin", "_ADDONLANG"),
    }
    visits = [(page, "english", DESKTOP) for page in CLIENT_PAGES + ADDON_PAGES]
    visits += [
        (page, "german", width) for page in CLIENT_PAGES + ADDON_PAGES for width in (DESKTOP, PHONE)
    ]
    problems: list[str] = []
    for page, language, width in visits:
        browser.console_errors.clear()
        browser.open(f"{site}/{page}&language={language}", width, mobile=width == PHONE)
        client = page.startswith("clientarea")
        problems += _check(
            browser,
            f"{page} {language} {width}px",
            width,
            client=client,
            german=language == "german",
            english_parts=english_parts[client],
        )
    assert problems == [], "\n".join(problems)


def test_main_actions_work_in_the_browser(browser: Browser, site: str):
    page = f"{site}/clientarea.php?action=productdetails&id="
    browser.console_errors.clear()

    browser.open(f"{page}{COMPUTE}&language=english", DESKTOP)
    browser.click("form input[name=a][value=restart] ~ button")
    assert browser.wait_for_load()
    assert browser.evaluate("document.querySelector('.alert-success') !== null"), browser.evaluate(
        "document.body.innerText"
    )[:500]

    browser.open(f"{page}{COMPUTE}&modop=custom&a=snapshots", DESKTOP)
    browser.evaluate(
        "document.getElementById('cloudserver-snapshot-name').value = 'before-upgrade'"
    )
    browser.click("form input[name=op][value=create] ~ button[type=submit]")
    assert browser.wait_for_load()
    assert "The snapshot is being created." in browser.evaluate("document.body.innerText")

    browser.open(f"{page}{COMPUTE}&modop=custom&a=reinstall", DESKTOP)
    browser.click("form input[name=op][value=review] ~ button[type=submit]")
    assert browser.wait_for_load()
    assert browser.evaluate("document.querySelector('input[name=confirm_wipe]') !== null"), (
        "the review step asks to confirm the wipe"
    )

    browser.open(f"{page}{STORAGE}", DESKTOP)
    browser.click("form input[name=op][value=reveal] ~ button")
    assert browser.wait_for_load()
    browser.click(".cloudserver-copy")
    copied = "(() => new Promise(done => setTimeout(() => done("
    copied += "document.querySelector('.cloudserver-copy').textContent), 300)))()"
    assert browser.evaluate(copied) == "Copied"
    assert browser.console_errors == []
