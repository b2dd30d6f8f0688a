/** The composer selector of each replica (what a user clicks to type); shared by the e2e matrix and bench:guard. */
export const COMPOSER: Record<string, string> = {
  chatgpt: '#prompt-textarea',
  claude: '[data-testid="chat-input"]',
  gemini: '.ql-editor[role="textbox"]',
  copilot: '#userInput',
  'm365-copilot': '#m365-chat-editor-target-element',
  perplexity: '#ask-input',
  deepseek: 'textarea[name="search"]',
  grok: '[aria-label="Ask Grok anything"]',
  mistral: 'form .ProseMirror',
  poe: 'textarea[class*="GrowingTextArea"]',
  huggingchat: 'form textarea',
  notebooklm: '.query-box-input',
  'meta-ai': '#meta-ed',
  you: '#search-input-textarea',
  'character-ai': 'main textarea',
};
