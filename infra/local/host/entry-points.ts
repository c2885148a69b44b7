/**
 * Finds an app's entry files the way the Node worker does: the `main` of the app's package.json,
 * a single file or a glob (`dist/functions/*.js`, `dist/**\/*.js`, `{a,b}.js`), relative to the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const PackageJsonSchema = z.looseObject({ main: z.string().min(1).optional() });

function escapeRegExp(text: string): string {
  return text.replace(/[.+^$(){}|\\]/g, '\\$&');
}

/** Expands `{a,b}` alternatives (nested ones too, and across `/`) into plain glob patterns. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let index = open; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        const cuts = [open, ...commas, index];
        const head = pattern.slice(0, open);
        const tail = pattern.slice(index + 1);
        return cuts
          .slice(0, -1)
          .flatMap((cut, at) => expandBraces(`${head}${pattern.slice(cut + 1, cuts[at + 1])}${tail}`));
      }
    } else if (char === ',' && depth === 1) commas.push(index);
  }
  return [pattern];
}

/** One path segment of a glob as a regular expression (`*`, `?`, `[...]`). */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment.charAt(index);
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = segment.indexOf(']', index + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        const body = segment.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = close;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

function hasMagic(segment: string): boolean {
  return /[*?[]/.test(segment);
}

function listDirectory(directory: string): fs.Dirent[] {
  try {
    return fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Walks the file tree matching `segments` from `directory`; `**` matches any depth. */
function matchSegments(directory: string, segments: readonly string[], found: Set<string>): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  if (segment === '**') {
    matchSegments(directory, rest, found);
    for (const entry of listDirectory(directory)) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        matchSegments(path.join(directory, entry.name), segments, found);
      }
    }
    return;
  }
  if (!hasMagic(segment)) {
    const candidate = path.join(directory, segment);
    if (rest.length === 0) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) found.add(candidate);
    } else {
      matchSegments(candidate, rest, found);
    }
    return;
  }
  const pattern = segmentPattern(segment);
  for (const entry of listDirectory(directory)) {
    if (entry.name.startsWith('.') || !pattern.test(entry.name)) continue;
    const candidate = path.join(directory, entry.name);
    if (rest.length === 0) {
      if (entry.isFile()) found.add(candidate);
    } else if (entry.isDirectory()) {
      matchSegments(candidate, rest, found);
    }
  }
}

/** The files a `main` pattern names, absolute and sorted, as the worker would load them. */
export function resolveEntryPattern(appDirectory: string, pattern: string): string[] {
  const found = new Set(expandBraces(pattern.replace(/\\/g, '/')).flatMap((plain) => resolvePlainPattern(appDirectory, plain)));
  return [...found].sort();
}

function resolvePlainPattern(appDirectory: string, pattern: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
  const firstMagic = segments.findIndex(hasMagic);
  const fixedPart = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
  const root = path.resolve(absolute ? path.sep : appDirectory, ...fixedPart);
  if (firstMagic < 0) {
    return fs.existsSync(root) && fs.statSync(root).isFile() ? [root] : [];
  }
  const found = new Set<string>();
  matchSegments(root, segments.slice(firstMagic), found);
  return [...found];
}

/** Reads the app's package.json and returns the entry files its `main` names. */
export function findEntryPoints(appDirectory: string): string[] {
  const packageJsonPath = path.join(appDirectory, 'package.json');
  if (!fs.existsSync(packageJsonPath)) {
    throw new Error(`No package.json in the function app folder ${appDirectory}.`);
  }
  const packageJson = PackageJsonSchema.parse(JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')));
  if (!packageJson.main) {
    throw new Error(`${packageJsonPath} has no "main": a v4 app names its entry files there.`);
  }
  const files = resolveEntryPattern(appDirectory, packageJson.main);
  if (files.length === 0) {
    throw new Error(
      `Found zero files matching the "main" pattern "${packageJson.main}" in ${appDirectory} (is the app built?).`,
    );
  }
  return files;
}
