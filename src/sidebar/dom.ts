/** DOM helpers for the pages: every text goes in through `textContent`, never as markup. */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/** An element with text, attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with this id, of the expected kind; a missing one is a bug in the page. */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`Trang thiếu phần tử #${id}`);
  return node;
}

/** Numbers as Vietnamese readers write them: 91,25. */
export function showNumber(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** Shows a message in the page's live region (read out by screen readers). */
export function announce(region: HTMLElement, text: string, tone: 'info' | 'ok' | 'error' = 'info'): void {
  region.textContent = text;
  region.className = `status ${tone}`;
}
