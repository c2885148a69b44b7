/**
 * The markup of one intake field: label, hint and error tied to the control with
 * `aria-describedby`, the value the requester typed, and the data attributes the page script uses
 * to place the server's errors next to the field without a reload.
 */
import type { ProductArea } from '../../domain/org/product-area';
import { html, type SafeHtml } from '../html';
import {
  anchorIdOf,
  controlIdOf,
  isRequiredField,
  maxLengthOf,
  type ChoiceOption,
  type IntakeField,
} from './intake-form-fields';
import type { IntakeFormValues } from './intake-form-state';

export interface FieldRenderContext {
  readonly values: IntakeFormValues;
  /** Sentences per field path, already composed with the label. */
  readonly messages: (field: IntakeField) => readonly string[];
  readonly productAreas: readonly ProductArea[];
  readonly timeZones: readonly string[];
  readonly timeZoneListId: string;
}

interface FieldIds {
  readonly control: string;
  readonly hint: string;
  readonly error: string;
}

function idsOf(field: IntakeField): FieldIds {
  const control = controlIdOf(field.path);
  return { control, hint: `${control}-hint`, error: `${control}-error` };
}

function textValue(field: IntakeField, context: FieldRenderContext): string {
  const value = context.values[field.path];
  return typeof value === 'string' ? value : '';
}

/** The wrapper every field shares: the script finds fields, labels and anchors through it. */
function wrapper(field: IntakeField, context: FieldRenderContext, tag: 'div' | 'fieldset', inner: SafeHtml, describedBy = ''): SafeHtml {
  const invalid = context.messages(field).length > 0;
  const classes = `field${invalid ? ' has-error' : ''}`;
  if (tag === 'fieldset') {
    return html`<fieldset class="${classes}" data-field="${field.path}" data-label="${field.label}" data-anchor="${anchorIdOf(field)}" aria-describedby="${describedBy}">${inner}</fieldset>`;
  }
  return html`<div class="${classes}" data-field="${field.path}" data-label="${field.label}" data-anchor="${anchorIdOf(field)}">${inner}</div>`;
}

function labelText(field: IntakeField): SafeHtml {
  return html`${field.label}${isRequiredField(field) ? '' : html` <span class="optional">(optional)</span>`}`;
}

function hintAndError(field: IntakeField, context: FieldRenderContext, ids: FieldIds): SafeHtml {
  return html`${field.hint === undefined ? '' : html`<span class="hint" id="${ids.hint}">${field.hint}</span>`}<span class="field-error" id="${ids.error}">${context.messages(field).join(' ')}</span>`;
}

function describedBy(field: IntakeField, ids: FieldIds): string {
  return field.hint === undefined ? ids.error : `${ids.hint} ${ids.error}`;
}

/** Attributes shared by text-like controls: required, invalid, described by hint and error. */
function commonAttributes(field: IntakeField, context: FieldRenderContext, ids: FieldIds): SafeHtml {
  const maxLength = maxLengthOf(field.path);
  const invalid = context.messages(field).length > 0;
  return html`id="${ids.control}" name="${field.path}" aria-describedby="${describedBy(field, ids)}"${isRequiredField(field) ? html` required aria-required="true"` : ''}${invalid ? html` aria-invalid="true"` : ''}${maxLength === undefined ? '' : html` maxlength="${maxLength}"`}`;
}

function textField(field: IntakeField, context: FieldRenderContext): SafeHtml {
  const ids = idsOf(field);
  const control = field.control;
  let input: SafeHtml;
  switch (control.kind) {
    case 'text':
      input = html`<input type="${control.inputType}" ${commonAttributes(field, context, ids)} value="${textValue(field, context)}"${control.autocomplete === undefined ? '' : html` autocomplete="${control.autocomplete}"`}${control.spellcheck === false ? html` spellcheck="false" autocapitalize="none"` : ''}>`;
      break;
    case 'textarea':
      input = html`<textarea ${commonAttributes(field, context, ids)} rows="${control.rows}">${textValue(field, context)}</textarea>`;
      break;
    case 'time-zone':
      input = html`<input type="text" ${commonAttributes(field, context, ids)} value="${textValue(field, context)}" list="${context.timeZoneListId}" autocomplete="off" spellcheck="false" autocapitalize="none">`;
      break;
    case 'product-area': {
      const chosen = textValue(field, context);
      // A posted value the catalogue does not list (or could not be read) is kept, never lost.
      const unlisted = chosen !== '' && !context.productAreas.some((area) => area.id === chosen);
      input = html`<select ${commonAttributes(field, context, ids)}><option value="">Choose a product area</option>${context.productAreas.map(
        (area) => html`<option value="${area.id}"${area.id === chosen ? html` selected` : ''}>${area.name}</option>`,
      )}${unlisted ? html`<option value="${chosen}" selected>${chosen}</option>` : ''}</select>`;
      break;
    }
    default:
      return html``;
  }
  return wrapper(field, context, 'div', html`<label for="${ids.control}">${labelText(field)}</label>${hintAndError(field, context, ids)}${input}`);
}

function choiceOption(field: IntakeField, option: ChoiceOption, chosen: string, invalid: boolean): SafeHtml {
  const id = controlIdOf(field.path, option.value);
  const hintId = `${id}-hint`;
  return html`<div class="choice"><input type="radio" id="${id}" name="${field.path}" value="${option.value}"${option.value === chosen ? html` checked` : ''}${invalid ? html` aria-invalid="true"` : ''}${option.hint === undefined ? '' : html` aria-describedby="${hintId}"`}><div><label for="${id}">${option.label}</label>${option.hint === undefined ? '' : html`<span class="hint" id="${hintId}">${option.hint}</span>`}</div></div>`;
}

function choiceField(field: IntakeField, context: FieldRenderContext, options: readonly ChoiceOption[]): SafeHtml {
  const ids = idsOf(field);
  const invalid = context.messages(field).length > 0;
  const chosen = textValue(field, context);
  return wrapper(
    field,
    context,
    'fieldset',
    html`<legend class="field-label">${labelText(field)}</legend>${hintAndError(field, context, ids)}<div class="choices">${options.map((option) => choiceOption(field, option, chosen, invalid))}</div>`,
    describedBy(field, ids),
  );
}

function checkboxField(field: IntakeField, context: FieldRenderContext, statement: string): SafeHtml {
  const ids = idsOf(field);
  const checked = context.values[field.path] === true;
  return wrapper(
    field,
    context,
    'div',
    html`<span class="field-label" id="${ids.control}-label">${field.label}</span>${hintAndError(field, context, ids)}<div class="choice"><input type="checkbox" id="${ids.control}" name="${field.path}" value="true"${checked ? html` checked` : ''} aria-describedby="${describedBy(field, ids)}"><label for="${ids.control}">${statement}</label></div>`,
  );
}

export function renderIntakeField(field: IntakeField, context: FieldRenderContext): SafeHtml {
  switch (field.control.kind) {
    case 'choice':
      return choiceField(field, context, field.control.options);
    case 'checkbox':
      return checkboxField(field, context, field.control.statement);
    default:
      return textField(field, context);
  }
}
