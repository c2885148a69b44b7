/**
 * Which Chromium the browser tests drive. Debian's `chromium` package when the machine has it;
 * otherwise the Chromium that `@sparticuz/chromium` (a devDependency) ships brotli-compressed
 * inside the npm package, so `npm ci && npm test` needs nothing but the npm registry. That build
 * is self-contained (no system libraries); it is unpacked once per package version into the
 * temporary directory, by jest's global set-up, and reused by every later run.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';
/** Our fontconfig file, written beside the unpacked browser. */
const FONTS_CONF = 'baton-fonts.conf';

export interface ChromiumBinary {
  readonly executablePath: string;
  /** Variables the browser needs beyond the test process's own environment. */
  readonly environment: Readonly<Record<string, string>>;
  /** Where it came from, for messages. */
  readonly source: string;
}

/** The system's Chromium if present, else the npm package's, unpacked if it is not yet. */
export async function resolveChromium(): Promise<ChromiumBinary> {
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, environment: {}, source: "Debian's chromium package" };
  return unpackedNpmChromium();
}

function npmChromiumVersion(): string {
  // The package's `exports` hide its package.json; it sits two folders above the CommonJS entry.
  const entry = require.resolve(NPM_CHROMIUM_PACKAGE);
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(entry, '..', '..', '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  if (typeof version !== 'string') throw new Error(`${NPM_CHROMIUM_PACKAGE} has no version in its package.json`);
  return version;
}

/** One folder per version: a newer package never runs an older unpacked browser. */
export function npmChromiumFolder(): string {
  return path.join(os.tmpdir(), `baton-chromium-${npmChromiumVersion()}`);
}

function binaryIn(folder: string): ChromiumBinary {
  return {
    executablePath: path.join(folder, 'chromium'),
    // The package's own fonts.conf names Lambda's folders; ours adds the bundled fonts to the system's.
    environment: { FONTCONFIG_FILE: path.join(folder, FONTS_CONF) },
    source: `${NPM_CHROMIUM_PACKAGE} (unpacked in ${folder})`,
  };
}

async function unpackedNpmChromium(): Promise<ChromiumBinary> {
  const folder = npmChromiumFolder();
  if (fs.existsSync(folder)) return binaryIn(folder);
  // The package unpacks into os.tmpdir(): a child process with its own TMPDIR confines it to a
  // staging folder, which is renamed into place only once complete, so a run that is interrupted
  // or races another (jest workers, other checkouts) never leaves a half-written browser behind.
  const staging = fs.mkdtempSync(`${folder}.unpacking-`);
  try {
    const unpack = `require(${JSON.stringify(require.resolve(NPM_CHROMIUM_PACKAGE))}).executablePath().then((p) => process.stdout.write(p))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', unpack], { env: { ...process.env, TMPDIR: staging } });
    if (stdout !== path.join(staging, 'chromium')) throw new Error(`${NPM_CHROMIUM_PACKAGE} unpacked to ${stdout}, not into ${staging}`);
    fs.writeFileSync(path.join(staging, FONTS_CONF), fontsConf(folder));
    fs.renameSync(staging, folder);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another process finished first: its folder is as good as ours.
    if (!fs.existsSync(folder)) throw error;
  }
  return binaryIn(folder);
}

function fontsConf(folder: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${path.join(folder, 'fonts')}</dir>`,
    `  <cachedir>${path.join(folder, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}
