/**
 * An engineer as a ticket remembers them: enough to address and route, copied at assignment so
 * the record stays true after the roster changes.
 */
import { z } from 'zod';
import { RegionSchema, SlugSchema } from '../primitives';

export const EngineerRefSchema = z.object({
  engineerId: SlugSchema,
  name: z.string().trim().min(1).max(120),
  email: z.email(),
  region: RegionSchema,
});
export type EngineerRef = z.infer<typeof EngineerRefSchema>;
