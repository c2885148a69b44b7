/** The chat panel's part of the requester pages' stylesheet: the conversation as speech, the turn below it. */
export const CHAT_STYLESHEET = `
.chat-log { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .5rem; }
.chat-message { max-width: 90%; padding: .5rem .75rem; border-radius: .75rem; }
.chat-message p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.chat-from-desk { background: var(--wash); border: 1px solid var(--line); justify-self: start; }
.chat-from-you { background: #e6f0fa; border: 1px solid #9cc1e6; justify-self: end; }
.chat-pending { border-style: dashed; }
.chat-pending-note { display: block; color: var(--muted); font-size: .875rem; }
.chat-turn { border-top: 1px solid var(--line); padding-top: 1rem; }
.chat-question { display: block; font-weight: 700; margin-bottom: .375rem; }
.chat-turn form > input, .chat-turn form > textarea { margin-bottom: .75rem; }
fieldset.chat-choices { border: 0; padding: 0; margin: 0; min-width: 0; display: grid; gap: .5rem; }
fieldset.chat-choices > legend { padding: 0; }
.chat-choice { display: block; width: 100%; text-align: left; font: inherit; color: var(--ink); background: var(--paper); border: 2px solid var(--line); border-radius: .375rem; padding: .625rem .75rem; cursor: pointer; min-height: 2.75rem; }
.chat-choice:hover { border-color: var(--accent); }
.chat-choice[aria-current=true] { border-color: var(--accent); }
.chat-choice-label { display: block; font-weight: 700; }
.chat-choice .hint { margin: .125rem 0 0; }
.chat-summary dd { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; justify-content: space-between; margin-bottom: .5rem; }
.chat-summary-value { white-space: pre-wrap; overflow-wrap: anywhere; flex: 1 1 12rem; }
.chat-change { padding: .25rem .75rem; min-height: 2.25rem; }
.chat-summary .actions-row { margin-top: 1rem; }
.chat-resume { color: var(--muted); font-size: .9375rem; margin: 1rem 0 0; }
.chat-alternative { color: var(--muted); }
.transcript summary { cursor: pointer; color: var(--accent); margin-top: .25rem; }
`;
