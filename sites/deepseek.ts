import { defineSite } from './define';

/**
 * chat.deepseek.com: React textarea; the send control is a div[role=button] (aria-disabled until text)
 * with no label, so it is recognised by its primary-circle classes next to the textarea.
 */
export default defineSite({
  id: 'deepseek',
  name: 'DeepSeek',
  matches: ['https://chat.deepseek.com/*'],
  composer: ['textarea[name="search"]', 'textarea[placeholder*="DeepSeek"]', 'textarea#chat-input'],
  send: [
    '[role="button"].ds-button--primary.ds-button--circle',
    '[role="button"][aria-label="Send"]',
    '[role="button"].ds-button--primary',
  ],
  submit: 'button',
  conversation: { messages: ['.ds-message', '.ds-markdown'], newChatPaths: ['/'] },
});
