/**
 * A console form post on its way in and, when refused, on its way back: the form's fields become
 * the staff API's command body (the same body a JSON client sends, minus the form's own controls),
 * and a refusal's problem details become a message next to each field it names, with what the
 * person typed kept.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../../../http-edge/problem';
import type { FormObject, FormValue } from '../../../http-edge/form-fields';
import { STAFF_COMMAND_NAMES, type StaffCommandName } from '../../../http-api/staff-command-body';
import { sentence } from '../../status/ticket-page-handlers';
import { COMMAND_FORMS, type CommandField } from './staff-command-forms';

/** Fields of every console form beside the command's own. */
export const FORM_CONTROLS = {
  /** The session's token against cross-site posts; the session boundary checks it. */
  csrf: 'csrf',
  /** The command's name, the API body's `type`. */
  command: 'type',
  /** The sequence of the newest timeline entry the page showed, to tell the person what changed meanwhile. */
  seen: 'seen',
  /** Names one drawing of the page: the same form sent twice from it (a double click) is one command. */
  page: 'page',
} as const;

export interface CommandPost {
  readonly name: StaffCommandName | undefined;
  /** The staff API's command body. */
  readonly body: Record<string, unknown>;
  /** What was typed into each of the form's fields, by field name, to fill the form again. */
  readonly typed: Readonly<Record<string, string>>;
  readonly seen?: number;
  /** Equal for the same command with the same fields sent from the same drawing of the page. */
  readonly commandId?: string;
}

export interface CommandFailure {
  readonly name: StaffCommandName;
  /** Why nothing was recorded, in a sentence or two. */
  readonly summary: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly typed: Readonly<Record<string, string>>;
}

function valueAt(fields: FormObject, dottedName: string): FormValue | undefined {
  let node: FormValue | undefined = fields;
  for (const segment of dottedName.split('.')) {
    if (typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function textOf(value: FormValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').join('\n');
  return undefined;
}

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function commandNameOf(value: FormValue | undefined): StaffCommandName | undefined {
  return STAFF_COMMAND_NAMES.find((name) => name === value);
}

function isFormObject(value: unknown): value is FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `read` is a form body as `readRequestBody` gives it: the fields, nested like a JSON body. */
export function commandPost(read: unknown): CommandPost {
  const fields: FormObject = isFormObject(read) ? read : {};
  const { [FORM_CONTROLS.csrf]: _csrf, [FORM_CONTROLS.seen]: seenField, [FORM_CONTROLS.page]: pageField, ...body } = fields;
  const name = commandNameOf(fields[FORM_CONTROLS.command]);
  const typed: Record<string, string> = {};
  if (name !== undefined) {
    for (const field of COMMAND_FORMS[name].fields) {
      const text = textOf(valueAt(fields, field.name));
      if (text === undefined) continue;
      typed[field.name] = text;
      // A list typed one item per line travels as the list the API body expects.
      if (field.input.kind === 'lines') {
        const lines = linesOf(text);
        if (lines.length === 0) delete body[field.name];
        else body[field.name] = lines;
      }
    }
  }
  const seen = typeof seenField === 'string' && /^\d{1,9}$/.test(seenField) ? Number(seenField) : undefined;
  const commandId = typeof pageField === 'string' && pageField !== '' ? consoleCommandId(pageField, body) : undefined;
  return { name, body, typed, ...(seen === undefined ? {} : { seen }), ...(commandId === undefined ? {} : { commandId }) };
}

/** A different text typed on the same page is another command; the same one sent again is not. */
export function consoleCommandId(page: string, body: Record<string, unknown>): string {
  return `console:${createHash('sha256').update(page).update('\n').update(JSON.stringify(body)).digest('base64url')}`;
}

/** zod's words for a length limit, as a person would say it; anything else as it came. */
function humanised(message: string): string {
  const tooShort = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (tooShort) return `must be at least ${tooShort[1] ?? ''} characters long`;
  const tooLong = /^Too big: expected (?:string|array) to have <=(\d+) (characters?|items?)$/.exec(message);
  if (tooLong) return `must be at most ${tooLong[1] ?? ''} ${tooLong[2] ?? ''}`;
  return message.replace(/^Invalid option: expected one of .*$/, 'is not one of the choices');
}

/**
 * An engineer is chosen from the roster's list, so whatever the schema says of an id that is not one
 * ("must be a lower-case slug…") means the person should pick from the list.
 */
function fieldMessage(field: CommandField, message: string): string {
  if (field.input.kind === 'select' && field.input.choices.kind === 'engineers') return 'Choose an engineer from the list.';
  return sentence(`${field.label} ${humanised(message)}`);
}

function fieldFor(fields: readonly CommandField[], path: string): CommandField | undefined {
  return fields.find((field) => path === field.name || path.startsWith(`${field.name}.`) || path.startsWith(`${field.name}[`));
}

export function commandFailure(name: StaffCommandName, problem: Problem, typed: Readonly<Record<string, string>>): CommandFailure {
  const form = COMMAND_FORMS[name];
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors ?? []) {
    const field = fieldFor(form.fields, error.field);
    if (field === undefined) {
      unplaced.push(error.field === '' ? error.message : `${error.field} ${error.message}`);
      continue;
    }
    if (fieldErrors[field.name] !== undefined) continue;
    const missing = (typed[field.name] ?? '').trim() === '';
    fieldErrors[field.name] = missing ? `${field.label} is required.` : fieldMessage(field, error.message);
  }
  const summary =
    problem.errors === undefined
      ? `${sentence(problem.title)} ${sentence(problem.detail ?? 'Nothing was recorded')}`
      : `Nothing was recorded: check the fields marked below.${unplaced.length === 0 ? '' : ` ${unplaced.map(sentence).join(' ')}`}`;
  return { name, summary, fieldErrors, typed };
}
