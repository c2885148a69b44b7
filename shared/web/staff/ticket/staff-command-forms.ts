/**
 * The staff console's command forms: for every command of the staff API's body schema, the words
 * and fields of its form. The fields are the API body's own fields (a form posts the same body a
 * JSON client sends), so there is no second vocabulary; a record keyed by the schema's command
 * names, so a new staff command does not compile until it has a form.
 */
import { VendorCaseOutcomeSchema } from '../../../domain/commands/commands';
import { SeveritySchema, ScopeSchema } from '../../../domain/primitives';
import { VendorCaseStatusSchema } from '../../../domain/ticket/vendor-case';
import type { StaffCommandName } from '../../../http-api/staff-command-body';

/** Where a select's choices come from: a list the schema fixes, or the roster at render time. */
export type ChoiceSource = { readonly kind: 'fixed'; readonly values: readonly string[] } | { readonly kind: 'engineers' };

export type CommandFieldInput =
  | { readonly kind: 'text' }
  | { readonly kind: 'textarea'; readonly rows: number }
  /** One entry per line, posted as one text and split into the body's list. */
  | { readonly kind: 'lines'; readonly rows: number }
  | { readonly kind: 'select'; readonly choices: ChoiceSource };

export interface CommandField {
  /** The body field, dotted for a nested one (`outcome.caseId`), exactly as the API names it. */
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required: boolean;
  readonly input: CommandFieldInput;
}

export interface CommandForm {
  readonly title: string;
  readonly button: string;
  /** Said at the top of the page once the command is recorded. */
  readonly done: string;
  readonly fields: readonly CommandField[];
  /** Said beside the form: what happens when it is sent. */
  readonly intro?: string;
}

const VENDOR_CASE_OUTCOMES = VendorCaseOutcomeSchema.options.map((option) => option.shape.status.value);

const textarea = (rows: number): CommandFieldInput => ({ kind: 'textarea', rows });
const fixed = (values: readonly string[]): CommandFieldInput => ({ kind: 'select', choices: { kind: 'fixed', values } });
const engineers: CommandFieldInput = { kind: 'select', choices: { kind: 'engineers' } };

const message = (label: string, hint?: string): CommandField => ({ name: 'message', label, required: true, input: textarea(4), ...(hint === undefined ? {} : { hint }) });
const reason = (name: string, label: string): CommandField => ({ name, label, hint: 'At least 3 characters.', required: true, input: textarea(3) });

export const COMMAND_FORMS: Readonly<Record<StaffCommandName, CommandForm>> = {
  acknowledge: {
    title: 'Acknowledge',
    button: 'Acknowledge to the customer',
    done: 'Acknowledged: the customer has been told you are on it.',
    intro: 'Counts as the first response.',
    fields: [message('Message to the customer')],
  },
  respond: {
    title: 'Reply to the customer',
    button: 'Send reply',
    done: 'Your reply was sent to the customer.',
    fields: [message('Reply')],
  },
  'request-info': {
    title: 'Ask the customer for information',
    button: 'Send question',
    done: 'Your question was sent; the SLA clock pauses until the customer answers.',
    intro: 'The SLA clocks pause until the customer answers.',
    fields: [message('Question')],
  },
  'internal-note': {
    title: 'Internal note',
    button: 'Add note',
    done: 'Internal note added.',
    intro: 'Staff only: the customer never sees it.',
    fields: [{ name: 'note', label: 'Note', required: true, input: textarea(3) }],
  },
  'handoff-note': {
    title: 'Handoff note',
    button: 'Record handoff note',
    done: 'Handoff note recorded: the next shift’s brief starts from it.',
    intro: 'The brief the next region receives at shift end is built from it.',
    fields: [
      { name: 'summary', label: 'Where it stands', required: true, input: textarea(3) },
      { name: 'tried', label: 'What was tried', hint: 'One item per line.', required: false, input: { kind: 'lines', rows: 3 } },
      { name: 'nextStep', label: 'Next step', required: true, input: textarea(2) },
    ],
  },
  'change-severity': {
    title: 'Change severity',
    button: 'Change severity',
    done: 'Severity changed (a downgrade waits for the customer’s consent).',
    intro: 'A raise takes effect at once; a downgrade is proposed to the customer.',
    fields: [{ name: 'to', label: 'New severity', required: true, input: fixed(SeveritySchema.options) }, reason('reason', 'Reason')],
  },
  'escalate-internally': {
    title: 'Escalate internally',
    button: 'Escalate',
    done: 'Escalated internally.',
    fields: [{ name: 'toEngineerId', label: 'To', required: true, input: engineers }, reason('reason', 'Reason')],
  },
  assign: {
    title: 'Assign',
    button: 'Assign',
    done: 'Ticket assigned.',
    fields: [{ name: 'engineerId', label: 'Engineer', required: true, input: engineers }],
  },
  'escalate-to-vendor': {
    title: 'Escalate to the vendor',
    button: 'Escalate to the vendor',
    done: 'Vendor escalation requested: Baton opens the case upstream.',
    intro: 'You stay the owner; Baton opens the case and follows it up.',
    fields: [reason('justification', 'Justification')],
  },
  'record-vendor-case': {
    title: 'Record the vendor case',
    button: 'Record',
    done: 'Vendor case recorded.',
    intro: 'For a case opened or refused outside Baton.',
    fields: [
      { name: 'outcome.status', label: 'Outcome', required: true, input: fixed(VENDOR_CASE_OUTCOMES) },
      { name: 'outcome.caseId', label: 'Case id (when opened)', required: false, input: { kind: 'text' } },
      { name: 'outcome.reason', label: 'Why it failed (when failed)', required: false, input: textarea(2) },
    ],
  },
  'vendor-update': {
    title: 'Record a vendor update',
    button: 'Record update',
    done: 'Vendor update recorded.',
    fields: [
      { name: 'status', label: 'Case status', required: true, input: fixed(VendorCaseStatusSchema.options) },
      { name: 'note', label: 'What the vendor said', required: true, input: textarea(3) },
      { name: 'scope', label: 'Where the problem lies (if the vendor says)', required: false, input: fixed(ScopeSchema.options) },
    ],
  },
  'follow-up-vendor': {
    title: 'Follow up the vendor',
    button: 'Record follow-up',
    done: 'Vendor follow-up recorded.',
    fields: [{ name: 'note', label: 'Note', required: false, input: textarea(2) }],
  },
  'propose-resolution': {
    title: 'Propose a resolution',
    button: 'Propose resolution',
    done: 'Resolution proposed: the customer is asked to confirm it.',
    fields: [{ name: 'summary', label: 'Solution', required: true, input: textarea(4) }],
  },
  'close-not-entitled': {
    title: 'Close: not entitled',
    button: 'Close the ticket',
    done: 'Ticket closed as not entitled.',
    intro: 'The customer receives this explanation.',
    fields: [{ name: 'explanation', label: 'Explanation to the customer', required: true, input: textarea(3) }],
  },
  'acknowledge-handoff': {
    title: 'Acknowledge the handoff',
    button: 'Acknowledge handoff',
    done: 'Handoff acknowledged: the ticket is yours.',
    fields: [],
  },
};
