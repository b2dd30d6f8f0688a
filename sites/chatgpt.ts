import { defineSite } from './define';

/**
 * chatgpt.com: ProseMirror in a form. Traps: a display:none textarea named prompt-textarea sits before the
 * real div#prompt-textarea; the send button exists only while the prompt is non-empty (a voice button
 * otherwise); Ctrl/Cmd+Enter also sends.
 */
export default defineSite({
  id: 'chatgpt',
  name: 'ChatGPT',
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  composer: [
    '#prompt-textarea[contenteditable="true"]',
    'form[data-type="unified-composer"] .ProseMirror[contenteditable="true"]',
    'textarea#prompt-textarea',
    'form .ProseMirror[contenteditable="true"]',
  ],
  send: ['[data-testid="send-button"]', '#composer-submit-button', 'button[aria-label="Send prompt"]'],
  keys: { enter: true, modEnter: true },
  submit: 'button',
  conversation: {
    messages: ['[data-message-author-role]'],
    copy: ['[data-testid="copy-turn-action-button"]'],
    newChatPaths: ['/'],
  },
});
