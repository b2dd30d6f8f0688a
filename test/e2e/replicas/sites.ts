/**
 * One replica per chatbot: the composer markup the site uses (sites/../shared SITES.md), built with the
 * site's editor library, and the site's traps. Each setup returns the composer selector and a clear().
 */
import { type Mounted, mountLexical, mountProseMirror, mountQuill, mountTiptap } from './editors';
import { mountReactComposer } from './react-composer';
import { acceptFiles, longPasteToAttachment, recordFiles, recordSent } from './record';

export interface Replica {
  /** Selector of the node a user clicks to type. */
  composer: string;
  clear(): void;
}

type Setup = () => Replica;

function html(markup: string): void {
  document.body.innerHTML = markup;
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`replica markup lacks ${sel}`);
  return el;
};

function fileInput(input: HTMLInputElement): void {
  input.addEventListener('change', () => recordFiles(input.files));
}

/** A send that reads the editor's own state, then empties it, as the sites do. */
function sender(get: () => Mounted) {
  return () => {
    const ed = get();
    const text = ed.getText();
    if (!text.trim()) return;
    recordSent(text);
    ed.clear();
  };
}

const chatgpt: Setup = () => {
  html(`<main><form class="group/composer" data-type="unified-composer">
    <div class="_prosemirror-parent_x" id="pm-mount"><textarea name="prompt-textarea" style="display:none"></textarea></div>
    <button id="composer-plus-btn" data-testid="composer-plus-btn" type="button" aria-label="Add files and more">+</button>
    <input id="upload-files" type="file" multiple hidden>
    <span id="trailing"></span></form></main>`);
  const form = $<HTMLFormElement>('form');
  fileInput($<HTMLInputElement>('#upload-files'));
  acceptFiles(form);
  // Trap: the send button exists only while the prompt is non-empty; a voice button stands in otherwise.
  const trailing = $('#trailing');
  const showSend = (text: string) => {
    const want = text.trim() ? 'send' : 'voice';
    if (trailing.dataset.kind === want) return;
    trailing.dataset.kind = want;
    trailing.innerHTML =
      want === 'send'
        ? '<button id="composer-submit-button" type="submit" data-testid="send-button" aria-label="Send prompt"><svg width="16" height="16"><path d="M1 1h14v14z"></path></svg></button>'
        : '<button type="button" aria-label="Start voice mode">voice</button>';
  };
  const ed: Mounted = mountProseMirror($('#pm-mount'), {
    attributes: { id: 'prompt-textarea', role: 'textbox', 'aria-label': 'Chat with ChatGPT', translate: 'no' },
    modEnter: true,
    onEnter: () => form.requestSubmit(),
    onChange: showSend,
  });
  showSend('');
  const send = sender(() => ed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  return { composer: '#prompt-textarea', clear: () => ed.clear() };
};

const claude: Setup = () => {
  html(`<fieldset data-perf-region="composer" style="border:0">
    <input id="chat-input-file-upload-onpage" data-testid="file-upload" aria-label="Upload files" type="file" multiple hidden>
    <div id="tt-mount"></div>
    <button type="button" data-testid="chat-input-attach" aria-label="Add files, connectors, and more">+</button>
    <div><button type="button" disabled data-testid="chat-input-send" aria-label="Send message">↑</button></div></fieldset>`);
  const button = $<HTMLButtonElement>('[data-testid="chat-input-send"]');
  fileInput($<HTMLInputElement>('#chat-input-file-upload-onpage'));
  const zone = $('fieldset');
  acceptFiles(zone);
  longPasteToAttachment(zone, 4000);
  let ed: Mounted | undefined;
  const send = sender(() => ed as Mounted);
  ed = mountTiptap($('#tt-mount'), {
    attributes: {
      'data-testid': 'chat-input',
      role: 'textbox',
      'aria-label': 'Write your prompt to Claude',
      'aria-multiline': 'true',
      enterkeyhint: 'enter',
      class: 'tiptap ProseMirror',
    },
    onEnter: send,
    // Trap: disabled until there is text.
    onChange: (text) => {
      button.disabled = !text.trim();
    },
  });
  button.addEventListener('click', send);
  return { composer: '[data-testid="chat-input"]', clear: () => ed?.clear() };
};

const gemini: Setup = () => {
  html(`<input-area-v2><div xapfileselectordropzone class="text-input-field">
    <rich-textarea class="ql-container"><div id="q-mount"></div>
    <div class="ql-clipboard" contenteditable="true" tabindex="-1" style="position:absolute;left:-10000px"></div></rich-textarea>
    <button type="button" id="upload-menu" aria-label="Upload and tools">+</button>
    <div id="send-slot"></div></div></input-area-v2>`);
  acceptFiles($('.text-input-field'));
  // Trap: the file input is created only when the upload menu is first opened.
  $('#upload-menu').addEventListener('click', () => {
    if (document.querySelector('#lazy-file')) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'lazy-file';
    input.hidden = true;
    fileInput(input);
    $('.text-input-field').append(input);
  });
  const slot = $('#send-slot');
  let ed: Mounted | undefined;
  const send = sender(() => ed as Mounted);
  // Trap: the send container is rendered only while there is text; data-test-id, not data-testid.
  const showSend = (text: string) => {
    if (!text.trim()) {
      slot.innerHTML = '';
      return;
    }
    if (slot.firstChild) return;
    slot.innerHTML =
      '<div data-test-id="send-button-container"><gem-icon-button class="send-button has-input submit"><button aria-label="Send message"><mat-icon>arrow_upward</mat-icon></button></gem-icon-button></div>';
    slot.querySelector('button')?.addEventListener('click', send);
  };
  ed = mountQuill($('#q-mount'), {
    attributes: {
      class: 'ql-editor textarea new-input-ui',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': 'Enter a prompt for Gemini',
      'data-placeholder': 'Ask Gemini',
    },
    onEnter: send,
    onChange: showSend,
  });
  return { composer: '.ql-editor[role="textbox"]', clear: () => ed?.clear() };
};

const copilot: Setup = () => {
  html('<div id="root"></div>');
  const r = mountReactComposer($('#root'), {
    wrapper: { 'data-testid': 'composer' },
    textarea: {
      id: 'userInput',
      'data-testid': 'composer-input',
      role: 'textbox',
      'aria-multiline': 'true',
      enterKeyHint: 'enter',
      placeholder: 'Message Copilot',
    },
    send: {
      kind: 'button',
      attrs: {
        type: 'button',
        'data-testid': 'submit-button',
        title: 'Submit message',
        'aria-label': 'Submit message',
      },
      onlyWithText: true,
    },
    fileInput: { className: 'hidden', 'aria-hidden': 'true', accept: '.jpg,.png,.pdf,.docx,.txt,.csv', hidden: true },
  });
  acceptFiles($('#root'));
  return { composer: '#userInput', clear: r.clear };
};

/** Lexical on a span with role=combobox, and a send button outside any form. */
const m365: Setup = () => {
  html(`<div class="composer"><span class="fai-BebopLiteChatInput__editor"><span id="m365-chat-editor-target-element" style="display:inline-block;min-width:400px;min-height:40px"></span></span>
    <input type="file" hidden id="m365-file"><button class="fai-SendButton" type="submit" aria-label="Send">↑</button></div>`);
  fileInput($<HTMLInputElement>('#m365-file'));
  acceptFiles($('.composer'));
  let ed: Mounted | undefined;
  const send = sender(() => ed as Mounted);
  ed = mountLexical($('#m365-chat-editor-target-element'), {
    attributes: { 'data-lexical-editor': 'true', role: 'combobox', 'aria-label': 'Message Copilot' },
    onEnter: send,
    onChange: () => {},
  });
  $('.fai-SendButton').addEventListener('click', send);
  return { composer: '#m365-chat-editor-target-element', clear: () => ed?.clear() };
};

const perplexity: Setup = () => {
  html(`<div data-ask-input-container="true">
    <div id="ask-input"></div>
    <button type="button" aria-label="Add files or tools">+</button><input type="file" multiple style="display:none" id="px-file">
    <button data-testid="submit-button" aria-label="Submit" class="pointer-events-none">→</button></div>
    <style>.pointer-events-none{pointer-events:none}</style>`);
  fileInput($<HTMLInputElement>('#px-file'));
  acceptFiles($('[data-ask-input-container]'));
  const button = $('[data-testid="submit-button"]');
  let ed: Mounted | undefined;
  const send = sender(() => ed as Mounted);
  ed = mountLexical($('#ask-input'), {
    attributes: { role: 'textbox', 'data-lexical-editor': 'true', 'aria-placeholder': 'Ask anything…' },
    onEnter: send,
    // Trap: the button cannot be clicked (pointer-events-none) until there is text.
    onChange: (text) => button.classList.toggle('pointer-events-none', !text.trim()),
  });
  button.addEventListener('click', send);
  return { composer: '#ask-input', clear: () => ed?.clear() };
};

const deepseek: Setup = () => {
  html('<div id="root"></div>');
  const r = mountReactComposer($('#root'), {
    wrapper: { className: 'ec4f5d61' },
    textarea: { name: 'search', placeholder: 'Message DeepSeek', className: '_27c9245 ds-scroll-area' },
    // Trap: the send control is a div[role=button], aria-disabled until text, with no label.
    send: {
      kind: 'div',
      attrs: { className: 'ds-button ds-button--primary ds-button--circle' },
      disabledUntilText: 'aria',
    },
    fileInput: { multiple: true, accept: '.txt,.png,.pdf,.csv,.dcm', hidden: true },
  });
  acceptFiles($('#root'));
  return { composer: 'textarea[name="search"]', clear: r.clear };
};

/** TipTap or ProseMirror inside a form whose submit handler sends; Enter requests the submit. */
function formEditor(
  kind: 'tiptap' | 'pm',
  formMarkup: string,
  attrs: Record<string, string>,
  composer: string,
): Replica {
  html(formMarkup);
  const form = $<HTMLFormElement>('form');
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  if (input) fileInput(input);
  acceptFiles(form);
  const mount = kind === 'tiptap' ? mountTiptap : mountProseMirror;
  const ed = mount($('#ed-mount'), { attributes: attrs, onEnter: () => form.requestSubmit(), onChange: () => {} });
  const send = sender(() => ed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  return { composer, clear: () => ed.clear() };
}

const grok: Setup = () =>
  formEditor(
    'tiptap',
    `<form class="w-full"><div id="ed-mount"></div>
     <button data-testid="attach-button" type="button" aria-label="Attach" aria-haspopup="menu">+</button><input type="file" name="files" multiple hidden>
     <button type="submit" aria-label="Submit">↑</button></form>`,
    { class: 'tiptap ProseMirror', role: 'textbox', 'aria-label': 'Ask Grok anything', 'aria-multiline': 'true' },
    '[aria-label="Ask Grok anything"]',
  );

const mistral: Setup = () =>
  formEditor(
    'pm',
    `<form><div id="ed-mount"></div>
     <button type="button" data-testid="attach-file-button" aria-label="Add files">+</button><input name="file-upload" type="file" multiple hidden>
     <button type="submit">↑</button></form>`,
    { 'data-placeholder': 'Ask Le Chat anything' },
    'form .ProseMirror',
  );

const poe: Setup = () => {
  html('<footer id="root"></footer>');
  const r = mountReactComposer($('#root'), {
    wrapper: { className: 'ChatMessageInputContainer_inputContainer__s2AGa' },
    textarea: { className: 'GrowingTextArea_textArea__ZWQbP', placeholder: 'Start a new chat' },
    send: {
      kind: 'button',
      attrs: { className: 'ChatMessageSendButton_sendButton__4ZyI4', 'aria-label': 'Send message' },
    },
    fileInput: { className: 'ChatMessageFileInputButton_input__x', hidden: true },
  });
  acceptFiles($('#root'));
  return { composer: 'textarea[class*="GrowingTextArea"]', clear: r.clear };
};

/** Svelte-style: Enter's keydown calls the submit handler directly (no submit event); the form is wired too. */
const huggingchat: Setup = () => {
  html(`<form tabindex="-1" aria-label="file dropzone"><div>
    <textarea rows="1" placeholder="Ask anything"></textarea>
    <input class="absolute hidden size-0" aria-label="Upload file" type="file" multiple style="display:none">
    <button type="button" aria-label="Add attachment">+</button></div>
    <button type="submit" name="submit" aria-label="Send message" disabled>↑</button></form>`);
  const form = $<HTMLFormElement>('form');
  const ta = $<HTMLTextAreaElement>('textarea');
  const button = $<HTMLButtonElement>('button[type="submit"]');
  fileInput($<HTMLInputElement>('input[type="file"]'));
  acceptFiles(form);
  longPasteToAttachment(form, 3984);
  let value = '';
  const onsubmit = () => {
    if (!value.trim()) return;
    recordSent(value);
    value = '';
    ta.value = '';
    button.disabled = true;
  };
  ta.addEventListener('input', () => {
    value = ta.value;
    button.disabled = !value.trim();
  });
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      onsubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onsubmit();
  });
  return {
    composer: 'form textarea',
    clear: () => {
      value = '';
      ta.value = '';
      button.disabled = true;
    },
  };
};

/** Angular-style textarea in a form, with other textareas (notes) on the page as decoys. */
const notebooklm: Setup = () => {
  html(`<textarea class="note-editor" aria-label="Note"></textarea>
    <chat-panel><query-box><form>
    <textarea class="query-box-input" aria-label="Query box" placeholder="Start typing..."></textarea>
    <input type="file" hidden id="nb-file">
    <button type="submit" class="submit-button" aria-label="Submit"><mat-icon>arrow_forward</mat-icon></button>
    </form></query-box></chat-panel>`);
  const form = $<HTMLFormElement>('query-box form');
  const ta = $<HTMLTextAreaElement>('.query-box-input');
  fileInput($<HTMLInputElement>('#nb-file'));
  acceptFiles(form);
  let model = '';
  ta.addEventListener('input', () => {
    model = ta.value;
  });
  const submit = () => {
    if (!model.trim()) return;
    recordSent(model);
    model = '';
    ta.value = '';
  };
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  return {
    composer: '.query-box-input',
    clear: () => {
      model = '';
      ta.value = '';
    },
  };
};

/** Lexical with a div[role=button] send control. */
const metaAi: Setup = () => {
  html(`<div class="composer"><div id="meta-ed"></div><input type="file" hidden id="meta-file">
    <div role="button" aria-label="Send message" tabindex="0">↑</div></div>`);
  fileInput($<HTMLInputElement>('#meta-file'));
  acceptFiles($('.composer'));
  let ed: Mounted | undefined;
  const send = sender(() => ed as Mounted);
  ed = mountLexical($('#meta-ed'), {
    attributes: { role: 'textbox', 'data-lexical-editor': 'true', 'aria-placeholder': 'Ask Meta AI anything…' },
    onEnter: send,
    onChange: () => {},
  });
  $('[aria-label="Send message"]').addEventListener('click', send);
  return { composer: '#meta-ed', clear: () => ed?.clear() };
};

const you: Setup = () => {
  html('<div id="root"></div>');
  const r = mountReactComposer($('#root'), {
    wrapper: { className: 'input-row' },
    form: { className: 'search-form' },
    textarea: { id: 'search-input-textarea', placeholder: 'Ask anything' },
    send: { kind: 'button', attrs: { type: 'submit', 'data-testid': 'qs-submit-button', 'aria-label': 'Submit' } },
    fileInput: { hidden: true },
  });
  acceptFiles($('#root'));
  return { composer: '#search-input-textarea', clear: r.clear };
};

const characterAi: Setup = () => {
  html('<main id="root"></main>');
  const r = mountReactComposer($('#root'), {
    wrapper: { className: 'chat-input' },
    textarea: { placeholder: 'Message Dr. Bot...' },
    send: { kind: 'button', attrs: { 'aria-label': 'Send a message' } },
    fileInput: { hidden: true },
  });
  acceptFiles($('#root'));
  return { composer: 'main textarea', clear: r.clear };
};

/** Replica per site id (the adapter's file name). */
export const REPLICAS: Record<string, Setup> = {
  chatgpt,
  claude,
  gemini,
  copilot,
  'm365-copilot': m365,
  perplexity,
  deepseek,
  grok,
  mistral,
  poe,
  huggingchat,
  notebooklm,
  'meta-ai': metaAi,
  you,
  'character-ai': characterAi,
};
