import { defineSite } from './define';

/**
 * www.meta.ai: Lexical-style contenteditable (older builds: a textarea) with a div[role=button] send
 * control labelled "Send message". Public code disagrees on details; selectors are deliberately broad.
 */
export default defineSite({
  id: 'meta-ai',
  name: 'Meta AI',
  matches: ['https://www.meta.ai/*'],
  composer: [
    '[contenteditable="true"][data-lexical-editor="true"]',
    '[contenteditable="true"][role="textbox"]',
    'textarea[placeholder*="Ask"]',
  ],
  send: ['[role="button"][aria-label="Send message"]', 'button[aria-label="Send message"]', '[aria-label="Send"]'],
  submit: 'button',
});
