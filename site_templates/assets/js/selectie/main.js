// Stub: replaced by the selectie implementation.
export function mount(element) {
  element.textContent = "Nog niet beschikbaar.";
}
