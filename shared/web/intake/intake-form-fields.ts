/**
 * The intake form's fields: every field of the domain's web-form schema, with its label, hint and
 * control, grouped the way a person fills them in (who you are, what is affected, how bad it is,
 * what you tried, how to reach you). Limits and whether a field is required come from the schema.
 */
import type { z } from 'zod';
import { FIELD_LIMITS, FIELD_MINIMUMS } from '../../domain/intake/intake-fields';
import { WebFormIntakeSchema, WebFormRequesterSchema, type WebFormIntake } from '../../domain/intake/intake';
import { SeveritySchema } from '../../domain/primitives';
import { SEVERITY_GUIDANCE } from '../../domain/severity/severity-guidance';

type RequesterField = keyof WebFormIntake['requester'];
type TicketField = Exclude<keyof WebFormIntake, 'channel' | 'requester'>;

/** A field's dotted path, exactly as the schema nests it and as the server reports errors. */
export type IntakeFieldPath = TicketField | `requester.${RequesterField}`;

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

export type IntakeControl =
  | { readonly kind: 'text'; readonly inputType: 'text' | 'email' | 'tel'; readonly autocomplete?: string; readonly spellcheck?: false }
  | { readonly kind: 'textarea'; readonly rows: number }
  | { readonly kind: 'product-area' }
  | { readonly kind: 'time-zone' }
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] }
  | { readonly kind: 'checkbox'; readonly statement: string };

export interface IntakeField {
  readonly path: IntakeFieldPath;
  readonly label: string;
  readonly hint?: string;
  readonly control: IntakeControl;
}

export interface IntakeFieldGroup {
  readonly id: string;
  readonly legend: string;
  readonly intro?: string;
  readonly fields: readonly IntakeField[];
}

export const INTAKE_FIELD_GROUPS: readonly IntakeFieldGroup[] = [
  {
    id: 'who',
    legend: 'Who you are',
    fields: [
      { path: 'requester.name', label: 'Your name', control: { kind: 'text', inputType: 'text', autocomplete: 'name' } },
      { path: 'company', label: 'Company', hint: 'The company your support contract is with.', control: { kind: 'text', inputType: 'text', autocomplete: 'organization' } },
      {
        path: 'tenantDomain',
        label: 'Microsoft 365 tenant domain',
        hint: "Your tenant's initial domain, ending in .onmicrosoft.com, for example contoso.onmicrosoft.com.",
        control: { kind: 'text', inputType: 'text', autocomplete: 'off', spellcheck: false },
      },
    ],
  },
  {
    id: 'affected',
    legend: 'What is affected',
    fields: [
      { path: 'productArea', label: 'Product area', control: { kind: 'product-area' } },
      {
        path: 'scope',
        label: 'Location of the problem',
        control: {
          kind: 'choice',
          options: [
            { value: 'cloud', label: 'In the cloud', hint: 'A Microsoft cloud service.' },
            { value: 'on-premises', label: 'On premises', hint: 'Your own servers; covered only with the on-premises add-on.' },
          ],
        },
      },
      {
        path: 'title',
        label: 'Summary',
        hint: 'One sentence, for example "Users in Paris cannot sign in to Outlook since 09:00".',
        control: { kind: 'text', inputType: 'text' },
      },
      {
        path: 'description',
        label: 'What is happening',
        hint: 'What fails, for whom, since when, and exactly what you see.',
        control: { kind: 'textarea', rows: 6 },
      },
      { path: 'errorText', label: 'Exact error message', hint: 'Paste it as it appears, rather than paraphrasing.', control: { kind: 'textarea', rows: 3 } },
      { path: 'expectedBehaviour', label: 'What you expected to happen', control: { kind: 'textarea', rows: 2 } },
      { path: 'actualBehaviour', label: 'What happens instead', control: { kind: 'textarea', rows: 2 } },
    ],
  },
  {
    id: 'impact',
    legend: 'How bad it is',
    fields: [
      {
        path: 'severity',
        label: 'Severity',
        control: {
          kind: 'choice',
          options: SeveritySchema.options.map((severity) => ({
            value: severity,
            label: SEVERITY_GUIDANCE[severity].title,
            hint: SEVERITY_GUIDANCE[severity].description,
          })),
        },
      },
      {
        path: 'requester.available24x7',
        label: 'Availability around the clock',
        control: { kind: 'checkbox', statement: 'I, or a colleague, can answer your engineers 24×7 until this is resolved' },
      },
      {
        path: 'businessImpact',
        label: 'Business impact',
        hint: 'Who and what is affected, and what it costs you: this is what justifies the severity.',
        control: { kind: 'textarea', rows: 3 },
      },
    ],
  },
  {
    id: 'tried',
    legend: 'What you have tried',
    intro: 'This saves the engineer from asking you again, and you from repeating steps.',
    fields: [
      { path: 'whatWasTried', label: 'What you have already tried', control: { kind: 'textarea', rows: 3 } },
      { path: 'reproductionSteps', label: 'Steps to reproduce', hint: 'How to make the problem happen, step by step.', control: { kind: 'textarea', rows: 3 } },
      {
        path: 'attachmentsNote',
        label: 'Logs and screenshots you have',
        hint: 'Describe what you can send (file names, where they are); the engineer will ask for them.',
        control: { kind: 'textarea', rows: 2 },
      },
    ],
  },
  {
    id: 'contact',
    legend: 'How to reach you',
    fields: [
      {
        path: 'requester.email',
        label: 'Email address',
        hint: 'Your work address, or the one the support desk registered for you: it tells us which contract you ask under. We send the link to follow your ticket here.',
        control: { kind: 'text', inputType: 'email', autocomplete: 'email', spellcheck: false },
      },
      { path: 'requester.phone', label: 'Phone number', hint: 'With the country code, for example +44 20 7946 0000.', control: { kind: 'text', inputType: 'tel', autocomplete: 'tel' } },
      {
        path: 'requester.timeZone',
        label: 'Your time zone',
        hint: 'An IANA time zone such as Europe/Paris; times on your status page are shown in it.',
        control: { kind: 'time-zone' },
      },
    ],
  },
];

export const INTAKE_FIELDS: readonly IntakeField[] = INTAKE_FIELD_GROUPS.flatMap((group) => group.fields);

function schemaOf(path: IntakeFieldPath): z.ZodType {
  if (path.startsWith('requester.')) {
    const key = path.slice('requester.'.length) as RequesterField;
    return WebFormRequesterSchema.shape[key];
  }
  return WebFormIntakeSchema.shape[path as TicketField];
}

/** Required when the schema refuses the field's absence (a checkbox always has a value). */
export function isRequiredField(field: IntakeField): boolean {
  return field.control.kind !== 'checkbox' && !schemaOf(field.path).safeParse(undefined).success;
}

const LIMITS: Readonly<Record<string, number>> = FIELD_LIMITS;
const MINIMUMS: Readonly<Record<string, number>> = FIELD_MINIMUMS;

function limitKey(path: IntakeFieldPath): string {
  return path.startsWith('requester.') ? path.slice('requester.'.length) : path;
}

export function maxLengthOf(path: IntakeFieldPath): number | undefined {
  return LIMITS[limitKey(path)];
}

export function minLengthOf(path: IntakeFieldPath): number | undefined {
  return MINIMUMS[limitKey(path)];
}

/** The id of a field's control (the first option's, for a choice), which error links point at. */
export function controlIdOf(path: IntakeFieldPath, optionValue?: string): string {
  const base = `field-${path.replace(/\./g, '-')}`;
  return optionValue === undefined ? base : `${base}-${optionValue}`;
}

export function anchorIdOf(field: IntakeField): string {
  return field.control.kind === 'choice' ? controlIdOf(field.path, field.control.options[0]?.value) : controlIdOf(field.path);
}

export function findIntakeField(path: string): IntakeField | undefined {
  return INTAKE_FIELDS.find((field) => field.path === path);
}
