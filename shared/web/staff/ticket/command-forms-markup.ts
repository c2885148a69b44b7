/**
 * The command forms of the console's ticket page: plain HTML forms that post to the page itself
 * with the session's CSRF token, work without JavaScript, and show a refusal next to the fields
 * it names with what the person typed.
 */
import { html, type SafeHtml } from '../../html';
import type { CommandField } from './staff-command-forms';
import { FORM_CONTROLS } from './staff-command-post';
import type { Choice, CommandFormModel } from './staff-ticket-model';

export interface FormContext {
  readonly pagePath: string;
  readonly csrfToken: string;
  readonly seen: number;
  /** A fresh id for each drawing of the page (see FORM_CONTROLS.page). */
  readonly pageId: string;
}

export function fieldId(model: Pick<CommandFormModel, 'name'>, field: Pick<CommandField, 'name'>): string {
  return `${model.name}-${field.name.replace(/\./g, '-')}`;
}

function options(choices: readonly Choice[], selected: string | undefined, required: boolean): SafeHtml {
  const blank = required ? html`<option value="">Choose…</option>` : html`<option value="">Not stated</option>`;
  return html`${blank}${choices.map((choice) => html`<option value="${choice.value}"${choice.value === selected ? html` selected` : ''}>${choice.label}</option>`)}`;
}

function fieldMarkup(model: CommandFormModel, field: CommandField): SafeHtml {
  const id = fieldId(model, field);
  const error = model.failure?.fieldErrors[field.name];
  const typed = model.failure?.typed[field.name];
  const describedBy = `${field.hint === undefined ? '' : `${id}-hint `}${id}-error`;
  const invalid = error === undefined ? '' : html` aria-invalid="true"`;
  const required = field.required ? html` required` : '';
  const input = field.input;
  let control: SafeHtml;
  switch (input.kind) {
    case 'text':
      control = html`<input type="text" id="${id}" name="${field.name}" value="${typed ?? ''}" aria-describedby="${describedBy}"${required}${invalid}>`;
      break;
    case 'textarea':
    case 'lines':
      control = html`<textarea id="${id}" name="${field.name}" rows="${input.rows}" aria-describedby="${describedBy}"${required}${invalid}>${typed ?? ''}</textarea>`;
      break;
    case 'select':
      control = html`<select id="${id}" name="${field.name}" aria-describedby="${describedBy}"${required}${invalid}>${options(model.choices[field.name] ?? [], typed, field.required)}</select>`;
      break;
  }
  return html`<div class="field${error === undefined ? '' : ' has-error'}">
<label for="${id}">${field.label}${field.required ? '' : html` <span class="optional">(optional)</span>`}</label>
${field.hint === undefined ? '' : html`<span class="hint" id="${id}-hint">${field.hint}</span>`}
<span class="field-error" id="${id}-error">${error ?? ''}</span>
${control}
</div>`;
}

/** A bare form: the hidden controls, the fields and the button. */
export function commandForm(model: CommandFormModel, context: FormContext): SafeHtml {
  const { form } = model;
  const unplaced = model.failure !== undefined && Object.keys(model.failure.fieldErrors).length === 0;
  return html`<form class="staff-command" method="post" action="${context.pagePath}" data-command="${model.name}" id="form-${model.name}">
<input type="hidden" name="${FORM_CONTROLS.csrf}" value="${context.csrfToken}">
<input type="hidden" name="${FORM_CONTROLS.command}" value="${model.name}">
<input type="hidden" name="${FORM_CONTROLS.seen}" value="${context.seen}">
<input type="hidden" name="${FORM_CONTROLS.page}" value="${context.pageId}">
${form.intro === undefined ? '' : html`<p class="hint">${form.intro}</p>`}
${unplaced ? html`<p class="field-error" id="${model.name}-error">${model.failure?.summary ?? ''}</p>` : ''}
${form.fields.map((field) => fieldMarkup(model, field))}
<button type="submit" class="button">${form.button}</button>
</form>`;
}

/** Each form folds away under its title, except the one that was just refused. */
function foldedForm(model: CommandFormModel, context: FormContext): SafeHtml {
  return html`<details class="staff-command-fold" id="command-${model.name}"${model.failure === undefined ? '' : html` open`}>
<summary>${model.form.title}</summary>
${commandForm(model, context)}
</details>`;
}

export function commandsSection(forms: readonly CommandFormModel[], context: FormContext): SafeHtml {
  const shown = forms.filter((model) => model.name !== 'acknowledge-handoff');
  const body = shown.length === 0 ? html`<p>There is nothing you can do on this ticket now.</p>` : shown.map((model) => foldedForm(model, context));
  return html`<section class="panel" id="commands" aria-labelledby="commands-title">
<h2 id="commands-title">What you can do</h2>
${body}
</section>`;
}
