/*
 * fast-check as the property tests see it during a mutation run (stryker.config.mjs maps
 * `fast-check` here): one fixed seed (BATON_FC_SEED), so a mutant survives or dies on every run
 * alike, and at most BATON_FC_MAX_RUNS cases per property (unless it pins its own seed), because
 * every mutant reruns the properties that reach it. Fewer cases can only let a mutant survive,
 * never kill one wrongly, so the scores are a floor. The ordinary suite keeps random seeds and full
 * runs to keep exploring.
 */
'use strict';
const path = require('node:path');

// An explicit path, so that jest's mapping of `fast-check` to this file does not loop.
const fastCheck = require(path.join(path.dirname(require.resolve('fast-check/package.json')), 'lib', 'cjs', 'fast-check.js'));

const DEFAULT_SEED = 20261207;
const DEFAULT_MAX_RUNS = 25;
const integerFrom = (value, fallback) => (value !== undefined && value !== '' && Number.isInteger(Number(value)) ? Number(value) : fallback);
const maxRuns = integerFrom(process.env.BATON_FC_MAX_RUNS, DEFAULT_MAX_RUNS);

fastCheck.configureGlobal({ ...fastCheck.readConfigureGlobal(), seed: integerFrom(process.env.BATON_FC_SEED, DEFAULT_SEED) });

/** A property that pins its own seed is checking what that exact sequence explores: left whole. */
function assert(property, parameters = {}) {
  if (parameters.seed !== undefined) return fastCheck.assert(property, parameters);
  return fastCheck.assert(property, { ...parameters, numRuns: Math.min(parameters.numRuns ?? 100, maxRuns) });
}

const repeatable = { ...fastCheck, assert };
module.exports = { ...repeatable, default: repeatable, __esModule: true };
