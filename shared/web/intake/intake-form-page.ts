/**
 * The support request form page: an error summary linking to each field, a plain statement when
 * a submission was NOT received, the grouped fields with the severity guidance and the Severity A
 * rule beside the choice, and the form's idempotency key. Posts to `/` without JavaScript; the
 * page script sends the same form to the intake API instead.
 */
import { FORM_IDEMPOTENCY_FIELD } from '../../intake/intake-form-post';
import type { ProductArea } from '../../domain/org/product-area';
import type { FieldError } from '../../http-edge/problem';
import { html, type SafeHtml } from '../html';
import { renderPage } from '../page-layout';
import type { AttachmentLimits } from '../../domain/attachments/attachment-limits';
import { fileField } from '../status/attachments-markup';
import { renderIntakeField, type FieldRenderContext } from './intake-field-markup';
import { anchorIdOf, INTAKE_FIELD_GROUPS, INTAKE_FIELDS, type IntakeField, type IntakeFieldGroup } from './intake-form-fields';
import { fieldMessage, messagesFor, type IntakeFormValues } from './intake-form-state';
import { SEV_A_RULE, SEV_A_WITHOUT_AVAILABILITY_WARNING, SEVERITY_CHOICE_HINT } from '../../domain/severity/severity-guidance';

export const INTAKE_API_PATH = '/api/tickets';
export const INTAKE_FORM_PATH = '/';

/** Why the last submission was not stored, said plainly (seed 001: nothing vanishes silently). */
export interface NotReceived {
  readonly reason: string;
  readonly retryAfterSeconds?: number;
}

export interface IntakeFormPage {
  readonly deskName: string;
  readonly productAreas: readonly ProductArea[];
  readonly timeZones: readonly string[];
  readonly values: IntakeFormValues;
  readonly errors: readonly FieldError[];
  readonly idempotencyKey: string;
  readonly notReceived?: NotReceived;
  /** Files may come with the request, within these limits; absent where no files are kept. */
  readonly upload?: { readonly limits: AttachmentLimits };
}

const TIME_ZONE_LIST_ID = 'time-zones';

/** The summary reads in the form's order; errors no field owns come first. */
function formOrder(error: FieldError): number {
  return INTAKE_FIELDS.findIndex((field) => field.path === error.field);
}

function errorSummary(errors: readonly FieldError[]): SafeHtml {
  const items = [...errors].sort((a, b) => formOrder(a) - formOrder(b)).map((error) => {
    const message = fieldMessage(error);
    return message.field === undefined
      ? html`<li>${message.sentence}</li>`
      : html`<li><a href="#${anchorIdOf(message.field)}">${message.sentence}</a></li>`;
  });
  // Focus moves here: by the script after a fetch, by `autofocus` after a plain post.
  return html`<div id="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title"${errors.length === 0 ? html` hidden` : html` autofocus`}>
<h2 id="error-summary-title">There is a problem with your request</h2>
<p>Nothing has been stored yet. Please correct the fields below; everything you typed is kept.</p>
<ul>${items}</ul>
</div>`;
}

/** A rate limit's wait can be most of an hour: minutes read better than thousands of seconds. */
function waitWording(seconds: number): string {
  if (seconds < 90) return `${String(seconds)} seconds`;
  return `about ${String(Math.ceil(seconds / 60))} minutes`;
}

function notice(notReceived: NotReceived | undefined): SafeHtml {
  if (notReceived === undefined) {
    return html`<div id="submission-notice" class="notice" tabindex="-1" hidden></div>`;
  }
  const wait = notReceived.retryAfterSeconds;
  return html`<div id="submission-notice" class="notice notice-failed" role="alert" tabindex="-1" autofocus>
<h2>Your request was NOT received</h2>
<p>${notReceived.reason}</p>
<p>Everything you typed is still in the form below. ${wait === undefined ? 'Send it again when you are ready' : `Please wait ${waitWording(wait)}, then send it again`}: it will never create a second ticket.</p>
</div>`;
}

function severityRule(availability: SafeHtml): SafeHtml {
  return html`<div class="rule" id="sev-a-rule"><p><strong>${SEV_A_RULE}</strong></p>${availability}<p class="sev-a-warning" id="sev-a-warning" hidden>${SEV_A_WITHOUT_AVAILABILITY_WARNING}</p></div>`;
}

function groupFields(group: IntakeFieldGroup, context: FieldRenderContext): SafeHtml[] {
  return group.fields.map((field) => {
    if (field.path === 'requester.available24x7') return severityRule(renderIntakeField(field, context));
    if (field.path === 'severity') {
      return renderIntakeField({ ...field, hint: SEVERITY_CHOICE_HINT }, context);
    }
    return renderIntakeField(field, context);
  });
}

function fieldGroup(group: IntakeFieldGroup, context: FieldRenderContext): SafeHtml {
  return html`<fieldset class="group" id="group-${group.id}">
<legend>${group.legend}</legend>
${group.intro === undefined ? '' : html`<p class="group-intro">${group.intro}</p>`}
${groupFields(group, context)}
</fieldset>`;
}

export function renderIntakeFormPage(page: IntakeFormPage): SafeHtml {
  const context: FieldRenderContext = {
    values: page.values,
    messages: (field: IntakeField) => messagesFor(field.path, page.errors),
    productAreas: page.productAreas,
    timeZones: page.timeZones,
    timeZoneListId: TIME_ZONE_LIST_ID,
  };
  const main = html`<h1>Open a support request</h1>
<p class="lead">Tell us what is wrong and how it affects you. Every field is needed unless it says optional; the more you tell us now, the less an engineer has to ask.</p>
<p class="chat-alternative">Prefer to be asked one question at a time? <a href="/chat">Chat with us</a> instead.</p>
${notice(page.notReceived)}
${errorSummary(page.errors)}
<form id="intake-form" method="post" action="${INTAKE_FORM_PATH}"${page.upload === undefined ? '' : html` enctype="multipart/form-data"`} novalidate data-intake-form data-api="${INTAKE_API_PATH}">
<input type="hidden" name="${FORM_IDEMPOTENCY_FIELD}" value="${page.idempotencyKey}">
${INTAKE_FIELD_GROUPS.map((group) => fieldGroup(group, context))}
<datalist id="${TIME_ZONE_LIST_ID}">${page.timeZones.map((zone) => html`<option value="${zone}"></option>`)}</datalist>
${page.upload === undefined ? '' : html`<fieldset class="group" id="group-files">
<legend>Files</legend>
<p class="group-intro">Logs, screenshots or traces help an engineer start at once. A file that cannot be taken never holds up your request: it is opened without it, and we tell you which file and why.</p>
${fileField(page.upload.limits)}
</fieldset>`}
<div class="actions-row">
<button type="submit" class="button" id="submit-ticket">Send request</button>
<span id="sending-status" class="sending" aria-live="polite"></span>
</div>
</form>`;
  return renderPage({ title: 'Open a support request', deskName: page.deskName, main });
}
