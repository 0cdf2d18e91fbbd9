// The footer's data version, counts and build date, from the generator's
// assets/site-info.json. Text only (textContent): nothing is read as HTML.
export async function initSiteInfo(root, siteRoot) {
  const target = root.querySelector("[data-kk-site-info]");
  if (!target) return;
  try {
    const response = await fetch(new URL("assets/site-info.json", siteRoot));
    if (!response.ok) return;
    const info = await response.json();
    target.textContent = ` Gegevensversie ${info.data_version} (${info.frameworks} kaders, ` +
      `${info.criteria} criteria), gebouwd op ${info.build_date_text}.`;
  } catch {
    // The fixed footer text is enough when the file cannot be read (e.g. opened from disk).
  }
}
