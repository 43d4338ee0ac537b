/** Parsed JSON plus the line each object starts on. */
export interface JsonWithLines {
  readonly value: unknown;
  /** 1-based line of an object of `value` (1 for anything not found). */
  readonly lineOf: (object: object) => number;
}

/** A JSON syntax error with the line it is on. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly message: string;
}

/** The line numbers of every `{` outside strings, in document order. */
function objectStartLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 123) lines.push(line);
    else if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
        else if (d === 10) line++;
      }
    }
  }
  return lines;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses JSON with the native parser and recovers where each object starts: a pre-order walk of
 * the parsed value meets the objects in the order their `{` appear in the text. (That holds for
 * Kitos DTOs, whose keys are never integer-like; JavaScript would order those first.)
 */
export function parseJsonWithLines(text: string): JsonWithLines | { error: JsonSyntaxError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column/.exec(message);
    const line = lineColumn
      ? Number(lineColumn[1])
      : position
        ? lineOfOffset(text, Number(position[1]))
        : 1;
    return { error: { line, message: message.replace(/^JSON\.parse: /, '') } };
  }
  const starts = objectStartLines(text);
  const lines = new Map<object, number>();
  let next = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      lines.set(node, starts[next++] ?? 1);
      for (const child of Object.values(node)) walk(child);
    }
  };
  walk(value);
  return { value, lineOf: (object) => lines.get(object) ?? 1 };
}
