// "Kopieer met bronvermelding": put the verbatim criterion text plus a
// citation on the clipboard. Text is read from the DOM with textContent, so
// nothing is ever interpreted as HTML.

export function citationFor(criterionElement, frameworkElement, permalink) {
  const quote = criterionElement.querySelector(".kk-text > p").textContent.trim();
  const items = [...criterionElement.querySelectorAll(".kk-text > .kk-items > li")]
    .map((li) => "- " + li.textContent.replace(/\s+/g, " ").trim());
  const meta = frameworkElement.dataset;
  const number = criterionElement.dataset.number ? `, ${meta.itemTerm} ${criterionElement.dataset.number}` : "";
  const source = `Bron: ${meta.title}, ${meta.publishers}, ${meta.year}${number}. ${permalink}`;
  return [quote, ...items, "", source].join("\n");
}

function announce(message) {
  let toast = document.querySelector(".kk-toast");
  if (!toast) {
    toast = document.createElement("div");
    toast.className = "kk-toast";
    toast.setAttribute("role", "status");
    document.body.append(toast);
  }
  toast.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => toast.remove(), 4000);
}

export function initCopyButtons(root) {
  const framework = root.getElementById("kk-framework");
  if (!framework) return;
  root.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy-criterion]");
    if (!button) return;
    const id = button.dataset.copyCriterion;
    const criterion = root.querySelector(`.kk-criterion[data-criterion-id="${CSS.escape(id)}"]`);
    const permalink = new URL(`#${id}`, location.href).href;
    const text = citationFor(criterion, framework, permalink);
    try {
      await navigator.clipboard.writeText(text);
      announce("Gekopieerd met bronvermelding.");
    } catch {
      announce("Kopiëren lukte niet; selecteer de tekst en kopieer handmatig.");
    }
  });
}
