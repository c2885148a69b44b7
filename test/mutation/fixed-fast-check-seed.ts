/**
 * Mutation runs only: every property test draws from one seed (BATON_FC_SEED, default below), so
 * a mutant that survives or dies does so on every run. The ordinary suite keeps random seeds to
 * keep exploring; fast-check prints the seed of any failure there.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261207;
const seed = Number(process.env.BATON_FC_SEED ?? DEFAULT_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number.isInteger(seed) ? seed : DEFAULT_SEED });
