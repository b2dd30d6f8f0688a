import { guardMatrix } from './matrix';

// If these fail, PHI typed into a textarea chatbot (React, Svelte-style or Angular) can reach the site.
guardMatrix('guard on textarea sites', [
  { id: 'copilot', send: '[data-testid="submit-button"]', fileInput: '[data-testid="composer"] input[type="file"]' },
  { id: 'deepseek', send: '.ds-button--primary', fileInput: 'input[type="file"]' },
  { id: 'poe', send: 'button[class*="ChatMessageSendButton"]', fileInput: 'input[type="file"]' },
  {
    id: 'huggingchat',
    send: 'button[type="submit"]',
    form: true,
    fileInput: 'input[type="file"]',
    pasteAttachment: 3984,
  },
  { id: 'notebooklm', send: 'query-box button[type="submit"]', form: true, fileInput: '#nb-file' },
  { id: 'you', send: '[data-testid="qs-submit-button"]', form: true, fileInput: 'input[type="file"]' },
  { id: 'character-ai', send: 'button[aria-label="Send a message"]', fileInput: 'input[type="file"]' },
]);
