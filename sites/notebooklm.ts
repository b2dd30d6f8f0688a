import { defineSite } from './define';

/**
 * notebooklm.google.com: Angular textarea in a form; the page has other textareas (notes), so the query
 * box is found by its class and label.
 */
export default defineSite({
  id: 'notebooklm',
  name: 'NotebookLM',
  matches: ['https://notebooklm.google.com/*'],
  composer: ['query-box textarea.query-box-input', 'textarea[aria-label="Query box"]', 'chat-panel form textarea'],
  send: ['query-box button[type="submit"]', 'button.submit-button[aria-label="Submit"]'],
  submit: 'form',
});
