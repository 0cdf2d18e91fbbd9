import { downloadBlob, textBlob } from "../lib/download.js";

// Tiny DOM builder. Every string becomes a text node, so nothing a user or an
// imported file supplies is ever parsed as HTML.

/**
 * h("p", {className: "x", onclick: fn}, "text", child, ...)
 * Attributes: className, dataset (object), on<event> (listener), hidden/checked/
 * disabled/value (properties); anything else is set with setAttribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "value" || name === "checked" || name === "hidden" || name === "disabled") element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Same as h() for SVG elements (attributes only, children are nodes or text). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  append(element, children);
  return element;
}

/** A horizontally scrollable table holder; focusable so keyboard users can scroll it. */
export function tableWrap(label, table) {
  return h("div", { className: "kk-table-wrap", tabindex: 0, role: "region", "aria-label": label }, table);
}

let uniqueCounter = 0;
/** A fresh element id, for label/for and aria-describedby pairs. */
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** Offer a text as a file download; the Blob URL is on this origin. */
export function download(filename, text, type) {
  downloadBlob(textBlob(text, type), filename);
}

/** A button that builds a file ({filename, text, type}) when pressed and offers it as a download. */
export function exportButton(label, make) {
  return h("button", {
    type: "button", className: "md-button",
    onclick: () => {
      const file = make();
      download(file.filename, file.text, file.type);
    },
  }, label);
}
