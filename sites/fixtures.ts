/**
 * Each site's composer markup as public extension code shows it (sites/../shared SITES.md), trimmed. The
 * adapter tests check their selectors against these, and the e2e replicas render the same structure.
 * `composer` and `send` name the node the adapter must pick (by a data-fixture attribute added here).
 */
export const FIXTURES: Record<string, string> = {
  chatgpt: `<form class="group/composer" data-type="unified-composer"><div class="_prosemirror-parent_x">
    <textarea name="prompt-textarea" style="display:none"></textarea>
    <div id="prompt-textarea" data-fixture="composer" class="ProseMirror" contenteditable="true" role="textbox" aria-label="Chat with ChatGPT"><p>hello</p></div></div>
    <button id="composer-plus-btn" data-testid="composer-plus-btn" type="button" aria-label="Add files and more"></button>
    <input id="upload-files" type="file" multiple hidden>
    <button id="composer-submit-button" data-fixture="send" type="submit" data-testid="send-button" aria-label="Send prompt"><svg><path d="M1"></path></svg></button></form>`,
  claude: `<fieldset data-perf-region="composer">
    <input id="chat-input-file-upload-onpage" data-testid="file-upload" type="file" multiple hidden>
    <div contenteditable="true" data-fixture="composer" role="textbox" data-testid="chat-input" aria-label="Write your prompt to Claude" class="tiptap ProseMirror"><p>hello</p></div>
    <button type="button" data-testid="chat-input-attach" aria-label="Add files, connectors, and more"></button>
    <div><button type="button" data-fixture="send" data-testid="chat-input-send" aria-label="Send message"><svg><path d="M1"></path></svg></button></div></fieldset>`,
  gemini: `<input-area-v2><div xapfileselectordropzone class="text-input-field"><rich-textarea class="ql-container">
    <div class="ql-editor textarea new-input-ui" data-fixture="composer" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Enter a prompt for Gemini"><p>hello</p></div>
    <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></rich-textarea>
    <button type="button" aria-label="Upload and tools"></button>
    <div data-test-id="send-button-container"><gem-icon-button class="send-button has-input submit"><button data-fixture="send" aria-label="Send message"><mat-icon>arrow_upward</mat-icon></button></gem-icon-button></div>
    </div></input-area-v2>`,
  copilot: `<div data-testid="composer"><input type="file" class="hidden" aria-hidden="true">
    <textarea id="userInput" data-fixture="composer" data-testid="composer-input" role="textbox" placeholder="Message Copilot">hello</textarea>
    <button type="button" data-fixture="send" data-testid="submit-button" aria-label="Submit message"></button></div>`,
  'm365-copilot': `<div><span class="fai-BebopLiteChatInput__editor"><span id="m365-chat-editor-target-element" data-fixture="composer" contenteditable="true" data-lexical-editor="true" role="combobox"><p>hello</p></span></span>
    <button class="fai-SendButton" data-fixture="send" type="submit"></button></div>`,
  perplexity: `<div data-ask-input-container="true">
    <div id="ask-input" data-fixture="composer" contenteditable="true" role="textbox" data-lexical-editor="true"><p dir="auto">hello</p></div>
    <button type="button" aria-label="Add files or tools"></button><input type="file" multiple style="display:none">
    <button data-testid="submit-button" data-fixture="send" aria-label="Submit"></button></div>`,
  deepseek: `<div class="ec4f5d61"><textarea name="search" data-fixture="composer" placeholder="Message DeepSeek">hello</textarea>
    <div role="button" class="ds-toggle-button" aria-pressed="false">DeepThink</div>
    <input type="file" multiple style="display:none">
    <div role="button" data-fixture="send" class="ds-button ds-button--primary ds-button--circle"><svg><path d="M8.3125"></path></svg></div></div>`,
  grok: `<form class="w-full"><div class="tiptap ProseMirror" data-fixture="composer" contenteditable="true" role="textbox" aria-label="Ask Grok anything"><p>hello</p></div>
    <button data-testid="attach-button" type="button" aria-label="Attach"></button><input type="file" name="files" multiple hidden>
    <button type="submit" data-fixture="send" aria-label="Submit"></button></form>`,
  mistral: `<form><div class="ProseMirror" data-fixture="composer" contenteditable="true" data-placeholder="Ask Le Chat anything"><p>hello</p></div>
    <button type="button" data-testid="attach-file-button" aria-label="Add files"></button><input name="file-upload" type="file" multiple hidden>
    <button type="submit" data-fixture="send"></button></form>`,
  poe: `<footer><div class="ChatMessageInputContainer_inputContainer__s2AGa">
    <input type="file" class="ChatMessageFileInputButton_input__x" hidden>
    <textarea class="GrowingTextArea_textArea__ZWQbP" data-fixture="composer">hello</textarea>
    <button class="ChatMessageSendButton_sendButton__4ZyI4" data-fixture="send" aria-label="Send message"></button></div></footer>`,
  huggingchat: `<form tabindex="-1" aria-label="file dropzone"><div>
    <textarea rows="1" data-fixture="composer" placeholder="Ask anything">hello</textarea>
    <input class="absolute hidden size-0" aria-label="Upload file" type="file" multiple>
    <button type="button" aria-label="Add attachment"></button></div>
    <button type="submit" data-fixture="send" name="submit" aria-label="Send message"></button></form>`,
  notebooklm: `<textarea class="note-editor" aria-label="Note"></textarea><chat-panel><query-box><form>
    <textarea class="query-box-input" data-fixture="composer" aria-label="Query box" placeholder="Start typing...">hello</textarea>
    <button type="submit" data-fixture="send" class="submit-button" aria-label="Submit"><mat-icon>arrow_forward</mat-icon></button>
    </form></query-box></chat-panel>`,
  'meta-ai': `<div><div contenteditable="true" data-fixture="composer" role="textbox" data-lexical-editor="true" aria-placeholder="Ask Meta AI anything..."><p>hello</p></div>
    <div role="button" data-fixture="send" aria-label="Send message" tabindex="0"><svg></svg></div></div>`,
  you: `<form><textarea id="search-input-textarea" data-fixture="composer" placeholder="Ask anything">hello</textarea>
    <button type="submit" data-fixture="send" data-testid="qs-submit-button" aria-label="Submit"></button></form>`,
  'character-ai': `<main><div><textarea data-fixture="composer" placeholder="Message Dr. Bot...">hello</textarea>
    <button aria-label="Send a message" data-fixture="send"><svg></svg></button></div></main>`,
};
