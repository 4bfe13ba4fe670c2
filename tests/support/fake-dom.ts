/**
 * A minimal stand-in for the DOM, for unit tests of the browser scripts in Node (no DOM
 * library is a dependency): elements with attributes, children, `dataset`, `hidden`, `value`,
 * `checked`, listeners and focus, and a document that finds them with a small subset of CSS
 * selectors — type, `#id`, `[attr]`, `[attr="value"]`, `:not([attr])`, the descendant
 * combinator and comma lists. Any other selector throws, so a script that starts using one
 * fails its tests instead of silently finding nothing. `dataset` is read from the `data-*`
 * attributes an element is made with; later changes to either are not mirrored.
 */

/** What a listener receives: whatever the test dispatches. */
export type FakeEvent = Record<string, unknown>;
type Listener = (event: FakeEvent) => void;

export class FakeEventTarget {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  addEventListener(type: string, listener: Listener, options?: boolean | { once?: boolean }): void {
    const once = typeof options === 'object' && options.once === true;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), { listener, once }]);
  }

  /** Calls the listeners for `type` with `event`, as the browser does when the event fires. */
  dispatch(type: string, event: FakeEvent = {}): void {
    const listeners = this.listeners.get(type) ?? [];
    this.listeners.set(
      type,
      listeners.filter((entry) => !entry.once),
    );
    for (const { listener } of listeners) listener(event);
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.length ?? 0;
  }
}

export class FakeElement extends FakeEventTarget {
  readonly tagName: string;
  readonly attributes = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  readonly children: FakeElement[] = [];
  parent: FakeElement | undefined;
  value = '';
  checked = false;
  textContent = '';
  src = '';
  focused = false;
  selected = false;

  constructor(tagName: string, attributes: Record<string, string> = {}) {
    super();
    this.tagName = tagName;
    for (const [name, value] of Object.entries(attributes)) {
      this.attributes.set(name, value);
      if (name.startsWith('data-')) {
        this.dataset[name.slice(5).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
      }
    }
    this.value = attributes['value'] ?? '';
  }

  get hidden(): boolean {
    return this.attributes.has('hidden');
  }

  set hidden(hidden: boolean) {
    if (hidden) this.attributes.set('hidden', '');
    else this.attributes.delete('hidden');
  }

  append(...children: FakeElement[]): void {
    for (const child of children) {
      child.parent = this;
      this.children.push(child);
    }
  }

  remove(): void {
    const siblings = this.parent?.children;
    siblings?.splice(siblings.indexOf(this), 1);
    this.parent = undefined;
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  matches(selector: string): boolean {
    return selector.split(',').some((complex) => matchesComplex(this, complex.trim().split(/\s+/)));
  }

  closest(selector: string): FakeElement | null {
    if (this.matches(selector)) return this;
    return this.parent?.closest(selector) ?? null;
  }

  querySelector(selector: string): FakeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  /** Descendants matching `selector`, in document order. */
  querySelectorAll(selector: string): FakeElement[] {
    return this.children.flatMap((child) => [
      ...(child.matches(selector) ? [child] : []),
      ...child.querySelectorAll(selector),
    ]);
  }

  focus(): void {
    this.focused = true;
  }

  select(): void {
    this.selected = true;
  }
}

export class FakeDocument extends FakeEventTarget {
  readonly documentElement = new FakeElement('html');
  readonly head = new FakeElement('head');
  readonly body = new FakeElement('body');
  activeElement: FakeElement | null = null;
  /** The page title, as `document.title` gives it. */
  title = '';

  constructor() {
    super();
    this.documentElement.append(this.head, this.body);
  }

  querySelector(selector: string): FakeElement | null {
    return this.documentElement.querySelector(selector);
  }

  querySelectorAll(selector: string): FakeElement[] {
    return this.documentElement.querySelectorAll(selector);
  }

  getElementById(id: string): FakeElement | null {
    return this.querySelector(`#${id}`);
  }

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName);
  }
}

/** An element with attributes and children: `el('p', { hidden: '' }, el('span'))`. */
export function el(tagName: string, attributes: Record<string, string> = {}, ...children: FakeElement[]) {
  const element = new FakeElement(tagName, attributes);
  element.append(...children);
  return element;
}

function matchesComplex(element: FakeElement, compounds: readonly string[]): boolean {
  const last = compounds.at(-1);
  if (last === undefined || !matchesCompound(element, last)) return false;
  const ancestors = compounds.slice(0, -1);
  if (ancestors.length === 0) return true;
  for (let ancestor = element.parent; ancestor; ancestor = ancestor.parent) {
    if (matchesComplex(ancestor, ancestors)) return true;
  }
  return false;
}

const COMPOUND = /^([a-z][a-z0-9-]*)?((?:#[\w-]+|\[[\w-]+(?:="[^"]*")?\]|:not\(\[[\w-]+\]\))*)$/;
const SIMPLE = /#([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\]|:not\(\[([\w-]+)\]\)/g;

function matchesCompound(element: FakeElement, compound: string): boolean {
  const match = COMPOUND.exec(compound);
  if (!match || compound === '') throw new Error(`The fake DOM does not support the selector "${compound}"`);
  if (match[1] !== undefined && match[1] !== element.tagName) return false;
  for (const [, id, name, value, absent] of (match[2] ?? '').matchAll(SIMPLE)) {
    if (id !== undefined && element.getAttribute('id') !== id) return false;
    if (name !== undefined && !element.hasAttribute(name)) return false;
    if (name !== undefined && value !== undefined && element.getAttribute(name) !== value) return false;
    if (absent !== undefined && element.hasAttribute(absent)) return false;
  }
  return true;
}
