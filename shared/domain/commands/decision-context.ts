/**
 * What a decision needs beyond the ticket and the command: the organisation's lifecycle rules.
 * Roster, routing and SLA figures stay out: the orchestrator combines those before it asks.
 */
import { z } from 'zod';
import { LifecycleSettingsSchema } from '../org/lifecycle-settings';

export const DecisionContextSchema = z.object({ lifecycle: LifecycleSettingsSchema });
export type DecisionContext = z.infer<typeof DecisionContextSchema>;
