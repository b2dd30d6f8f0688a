/**
 * A short notice that does not take focus or block the page: "PHI Guard replaced 2 identifiers...". One at a
 * time, in a closed shadow root, gone after a few seconds or on click.
 */
export const TOAST_HOST_TAG = 'phi-guard-toast';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
div { font: 13px/1.4 system-ui, sans-serif; color: #fff; background: #1f3a5f; border-radius: 8px;
  padding: 10px 14px; max-width: 360px; box-shadow: 0 2px 10px rgba(0,0,0,.3); cursor: pointer; }
`;

export interface Toast {
  show(message: string): void;
  destroy(): void;
}

export function createToast(doc: Document, durationMs = 6000): Toast {
  let host: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    host?.remove();
    host = undefined;
  };
  return {
    show(message) {
      hide();
      if (timer) clearTimeout(timer);
      host = doc.createElement(TOAST_HOST_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = STYLE;
      const box = doc.createElement('div');
      box.setAttribute('role', 'status');
      box.textContent = message;
      box.addEventListener('click', hide);
      root.append(style, box);
      doc.documentElement.append(host);
      timer = setTimeout(hide, durationMs);
    },
    destroy() {
      if (timer) clearTimeout(timer);
      hide();
    },
  };
}
