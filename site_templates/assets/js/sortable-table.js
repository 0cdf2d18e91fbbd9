// Sortable tables: a button in each sortable header; aria-sort tells screen
// readers the current order.

function cellValue(row, index, type) {
  const cell = row.cells[index];
  const raw = cell.dataset.value ?? cell.textContent.trim();
  return type === "number" ? Number.parseFloat(raw) || 0 : raw.toLocaleLowerCase("nl");
}

export function initSortableTables(root) {
  for (const table of root.querySelectorAll("table.kk-sortable")) {
    const headers = [...table.tHead.rows[0].cells];
    table.tHead.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-sort]");
      if (!button) return;
      const header = button.closest("th");
      const index = headers.indexOf(header);
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      for (const other of headers) if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = [...body.rows];
      const type = button.dataset.sort;
      rows.sort((a, b) => {
        const x = cellValue(a, index, type);
        const y = cellValue(b, index, type);
        const order = type === "number" ? x - y : x.localeCompare(y, "nl");
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  }
}
