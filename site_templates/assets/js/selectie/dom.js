// A tiny helper to build DOM nodes. Strings become text nodes, so data is
// never parsed as HTML. Also the verbatim criterion text as every tool shows it.
import { itemText, separateTitle } from "./model.js";

/**
 * el("a", {href: "…", class: "x", on: {click: fn}}, "text", childNode)
 * Attribute values true become empty attributes; false, null and undefined are left out.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "on") {
      for (const [type, listener] of Object.entries(value)) node.addEventListener(type, listener);
    } else if (value === true) {
      node.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function itemsList(items) {
  if (!items || items.length === 0) return null;
  return el("ul", { class: "kk-items" }, items.map((item) => el("li", {}, itemText(item), itemsList(item.items))));
}

/** The verbatim criterion text, as on the framework pages. */
export function quote(record) {
  const title = separateTitle(record);
  return el("blockquote", { class: "kk-text", lang: "nl" },
    el("p", {}, title ? [el("strong", {}, title), el("br")] : null, record.text),
    itemsList(record.items),
    record.closing ? el("p", { class: "kk-closing" }, record.closing) : null);
}
