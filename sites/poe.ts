import { defineSite } from './define';

/** poe.com: React textarea with hashed CSS-module classes (match their stable prefixes), no form. */
export default defineSite({
  id: 'poe',
  name: 'Poe',
  matches: ['https://poe.com/*'],
  composer: ['textarea[class*="GrowingTextArea_textArea"]', '[class*="ChatMessageInputContainer"] textarea'],
  send: ['button[class*="ChatMessageSendButton_sendButton"]', 'button[aria-label="Send message"]'],
  submit: 'button',
  conversation: {
    messages: ['[class*="Message_botMessageBubble"]', '[class*="Message_humanMessageBubble"]'],
    newChatPaths: ['/'],
  },
});
