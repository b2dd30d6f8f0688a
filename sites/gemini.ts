import { defineSite } from './define';

/**
 * gemini.google.com: Quill inside Angular custom elements, no form. The send container is rendered only
 * with text; Gemini uses data-test-id (not data-testid). The hidden .ql-clipboard is contenteditable too.
 */
export default defineSite({
  id: 'gemini',
  name: 'Gemini',
  matches: ['https://gemini.google.com/*'],
  composer: [
    'rich-textarea .ql-editor[contenteditable="true"]',
    '.ql-editor[contenteditable="true"][role="textbox"]',
    'input-area-v2 [contenteditable="true"][role="textbox"]',
  ],
  send: [
    '[data-test-id="send-button-container"] button',
    '[data-test-id="send-button"]',
    'gem-icon-button.send-button button',
    'button[aria-label="Send message"]',
  ],
  submit: 'button',
  conversation: {
    messages: ['user-query', 'model-response'],
    copy: ['copy-button button', '[data-test-id="copy-button"]'],
    newChatPaths: ['/app', '/'],
  },
});
