// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { h, nextTick, type Component } from 'vue';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../i18n/index.js';
import ConfirmStep from './ConfirmStep.vue';
import DataTableComponent from './DataTable.vue';

interface Screen {
  id: number;
  name: string;
}
// Generic components do not type their props for mount(); the tests ask the DOM.
const DataTable = DataTableComponent as unknown as Component;
const rowOf = ({ row }: { row: Screen }) => h('tr', [h('th', { scope: 'row' }, row.name)]);
const rowKey = (r: Screen) => r.id;

describe('DataTable', () => {
  it('names its columns and itself for screen readers, and says when there are no rows', () => {
    const table = mount(DataTable, {
      props: { columns: ['Namn', { label: 'Värde', num: true }], rows: [], rowKey, caption: 'Skärmar' },
      slots: { row: rowOf, empty: () => 'Inga skärmar' },
      attrs: { 'data-testid': 'screens' },
    });
    expect(table.get('caption').text()).toBe('Skärmar');
    expect(table.findAll('thead th').map((th) => [th.attributes('scope'), th.classes('num')])).toEqual([
      ['col', false],
      ['col', true],
    ]);
    expect(table.get('tbody td').attributes('colspan')).toBe('2');
    expect(table.get('tbody td').text()).toBe('Inga skärmar');
    expect(table.get('table').attributes('data-testid')).toBe('screens');
  });

  it('draws a row per item, and becomes cards below its width', () => {
    const props = { columns: ['Namn'], rows: [{ id: 1, name: 'Entrén' }], rowKey };
    // happy-dom's window is 1024 px wide.
    const narrow = mount(DataTable, { props: { ...props, cardsBelow: 1200 }, slots: { row: rowOf } });
    expect(narrow.get('tbody th').text()).toBe('Entrén');
    expect(narrow.get('table').classes()).toContain('data-table--cards');
    const wide = mount(DataTable, { props: { ...props, cardsBelow: 640 }, slots: { row: rowOf } });
    expect(wide.get('table').classes()).not.toContain('data-table--cards');
  });
});

describe('ConfirmStep', () => {
  const props = { label: 'Återställ import 3', text: 'Återställa import 3?', testid: 'rollback' };
  const global = { plugins: [createAppI18n('sv')] };

  it('moves focus to cancel until yes is offered, then to yes', async () => {
    const step = mount(ConfirmStep, { props: { ...props, confirm: null, focus: 'confirm' as const }, attachTo: document.body, global });
    await nextTick();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('rollback-cancel');
    expect(step.get('[data-testid="rollback-cancel"]').text()).toBe('Avbryt');
    await step.setProps({ confirm: 'Ja, återställ' });
    await nextTick();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('rollback-confirm');
    await step.get('[data-testid="rollback-confirm"]').trigger('click');
    expect(step.emitted('confirm')).toHaveLength(1);
    step.unmount();
  });

  it('keeps focus on cancel when that is the safe choice', async () => {
    const step = mount(ConfirmStep, { props: { ...props, confirm: 'Återkalla', focus: 'cancel' as const, danger: true }, attachTo: document.body, global });
    await nextTick();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('rollback-cancel');
    expect(step.get('[role="group"]').attributes('aria-label')).toBe('Återställ import 3');
    step.unmount();
  });
});
