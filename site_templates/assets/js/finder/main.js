// Stub: replaced by the finder implementation.
export function mount(element) {
  element.textContent = "Nog niet beschikbaar.";
}
