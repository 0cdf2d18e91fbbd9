// Applies the reader's stored colour scheme before the page is painted (the
// theme does this with an inline script; see globals.js for why it is a file).
(function () {
  const palette = window.__md_get("__palette");
  if (!palette || !palette.color) return;
  const color = { ...palette.color };
  if (color.media === "(prefers-color-scheme)") {
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(`[data-md-color-media='(prefers-color-scheme: ${light ? "light" : "dark"})']`);
    if (input) {
      for (const key of ["media", "scheme", "primary", "accent"]) color[key] = input.getAttribute(`data-md-color-${key}`);
    }
  }
  for (const [key, value] of Object.entries(color)) document.body.setAttribute(`data-md-color-${key}`, value);
})();
