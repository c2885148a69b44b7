/**
 * Every email Baton sends, by template: exactly the domain's notification templates (who is told
 * what is the domain's call, see `shared/domain/notifications`), each with a renderer here.
 */
export { NotificationTemplateSchema as TemplateNameSchema, type NotificationTemplate as TemplateName } from '../../domain/notifications/notification';
import { NotificationTemplateSchema, type NotificationTemplate } from '../../domain/notifications/notification';

export const TEMPLATE_NAMES: readonly NotificationTemplate[] = NotificationTemplateSchema.options;
