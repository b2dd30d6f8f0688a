import { defineSite } from './define';

/** copilot.microsoft.com: React-controlled textarea, no form, Enter in React's keydown; send only with text. */
export default defineSite({
  id: 'copilot',
  name: 'Microsoft Copilot',
  matches: ['https://copilot.microsoft.com/*'],
  composer: ['textarea#userInput', 'textarea[data-testid="composer-input"]', '[data-testid="composer"] textarea'],
  send: ['[data-testid="submit-button"]', 'button[aria-label="Submit message"]'],
  submit: 'button',
  conversation: {
    messages: ['[data-content="user-message"]', '[data-content="ai-message"]'],
    copy: ['[data-testid="copy-message-button"]'],
    newChatPaths: ['/'],
  },
});
