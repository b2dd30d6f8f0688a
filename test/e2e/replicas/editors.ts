/**
 * The editor libraries the real sites use, mounted the way those sites mount them. Each returns the
 * editor's own view of its text (what the site would send) and a way to clear it.
 */

import { registerPlainText } from '@lexical/plain-text';
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import {
  COMMAND_PRIORITY_HIGH,
  createEditor,
  $createParagraphNode as createParagraph,
  $getRoot as getRoot,
  KEY_ENTER_COMMAND,
} from 'lexical';
import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { type Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import Quill from 'quill';

export interface Mounted {
  getText(): string;
  clear(): void;
  /** The editable element. */
  dom: HTMLElement;
}

export interface MountOptions {
  attributes: Record<string, string>;
  /** Called on Enter (and Ctrl/Cmd+Enter when `modEnter`); Shift+Enter stays a newline. */
  onEnter(): void;
  modEnter?: boolean;
  onChange(text: string): void;
}

export function mountProseMirror(mount: HTMLElement, o: MountOptions): Mounted {
  const send = () => {
    o.onEnter();
    return true;
  };
  const keys: Record<string, Command> = { Enter: send, 'Shift-Enter': splitBlock };
  if (o.modEnter) keys['Mod-Enter'] = send;
  const fresh = () => EditorState.create({ schema, plugins: [keymap(keys), keymap(baseKeymap)] });
  const getText = () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', '\n');
  const view: EditorView = new EditorView(mount, {
    state: fresh(),
    attributes: o.attributes,
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      o.onChange(getText());
    },
  });
  return {
    getText,
    clear() {
      view.updateState(fresh());
      o.onChange('');
    },
    dom: view.dom as HTMLElement,
  };
}

export function mountTiptap(mount: HTMLElement, o: MountOptions): Mounted {
  const SendOnEnter = Extension.create({
    name: 'sendOnEnter',
    addKeyboardShortcuts() {
      const send = () => {
        o.onEnter();
        return true;
      };
      const keys: Record<string, () => boolean> = { Enter: send };
      if (o.modEnter) keys['Mod-Enter'] = send;
      return keys;
    },
  });
  const editor = new Editor({
    element: mount,
    extensions: [StarterKit, SendOnEnter],
    editorProps: { attributes: o.attributes },
    onUpdate: () => o.onChange(getText()),
  });
  const getText = () => editor.getText({ blockSeparator: '\n' });
  return { getText, clear: () => editor.commands.clearContent(true), dom: editor.view.dom as HTMLElement };
}

export function mountQuill(container: HTMLElement, o: MountOptions): Mounted {
  const quill = new Quill(container, {
    formats: [],
    modules: {
      keyboard: {
        bindings: {
          send: {
            key: 'Enter',
            shiftKey: false,
            handler: () => {
              o.onEnter();
              return false;
            },
          },
        },
      },
    },
  });
  for (const [k, v] of Object.entries(o.attributes)) quill.root.setAttribute(k, v);
  const getText = () => quill.getText().replace(/\n$/, '');
  quill.on('text-change', () => o.onChange(getText()));
  return { getText, clear: () => quill.setText(''), dom: quill.root };
}

export function mountLexical(el: HTMLElement, o: MountOptions): Mounted {
  for (const [k, v] of Object.entries(o.attributes)) el.setAttribute(k, v);
  el.contentEditable = 'true';
  const editor = createEditor({
    namespace: 'replica',
    onError: (e) => {
      throw e;
    },
  });
  editor.setRootElement(el);
  registerPlainText(editor);
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event: KeyboardEvent | null) => {
      if (event?.shiftKey) return false;
      event?.preventDefault();
      o.onEnter();
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
  const getText = () => editor.getEditorState().read(() => getRoot().getTextContent());
  editor.registerUpdateListener(() => o.onChange(getText()));
  return {
    getText,
    clear: () =>
      editor.update(
        () => {
          const root = getRoot();
          root.clear();
          root.append(createParagraph());
        },
        { discrete: true },
      ),
    dom: el,
  };
}
