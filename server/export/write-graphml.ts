import { GRAPH_MODEL, type PropertyType } from '../model/graph-model.ts';
import type { Landscape } from '../model/landscape.ts';

const GRAPHML_TYPES: Record<PropertyType, string> = {
  string: 'string',
  date: 'string',
  int: 'long',
  float: 'double',
  boolean: 'boolean',
};

/** Control characters other than tab and line breaks, which XML 1.0 cannot hold even escaped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replace(FORBIDDEN, '');
}

/** One GraphML key per property name of the model (the same name has the same type everywhere). */
function propertyKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const label of GRAPH_MODEL.labels) {
    for (const property of label.properties) {
      const type = GRAPHML_TYPES[property.type];
      const known = keys.get(property.name);
      if (known && known !== type) {
        throw new Error(`Model: property ${property.name} has two types (${known}, ${type})`);
      }
      keys.set(property.name, type);
    }
  }
  return keys;
}

const KEYS = propertyKeys();

/**
 * A landscape (or slice) as GraphML for yEd, Gephi and Cytoscape desktop: nodes with their label
 * and every non-null property as data, directed edges with their relationship type.
 */
export function writeGraphml(landscape: Landscape): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  ];
  for (const [name, type] of KEYS) {
    if (name === 'id') continue;
    out.push(`  <key id="p_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  }
  out.push('  <key id="type" for="edge" attr.name="type" attr.type="string"/>');
  out.push('  <graph id="overblik" edgedefault="directed">');
  for (const [label, rows] of landscape.nodes) {
    for (const row of rows) {
      out.push(`    <node id="${escapeXml(row.id)}">`);
      out.push(`      <data key="label">${label}</data>`);
      for (const [name, value] of Object.entries(row)) {
        if (name === 'id' || value === null) continue;
        out.push(`      <data key="p_${name}">${escapeXml(String(value))}</data>`);
      }
      out.push('    </node>');
    }
  }
  let n = 0;
  for (const [type, rows] of landscape.relationships) {
    for (const r of rows) {
      out.push(
        `    <edge id="e${n++}" source="${escapeXml(r.from)}" target="${escapeXml(r.to)}">` +
          `<data key="type">${type}</data></edge>`,
      );
    }
  }
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
