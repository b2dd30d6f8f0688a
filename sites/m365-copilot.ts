import { defineSite } from './define';

/**
 * m365.cloud.microsoft/chat: Lexical on a span with role=combobox. Edge does not run extensions on
 * *.cloud.microsoft, so there the guard covers it only in Chrome and Firefox (see sites/README.md).
 */
export default defineSite({
  id: 'm365-copilot',
  name: 'Microsoft 365 Copilot',
  matches: ['https://m365.cloud.microsoft/*'],
  composer: [
    '#m365-chat-editor-target-element[contenteditable="true"]',
    '.fai-BebopLiteChatInput__editor [contenteditable="true"]',
    '[data-lexical-editor="true"][contenteditable="true"]',
  ],
  send: ['button.fai-SendButton', 'button[aria-label="Send"]'],
  submit: 'button',
});
