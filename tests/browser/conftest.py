"""Browser tests: build the real site once, serve it on localhost, drive
Debian's Chromium through Playwright. Every page a test opens records its
requests so a test can prove nothing leaves the origin."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socketserver
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.catalog_files import whole_catalog
from tests.conftest import ROOT
AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
SUB_PATH = "/kwaliteitskaders/"  # served from a sub-path, as on GitHub Pages


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate:
            return candidate
    raise RuntimeError("No Chromium found: run scripts/ensure-chromium.sh (make test does)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Like GitHub Pages: a missing page under the sub-path gets the site's own 404 page.
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not self.path.startswith(SUB_PATH) or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def translate_path(self, path):
        # Serve the site under SUB_PATH only, like a project site on GitHub Pages.
        if path.startswith(SUB_PATH):
            path = "/" + path[len(SUB_PATH):]
        else:
            path = "/__not_under_sub_path__"
        return super().translate_path(path)


class QuietServer(socketserver.ThreadingTCPServer):
    """A static server whose threads do not outlive it and that keeps quiet when a page
    closes mid-response (tests and benchmarks close pages as soon as they have what they need);
    any other error still prints its traceback."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    # Chromium logs every blocked inline style or script; on our own pages the
    # policy must never have to block anything (a test that injects on purpose
    # clears the list).
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.csp_violations = violations
    yield page
    assert not errors, f"JavaScript errors: {errors}"
    assert not violations, f"Content Security Policy violations: {violations}"


@pytest.fixture(scope="session")
def catalog(site_dir):
    """The criteria data the site itself serves (assets/catalog/), to compute what a page should show."""
    root = Path(site_dir) / "assets" / "catalog"
    index = whole_catalog(site_dir)
    records = {}
    for framework in index["frameworks"]:
        data = json.loads((root / f"{framework['id']}.json").read_text(encoding="utf-8"))
        records.update((record["id"], record) for record in data["criteria"])
    frameworks = {framework["id"]: framework for framework in index["frameworks"]}
    return {"index": index, "records": records, "frameworks": frameworks}


def add_test_style(page, css: str) -> None:
    """Apply CSS that only a test needs. The site's policy blocks inline <style>
    (page.add_style_tag), but a constructed stylesheet is CSSOM, which it allows."""
    page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""", css)


def show(locator) -> None:
    """Scroll to an element as a reader would and wait until it is laid out: a criterion far
    from the viewport is skipped by the browser (content-visibility: auto, see
    generator/render/criterion_size.py), and skipped content has no rendered text (inner_text)."""
    locator.scroll_into_view_if_needed()
    locator.evaluate("e => new Promise(done => { const ready = () => e.checkVisibility({contentVisibilityAuto: true})"
                     " ? done() : requestAnimationFrame(ready); ready(); })")


def run_axe(page) -> list[dict]:
    # Material fades colours (hover, palette) over 125 ms; measure contrast once that is done.
    page.wait_for_function("() => document.getAnimations().length === 0")
    # axe cannot tell the colours behind content the browser skips (criteria far from the
    # viewport, content-visibility: auto) and reports them; the colours do not depend on it, so
    # the check sees every criterion laid out.
    add_test_style(page, ".kk-criterion { content-visibility: visible !important; }")
    # Evaluated, not added as a <script>: the site's CSP blocks every inline script.
    page.evaluate(AXE)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return result
