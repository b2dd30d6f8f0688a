import { defineSite } from './define';

/** character.ai: React textarea, no form, a send button labelled "Send a message". */
export default defineSite({
  id: 'character-ai',
  name: 'Character.AI',
  matches: ['https://character.ai/*'],
  composer: ['textarea[placeholder^="Message"]', 'textarea#chat-input-textarea', 'main textarea'],
  send: ['button[aria-label="Send a message"]', 'button[aria-label="Send message"]', 'button[type="submit"]'],
  submit: 'button',
});
