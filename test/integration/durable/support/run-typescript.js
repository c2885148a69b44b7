/*
 * Runs a TypeScript entry in a plain Node child process (no build step): every required .ts file
 * is transpiled on the fly to CommonJS. Crash tests use it to run a host they can kill -9.
 * Usage: node run-typescript.js <entry.ts> [args...]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};

const entry = process.argv[2];
if (!entry) throw new Error('usage: run-typescript.js <entry.ts>');
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
