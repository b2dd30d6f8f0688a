import { defineSite } from './define';

/** www.perplexity.ai: Lexical; the submit button carries pointer-events-none until there is text. */
export default defineSite({
  id: 'perplexity',
  name: 'Perplexity',
  matches: ['https://www.perplexity.ai/*'],
  composer: [
    '#ask-input[contenteditable="true"]',
    '[data-ask-input-container] [data-lexical-editor="true"]',
    '[data-lexical-editor="true"][contenteditable="true"]',
    'textarea[placeholder*="Ask"]',
  ],
  send: ['[data-testid="submit-button"]', 'button[aria-label="Submit"]'],
  submit: 'button',
  conversation: { messages: ['[id^="markdown-content"]', '.prose'], newChatPaths: ['/'] },
});
