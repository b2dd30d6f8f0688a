import { defineSite } from './define';

/**
 * claude.ai: TipTap (ProseMirror) with no form; Enter is handled in the editor's keydown. The send button
 * is disabled until there is text; long pastes become attachments.
 */
export default defineSite({
  id: 'claude',
  name: 'Claude',
  matches: ['https://claude.ai/*'],
  composer: [
    '[data-testid="chat-input"][contenteditable="true"]',
    'fieldset .tiptap.ProseMirror[contenteditable="true"]',
    '.ProseMirror[contenteditable="true"][role="textbox"]',
  ],
  send: ['[data-testid="chat-input-send"]', 'button[aria-label="Send message"]', 'button[aria-label="Send Message"]'],
  submit: 'button',
  pasteAttachmentChars: 4000,
  conversation: {
    messages: ['[data-testid="user-message"]', '.font-claude-response', '.font-claude-message'],
    copy: ['[data-testid="action-bar-copy"]'],
    newChatPaths: ['/new', '/'],
  },
});
