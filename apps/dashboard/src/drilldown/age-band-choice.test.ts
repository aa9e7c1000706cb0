// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render, visibleText } from '../test/render.js';
import AgeBandChoice from './AgeBandChoice.vue';

describe('AgeBandChoice (the drill-down’s age choice)', () => {
  it('offers every age and each band, in Swedish, and says which band was chosen', async () => {
    const wrapper = render(AgeBandChoice, { bands: ['18-24'], value: '' }, 'sv');
    expect(visibleText(wrapper)).toBe('Ålder Alla 18-24 år');
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Ålder');
    expect(wrapper.find('[data-testid="age-alla"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.find('[data-testid="age-18-24"]').attributes('aria-pressed')).toBe('false');
    await wrapper.find('[data-testid="age-18-24"]').trigger('click');
    expect(wrapper.emitted('change')).toEqual([['18-24']]);
  });

  it('speaks English, and "All" asks for the total again', async () => {
    const wrapper = render(AgeBandChoice, { bands: ['-29', '30-49', '50-'], value: '30-49' }, 'en');
    expect(visibleText(wrapper)).toBe('Age All -29 years 30-49 years 50- years');
    expect(wrapper.find('[data-testid="age-30-49"]').attributes('aria-pressed')).toBe('true');
    await wrapper.find('[data-testid="age-alla"]').trigger('click');
    expect(wrapper.emitted('change')).toEqual([['']]);
  });
});
