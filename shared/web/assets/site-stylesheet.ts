/**
 * The one stylesheet of the requester's pages: plain CSS, mobile first, large touch targets and
 * visible focus, so the form and the status page read well on a phone without a framework.
 */
export const SITE_STYLESHEET = `
:root {
  --ink: #1b1f24;
  --muted: #59636e;
  --line: #d0d7de;
  --paper: #ffffff;
  --wash: #f4f6f8;
  --accent: #0b5cad;
  --accent-dark: #084784;
  --error: #b3261e;
  --error-wash: #fdecea;
  --ok: #1a7f37;
  --ok-wash: #e8f5ec;
  --warn-wash: #fff8e1;
  --focus: #ffbf47;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: var(--ink);
  background: var(--wash);
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.skip-link { position: absolute; left: -999rem; }
.skip-link:focus { left: 1rem; top: 1rem; z-index: 10; background: var(--paper); padding: .5rem 1rem; }
.site-header { background: var(--accent-dark); color: #fff; padding: .75rem 0; }
.site-header a { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.125rem; }
.site-footer { color: var(--muted); font-size: .875rem; padding: 2rem 0; }
main.wrap { padding: 1.5rem 1rem 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; line-height: 1.2; margin: 0 0 .5rem; }
#ticket-number { white-space: nowrap; }
h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
  outline: 3px solid var(--focus);
  outline-offset: 1px;
}
.lead { color: var(--muted); }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1.25rem; }
fieldset.group { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1.25rem; min-width: 0; }
fieldset.group > legend { font-weight: 700; font-size: 1.2rem; padding: 0 .25rem; }
.group-intro { color: var(--muted); margin-top: 0; }
.field { margin: 0 0 1.25rem; }
.field:last-child { margin-bottom: 0; }
fieldset.field { border: 0; padding: 0; min-width: 0; }
fieldset.field > legend { padding: 0; }
fieldset.field.has-error { padding-left: .75rem; }
.field > label, .field-label { display: block; font-weight: 600; margin-bottom: .25rem; }
.optional { font-weight: 400; color: var(--muted); }
.hint { display: block; color: var(--muted); font-size: .9375rem; margin: 0 0 .375rem; }
.field-error { display: block; color: var(--error); font-weight: 600; margin: 0 0 .375rem; }
.field-error:empty { display: none; }
.field.has-error { border-left: 4px solid var(--error); padding-left: .75rem; }
input[type=text], input[type=email], input[type=tel], select, textarea {
  width: 100%;
  font: inherit;
  padding: .5rem .625rem;
  border: 2px solid #6e7781;
  border-radius: .25rem;
  background: var(--paper);
  color: var(--ink);
  min-height: 2.75rem;
}
textarea { min-height: 6rem; resize: vertical; }
[aria-invalid=true] { border-color: var(--error); }
.choices { display: grid; gap: .5rem; }
.choice { display: flex; gap: .75rem; align-items: flex-start; padding: .625rem; border: 1px solid var(--line); border-radius: .375rem; }
.choice input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
.choice label { font-weight: 600; }
.choice .hint { margin: .125rem 0 0; }
.rule { background: var(--warn-wash); border-left: 4px solid #b58100; padding: .75rem; margin: .75rem 0; }
.rule p:last-child { margin-bottom: 0; }
.sev-a-warning { color: var(--error); font-weight: 600; }
.sev-a-warning[hidden] { display: none; }
.error-summary { background: var(--paper); border: 4px solid var(--error); border-radius: .5rem; padding: 1rem; margin: 0 0 1.25rem; }
.error-summary:focus { outline: 3px solid var(--focus); }
.error-summary h2 { color: var(--error); }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--error); font-weight: 600; }
.notice { border-radius: .5rem; padding: 1rem; margin: 0 0 1.25rem; border: 2px solid; }
.notice:focus { outline: 3px solid var(--focus); }
.notice h2 { margin-bottom: .5rem; }
.notice p:last-child { margin-bottom: 0; }
.notice-ok { background: var(--ok-wash); border-color: var(--ok); }
.notice-failed { background: var(--error-wash); border-color: var(--error); }
.notice-info { background: var(--paper); border-color: var(--accent); }
.button {
  display: inline-block;
  font: inherit;
  font-weight: 700;
  color: #fff;
  background: var(--accent);
  border: 2px solid var(--accent);
  border-radius: .375rem;
  padding: .625rem 1.25rem;
  min-height: 2.75rem;
  cursor: pointer;
  text-decoration: none;
}
.button:hover { background: var(--accent-dark); }
.button[disabled], .button[aria-disabled=true] { opacity: .6; cursor: progress; }
.button-secondary { background: var(--paper); color: var(--accent); }
.button-secondary:hover { background: var(--wash); }
.actions-row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
.sending { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); font-size: .9375rem; }
dl.facts dd { margin: 0 0 .5rem; font-weight: 600; }
.badge { display: inline-block; padding: .125rem .5rem; border-radius: 1rem; background: var(--wash); border: 1px solid var(--line); font-weight: 600; }
.clocks { width: 100%; border-collapse: collapse; }
.clocks th, .clocks td { text-align: left; padding: .5rem .25rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.clocks th[scope=col] { color: var(--muted); font-weight: 600; font-size: .9375rem; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { border-left: 3px solid var(--line); padding: 0 0 1rem 1rem; position: relative; }
.timeline li::before { content: ""; position: absolute; left: -.5rem; top: .375rem; width: .75rem; height: .75rem; border-radius: 50%; background: var(--accent); }
.timeline .when { display: block; color: var(--muted); font-size: .875rem; }
.timeline .what { font-weight: 600; }
.timeline .said { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0 0; background: var(--wash); padding: .5rem; border-radius: .25rem; }
.requester-action { border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 1rem; }
.requester-action:first-of-type { border-top: 0; padding-top: 0; margin-top: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (min-width: 40rem) {
  main.wrap { padding: 2rem 1rem 3rem; }
  h1 { font-size: 2rem; }

  fieldset.group, .panel { padding: 1.25rem 1.5rem; }
  dl.facts { grid-template-columns: max-content 1fr; }
  dl.facts dd { margin: 0; }
}
@media (max-width: 30rem) {
  .clocks thead { position: absolute; left: -999rem; }
  .clocks tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  .clocks th, .clocks td { display: block; border: 0; padding: .125rem 0; }
  .clocks td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
}
`;
