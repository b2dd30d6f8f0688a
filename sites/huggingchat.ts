import { defineSite } from './define';

/**
 * huggingface.co/chat: Svelte textarea in a form; Enter's keydown calls the submit handler directly (no
 * submit event), the form is also wired; the send button is disabled until text. Pastes of 3984+ characters
 * become file attachments.
 */
export default defineSite({
  id: 'huggingchat',
  name: 'HuggingChat',
  matches: ['https://huggingface.co/chat*'],
  composer: ['form textarea[placeholder="Ask anything"]', 'form[aria-label="file dropzone"] textarea', 'form textarea'],
  send: ['button[type="submit"][aria-label="Send message"]', 'form button[name="submit"]'],
  submit: 'form',
  pasteAttachmentChars: 3984,
  conversation: { messages: ['[data-message-role]', '[data-message-id]'], newChatPaths: ['/chat', '/chat/'] },
});
