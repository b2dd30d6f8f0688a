import { guardMatrix } from './matrix';

// If these fail, PHI typed into a ProseMirror/TipTap chatbot (ChatGPT, Claude, Grok, Mistral) can reach the site.
guardMatrix('guard on ProseMirror and TipTap sites', [
  { id: 'chatgpt', send: '[data-testid="send-button"]', modEnter: true, form: true, fileInput: '#upload-files' },
  {
    id: 'claude',
    send: '[data-testid="chat-input-send"]',
    fileInput: '#chat-input-file-upload-onpage',
    pasteAttachment: 4000,
  },
  { id: 'grok', send: 'form button[type="submit"]', form: true, fileInput: 'form input[type="file"]' },
  { id: 'mistral', send: 'form button[type="submit"]', form: true, fileInput: 'form input[type="file"]' },
]);
