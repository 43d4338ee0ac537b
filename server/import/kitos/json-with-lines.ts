/** Parsed JSON plus the line each object starts on. */
export interface JsonWithLines {
  readonly value: unknown;
  /** 1-based line of an object of `value` (1 for anything not found). */
  readonly lineOf: (object: object) => number;
}

/** Why a JSON document cannot be read (a syntax error, or nesting too deep), and where. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly message: string;
}

/**
 * The deepest nesting a document may have. Kitos DTOs nest a handful of levels (a page, its list,
 * a DTO, `general.validity`); a document far deeper is refused before anything walks it, since
 * every walk over parsed JSON (this module's, JSON.stringify, zod) recurses and would overflow
 * the stack a few thousand levels down.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The line numbers of every `{` outside strings, in document order, and the line where the
 * nesting of objects and arrays first goes past MAX_JSON_DEPTH (0 if it never does).
 */
function scanObjects(text: string): { starts: number[]; tooDeepAt: number } {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 123 || c === 91) {
      if (c === 123) starts.push(line);
      if (++depth > MAX_JSON_DEPTH) return { starts, tooDeepAt: line };
    } else if (c === 125 || c === 93) depth--;
    else if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
        else if (d === 10) line++;
      }
    }
  }
  return { starts, tooDeepAt: 0 };
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
  const { starts, tooDeepAt } = scanObjects(text);
  if (tooDeepAt > 0) {
    return {
      error: {
        line: tooDeepAt,
        message:
          `arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep, which is not read ` +
          '(Kitos documents nest fewer than 10)',
      },
    };
  }
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
    return { error: { line, message: `not valid JSON: ${message.replace(/^JSON\.parse: /, '')}` } };
  }
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
