/**
 * The roster as the organisation configuration reads it: its fields (roster.ts) checked as a whole,
 * ids unique, on-call engineers rostered where they cover, and a configured handoff order the same
 * as the one the shifts follow. Apart from roster.ts because that last check computes the shifts.
 */
import type { z } from 'zod';
import { describeOrder, sameCycle, shiftOrder, startingAt } from './handoff-order';
import { RosterFieldsSchema, engineerIdentity, type Roster } from './roster';

type Problem = { readonly message: string; readonly path: (string | number)[] };

function addProblem(ctx: z.RefinementCtx, problem: Problem): void {
  // Stryker disable next-line StringLiteral: nothing reads a custom issue's code; its path and message are what an operator sees
  ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
}

export const RosterSchema = RosterFieldsSchema.superRefine((roster, ctx) => {
  const regionIds = roster.regions.map((region) => region.id);
  if (new Set(regionIds).size !== regionIds.length) {
    addProblem(ctx, { message: 'each region appears once', path: ['regions'] });
  }
  const engineerIds = roster.engineers.map((engineer) => engineer.id);
  if (new Set(engineerIds).size !== engineerIds.length) {
    addProblem(ctx, { message: 'engineer ids are unique', path: ['engineers'] });
  }
  const signInIds = roster.engineers.map(engineerIdentity);
  if (new Set(signInIds).size !== signInIds.length) {
    addProblem(ctx, { message: 'each engineer signs in as a different identity (directoryId, else id)', path: ['engineers'] });
  }
  roster.engineers.forEach((engineer, index) => {
    if (!regionIds.includes(engineer.region)) {
      addProblem(ctx, { message: `region ${engineer.region} has no roster`, path: ['engineers', index, 'region'] });
    }
  });
  onCallProblems(roster).forEach((problem) => addProblem(ctx, problem));
  const problem = handoffOrderProblem(roster);
  if (problem !== undefined) addProblem(ctx, { message: problem, path: ['handoffOrder'] });
});

/** What is wrong with a configured handoff order: it misses or repeats a region, or the shifts disagree. */
function handoffOrderProblem(roster: Pick<Roster, 'regions' | 'handoffOrder'>): string | undefined {
  const order = roster.handoffOrder;
  if (order === undefined) return undefined;
  const regionIds = roster.regions.map((region) => region.id);
  // As many entries as regions, each region among them: so none is repeated either.
  if (order.length !== regionIds.length || !regionIds.every((id) => order.includes(id))) {
    return 'the handoff order names every rostered region once';
  }
  const byShifts = shiftOrder(roster.regions);
  if (!byShifts.ok) return `the handoff order ${describeOrder(order)} cannot be checked: the shifts follow no single order around the clock (${byShifts.reason})`;
  if (sameCycle(order, byShifts.order)) return undefined;
  return `the handoff order ${describeOrder(order)} contradicts the shifts, which follow each other ${describeOrder(startingAt(byShifts.order, order[0]))} around the clock`;
}

/**
 * On-call engineers must be rostered in the region they cover: they work its hours in its time
 * zone, and follow-the-sun hands tickets between regions by the engineers' own region.
 */
function onCallProblems(roster: Pick<Roster, 'regions' | 'engineers'>): Problem[] {
  return roster.regions.flatMap((region, regionIndex) =>
    region.onCall.flatMap((onCall, onCallIndex) =>
      onCall.engineerIds.flatMap((engineerId, idIndex) => {
        const path = ['regions', regionIndex, 'onCall', onCallIndex, 'engineerIds', idIndex];
        const engineer = roster.engineers.find((candidate) => candidate.id === engineerId);
        if (engineer === undefined) return [{ message: `on-call engineer ${engineerId} is not on the roster`, path }];
        return engineer.region === region.id ? [] : [{ message: `on-call engineer ${engineerId} works in ${engineer.region}, not ${region.id}`, path }];
      }),
    ),
  );
}
