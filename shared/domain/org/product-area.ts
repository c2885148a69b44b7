/**
 * The product catalogue: the areas requesters choose on the form. An area's `skills` are the
 * roster skills that qualify an engineer for it (by default, the area's own id).
 */
import { z } from 'zod';
import { SlugSchema } from '../primitives';

export const ProductAreaSchema = z.object({
  id: SlugSchema,
  name: z.string().trim().min(1).max(120),
  skills: z.array(SlugSchema).optional(),
});
export type ProductArea = z.infer<typeof ProductAreaSchema>;

export function skillsFor(productArea: ProductArea): readonly string[] {
  return productArea.skills ?? [productArea.id];
}
