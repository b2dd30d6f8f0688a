/**
 * Match patterns of the AI chatbot pages the content script runs on: the one list the manifest, the site
 * adapters and the end-to-end tests share. https only, exact hosts (no wildcards): a pattern added here is
 * a site the guard claims to cover, so it needs an adapter and a test replica.
 */
export const CHATBOT_MATCHES = [
  'https://chatgpt.com/*',
  'https://chat.openai.com/*',
  'https://claude.ai/*',
  'https://gemini.google.com/*',
  'https://copilot.microsoft.com/*',
  'https://m365.cloud.microsoft/*',
  'https://www.perplexity.ai/*',
  'https://chat.deepseek.com/*',
  'https://grok.com/*',
  'https://chat.mistral.ai/*',
  'https://poe.com/*',
  'https://huggingface.co/chat*',
  'https://notebooklm.google.com/*',
  'https://www.meta.ai/*',
  'https://you.com/*',
  'https://character.ai/*',
] as const;
