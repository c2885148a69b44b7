/**
 * What loading one organisation configuration over another would change, entity by entity:
 * lists of things with an `id` (contracts, plans, queues, engineers, regions …) are compared by
 * id, everything else setting by setting, so an operator reads "engineer maria-garcia: capacity"
 * rather than a wall of JSON before an import is applied.
 */
import { OrgConfigSchema, type OrgConfig } from './org-config';

export type OrgConfigChangeKind = 'added' | 'changed' | 'removed';

export interface OrgConfigChange {
  readonly kind: OrgConfigChangeKind;
  /** Dotted path of the list or setting, e.g. `roster.engineers` or `supportDesk.email`. */
  readonly path: string;
  /** The entity's id when the path is a list of entities. */
  readonly id?: string;
  /** For a changed entity, which of its fields differ. */
  readonly fields?: readonly string[];
}

type Identified = { readonly id: string } & Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  // Stryker disable next-line ConditionalExpression: a parsed configuration holds no null, so nothing reaches here as one
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIdentified(value: unknown): value is Identified {
  // A valid configuration's lists outside an entity hold either entities, each with an id, or names
  // (strings, which have no `id`), so neither check alone tells a list apart differently.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
  return isRecord(value) && typeof value.id === 'string';
}

/** The value as a list of entities (absent or empty: none), or undefined when it is something else. */
function asEntities(value: unknown): Identified[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = value;
  // Stryker disable next-line MethodExpression: every list a valid configuration holds outside an entity is a non-empty list of entities or of names (one without engineers fails its cross-references), so `some` answers as `every` does
  return items.every(isIdentified) ? items : undefined;
}

/** Both sides come out of the same schema, so their keys are in the same order. */
function same(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

function entityChanges(path: string, before: readonly Identified[], after: readonly Identified[]): OrgConfigChange[] {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterById = new Map(after.map((item) => [item.id, item]));
  const changes: OrgConfigChange[] = [];
  for (const [id, next] of afterById) {
    const previous = beforeById.get(id);
    if (previous === undefined) {
      changes.push({ kind: 'added', path, id });
    } else if (!same(previous, next)) {
      const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((field) => !same(previous[field], next[field]));
      changes.push({ kind: 'changed', path, id, fields });
    }
  }
  for (const id of beforeById.keys()) {
    if (!afterById.has(id)) changes.push({ kind: 'removed', path, id });
  }
  return changes;
}

function valueChanges(path: string, before: unknown, after: unknown): OrgConfigChange[] {
  if (same(before, after)) return [];
  const beforeEntities = asEntities(before);
  const afterEntities = asEntities(after);
  // Both undefined is no change, so at least one side is a list of entities here.
  if (beforeEntities !== undefined && afterEntities !== undefined) return entityChanges(path, beforeEntities, afterEntities);
  // A section that appears as a whole (everything, on a first import) is still listed setting by setting.
  if (isRecord(before) || isRecord(after)) {
    const beforeRecord = isRecord(before) ? before : {};
    // Stryker disable next-line ConditionalExpression: no section that is a record can be absent after an import, so `after` is always one here
    const afterRecord = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
    return keys.flatMap((key) => valueChanges(`${path}.${key}`, beforeRecord[key], afterRecord[key]));
  }
  if (before === undefined) return [{ kind: 'added', path }];
  if (after === undefined) return [{ kind: 'removed', path }];
  return [{ kind: 'changed', path }];
}

/** The changes from `before` (absent: nothing loaded yet) to `after`, section by section in schema order. */
export function diffOrgConfig(before: OrgConfig | undefined, after: OrgConfig): OrgConfigChange[] {
  const sections = Object.keys(OrgConfigSchema.shape) as (keyof OrgConfig)[];
  return sections.flatMap((section) => valueChanges(section, before?.[section], after[section]));
}

/** One line per change: `+ roster.engineers ana-silva`, `~ plans unified-standard: severities`. */
export function describeOrgConfigChange(change: OrgConfigChange): string {
  const sign: Record<OrgConfigChangeKind, string> = { added: '+', changed: '~', removed: '-' };
  const subject = change.id === undefined ? change.path : `${change.path} ${change.id}`;
  // A changed entity differs in at least one field, so only an added or removed one has none to name.
  const fields = change.fields === undefined ? '' : `: ${change.fields.join(', ')}`;
  return `${sign[change.kind]} ${subject}${fields}`;
}
