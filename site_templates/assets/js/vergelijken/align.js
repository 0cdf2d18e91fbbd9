// Lines the criteria of 2–4 frameworks up for the compare view: one section
// per topic (onderwerp, vocabulary order; criteria without a topic last),
// and inside a section one row per comparable-criteria group with members in
// it, then one row with the section's other criteria. Each row has one cell
// per chosen framework. A criterion with several topics appears in each of
// their sections; a section holds exactly the chosen frameworks' criteria on
// that topic (after the element filter). Pure data in, data out: main.js and
// the exports render from this one model.

export const NO_TOPIC = { id: "", label: "Zonder onderwerp", description: "Criteria waaraan geen onderwerp is toegekend." };

/** The topic list: index.topics, or (older catalogues) the tag IDs the records use. */
export function topicsOf(index, records) {
  if (Array.isArray(index.topics)) return index.topics;
  const ids = [...new Set(records.flatMap((record) => record.tags || []))];
  return ids.map((id) => ({ id, label: id, description: "" }));
}

/** Groups from index.comparable, each with a Map criterion id -> relation. */
function comparableGroups(index) {
  return (index.comparable || []).map((group) => ({
    id: group.id, label: group.label, note: group.note || "",
    relations: new Map(group.members.map((member) => [member.id, member.relation])),
  }));
}

function presentIn(frameworks, cells) {
  return frameworks.filter((framework, position) => cells[position].length > 0).map((framework) => framework.id);
}

/**
 * frameworks: the chosen framework records (index.frameworks entries) in
 * column order; recordsByFramework: Map id -> full criterion records;
 * element, topic: ids or "" for all.
 */
export function alignComparison({ index, frameworks, recordsByFramework, element = "", topic = "" }) {
  const column = new Map(frameworks.map((framework, position) => [framework.id, position]));
  const records = frameworks.flatMap((framework) => recordsByFramework.get(framework.id) || [])
    .filter((record) => !element || record.elements.includes(element));
  const topics = topicsOf(index, records);
  const groups = comparableGroups(index);
  const emptyCells = () => frameworks.map(() => []);

  // Every filtered member of a group, wherever its topic: an empty cell of a
  // group row can then point to the framework's member under another topic.
  const groupsOf = new Map(); // criterion id -> positions of its groups
  groups.forEach((group, position) => {
    for (const id of group.relations.keys()) {
      if (!groupsOf.has(id)) groupsOf.set(id, []);
      groupsOf.get(id).push(position);
    }
  });
  const membersByGroup = new Map(); // group position -> cells of its members
  for (const record of records) {
    for (const position of groupsOf.get(record.id) || []) {
      if (!membersByGroup.has(position)) membersByGroup.set(position, emptyCells());
      membersByGroup.get(position)[column.get(record.framework)].push(record);
    }
  }
  // A group is a comparison only across chosen frameworks.
  for (const [position, cells] of membersByGroup) {
    if (cells.filter((cell) => cell.length > 0).length < 2) membersByGroup.delete(position);
  }

  const topicIds = new Set(topics.map((t) => t.id));
  const byTopic = new Map([...topics, NO_TOPIC].map((t) => [t.id, []]));
  for (const record of records) {
    const own = (record.tags || []).filter((id) => topicIds.has(id));
    for (const id of own.length > 0 ? own : [NO_TOPIC.id]) byTopic.get(id).push(record);
  }

  const sections = [];
  for (const entry of [...topics, NO_TOPIC]) {
    if (topic && entry.id !== topic) continue;
    const members = byTopic.get(entry.id);
    const inSection = new Set(members.map((record) => record.id));
    const rows = [];
    const grouped = new Set();
    const sectionGroups = new Set();
    for (const record of members) {
      for (const position of groupsOf.get(record.id) || []) if (membersByGroup.has(position)) sectionGroups.add(position);
    }
    for (const position of [...sectionGroups].sort((a, b) => a - b)) {
      const group = groups[position];
      const all = membersByGroup.get(position);
      const cells = all.map((cell) => cell.filter((record) => inSection.has(record.id))
        .map((record) => ({ record, relation: group.relations.get(record.id) })));
      // Members of this group that sit under another topic, per empty column.
      const elsewhere = all.map((cell, c) => (cells[c].length > 0 ? [] : cell));
      for (const cell of cells) for (const { record } of cell) grouped.add(record.id);
      rows.push({ kind: "group", group, cells, elsewhere, presentIn: presentIn(frameworks, cells) });
    }
    const rest = emptyCells();
    for (const record of members) if (!grouped.has(record.id)) rest[column.get(record.framework)].push({ record, relation: null });
    if (rest.some((cell) => cell.length > 0)) {
      rows.push({ kind: "other", group: null, cells: rest, elsewhere: null, presentIn: presentIn(frameworks, rest) });
    }
    const sectionCells = emptyCells();
    for (const record of members) sectionCells[column.get(record.framework)].push(record);
    sections.push({ topic: entry, rows, criteriaCount: members.length, presentIn: presentIn(frameworks, sectionCells) });
  }
  const shown = sections.filter((section) => section.criteriaCount > 0);
  const shownIds = new Map();
  for (const section of shown) {
    for (const row of section.rows) for (const cell of row.cells) for (const { record } of cell) shownIds.set(record.id, record);
  }
  return {
    frameworks,
    sections: shown,
    // Topics none of the chosen frameworks has a criterion on (named, so their absence is visible).
    emptyTopics: sections.filter((section) => section.criteriaCount === 0 && section.topic !== NO_TOPIC)
      .map((section) => section.topic),
    criteriaCount: shownIds.size,
    perFramework: frameworks.map((framework) => [...shownIds.values()].filter((r) => r.framework === framework.id).length),
  };
}
