import { guardMatrix } from './matrix';

// If these fail, PHI typed into a Quill or Lexical chatbot (Gemini, Perplexity, M365 Copilot, Meta AI) can reach the site.
guardMatrix('guard on Quill and Lexical sites', [
  {
    id: 'gemini',
    send: '[data-test-id="send-button-container"] button',
    fileInput: '#lazy-file',
    openFiles: '#upload-menu',
  },
  { id: 'perplexity', send: '[data-testid="submit-button"]', fileInput: '#px-file' },
  { id: 'm365-copilot', send: 'button.fai-SendButton', fileInput: '#m365-file' },
  { id: 'meta-ai', send: '[role="button"][aria-label="Send message"]', fileInput: '#meta-file' },
]);
