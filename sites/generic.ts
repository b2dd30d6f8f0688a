import { DEFAULT_CONVERSATION } from './define';
import { isRendered, textOf } from './dom';
import {
  chatInputScore,
  composerContainer,
  findChatInput,
  GENERIC_MIN_SCORE,
  looksLikeSendControl,
} from './heuristics';
import type { SiteAdapter } from './types';

/**
 * The fallback for AI sites without an adapter (added by policy): a scorer picks the prompt box, send
 * controls are buttons labelled send/submit, and Enter and Ctrl/Cmd+Enter are treated as sending.
 */
const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other AI site',
  matches: [],
  keys: { enter: true, modEnter: true, insertParagraph: false },
  submit: 'button',
  conversation: DEFAULT_CONVERSATION,
  findComposer: findChatInput,
  isComposer: (host) => chatInputScore(host) >= GENERIC_MIN_SCORE,
  readText: textOf,
  isSendControl: looksLikeSendControl,
  findSendControl(composer) {
    for (const el of composerContainer(composer).querySelectorAll('button, [role="button"], input[type="submit"]')) {
      if ((looksLikeSendControl(el) || (el instanceof HTMLButtonElement && el.type === 'submit')) && isRendered(el)) {
        return el as HTMLElement;
      }
    }
    return undefined;
  },
};

export default generic;
