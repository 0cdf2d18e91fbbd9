// A file input that reads and validates a scan file; `control` is what a view shows. On a bad file it lists
// the problems in its feedback area; a valid scan goes to onScan. `read` reads another kind of file
// instead (the evidence library): it resolves to {problems} or {data}, and data goes to onScan.
import { h, uniqueId } from "./dom.js";
import { readScanFile } from "./import-export.js";

export function scanFileInput(app, { idPrefix, refusal, onScan, read = null }) {
  const id = uniqueId(idPrefix);
  const feedback = h("div", { className: "kk-zs-feedback", role: "status" });
  const input = h("input", { id, type: "file", accept: ".json,application/json" });
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    input.value = ""; // so that choosing the same file again is a new change
    feedback.replaceChildren(); // the previous message never stays above a new result
    const result = read ? await read(file) : await readScanFile(file, app.index, app.siteRoot);
    if (result.problems) {
      feedback.replaceChildren(h("div", { className: "kk-zs-message kk-zs-message--error" },
        h("p", {}, `"${file.name}" ${refusal}`),
        h("ul", {}, result.problems.map((problem) => h("li", {}, problem)))));
      return;
    }
    await onScan(read ? result.data : result.scan, file, feedback);
  });
  // The native control ("Choose File / No file chosen", in the browser's
  // language) sits invisibly on top of a button in the site's style; the input
  // itself keeps the focus, the label and the keyboard behaviour.
  const control = h("span", { className: "kk-zs-file" },
    h("span", { className: "md-button", "aria-hidden": "true" }, "Kies een bestand…"), input);
  return { id, input, control, feedback };
}
