/**
 * Reads an `application/x-www-form-urlencoded` body (the web form) into the same nested shape a
 * JSON client would send, so one zod schema validates both: `requester.email` and
 * `requester[email]` become `{ requester: { email } }`, repeated names and `name[]` become arrays.
 */
export type FormValue = string | boolean | FormValue[] | FormObject;
export interface FormObject {
  [field: string]: FormValue;
}

export type FormParse =
  | { readonly kind: 'parsed'; readonly fields: FormObject }
  | { readonly kind: 'malformed'; readonly field: string; readonly reason: string };

export interface FormParseOptions {
  /**
   * Dotted paths of checkbox inputs. Browsers send a ticked box as "on" (or its value) and omit an
   * unticked one, so these become booleans, and `false` when absent. Only listed fields are
   * converted: a text field that happens to contain "on" must stay a string.
   */
  readonly checkboxFields?: readonly string[];
  /** Bounds that keep a hostile body from building a huge or deep object. */
  readonly maxFields?: number;
  readonly maxDepth?: number;
}

const DEFAULT_MAX_FIELDS = 500;
const DEFAULT_MAX_DEPTH = 8;
/** Names that would reach into Object.prototype when used as keys. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const TRUE_WORDS = new Set(['on', 'true', '1', 'yes']);
const FALSE_WORDS = new Set(['off', 'false', '0', 'no']);

interface FieldName {
  readonly segments: readonly string[];
  /** `tags[]`: always an array, even with a single value. */
  readonly appends: boolean;
}

const FIRST_SEGMENT = /^[^.[\]]+/;
const NEXT_SEGMENT = /^(?:\.([^.[\]]+)|\[([^[\]]*)\])/;

/** Splits `a.b[c][]` into segments; `undefined` when the name is not well formed. */
export function splitFieldName(name: string): FieldName | undefined {
  const first = FIRST_SEGMENT.exec(name);
  if (!first) return undefined;
  const segments = [first[0]];
  let rest = name.slice(first[0].length);
  while (rest.length > 0) {
    const next = NEXT_SEGMENT.exec(rest);
    if (!next) return undefined;
    const segment = next[1] ?? next[2] ?? '';
    rest = rest.slice(next[0].length);
    if (segment === '') {
      // Empty brackets only make sense at the end: `tags[]`.
      return rest.length === 0 ? { segments, appends: true } : undefined;
    }
    segments.push(segment);
  }
  return { segments, appends: false };
}

function isFormObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

function ownValue(node: FormObject, key: string): FormValue | undefined {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** Walks to the object that holds the last segment, creating objects on the way. */
function parentOf(root: FormObject, segments: readonly string[]): FormObject | undefined {
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    const existing = ownValue(node, segment);
    if (existing === undefined) {
      const created: FormObject = {};
      node[segment] = created;
      node = created;
    } else if (isFormObject(existing)) {
      node = existing;
    } else {
      return undefined;
    }
  }
  return node;
}

function assign(root: FormObject, name: FieldName, value: string): boolean {
  const parent = parentOf(root, name.segments);
  const leaf = name.segments[name.segments.length - 1];
  if (!parent || leaf === undefined) return false;
  const existing = ownValue(parent, leaf);
  if (existing === undefined) {
    parent[leaf] = name.appends ? [value] : value;
  } else if (Array.isArray(existing)) {
    existing.push(value);
  } else if (typeof existing === 'string') {
    parent[leaf] = [existing, value];
  } else {
    return false;
  }
  return true;
}

function checkboxValue(value: FormValue | undefined): FormValue {
  // A hidden "false" input followed by the checkbox itself is a common pattern: the last one wins.
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined) return false;
  if (typeof last !== 'string') return last;
  const word = last.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return last;
}

function applyCheckbox(root: FormObject, path: string): boolean {
  const name = splitFieldName(path);
  if (!name) return false;
  const parent = parentOf(root, name.segments);
  const leaf = name.segments[name.segments.length - 1];
  if (!parent || leaf === undefined) return false;
  parent[leaf] = checkboxValue(ownValue(parent, leaf));
  return true;
}

export function parseFormFields(body: string, options: FormParseOptions = {}): FormParse {
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const fields: FormObject = {};
  let count = 0;
  for (const [rawName, value] of new URLSearchParams(body)) {
    count += 1;
    if (count > maxFields) return { kind: 'malformed', field: '', reason: `more than ${maxFields} fields` };
    const name = splitFieldName(rawName);
    if (!name) return { kind: 'malformed', field: rawName, reason: 'is not a valid field name' };
    if (name.segments.length > maxDepth) return { kind: 'malformed', field: rawName, reason: 'is nested too deeply' };
    if (name.segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) {
      return { kind: 'malformed', field: rawName, reason: 'is not a valid field name' };
    }
    // A blank input means "not provided", exactly like a JSON client leaving the field out.
    if (value === '') continue;
    if (!assign(fields, name, value)) {
      return { kind: 'malformed', field: rawName, reason: 'is used both as a value and as a group of fields' };
    }
  }
  for (const path of options.checkboxFields ?? []) {
    if (!applyCheckbox(fields, path)) {
      return { kind: 'malformed', field: path, reason: 'is used both as a value and as a group of fields' };
    }
  }
  return { kind: 'parsed', fields };
}
