import { importError, importWarning, type ImportIssue } from '../import-issue.ts';
import type { ImportStaging } from '../staging.ts';
import { stageTask } from './stage-task.ts';

/** An element of the XML tree: its name, text, children and the line its start tag is on. */
interface XmlElement {
  readonly name: string;
  readonly line: number;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * A small XML reader for the KLE Emneplan: elements, text, comments, CDATA and the prolog;
 * attributes are skipped (the Emneplan keeps its data in elements). Throws with a line on
 * malformed markup.
 */
function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let line = 1;
  let i = 0;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (chunk.trim() !== '') stack.at(-1)!.text += decodeEntities(chunk);
    advance(lt === -1 ? text.length : lt);
    if (lt === -1) break;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end === -1) throw new SyntaxError(`line ${line}: comment never closed`);
      advance(end + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end === -1) throw new SyntaxError(`line ${line}: CDATA never closed`);
      stack.at(-1)!.text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<?', i) || text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      if (end === -1) throw new SyntaxError(`line ${line}: declaration never closed`);
      advance(end + 1);
    } else {
      const end = text.indexOf('>', i);
      if (end === -1) throw new SyntaxError(`line ${line}: tag never closed`);
      const tag = text.slice(i + 1, end);
      const startLine = line;
      advance(end + 1);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (!open || open.name !== name || stack.length === 0) {
          throw new SyntaxError(
            `line ${startLine}: </${name}> closes <${open?.name ?? 'nothing'}>`,
          );
        }
      } else {
        const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
        if (name === '') throw new SyntaxError(`line ${startLine}: empty tag`);
        const element: XmlElement = { name, line: startLine, children: [], text: '' };
        stack.at(-1)!.children.push(element);
        if (!tag.endsWith('/')) stack.push(element);
      }
    }
  }
  if (stack.length > 1) throw new SyntaxError(`line ${line}: <${stack.at(-1)!.name}> never closed`);
  return root;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

function childText(element: XmlElement, name: string): string {
  return child(element, name)?.text.trim() ?? '';
}

const LEVELS = [
  {
    element: 'Hovedgruppe',
    number: 'HovedgruppeNr',
    title: 'HovedgruppeTitel',
    children: 'Gruppe',
  },
  { element: 'Gruppe', number: 'GruppeNr', title: 'GruppeTitel', children: 'Emne' },
  { element: 'Emne', number: 'EmneNr', title: 'EmneTitel', children: null },
] as const;

/** Whether an entry is retired: its administrative info has an `UdgaaetDato` before `today`. */
function retired(element: XmlElement, today: string): boolean {
  for (const info of element.children) {
    if (!info.name.endsWith('AdministrativInfo')) continue;
    const until = childText(info, 'UdgaaetDato');
    if (until !== '' && until.slice(0, 10) <= today) return true;
  }
  return false;
}

/**
 * Reads KL's KLE-Emneplan XML (Hovedgruppe / Gruppe / Emne with their `…Nr`, `…Titel` and
 * `UUID`) into Task records, as Kitos does: retired entries are left out.
 */
export function readKleXml(
  file: string,
  text: string,
  staging: ImportStaging,
  today = new Date().toISOString().slice(0, 10),
): { records: number } {
  const issues: ImportIssue[] = staging.issues;
  let document: XmlElement;
  try {
    document = parseXml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/^line (\d+)/.exec(message)?.[1] ?? 1);
    issues.push(
      importError(
        { file, line },
        'BAD_XML',
        `not well-formed XML: ${message.replace(/^line \d+: /, '')}`,
      ),
    );
    return { records: 0 };
  }
  const plan = document.children.find((c) => c.name === 'KLE-Emneplan');
  if (!plan) {
    issues.push(
      importError(
        { file, line: 1 },
        'UNKNOWN_FORMAT',
        'XML without a <KLE-Emneplan> root; only the KLE Emneplan is read',
      ),
    );
    return { records: 0 };
  }
  let records = 0;
  let skipped = 0;
  const visit = (element: XmlElement, depth: number, parent: string | null) => {
    const level = LEVELS[depth]!;
    const origin = { file, line: element.line, structured: true };
    const uuid = childText(element, 'UUID');
    const number = childText(element, level.number);
    if (retired(element, today)) {
      skipped++;
      return;
    }
    records++;
    if (uuid === '' || number === '') {
      issues.push(
        importError(
          origin,
          'MISSING_VALUE',
          `<${element.name}> without ${uuid === '' ? '<UUID>' : `<${level.number}>`}`,
          uuid === '' ? 'UUID' : level.number,
        ),
      );
      return;
    }
    stageTask(staging, { uuid, number, title: childText(element, level.title), parent }, origin);
    if (level.children) {
      for (const next of element.children) {
        if (next.name === level.children) visit(next, depth + 1, uuid);
      }
    }
  };
  for (const group of plan.children) if (group.name === 'Hovedgruppe') visit(group, 0, null);
  if (skipped > 0) {
    issues.push(
      importWarning({ file, line: 1 }, 'IGNORED', `${skipped} retired KLE entries left out`),
    );
  }
  return { records };
}
