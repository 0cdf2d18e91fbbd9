// Filters whose state lives in the URL (?domein=…&segment=…&element=…&kader=…),
// so a filtered view can be bookmarked and shared and back/forward work.

const FILTER_ATTRIBUTES = { domein: "domains", segment: "segments", element: "elements", kader: "framework" };

function matches(target, state) {
  return Object.entries(state).every(([name, value]) => {
    if (!value) return true;
    const attribute = target.dataset[FILTER_ATTRIBUTES[name]];
    return attribute !== undefined && attribute.split(" ").includes(value);
  });
}

function readState(form) {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const select of form.querySelectorAll("select")) {
    const value = params.get(select.name) ?? "";
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
    state[select.name] = select.value;
  }
  return state;
}

function apply(form, state) {
  const targets = form.dataset.filterTable
    ? document.getElementById(form.dataset.filterTable).tBodies[0].rows
    : document.getElementById(form.dataset.filterGroups).querySelectorAll(".kk-group");
  let shown = 0;
  for (const target of targets) {
    const visible = matches(target, state);
    target.classList.toggle("kk-hidden", !visible);
    if (visible) shown += 1;
  }
  const noun = form.dataset.filterTable ? "kaders" : "kaders met criteria";
  form.querySelector(".kk-filter-status").textContent = `${shown} van ${targets.length} ${noun} getoond.`;
}

export function initFilters(root) {
  for (const form of root.querySelectorAll("form.kk-filters")) {
    apply(form, readState(form));
    // This module is imported after the page has loaded; the mark tells a test (or any script)
    // that the filter in the URL has been applied.
    form.dataset.kkReady = "true";
    form.addEventListener("change", () => {
      const params = new URLSearchParams(location.search);
      for (const select of form.querySelectorAll("select")) {
        if (select.value) params.set(select.name, select.value);
        else params.delete(select.name);
      }
      const query = params.toString();
      history.pushState(null, "", query ? `?${query}` : location.pathname);
      apply(form, readState(form));
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    addEventListener("popstate", () => apply(form, readState(form)));
  }
}
