/**
 * The requester's actions as the status page offers them: the API's own action table (same
 * routes, bodies and commands) with the words and field each form needs, and which of them the
 * domain would accept right now, found by asking `decide` itself rather than re-stating its rules.
 */
import { REQUESTER_ACTIONS, requesterActor, type RequesterAction } from '../../http-api/requester-actions';
import { decide } from '../../domain/commands/decide';
import type { LifecycleSettings } from '../../domain/org/lifecycle-settings';
import type { Instant } from '../../domain/primitives';
import type { Ticket } from '../../domain/ticket/ticket';

export interface ActionTextField {
  /** The body field the action's schema expects. */
  readonly name: 'message' | 'reason' | 'solution';
  readonly label: string;
  readonly hint?: string;
  readonly rows: number;
}

export interface WebActionWording {
  readonly field?: ActionTextField;
  readonly button: string;
  readonly secondary?: boolean;
  /** Said on the page once the action has been recorded. */
  readonly done: string;
}

export const WEB_ACTION_WORDING: Readonly<Record<string, WebActionWording>> = {
  requesterReply: {
    field: { name: 'message', label: 'Your reply', hint: 'Answer a question, add a detail or tell us what changed.', rows: 4 },
    button: 'Send reply',
    done: 'Your reply has been added to the ticket.',
  },
  requesterConfirmResolution: {
    button: 'Yes, this solved it: close the ticket',
    done: 'Thank you: you confirmed the solution and the ticket is closed.',
  },
  requesterRejectResolution: {
    field: { name: 'reason', label: 'Why it does not solve the problem', rows: 3 },
    button: 'No, it is not solved',
    secondary: true,
    done: 'You told us the problem is not solved: work on it resumes.',
  },
  requesterConsentToDowngrade: { button: 'Agree to the lower severity', done: 'You agreed to the lower severity.' },
  requesterRefuseDowngrade: { button: 'Keep the current severity', secondary: true, done: 'You kept the current severity.' },
  requesterSelfClose: {
    field: { name: 'solution', label: 'How you solved it', hint: 'Your solution stays on the ticket for whoever meets the problem next.', rows: 3 },
    button: 'Close the ticket with my solution',
    secondary: true,
    done: 'You closed the ticket with your own solution.',
  },
  requesterReopen: {
    field: { name: 'reason', label: 'Why you are reopening it', rows: 3 },
    button: 'Reopen the ticket',
    done: 'You reopened the ticket: an engineer will pick it up again.',
  },
};

export interface WebAction {
  readonly action: RequesterAction;
  readonly wording: WebActionWording;
}

export const WEB_ACTIONS: readonly WebAction[] = REQUESTER_ACTIONS.flatMap((action) => {
  const wording = WEB_ACTION_WORDING[action.name];
  return wording === undefined ? [] : [{ action, wording }];
});

export function findWebAction(name: string): WebAction | undefined {
  return WEB_ACTIONS.find((candidate) => candidate.action.name === name);
}

/** Long enough for any of the actions' text fields (a reason needs three characters). */
const SAMPLE_TEXT = 'Checking whether this action is open';

/** The actions `decide` would accept for this ticket now, in the table's order. */
export function allowedWebActions(ticket: Ticket, now: Instant, lifecycle: LifecycleSettings): WebAction[] {
  return WEB_ACTIONS.filter(({ action, wording }) => {
    const sample = wording.field === undefined ? {} : { [wording.field.name]: SAMPLE_TEXT };
    const parsed = action.parseBody(sample);
    if (!parsed.ok) return false;
    return decide(ticket, parsed.toCommand(requesterActor(ticket)), now, { lifecycle }).ok;
  });
}

export function actionPath(ticketPagePath: string, action: RequesterAction): string {
  return `${ticketPagePath}/${action.pathSuffix}`;
}
