import { mount, type VueWrapper } from '@vue/test-utils';
import type { Component, Plugin } from 'vue';
import { enMessages } from '../i18n/en-catalogue.js';
import { createAppI18n, type AppLocale } from '../i18n/index.js';

/**
 * Mounts a component with the app's i18n (both catalogues loaded) (and any other plugins, a router for
 * links) in the test's DOM. Needs `// @vitest-environment happy-dom` in the test file.
 */
export function render(component: Component, props: Record<string, unknown>, locale: AppLocale = 'sv', plugins: Plugin[] = []): VueWrapper {
  // Typed as any mounted component: the tests ask the DOM, not the instance.
  return mount(component, { props, global: { plugins: [createAppI18n(locale, enMessages), ...plugins] } }) as VueWrapper;
}

/** The text a reader sees, with a space at each element's edges (textContent runs "Mål: 420" and "◆" together). */
export function visibleText(wrapper: VueWrapper): string {
  // The mount's own container: a component may have several root elements.
  const root: Node = (wrapper.element as Node).parentNode ?? wrapper.element;
  return textOf(root).replace(/\s+/g, ' ').trim();
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  return ` ${Array.from(node.childNodes, textOf).join('')} `;
}
