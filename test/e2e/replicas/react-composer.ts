/** A React-controlled textarea composer (Copilot, DeepSeek, Poe, you.com, character.ai build theirs this way). */
import { createElement as h, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { recordFiles, recordSent } from './record';

export interface ReactComposerSpec {
  wrapper: Record<string, string>;
  /** Wrap in a <form>; Enter then calls form.requestSubmit() and the submit handler sends. */
  form?: Record<string, string>;
  textarea: Record<string, string>;
  send: {
    /** A real button, or a div[role=button] (DeepSeek). */
    kind: 'button' | 'div';
    attrs: Record<string, string>;
    /** Rendered only while there is text (Copilot). */
    onlyWithText?: boolean;
    /** Disabled until there is text, by attribute or aria-disabled. */
    disabledUntilText?: 'disabled' | 'aria';
  };
  fileInput?: Record<string, unknown>;
}

function Composer({ spec, expose }: { spec: ReactComposerSpec; expose: (clear: () => void) => void }) {
  const [value, setValue] = useState('');
  const latest = useRef('');
  latest.current = value;
  const formRef = useRef<HTMLFormElement>(null);
  expose(() => setValue(''));
  const send = () => {
    recordSent(latest.current);
    setValue('');
  };
  const empty = value.trim() === '';
  const sendProps: Record<string, unknown> = { ...spec.send.attrs, key: 'send' };
  if (spec.send.kind === 'div') sendProps.role = 'button';
  if (spec.send.disabledUntilText === 'disabled') sendProps.disabled = empty;
  if (spec.send.disabledUntilText === 'aria') sendProps['aria-disabled'] = String(empty);
  sendProps.onClick = () => {
    if (spec.send.disabledUntilText === 'aria' && latest.current.trim() === '') return;
    if (spec.form && spec.send.kind === 'button' && spec.send.attrs.type === 'submit') return;
    send();
  };
  const children = [
    spec.fileInput
      ? h('input', {
          key: 'file',
          type: 'file',
          ...spec.fileInput,
          onChange: (e: { target: HTMLInputElement }) => recordFiles(e.target.files),
        })
      : null,
    h('textarea', {
      key: 'ta',
      ...spec.textarea,
      value,
      onChange: (e: { target: HTMLTextAreaElement }) => setValue(e.target.value),
      onKeyDown: (e: KeyboardEvent & { nativeEvent: KeyboardEvent }) => {
        if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
        e.preventDefault();
        if (spec.form) formRef.current?.requestSubmit();
        else send();
      },
    }),
    spec.send.onlyWithText && empty ? null : h(spec.send.kind, sendProps, '↑'),
  ];
  const inner = h('div', { ...spec.wrapper }, ...children);
  if (!spec.form) return inner;
  return h(
    'form',
    {
      ...spec.form,
      ref: formRef,
      onSubmit: (e: Event) => {
        e.preventDefault();
        send();
      },
    },
    inner,
  );
}

/** Mounts the composer into `mount`; returns a clear function (used by the test reset, not by the guard). */
export function mountReactComposer(mount: HTMLElement, spec: ReactComposerSpec): { clear(): void } {
  let clear: () => void = () => {};
  createRoot(mount).render(
    h(Composer, {
      spec,
      expose: (c) => {
        clear = c;
      },
    }),
  );
  return { clear: () => clear() };
}
