import { defineSite } from './define';

/** grok.com: TipTap in a form with a submit button. */
export default defineSite({
  id: 'grok',
  name: 'Grok',
  matches: ['https://grok.com/*'],
  composer: [
    'form .tiptap.ProseMirror[contenteditable="true"]',
    '[contenteditable="true"][aria-label*="Grok"]',
    'form textarea[aria-label*="Grok"]',
  ],
  send: ['form button[type="submit"][aria-label="Submit"]', 'button[aria-label="Submit"]'],
  submit: 'form',
  conversation: { messages: ['.message-bubble'], newChatPaths: ['/', '/chat'] },
});
