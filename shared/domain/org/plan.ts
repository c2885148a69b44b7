/**
 * A support plan: the severities it allows, the product areas it covers and the SLA policy its
 * tickets run under. Contracts point at a plan.
 */
import { z } from 'zod';
import { SeveritySchema, SlugSchema } from '../primitives';

export const PlanSchema = z.object({
  id: SlugSchema,
  name: z.string().trim().min(1).max(120),
  severities: z.array(SeveritySchema).min(1),
  productAreas: z.union([z.literal('all'), z.array(SlugSchema).min(1)]),
  slaPolicyId: SlugSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

export function planCovers(plan: Plan, productArea: string): boolean {
  return plan.productAreas === 'all' || plan.productAreas.includes(productArea);
}
