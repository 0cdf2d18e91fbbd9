// OpenDocument packages (.odt, .ods) written in the browser on the vendored
// fflate: the uncompressed `mimetype` entry first (ODF 1.2 part 3, 3.3), a
// manifest listing every part, and the XML parts the caller gives. All XML
// values go through escapeXml (lib/docx.js).
import { strToU8, zipSync } from "../vendor/fflate.js";
import { escapeXml } from "./docx.js";

export { escapeXml };

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The namespaces every part of our documents uses. */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(" ");

export const MIME_TYPES = {
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};

function manifest(mimeType, parts) {
  const entries = parts.map((path) => `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="text/xml"/>`);
  return `${XML_DECLARATION}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">`
    + `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mimeType}"/>`
    + `${entries.join("")}</manifest:manifest>`;
}

function meta(title) {
  return `${XML_DECLARATION}<office:document-meta ${ODF_NAMESPACES} office:version="1.2"><office:meta>`
    + `<dc:title>${escapeXml(title)}</dc:title><dc:language>nl-NL</dc:language>`
    + `<meta:creation-date>${new Date().toISOString().slice(0, 19)}</meta:creation-date>`
    + "<meta:generator>Kwaliteitskaders sociaal domein</meta:generator></office:meta></office:document-meta>";
}

/**
 * The document as a Blob. kind: "odt" | "ods"; content and styles: the
 * inner XML of office:document-content and office:document-styles (without
 * the root element, which is written here).
 */
export function odfPackage(kind, { title, content, styles }) {
  const mimeType = MIME_TYPES[kind];
  const root = (name, inner) => `${XML_DECLARATION}<office:${name} ${ODF_NAMESPACES} office:version="1.2">${inner}</office:${name}>`;
  const parts = {
    "content.xml": root("document-content", content),
    "styles.xml": root("document-styles", styles),
    "meta.xml": meta(title),
  };
  // Object order is zip order: mimetype first, stored without compression.
  const files = {
    mimetype: [strToU8(mimeType), { level: 0 }],
    ...Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])),
    "META-INF/manifest.xml": strToU8(manifest(mimeType, Object.keys(parts))),
  };
  return new Blob([zipSync(files)], { type: mimeType });
}
