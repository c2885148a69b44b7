/**
 * What a developer asks the dev issuer for: a staff token for one person with one or more roles.
 * Shared by the issuer's `POST /token` and by `npm run token`.
 */
import { z } from 'zod';
import { StaffRoleSchema } from '../../../shared/auth/staff-token';

export const DevTokenRequestSchema = z
  .object({
    role: StaffRoleSchema.optional(),
    roles: z.array(StaffRoleSchema).min(1).optional(),
    name: z.string().trim().min(1).max(200),
    email: z.email().optional(),
    id: z.string().trim().min(1).max(200).optional(),
    lifetimeSeconds: z.number().int().min(60).max(7 * 24 * 3600).optional(),
  })
  .refine((request) => request.role !== undefined || request.roles !== undefined, {
    message: 'give a role (engineer, team-lead, tam, admin)',
    path: ['role'],
  });
export type DevTokenRequest = z.infer<typeof DevTokenRequestSchema>;

export const DevTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});
export type DevTokenResponse = z.infer<typeof DevTokenResponseSchema>;
