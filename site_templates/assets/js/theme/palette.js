// The colour scheme toggle (partials/palette.html). Runs right after the
// header's buttons, before the page is painted: applies the reader's stored
// choice, or else the option that matches the system setting, and shows the
// button that switches away from it. A click switches to the next option and
// stores it under the theme's own key and format, so a choice made before
// this script existed still applies.
(function () {
  const buttons = [...document.querySelectorAll("[data-kk-palette]")];
  if (buttons.length === 0) return;
  const keys = ["media", "scheme", "primary", "accent"];

  function systemIndex() {
    return Math.max(0, buttons.findIndex((button) => matchMedia(button.dataset.mdColorMedia).matches));
  }

  function storedIndex() {
    const stored = window.__md_get("__palette");
    const index = stored && stored.index;
    return Number.isInteger(index) && index >= 0 && index < buttons.length ? index : null;
  }

  function colorOf(index) {
    return Object.fromEntries(keys.map((key) => [key, buttons[index].getAttribute(`data-md-color-${key}`)]));
  }

  function apply(index) {
    for (const [key, value] of Object.entries(colorOf(index))) document.body.setAttribute(`data-md-color-${key}`, value);
    buttons.forEach((button, n) => { button.hidden = n !== index; });
  }

  let current = storedIndex() ?? systemIndex();
  apply(current);

  for (const button of buttons) {
    button.addEventListener("click", () => {
      current = (current + 1) % buttons.length;
      // The theme's stylesheet holds colour transitions back while this mark
      // is on <body>, so the whole page changes scheme at once.
      document.body.setAttribute("data-md-color-switching", "");
      apply(current);
      window.__md_set("__palette", { index: current, color: colorOf(current) });
      buttons[current].focus();
      requestAnimationFrame(() => requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching")));
    });
  }

  // Without a stored choice the page follows the system setting as it changes.
  for (const media of new Set(buttons.map((button) => button.dataset.mdColorMedia))) {
    matchMedia(media).addEventListener("change", () => {
      if (storedIndex() === null) { current = systemIndex(); apply(current); }
    });
  }
})();
