/**
 * Every email Baton sends, by template. The name is recorded on the outbox message and is part of
 * its deterministic id, so renaming a template would re-send nothing but would change new ids.
 */
import { z } from 'zod';

export const TemplateNameSchema = z.enum([
  'ticket-received',
  'ticket-rejected',
  'tam-alert',
  'engineer-assigned',
  'customer-update',
  'info-requested',
  'sla-warning',
  'sla-breach',
  'handoff',
  'vendor-escalation',
  'resolution-proposed',
  'ticket-closed',
  'ticket-reopened',
]);
export type TemplateName = z.infer<typeof TemplateNameSchema>;

export const TEMPLATE_NAMES: readonly TemplateName[] = TemplateNameSchema.options;
