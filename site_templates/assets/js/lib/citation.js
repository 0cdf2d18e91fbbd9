// The only place in the front-end that formats citations. The generator
// (generator/citations.py) computes each criterion's citation once: its
// `citation.text` names who wrote the quoted words (Movisie's summary of a
// framework, or the framework itself), title, publisher, year/version and a
// locator a reader can find in that document (`citation.locator`, also the
// record's `label`). Every tool that cites, copies or exports a criterion goes
// through these functions, so all outputs say exactly the same thing.
// Internal IDs never appear in what these functions return; they stay in the
// permalink only.

/** The framework record of a criterion record. */
export function frameworkOf(index, record) {
  return index.frameworks.find((framework) => framework.id === record.framework);
}

/**
 * The full citation from its two parts, as generator/citations.py joins them: who wrote the
 * quoted words and of what (a framework page's data-citation-work), then the locator.
 */
export function joinCitation(work, locator) {
  return `${work}, ${locator}`;
}

/** "Bron: <citation>." — the citation as a sentence, without the permalink. */
export function sourceSentence(text) {
  return `Bron: ${text}.`;
}

/** "Bron: <citation>. <permalink>" — the one-line citation every plain format uses. */
export function citationLine(text, permalink) {
  return `${sourceSentence(text)} ${permalink}`;
}

/**
 * A warning for criteria of a framework that is no longer current, or null.
 * lifecycle: the framework record's `lifecycle` ({status, label, warning}).
 */
export function lifecycleWarning(framework) {
  const lifecycle = framework && framework.lifecycle;
  if (!lifecycle || lifecycle.status === "geldig" || !lifecycle.warning) return null;
  return lifecycle.warning;
}

/**
 * Everything an output needs to cite one criterion record:
 * text (the full citation), locator, heading ("<locator> (<short title>)"),
 * the framework's title, publisher and year, the permalink and the
 * framework's lifecycle warning (null when it is current).
 */
export function citationOf(index, siteRoot, record) {
  const framework = frameworkOf(index, record);
  const permalink = new URL(record.url, siteRoot).href;
  return {
    text: record.citation.text,
    locator: record.citation.locator,
    heading: `${record.citation.locator} (${framework.short_title})`,
    frameworkTitle: framework.title,
    frameworkShortTitle: framework.short_title,
    publisher: framework.publisher,
    year: framework.year,
    permalink,
    warning: lifecycleWarning(framework),
  };
}

/** The citation of a citationOf() result as one line of text. */
export function citationText(citation) {
  return citationLine(citation.text, citation.permalink);
}

/**
 * What "Kopieer met bronvermelding" puts on the clipboard: the verbatim text,
 * its items as "- " lines, a blank line and the citation line.
 */
export function quotationWithCitation({ text, items }, citation, permalink, warning = null) {
  const lines = [text, ...items.map((item) => `- ${item}`), "", citationLine(citation, permalink)];
  if (warning) lines.push(`Let op: ${warning}`);
  return lines.join("\n");
}

/** Text followed by a full stop, unless it already ends in one ("z.j." stays "z.j.", never "z.j.."). */
export function withPeriod(text) {
  const value = String(text ?? "").trimEnd();
  return value.endsWith(".") ? value : `${value}.`;
}
