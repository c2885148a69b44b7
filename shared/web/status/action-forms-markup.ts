/**
 * The requester's actions on the status page, each a plain HTML form that posts to the ticket's
 * action route and comes back to this page (post/redirect/get), so all of it works without
 * JavaScript. Only the actions the domain would accept now are offered.
 */
import type { CustomerTicketView } from '../../http-api/customer-ticket-view';
import { html, type SafeHtml } from '../html';
import { actionPath, type WebAction } from './requester-web-actions';
import { formatInstant } from './requester-time';
import { severityWording } from './status-wording';

/** A refused action, shown next to its form with what the requester typed. */
export interface ActionFailure {
  readonly actionName: string;
  readonly message: string;
  readonly typed?: string;
}

export interface ActionFormsContext {
  readonly pagePath: string;
  readonly zone: string;
  readonly failure?: ActionFailure;
  /** From an email's confirm or reject link: that answer is the one to bring forward. */
  readonly suggestedAnswer?: 'confirm' | 'reject';
}

function fieldId(webAction: WebAction): string {
  return `action-${webAction.action.pathSuffix.replace(/\//g, '-')}`;
}

function actionForm(webAction: WebAction, context: ActionFormsContext, focus = false): SafeHtml {
  const { action, wording } = webAction;
  const failure = context.failure?.actionName === action.name ? context.failure : undefined;
  const id = fieldId(webAction);
  const field = wording.field;
  const textArea =
    field === undefined
      ? ''
      : html`<div class="field${failure === undefined ? '' : ' has-error'}">
<label for="${id}">${field.label}</label>
${field.hint === undefined ? '' : html`<span class="hint" id="${id}-hint">${field.hint}</span>`}
<span class="field-error" id="${id}-error">${failure?.message ?? ''}</span>
<textarea id="${id}" name="${field.name}" rows="${field.rows}" required aria-required="true" aria-describedby="${field.hint === undefined ? '' : `${id}-hint `}${id}-error"${failure === undefined ? '' : html` aria-invalid="true"`}>${failure?.typed ?? ''}</textarea>
</div>`;
  const bareError = field === undefined && failure !== undefined ? html`<p class="field-error" role="alert">${failure.message}</p>` : '';
  return html`<form class="requester-action" method="post" action="${actionPath(context.pagePath, action)}" data-requester-action="${action.name}">
${bareError}${textArea}
<button type="submit" class="button${wording.secondary === true ? ' button-secondary' : ''}"${focus || failure !== undefined ? html` autofocus` : ''}>${wording.button}</button>
</form>`;
}

function named(actions: readonly WebAction[], name: string): WebAction | undefined {
  return actions.find((candidate) => candidate.action.name === name);
}

function offersAny(actions: readonly WebAction[], names: readonly string[]): boolean {
  return names.some((name) => named(actions, name) !== undefined);
}

/** The action's form when the domain would accept the action now; nothing otherwise. */
function formIfOffered(actions: readonly WebAction[], name: string, context: ActionFormsContext, focus = false): SafeHtml | '' {
  const offered = named(actions, name);
  return offered === undefined ? '' : actionForm(offered, context, focus);
}

function resolutionSection(view: CustomerTicketView, actions: readonly WebAction[], context: ActionFormsContext): SafeHtml {
  const proposal = view.proposedResolution;
  if (proposal === undefined || !offersAny(actions, ['requesterConfirmResolution', 'requesterRejectResolution'])) return html``;
  return html`<section class="panel" id="resolution" aria-labelledby="resolution-title">
<h2 id="resolution-title">Proposed solution</h2>
<p class="hint">Proposed ${formatInstant(proposal.at, context.zone)}. Does it solve your problem?</p>
<p class="said">${proposal.summary}</p>
${context.suggestedAnswer === undefined ? '' : html`<p class="hint" id="suggested-answer">You followed the link in our email to ${context.suggestedAnswer} this solution. Nothing changes until you press the button below.</p>`}
${formIfOffered(actions, 'requesterConfirmResolution', context, context.suggestedAnswer === 'confirm')}
${formIfOffered(actions, 'requesterRejectResolution', context, context.suggestedAnswer === 'reject')}
</section>`;
}

function downgradeSection(view: CustomerTicketView, actions: readonly WebAction[], context: ActionFormsContext): SafeHtml {
  const pending = view.pendingDowngrade;
  if (pending === undefined || !offersAny(actions, ['requesterConsentToDowngrade', 'requesterRefuseDowngrade'])) return html``;
  return html`<section class="panel" id="downgrade" aria-labelledby="downgrade-title">
<h2 id="downgrade-title">Support proposes ${severityWording(pending.to)}</h2>
<p>The severity changes only if you agree${pending.from === undefined ? '' : html`; until then it stays ${severityWording(pending.from)}`}. Their reason:</p>
<p class="said">${pending.reason}</p>
<div class="actions-row">${formIfOffered(actions, 'requesterConsentToDowngrade', context)}${formIfOffered(actions, 'requesterRefuseDowngrade', context)}</div>
</section>`;
}

function otherActionsSection(actions: readonly WebAction[], context: ActionFormsContext): SafeHtml {
  const selfClose = named(actions, 'requesterSelfClose');
  if (!offersAny(actions, ['requesterReply', 'requesterSelfClose', 'requesterReopen'])) return html``;
  const selfCloseOpen = context.failure?.actionName === 'requesterSelfClose';
  return html`<section class="panel" id="your-actions" aria-labelledby="actions-title">
<h2 id="actions-title">What you can do</h2>
${formIfOffered(actions, 'requesterReply', context)}
${formIfOffered(actions, 'requesterReopen', context)}
${selfClose === undefined ? '' : html`<details class="requester-action"${selfCloseOpen ? html` open` : ''}><summary>Solved it yourself? Close the ticket with your solution</summary>${actionForm(selfClose, context)}</details>`}
</section>`;
}

export function actionSections(view: CustomerTicketView, actions: readonly WebAction[], context: ActionFormsContext): SafeHtml {
  return html`${downgradeSection(view, actions, context)}${resolutionSection(view, actions, context)}${otherActionsSection(actions, context)}`;
}
