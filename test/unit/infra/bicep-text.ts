/**
 * Just enough reading of Bicep source for the infrastructure checks (no Bicep compiler here):
 * comment stripping, resource declarations with their bodies, and the literal value of a `var`
 * written in Bicep's multi-line object/array style.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BicepFile {
  readonly file: string;
  /** The source with comments removed (strings kept intact). */
  readonly code: string;
}

export function readBicepFiles(directory: string): BicepFile[] {
  const files: BicepFile[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...readBicepFiles(full));
    else if (entry.name.endsWith('.bicep')) files.push({ file: full, code: stripComments(fs.readFileSync(full, 'utf8')) });
  }
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

/** Removes `//` and `/* *\/` comments, leaving string literals (which may contain `//`) alone. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      const stop = end === -1 ? source.length : end + 3;
      out += source.slice(i, stop);
      i = stop;
    } else if (source[i] === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else {
      out += source[i];
      i += 1;
    }
  }
  return out;
}

/** Index just past the bracket that closes the one at `open` (strings skipped). */
function closingIndex(code: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < code.length; i += 1) {
    const c = code[i] ?? '';
    if (c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== "'") j += code[j] === '\\' ? 2 : 1;
      i = j;
    } else if (pairs[c] !== undefined) {
      stack.push(pairs[c] ?? '');
    } else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

export interface ResourceDeclaration {
  readonly file: string;
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly existing: boolean;
  /** From the opening brace of the resource body (or of the loop) to its end. */
  readonly body: string;
}

export function resourceDeclarations(files: readonly BicepFile[]): ResourceDeclaration[] {
  const found: ResourceDeclaration[] = [];
  for (const { file, code } of files) {
    const declaration = /^\s*resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*(existing\s*)?=/gm;
    for (let match = declaration.exec(code); match; match = declaration.exec(code)) {
      const open = code.slice(match.index + match[0].length).search(/[{[]/) + match.index + match[0].length;
      found.push({
        file,
        symbol: match[1] ?? '',
        type: match[2] ?? '',
        apiVersion: match[3] ?? '',
        existing: match[4] !== undefined,
        body: code.slice(open, closingIndex(code, open)),
      });
    }
  }
  return found;
}

export interface ModuleDeclaration {
  readonly file: string;
  readonly symbol: string;
  /** The deployed file, resolved against the declaring file's folder. */
  readonly target: string;
  /** The module's body: its name, scope and the params it is given. */
  readonly body: string;
}

export function moduleDeclarations(files: readonly BicepFile[]): ModuleDeclaration[] {
  const found: ModuleDeclaration[] = [];
  for (const { file, code } of files) {
    const declaration = /^module\s+(\w+)\s+'([^']+)'\s*=\s*(?:if\s*\([^)]*\)\s*)?/gm;
    for (let match = declaration.exec(code); match; match = declaration.exec(code)) {
      const open = match.index + match[0].length;
      if (code[open] !== '{') continue;
      found.push({
        file,
        symbol: match[1] ?? '',
        target: path.resolve(path.dirname(file), match[2] ?? ''),
        body: code.slice(open, closingIndex(code, open)),
      });
    }
  }
  return found;
}

/** The expression of `output <name> <type> = …` in a file, as written. */
export function outputExpression(file: BicepFile, name: string): string | undefined {
  return new RegExp(`^output\\s+${name}\\s+\\w+\\s*=\\s*(.+?)\\s*$`, 'm').exec(file.code)?.[1];
}

/** Whether a file declares `param <name>`. */
export function declaresParameter(file: BicepFile, name: string): boolean {
  return new RegExp(`^param\\s+${name}\\s`, 'm').test(file.code);
}

/** Every `name: value` line in a piece of Bicep, with the value as written (to end of line). */
export function propertyLines(code: string, name: string): string[] {
  const pattern = new RegExp(`^\\s*'?${name}'?\\s*:\\s*(.+?)\\s*$`, 'gim');
  return [...code.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** A value that is not a literal (a parameter, a function call, an interpolation…), kept as written. */
export interface BicepExpression {
  readonly expression: string;
}

export type BicepValue =
  | string
  | number
  | boolean
  | null
  | BicepExpression
  | readonly BicepValue[]
  | { readonly [key: string]: BicepValue };

class LiteralReader {
  private i = 0;
  constructor(private readonly code: string) {}

  static read(code: string): BicepValue {
    return new LiteralReader(code).value();
  }

  private skipSpace(newlines: boolean): void {
    while (this.i < this.code.length) {
      const c = this.code[this.i] ?? '';
      if (c === ' ' || c === '\t' || c === '\r' || c === ',' || (newlines && c === '\n')) this.i += 1;
      else break;
    }
  }

  private value(): BicepValue {
    this.skipSpace(true);
    const c = this.code[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    const line = this.restOfLine();
    if (/^'(?:[^'\\]|\\.)*'$/.test(line) && !line.includes('${')) return line.slice(1, -1).replace(/\\'/g, "'");
    if (/^-?\d+$/.test(line)) return Number(line);
    if (line === 'true' || line === 'false') return line === 'true';
    if (line === 'null') return null;
    return { expression: line };
  }

  private restOfLine(): string {
    const end = this.code.indexOf('\n', this.i);
    const stop = end === -1 ? this.code.length : end;
    const line = this.code.slice(this.i, stop).trim();
    this.i = stop;
    return line;
  }

  private object(): { [key: string]: BicepValue } {
    const result: { [key: string]: BicepValue } = {};
    this.i += 1;
    for (;;) {
      this.skipSpace(true);
      if (this.code[this.i] === '}') {
        this.i += 1;
        return result;
      }
      const key = /^('(?:[^'\\]|\\.)*'|[A-Za-z_][\w]*)\s*:/.exec(this.code.slice(this.i));
      if (!key?.[1]) throw new Error(`expected a property at: ${this.code.slice(this.i, this.i + 40)}`);
      this.i += key[0].length;
      const name = key[1].startsWith("'") ? key[1].slice(1, -1) : key[1];
      result[name] = this.value();
    }
  }

  private array(): BicepValue[] {
    const result: BicepValue[] = [];
    this.i += 1;
    for (;;) {
      this.skipSpace(true);
      if (this.code[this.i] === ']') {
        this.i += 1;
        return result;
      }
      result.push(this.value());
    }
  }
}

/** The literal value of `var <name> = …` in a file (objects and arrays in multi-line style). */
export function variableLiteral(file: BicepFile, name: string): BicepValue {
  const declaration = new RegExp(`^var\\s+${name}\\s*=\\s*`, 'm').exec(file.code);
  if (!declaration) throw new Error(`${file.file} declares no var ${name}`);
  const start = declaration.index + declaration[0].length;
  const first = file.code[start];
  const end = first === '{' || first === '[' ? closingIndex(file.code, start) : file.code.indexOf('\n', start);
  return LiteralReader.read(file.code.slice(start, end));
}

export function isExpression(value: BicepValue): value is BicepExpression {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'expression' in value && Object.keys(value).length === 1;
}

/**
 * What an app setting written as a Key Vault reference, `'@Microsoft.KeyVault(SecretUri=${uri})'`,
 * interpolates; undefined for any other value (a literal secret, a plain parameter…).
 */
export function keyVaultReferenceUri(value: BicepValue | undefined): string | undefined {
  if (value === undefined || !isExpression(value)) return undefined;
  return /^'@Microsoft\.KeyVault\(SecretUri=\$\{\s*(\w+)\s*\}\)'$/.exec(value.expression)?.[1];
}
