/**
 * Severity ranks: A is the most severe. Raising means moving towards A.
 */
import { Severity } from '../primitives';

const RANK: Readonly<Record<Severity, number>> = { A: 3, B: 2, C: 1 };

export function isRaise(from: Severity, to: Severity): boolean {
  return RANK[to] > RANK[from];
}

export function isLowering(from: Severity, to: Severity): boolean {
  return RANK[to] < RANK[from];
}
