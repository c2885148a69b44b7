/**
 * Every email Baton sends, by template: the domain's notification templates for ticket events
 * (who is told what is the domain's call, see `shared/domain/notifications`), each with a renderer
 * here, and the TAM's daily digest, which has a model of its own (`tam-digest.ts`).
 */
export { NotificationTemplateSchema as TemplateNameSchema, type NotificationTemplate as TemplateName } from '../../domain/notifications/notification';
import { NotificationTemplateSchema, type NotificationTemplate } from '../../domain/notifications/notification';

/** The ticket-event templates, rendered from a `NotificationModel`. */
export const TEMPLATE_NAMES: readonly NotificationTemplate[] = NotificationTemplateSchema.options;
