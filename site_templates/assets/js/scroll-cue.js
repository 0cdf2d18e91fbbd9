// Tables wider than the column scroll sideways inside their wrapper. When a
// wrapper actually overflows it gets a visible cue (a line of text above it and
// an edge shadow, see layout.css) and becomes a focusable, named region so
// keyboard users can scroll it with the arrow keys.
const WRAPPERS = ".kk-table-wrap, .md-typeset__scrollwrap";

function update(wrapper, hint) {
  const overflows = wrapper.scrollWidth > wrapper.clientWidth + 1;
  hint.classList.toggle("kk-scroll-hint--shown", overflows);
  if (overflows) {
    wrapper.setAttribute("data-kk-scroll-cue", "");
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    const caption = wrapper.querySelector("caption");
    wrapper.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel");
  } else {
    for (const name of ["data-kk-scroll-cue", "tabindex", "role", "aria-label"]) wrapper.removeAttribute(name);
  }
}

export function initScrollCues(root) {
  // Material wraps plain tables in .md-typeset__scrollwrap; a table in our own
  // .kk-table-wrap is not wrapped twice, so the outermost wrapper scrolls.
  const wrappers = [...root.querySelectorAll(WRAPPERS)].filter((w) => !w.parentElement.closest(WRAPPERS));
  if (!wrappers.length) return;
  const hints = new Map();
  for (const wrapper of wrappers) {
    const hint = document.createElement("p");
    hint.className = "kk-scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = "Deze tabel is breder dan het scherm: schuif hem opzij voor de andere kolommen →";
    wrapper.before(hint);
    hints.set(wrapper, hint);
  }
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target, hints.get(entry.target));
  });
  for (const wrapper of wrappers) observer.observe(wrapper);
}
