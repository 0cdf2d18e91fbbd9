// "Kopieer met bronvermelding": put the verbatim criterion text plus its
// citation on the clipboard. The text is read from the DOM with textContent,
// so nothing is ever interpreted as HTML; the citation is the one the
// generator computed (the cited work once on #kk-framework, the criterion's
// locator), formatted by lib/citation.js like in every other output. That
// module is fetched when a copy button is first pointed at or focused (or
// clicked), not with the page: most views copy nothing.
let citationModule = null;
const loadCitation = () => (citationModule ??= import("./lib/citation.js"));

const locatorOf = (criterionElement) => criterionElement.querySelector(".kk-locator").textContent;

export async function citationFor(criterionElement, frameworkElement, permalink) {
  const { joinCitation, quotationWithCitation } = await loadCitation();
  const text = criterionElement.querySelector(".kk-text > p").textContent.trim();
  const items = [...criterionElement.querySelectorAll(".kk-text > .kk-items > li")]
    .map((li) => li.textContent.replace(/\s+/g, " ").trim());
  const warning = frameworkElement.dataset.lifecycleWarning || null;
  const citation = joinCitation(frameworkElement.dataset.citationWork, locatorOf(criterionElement));
  return quotationWithCitation({ text, items }, citation, permalink, warning);
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
  // The many copy buttons are told apart by their criterion's locator (never its ID); the
  // name starts with the visible text (WCAG 2.5.3). Without this script they do nothing anyway.
  for (const button of root.querySelectorAll("[data-copy-criterion]")) {
    button.setAttribute("aria-label", `${button.textContent}: ${locatorOf(button.closest(".kk-criterion"))}`);
  }
  const copyButtonAt = (event) => event.target instanceof Element && event.target.closest("[data-copy-criterion]");
  const preload = (event) => {
    if (copyButtonAt(event)) loadCitation();
  };
  root.addEventListener("pointerover", preload);
  root.addEventListener("focusin", preload);
  root.addEventListener("click", async (event) => {
    const button = copyButtonAt(event);
    if (!button) return;
    const id = button.dataset.copyCriterion;
    const criterion = root.querySelector(`.kk-criterion[data-criterion-id="${CSS.escape(id)}"]`);
    const permalink = new URL(`#${id}`, location.href.split(/[?#]/)[0]).href;
    try {
      await navigator.clipboard.writeText(await citationFor(criterion, framework, permalink));
      announce("Gekopieerd met bronvermelding.");
    } catch {
      announce("Kopiëren lukte niet; selecteer de tekst en kopieer handmatig.");
    }
  });
}
