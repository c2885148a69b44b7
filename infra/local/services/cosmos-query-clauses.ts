/**
 * A query's top-level clauses, read from its text: the engine (@zeit/cosmosdb-query) has no
 * GROUP BY in its grammar, so the stand-in finds the clauses itself (`cosmos-group-by.ts`).
 * Keywords count only outside strings and brackets, and not after a dot (`c.from` is a property).
 */

const KEYWORDS = /^(SELECT|FROM|WHERE|GROUP\s+BY|ORDER\s+BY|OFFSET|LIMIT|JOIN|AS)\b/i;
/** What may follow SELECT before the projection, in this order. */
const MODIFIERS = /^\s*(?:(TOP)\s+(?:\d+|@\w+)|(DISTINCT)|(VALUE))\b/i;
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

export interface TopLevelKeyword {
  /** Upper case, one space between words: `GROUP BY`. */
  readonly keyword: string;
  readonly start: number;
  readonly end: number;
}

/** Where `text` has a string literal starting at `start` ('…' or "…", backslash escapes), its end. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length && text[index] !== quote) index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Calls `visit` for every character at depth 0 outside strings; stops when it answers true. */
function walkTopLevel(text: string, visit: (index: number) => boolean): void {
  let depth = 0;
  for (let index = 0; index < text.length; ) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'") {
      index = stringEnd(text, index);
      continue;
    }
    if (OPENING.has(char)) depth += 1;
    else if (CLOSING.has(char)) depth -= 1;
    else if (depth === 0 && visit(index)) return;
    index += 1;
  }
}

export function topLevelKeywords(text: string): TopLevelKeyword[] {
  const found: TopLevelKeyword[] = [];
  const keyword = new RegExp(KEYWORDS.source.slice(1), 'iy');
  let skipUntil = 0;
  walkTopLevel(text, (index) => {
    // A keyword starts a word, and a word after a dot is a property name.
    if (index < skipUntil || !/[A-Za-z]/.test(text.charAt(index)) || /[\w$@.]/.test(text.charAt(index - 1))) return false;
    if (/\.\s*$/.test(text.slice(Math.max(0, index - 8), index))) return false;
    keyword.lastIndex = index;
    const match = keyword.exec(text);
    if (match === null) return false;
    found.push({ keyword: match[1]?.toUpperCase().replace(/\s+/, ' ') ?? '', start: index, end: index + match[0].length });
    skipUntil = index + match[0].length;
    return false;
  });
  return found;
}

/** `text` cut at its top-level occurrences of `separator`, each piece trimmed. */
export function splitTopLevel(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  walkTopLevel(text, (index) => {
    if (text[index] === separator) {
      pieces.push(text.slice(from, index).trim());
      from = index + 1;
    }
    return false;
  });
  pieces.push(text.slice(from).trim());
  return pieces;
}

/** True when `text` is one bracketed whole: `open` at its start closed by its last character. */
export function isEnclosed(text: string, open: '(' | '[' | '{', fromIndex = 0): boolean {
  if (text[fromIndex] !== open) return false;
  let depth = 0;
  for (let index = fromIndex; index < text.length; ) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'") {
      index = stringEnd(text, index);
      continue;
    }
    if (OPENING.has(char)) depth += 1;
    else if (CLOSING.has(char)) {
      depth -= 1;
      if (depth === 0) return index === text.length - 1;
    }
    index += 1;
  }
  return false;
}

/** A string literal's value and what follows it, when `text` starts with one. */
export function leadingString(text: string): { readonly value: string; readonly rest: string } | undefined {
  const quote = text[0];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = stringEnd(text, 0);
  const body = text.slice(1, end - 1);
  const value = quote === '"' ? (JSON.parse(`"${body}"`) as string) : body.replace(/\\(.)/g, '$1');
  return { value, rest: text.slice(end) };
}

export interface QueryClauses {
  /** What follows SELECT (and TOP, DISTINCT, VALUE), up to FROM. */
  readonly projection: string;
  readonly selectValue: boolean;
  /** TOP, DISTINCT, JOIN, ORDER BY, OFFSET or LIMIT, which the stand-in's GROUP BY does not run. */
  readonly unsupported: readonly string[];
  /** `FROM …` up to WHERE or GROUP BY. */
  readonly from: string;
  /** `WHERE …` up to GROUP BY, or empty. */
  readonly where: string;
  readonly groupBy: readonly string[];
}

/** The clauses of a `SELECT … FROM … [WHERE …] GROUP BY …` query; undefined when it has no GROUP BY. */
export function groupByClauses(sql: string): QueryClauses | undefined {
  const keywords = topLevelKeywords(sql);
  const at = (keyword: string) => keywords.find((found) => found.keyword === keyword);
  const select = at('SELECT');
  const from = at('FROM');
  const groupBy = at('GROUP BY');
  if (select === undefined || from === undefined || groupBy === undefined) return undefined;
  const where = at('WHERE');
  const modifiers: string[] = [];
  let projectionStart = select.end;
  for (let match = MODIFIERS.exec(sql.slice(projectionStart)); match !== null; match = MODIFIERS.exec(sql.slice(projectionStart))) {
    modifiers.push((match[1] ?? match[2] ?? match[3] ?? '').toUpperCase());
    projectionStart += match[0].length;
  }
  const afterGroupBy = keywords.filter((found) => found.start > groupBy.start);
  const groupByEnd = afterGroupBy[0]?.start ?? sql.length;
  const unsupported = [
    ...modifiers.filter((modifier) => modifier !== 'VALUE'),
    ...keywords.filter((found) => ['JOIN', 'ORDER BY', 'OFFSET', 'LIMIT'].includes(found.keyword)).map((found) => found.keyword),
  ];
  return {
    projection: sql.slice(projectionStart, from.start).trim(),
    selectValue: modifiers.includes('VALUE'),
    unsupported,
    from: sql.slice(from.start, where?.start ?? groupBy.start).trim(),
    where: where === undefined ? '' : sql.slice(where.start, groupBy.start).trim(),
    groupBy: splitTopLevel(sql.slice(groupBy.end, groupByEnd), ','),
  };
}
