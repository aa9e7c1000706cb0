import { describe, expect, it } from 'vitest';
import { lightTheme, PALETTE_VARS, readPalette, SERIES_VARS, wallTheme } from './palette.js';
import css from '../styles/base.css?raw';

/** The custom properties of base.css's :root, with var() references followed, as the browser computes them. */
function baseCss(): (property: string) => string {
  const root = /:root\s*\{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
  const defined = new Map([...root.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
  const get = (name: string): string => {
    const v = defined.get(name) ?? '';
    const ref = /^var\((--[\w-]+)\)$/.exec(v);
    return ref?.[1] ? get(ref[1]) : v;
  };
  return get;
}

const COLOUR = /^(#[0-9a-f]{6}|rgb\(\d+ \d+ \d+ \/ \d+%\))$/i;

describe('the chart palette', () => {
  it('every role and series colour is a custom property of the page’s CSS', () => {
    const get = baseCss();
    for (const v of [...Object.values(PALETTE_VARS), ...SERIES_VARS]) expect(get(v), v).toMatch(COLOUR);
  });

  it('the themes take their colours from it: the desk’s series start with the page’s accent, the legend is page text', () => {
    const get = baseCss();
    const p = readPalette(get);
    const light = lightTheme(p);
    expect(light.color[0]).toBe(get('--accent'));
    expect(light.legend.textStyle.color).toBe(get('--text'));
    expect(light.valueAxis.axisLabel.color).toBe(get('--text-muted'));
    expect(p.target).toBe(get('--brand'));
    const wall = wallTheme(p);
    expect(wall.color).toEqual([get('--wall-chart-line'), get('--wall-chart-target')]);
  });
});
