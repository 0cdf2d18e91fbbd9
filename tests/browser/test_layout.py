"""Visual check: every page type at five widths in both palettes.

One browser context per width and palette; one page in it visits every page
type. Each visit fails on horizontal overflow, text clipped by its container,
an element overlapping text, a same-origin link or asset outside the sub-path
the site is served from, and a horizontally scrollable region without a visible
cue. Full-page screenshots go to build/screenshots/ (gitignored) for a human
to look at; they are not compared."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.browser.conftest import SUB_PATH, add_test_style
from tests.browser.zelfscan_bad_files import FRAMEWORK, valid_scan
from tests.catalog_files import whole_catalog
from tests.conftest import ROOT

WIDTHS = [360, 390, 768, 1024, 1366]
PALETTES = {"licht": "light", "donker": "dark"}
SCREENSHOTS = ROOT / "build" / "screenshots"
# Screenshots cost more than the checks: by default the phone and desktop widths a
# human looks at, each page from the top down to 8,000 px; KK_SCREENSHOTS=all
# takes every width.
SCREENSHOT_WIDTHS = set(WIDTHS) if os.environ.get("KK_SCREENSHOTS") == "all" else {390, 1366}
SCREENSHOT_MAX_HEIGHT = 8000
SCAN_ID = "zs-layout-check"

# Runs in the page; returns a list of problems as strings. Geometry is taken at
# scroll position 0 over the whole document, so full-page layout is checked
# without scrolling.
CHECK = r"""
(subPath) => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : "";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  };
  const visible = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  // Visually hidden (clipped to a pixel, for screen readers only), itself or an ancestor.
  const clipHidden = new Map();
  const hiddenByClip = (el) => {
    if (!el || el === document.body) return false;
    if (!clipHidden.has(el)) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      clipHidden.set(el, style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)"
        || ((rect.width <= 1 || rect.height <= 1) && style.overflow !== "visible") || hiddenByClip(el.parentElement));
    }
    return clipHidden.get(el);
  };

  // 1. The page itself never scrolls sideways.
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > vw + 1) {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > vw + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= vw + 1)
      .slice(0, 3).map((el) => describe(el) + (visible(el) ? "" : " (invisible)"));
    problems.push(`page scrolls sideways (${scrollWidth} px in ${vw} px): ${wide.join("; ")}`);
  }

  // Clip rectangle of every element: the intersection of its ancestors' overflow boxes.
  const clipCache = new Map();
  const clipOf = (el) => {
    if (!el || el === document.documentElement) return { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 };
    if (clipCache.has(el)) return clipCache.get(el);
    const parent = clipOf(el.parentElement);
    const style = getComputedStyle(el);
    let clip = parent;
    if (style.overflowX !== "visible" || style.overflowY !== "visible") {
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft, top = r.top + el.clientTop;
      clip = {
        left: style.overflowX !== "visible" ? Math.max(parent.left, left) : parent.left,
        right: style.overflowX !== "visible" ? Math.min(parent.right, left + el.clientWidth) : parent.right,
        top: style.overflowY !== "visible" ? Math.max(parent.top, top) : parent.top,
        bottom: style.overflowY !== "visible" ? Math.min(parent.bottom, top + el.clientHeight) : parent.bottom,
      };
    }
    clipCache.set(el, clip);
    return clip;
  };

  // Text line boxes, each with the element that owns the text.
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const visibleCache = new Map();
  const range = document.createRange();
  for (let node = walker.nextNode(), n = 0; node; node = walker.nextNode(), n += 1) {
    const owner = node.parentElement;
    if (!visibleCache.has(owner)) visibleCache.set(owner, visible(owner) && !hiddenByClip(owner));
    if (!visibleCache.get(owner)) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      texts.push({ owner, node: n, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
  }

  // 2. Text clipped by a container that hides overflow (scroll containers are fine:
  //    their text can be scrolled to; intentional ellipsis is a visible cue).
  const clipped = new Set();
  const hidingCache = new Map();
  const hiding = (el) => {  // [hidesX, hidesY, ellipsis] of one element
    if (!hidingCache.has(el)) {
      const style = getComputedStyle(el);
      hidingCache.set(el, [["hidden", "clip"].includes(style.overflowX), ["hidden", "clip"].includes(style.overflowY),
                           style.textOverflow === "ellipsis"]);
    }
    return hidingCache.get(el);
  };
  for (const t of texts) {
    for (let el = t.owner; el && el !== document.body; el = el.parentElement) {
      const [hidesX, hidesY, ellipsis] = hiding(el);
      if (!hidesX && !hidesY) continue;
      if (ellipsis || hiding(t.owner)[2]) break;
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft, top = r.top + el.clientTop;
      const outX = hidesX && (t.left < left - 1 || t.right > left + el.clientWidth + 1);
      const outY = hidesY && (t.top < top - 2 || t.bottom > top + el.clientHeight + 2);
      // Off-canvas drawers (Material's navigation on a phone) lie wholly outside the viewport.
      if ((outX || outY) && t.right > 0 && t.left < vw && !clipped.has(el)) {
        clipped.add(el);
        problems.push(`text clipped by ${describe(el)}: ${describe(t.owner)}`);
      }
    }
  }

  // Visible part of each text box; drop what its scroll containers hide.
  const boxes = [];
  for (const t of texts) {
    const c = clipOf(t.owner);
    const box = { ...t, left: Math.max(t.left, c.left), right: Math.min(t.right, c.right),
                  top: Math.max(t.top, c.top), bottom: Math.min(t.bottom, c.bottom), kind: "text" };
    if (box.right - box.left >= 1 && box.bottom - box.top >= 1 && box.right > 0 && box.left < vw) boxes.push(box);
  }
  // Controls and images, and absolutely positioned icons (::before/::after), overlap text too.
  for (const el of document.querySelectorAll("input, select, textarea, img, svg, progress, button, .md-button")) {
    if (!visible(el) || hiddenByClip(el) || el.closest("svg") !== el && el.tagName.toLowerCase() === "svg" && el.parentElement.closest("svg")) continue;
    const r = el.getBoundingClientRect();
    const c = clipOf(el.parentElement);
    const box = { owner: el, node: -1, kind: "control", left: Math.max(r.left, c.left), right: Math.min(r.right, c.right),
                  top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom) };
    if (box.right - box.left >= 2 && box.bottom - box.top >= 2) boxes.push(box);
  }
  for (const el of document.querySelectorAll(".md-content *, .md-header *")) {
    for (const pseudo of ["::before", "::after"]) {
      const s = getComputedStyle(el, pseudo);
      if (s.content === "none" || s.content === "normal" || s.position !== "absolute" || s.display === "none") continue;
      if (s.visibility === "hidden" || s.opacity === "0" || !visibleCache.get(el) && !visible(el)) continue;
      let cb = el;
      while (cb.parentElement && getComputedStyle(cb).position === "static") cb = cb.parentElement;
      const base = cb.getBoundingClientRect();
      const width = parseFloat(s.width), height = parseFloat(s.height);
      const left = s.left !== "auto" ? base.left + cb.clientLeft + parseFloat(s.left)
        : s.right !== "auto" ? base.left + cb.clientLeft + cb.clientWidth - parseFloat(s.right) - width : NaN;
      const top = s.top !== "auto" ? base.top + cb.clientTop + parseFloat(s.top)
        : s.bottom !== "auto" ? base.top + cb.clientTop + cb.clientHeight - parseFloat(s.bottom) - height : NaN;
      if (!(width > 2 && height > 2) || Number.isNaN(left) || Number.isNaN(top)) continue;
      boxes.push({ owner: el, node: -2, kind: `${pseudo} icon`, left, top, right: left + width, bottom: top + height });
    }
  }

  // 3. Nothing overlaps text: sweep over the boxes sorted by top edge.
  boxes.sort((a, b) => a.top - b.top);
  const reported = new Set();
  for (let i = 0; i < boxes.length; i += 1) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom; j += 1) {
      const b = boxes[j];
      if (a.kind !== "text" && b.kind !== "text") continue;
      if (a.node === b.node && a.owner === b.owner) continue;
      // Text inside a control (a button's label) or a control inside the text's element is not an overlap.
      const [text, other] = a.kind === "text" ? [a, b] : [b, a];
      if (other.kind === "control" && (other.owner.contains(text.owner) || text.owner.contains(other.owner))) continue;
      if (other.kind === "text" && text.owner === other.owner) continue;
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx <= 2 || dy <= Math.max(2, 0.25 * Math.min(a.bottom - a.top, b.bottom - b.top))) continue;
      const key = `${describe(text.owner)}|${describe(other.owner)}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push(`${other.kind} ${describe(other.owner)} overlaps text ${describe(text.owner)}`);
      if (reported.size > 8) break;
    }
  }

  // 4. Every same-origin link and asset stays under the sub-path the site is served from.
  for (const el of document.querySelectorAll("a[href], link[href], script[src], img[src]")) {
    const url = new URL(el.href || el.src, location.href);
    if (url.origin === location.origin && !url.pathname.startsWith(subPath)) {
      problems.push(`leaves the site's sub-path: ${describe(el)} -> ${url.pathname}`);
    }
  }

  // 5. A region that scrolls sideways says so visibly.
  for (const el of document.querySelectorAll(".md-content *")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1 || !visible(el)) continue;
    if (el.tagName === "PRE" || el.closest("pre")) continue;
    if (!el.matches("[data-kk-scroll-cue]")) problems.push(`scrolls sideways without a visible cue: ${describe(el)}`);
  }
  return problems;
}
"""

# Every kind of focusable element shows a focus ring (outline or box shadow)
# when reached from the keyboard; on a phone, buttons are at least 44 x 44 px.
FOCUS_AND_TARGETS = r"""
(phone) => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}> "${(el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
  const usable = (el) => el.checkVisibility({ visibilityProperty: true }) && !el.disabled && !el.closest("[inert]")
    && (() => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.right > 0 && r.left < vw; })();
  const seen = new Set();
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  for (const el of document.querySelectorAll(selector)) {
    if (!usable(el)) continue;
    const area = el.closest(".md-header, .md-tabs, .md-sidebar, .md-footer, .md-content, .md-search");
    const kind = `${area ? area.classList[0] : "page"} ${el.tagName} ${el.type || ""} ${[...el.classList].sort().join(".")}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) continue;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== "none";
    if (!el.matches(":focus-visible") || !ring) problems.push(`no visible keyboard focus on ${describe(el)}`);
    el.blur();
  }
  if (phone) {
    for (const el of document.querySelectorAll(".md-content button, .md-content .md-button")) {
      if (!usable(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) problems.push(`touch target ${Math.round(r.width)} x ${Math.round(r.height)} px: ${describe(el)}`);
    }
  }
  return problems;
}
"""


def _pages(site_dir: Path, base_url: str) -> list[tuple[str, str, str | None]]:
    """(name, path, selector to wait for) for every page type."""
    site = Path(site_dir)
    largest = max((p for p in (site / "kaders").glob("*/index.html")), key=lambda p: p.stat().st_size).parent.name
    element = sorted(p.parent.name for p in (site / "themas").glob("*/index.html"))[0]
    pages = [
        ("home", "", None),
        ("kaders", "kaders/", None),
        ("kader-grootste", f"kaders/{largest}/", None),
        ("themas", "themas/", None),
        ("thema", f"themas/{element}/", None),
        ("zoeken", "zoeken/?q=meldcode", ".kk-finder[data-ready]"),
        ("selectie", "selectie/", ".kk-sel-own-part h2"),
        ("zelfscan", f"zelfscan/?scan={SCAN_ID}", "[data-kk-ready] fieldset.kk-zs-criterion"),
        ("begrippen", "begrippen/", None),
        ("data", "data/", None),
    ]
    pages += [(f"over-{p.parent.name}", f"over/{p.parent.name}/", None) for p in sorted((site / "over").glob("*/index.html"))]
    for optional in ("onderwerpen", "vergelijken"):
        if (site / optional / "index.html").is_file():
            pages.append((optional, f"{optional}/", None))
    pages.append(("404", "bestaat-niet/diep/", None))
    return pages


def _seed(site_dir: Path) -> str:
    """An init script that puts a selection and an open self-scan in storage."""
    catalog = Path(site_dir) / "assets" / "catalog"
    criteria = json.loads((catalog / f"{FRAMEWORK}.json").read_text(encoding="utf-8"))["criteria"]
    index = whole_catalog(site_dir)
    ids = [criteria[0]["id"], criteria[1]["id"]]
    other = next(f["id"] for f in index["frameworks"] if f["id"] != FRAMEWORK)
    ids += [c["id"] for c in json.loads((catalog / f"{other}.json").read_text(encoding="utf-8"))["criteria"][:2]]
    selection = {"items": [{"id": i, "note": "Eigen toelichting bij dit criterium."} for i in ids], "grouping": "framework"}
    scan = valid_scan(criteria, SCAN_ID)
    return f"""(() => {{
      if (!localStorage.getItem("kk.selectie.v1")) localStorage.setItem("kk.selectie.v1", {json.dumps(json.dumps(selection))});
      localStorage.setItem("kk.zelfscan.v1.scan.{SCAN_ID}", {json.dumps(json.dumps(scan))});
    }})()"""


@pytest.mark.browser
@pytest.mark.parametrize("palette", list(PALETTES))
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_lays_out_cleanly(browser, site_dir, base_url, width, palette):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 768 else 900},
                                  color_scheme=PALETTES[palette], locale="nl-NL")
    context.add_init_script(_seed(site_dir))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    try:
        for name, path, ready in _pages(site_dir, base_url):
            page.goto(base_url + path)
            if ready:
                page.locator(ready).first.wait_for()
            # Off-screen finder results skip layout (content-visibility: auto) until scrolled to;
            # lay everything out, as a reader scrolling down sees it, to measure it all at once.
            add_test_style(page, "* { content-visibility: visible !important; }")
            page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            assert scheme == ("slate" if palette == "donker" else "default"), (name, scheme)
            found = page.evaluate(CHECK, SUB_PATH)
            if found:  # measure the settled layout: a transition may still have been finishing
                page.wait_for_timeout(500)
                found = page.evaluate(CHECK, SUB_PATH)
            if width in SCREENSHOT_WIDTHS:
                height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
                page.screenshot(path=str(SCREENSHOTS / f"{width}-{palette}-{name}.jpg"), full_page=True, type="jpeg",
                                quality=80, clip={"x": 0, "y": 0, "width": width, "height": height})
            page.keyboard.press("Shift+Tab")  # keyboard use: programmatic focus is then :focus-visible
            found += page.evaluate(FOCUS_AND_TARGETS, width < 768)
            problems += [f"{name} ({width} px, {palette}): {p}" for p in found]
    finally:
        context.close()
    assert errors == []
    assert problems == [], "\n".join(problems)
