import { defineSite } from './define';

/** chat.mistral.ai (Le Chat): ProseMirror in a form with an unlabelled submit button. */
export default defineSite({
  id: 'mistral',
  name: 'Le Chat (Mistral)',
  matches: ['https://chat.mistral.ai/*'],
  composer: ['form .ProseMirror[contenteditable="true"]', '.ProseMirror[contenteditable="true"]', 'form textarea'],
  send: ['form button[type="submit"]', 'button[aria-label="Send question"]'],
  submit: 'form',
  conversation: { newChatPaths: ['/chat', '/'] },
});
