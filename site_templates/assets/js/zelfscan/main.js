// Stub: replaced by the zelfscan implementation.
export function mount(element) {
  element.textContent = "Nog niet beschikbaar.";
}
