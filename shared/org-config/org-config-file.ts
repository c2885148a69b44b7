/**
 * The organisation's configuration as a file an operator edits: YAML (or JSON, which YAML reads
 * too) checked by `OrgConfigSchema`, every problem reported with its path and line. The `yaml`
 * package is used because it keeps each value's position, which a line number needs.
 */
import { LineCounter, isNode, parseDocument, stringify } from 'yaml';
import { OrgConfigSchema, type OrgConfig } from '../domain/org/org-config';

export interface OrgConfigFileProblem {
  /** Dotted path, array positions in brackets: `roster.engineers[3].capacity`; empty for the whole file. */
  readonly path: string;
  /** 1-based line of the value (or of its nearest enclosing one that exists). */
  readonly line?: number;
  readonly message: string;
}

export type OrgConfigFileRead =
  | { readonly kind: 'valid'; readonly config: OrgConfig }
  | { readonly kind: 'invalid'; readonly problems: readonly OrgConfigFileProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join('');
}

/** Line of the deepest node along `path` that the file has. */
function lineOf(document: ReturnType<typeof parseDocument>, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

export function readOrgConfigText(text: string): OrgConfigFileRead {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      kind: 'invalid',
      problems: document.errors.map((error) => ({
        path: '',
        line: lines.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? error.code,
      })),
    };
  }
  const parsed = OrgConfigSchema.safeParse(document.toJS());
  if (parsed.success) return { kind: 'valid', config: parsed.data };
  return {
    kind: 'invalid',
    problems: parsed.error.issues.map((issue) => {
      const line = lineOf(document, lines, issue.path);
      return { path: formatPath(issue.path), ...(line === undefined ? {} : { line }), message: issue.message };
    }),
  };
}

export function describeOrgConfigFileProblem(problem: OrgConfigFileProblem): string {
  const where = [problem.path === '' ? '(file)' : problem.path, problem.line === undefined ? '' : ` (line ${problem.line})`].join('');
  return `${where}: ${problem.message}`;
}

/** The configuration as YAML, the way `npm run org -- export` writes it and `import` reads it back. */
export function orgConfigToYaml(config: OrgConfig, heading: string): string {
  const comment = heading
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${comment}\n${stringify(config, { lineWidth: 0 })}`;
}
