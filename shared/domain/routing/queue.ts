/**
 * A support queue: which product areas and severities it takes, who leads it (the escalation
 * point when nobody can be assigned) and whether it must be staffed around the clock.
 */
import { z } from 'zod';
import { SeveritySchema, SlugSchema } from '../primitives';

export const QueueCoverageSchema = z.enum(['24x7', 'business-hours']);
export type QueueCoverage = z.infer<typeof QueueCoverageSchema>;

export const QueueSchema = z.object({
  id: SlugSchema,
  name: z.string().trim().min(1),
  productAreas: z.array(SlugSchema).min(1),
  severities: z.array(SeveritySchema).min(1),
  leadEngineerId: SlugSchema,
  coverage: QueueCoverageSchema,
});
export type Queue = z.infer<typeof QueueSchema>;
