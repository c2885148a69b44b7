/**
 * What the staff console adds to the requester pages' stylesheet: a wider page, the navigation bar,
 * dense but readable ticket tables that fold into cards on a phone, SLA state badges whose
 * colours keep WCAG AA contrast (the state is always written out as well, never colour alone),
 * and the ticket page's timeline marks and folding command forms.
 */
export const CONSOLE_STYLESHEET = `
.wrap-wide { max-width: 80rem; }
.console-bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
.console-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.site-header .console-nav a { font-weight: 600; font-size: 1rem; text-decoration: none; padding: .25rem 0; border-bottom: 3px solid transparent; }
.site-header .console-nav a[aria-current=page] { border-bottom-color: #fff; }
.site-header .console-nav a:hover { text-decoration: underline; }
.sign-out { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
.signed-in-as { font-size: .9375rem; }
.button-small { padding: .25rem .75rem; min-height: 2.25rem; font-size: .9375rem; }
.site-header .button-secondary { color: var(--accent-dark); }
.section { margin: 0 0 2rem; }
.summary-line { color: var(--muted); margin: 0 0 1rem; }
.shift-status { font-weight: 600; }
.tickets { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); }
.tickets caption { text-align: left; font-weight: 700; padding: 0 0 .5rem; }
.tickets th, .tickets td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.tickets th[scope=col] { color: var(--muted); font-weight: 600; font-size: .9375rem; background: var(--wash); }
.tickets .number { white-space: nowrap; font-weight: 600; }
.tickets .empty { color: var(--muted); }
.clock-state { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-weight: 600; font-size: .875rem; border: 1px solid; white-space: nowrap; }
.clock-running { background: var(--paper); color: var(--ink); border-color: var(--line); }
.clock-warning { background: var(--warn-wash); color: #6b4c00; border-color: #b58100; }
.clock-breached { background: var(--error-wash); color: var(--error); border-color: var(--error); }
.clock-paused { background: var(--wash); color: var(--muted); border-color: var(--line); }
.clock-met { background: var(--ok-wash); color: var(--ok); border-color: var(--ok); }
.clock-none { background: var(--wash); color: var(--muted); border-color: var(--line); }
.time-left { display: block; font-size: .875rem; color: var(--muted); }
.flag { display: inline-block; font-size: .8125rem; font-weight: 700; color: var(--error); }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem 1rem; align-items: end; }
.filters .field { margin: 0; }
.filters .actions-row { grid-column: 1 / -1; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; }
.counts li { background: var(--paper); border: 1px solid var(--line); border-radius: .375rem; padding: .25rem .625rem; }
.counts strong { margin-left: .25rem; }
.pager { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
.assign-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.assign-form select { width: auto; min-width: 10rem; min-height: 2.25rem; padding: .25rem .5rem; }
.clock-list { list-style: none; margin: 0; padding: 0; }
.clock-list li { margin: 0 0 .25rem; }
.digest-list { margin: 0; padding-left: 1.25rem; }
.digest-list li { margin: 0 0 .75rem; }
.tag { display: inline-block; font-size: .8125rem; font-weight: 600; padding: 0 .375rem; border-radius: .25rem; border: 1px solid; }
.tag-customer { color: var(--ok); border-color: var(--ok); background: var(--ok-wash); }
.tag-internal { color: var(--muted); border-color: var(--line); background: var(--wash); }
.timeline li.internal::before { background: var(--muted); }
.timeline .by { display: block; color: var(--muted); font-size: .875rem; }
dl.facts dd.prose { font-weight: 400; white-space: pre-wrap; overflow-wrap: anywhere; }
.clocks .explanation { color: var(--muted); font-size: .875rem; }
.staff-command-fold { border-top: 1px solid var(--line); padding: .75rem 0; }
.staff-command-fold > summary { cursor: pointer; font-weight: 700; color: var(--accent); min-height: 2rem; }
.staff-command-fold[open] > summary { margin-bottom: .75rem; }
.panel .said { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); padding: .5rem; border-radius: .25rem; }
.panel h3 { font-size: 1.0625rem; margin: 1rem 0 .375rem; }
@media (max-width: 48rem) {
  .tickets thead { position: absolute; left: -999rem; }
  .tickets tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem; }
  .tickets th, .tickets td { display: block; border: 0; padding: .125rem 0; }
  .tickets td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
  .sign-out { margin-left: 0; }
}
`;
