/**
 * The guided chat's page. Without JavaScript it offers the support request form, which asks the
 * same questions; the page script (client/chat-panel.ts) turns on the panel: the conversation so
 * far, one question at a time, a live region that reads each new question aloud, and a plain
 * notice when the support desk cannot be reached (the messages wait on this device meanwhile).
 */
import { html, type SafeHtml } from '../html';
import { htmlPageResponse } from '../html-response';
import type { HttpResponseInit } from '@azure/functions';
import { DEFAULT_DESK_NAME, renderPage } from '../page-layout';
import { INTAKE_FORM_PATH } from '../intake/intake-form-page';

export const CHAT_API_PATH = '/api/chat/conversations';

export function renderChatPage(deskName: string): SafeHtml {
  const main = html`<h1>Chat with the support desk</h1>
<p class="lead">I will ask for what the support request form asks, one question at a time. You can go back and change any answer, and you will see a summary before anything is sent.</p>
<div id="chat-fallback" class="notice notice-info">
<h2>The chat needs JavaScript</h2>
<p>Your browser is not running this page's script, so the chat cannot start. The support request form asks the same questions and works without it.</p>
<p><a class="button" href="${INTAKE_FORM_PATH}">Open the support request form</a></p>
</div>
<section id="chat-panel" class="panel chat-panel" aria-labelledby="chat-title" data-chat-panel data-api="${CHAT_API_PATH}" hidden>
<h2 id="chat-title" class="visually-hidden">Conversation</h2>
<div id="chat-status" class="notice" role="status" tabindex="-1" hidden></div>
<ol id="chat-log" class="chat-log" aria-label="The conversation so far"></ol>
<div id="chat-turn" class="chat-turn"></div>
<p id="chat-announce" class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
<p id="chat-resume" class="chat-resume" hidden></p>
</section>
<p class="chat-alternative">Prefer to fill in everything at once? <a href="${INTAKE_FORM_PATH}">Use the support request form</a>.</p>`;
  return renderPage({ title: 'Chat with the support desk', deskName, main });
}

export async function chatPage(deskName: () => Promise<string | undefined>): Promise<HttpResponseInit> {
  return htmlPageResponse(renderChatPage((await deskName()) ?? DEFAULT_DESK_NAME));
}
