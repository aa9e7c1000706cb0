import { ASSESSMENT_META, type Assessment } from '@lagesbild/domain';
import type { CanvasElement, Content } from 'pdfmake/interfaces';

/**
 * The dashboard's status colours (apps/dashboard/src/styles/base.css: --green,
 * --yellow, --red, --grey), so a printed report and the screen agree.
 */
export const ASSESSMENT_COLOUR: Record<Assessment, string> = {
  uppfyllt: '#17663a',
  delvis: '#7a5000',
  'ej-uppfyllt': '#a3191f',
  'ej-bedomd': '#4b5664',
};

const SIZE = 9;

/**
 * The symbol drawn as a shape, not a glyph (Roboto has no ● ◆ ■): a filled
 * circle, diamond and square, and an empty ring for ej bedömd. Shapes differ
 * in outline, so the symbol still reads in black and white.
 */
function shape(a: Assessment): CanvasElement {
  const color = ASSESSMENT_COLOUR[a];
  const h = SIZE / 2;
  switch (a) {
    case 'uppfyllt':
      return { type: 'ellipse', x: h, y: h, r1: h, color };
    case 'delvis':
      return {
        type: 'polyline',
        points: [
          { x: h, y: -0.5 },
          { x: SIZE + 0.5, y: h },
          { x: h, y: SIZE + 0.5 },
          { x: -0.5, y: h },
        ],
        closePath: true,
        color,
      };
    case 'ej-uppfyllt':
      return { type: 'rect', x: 0.5, y: 0.5, w: SIZE - 1, h: SIZE - 1, color };
    case 'ej-bedomd':
      return { type: 'ellipse', x: h, y: h, r1: h - 0.75, lineWidth: 1.5, lineColor: color };
  }
}

/** The shape followed by the domain's words ("delvis uppfyllt"), for a table cell. */
export function assessmentCell(a: Assessment): Content {
  return {
    columns: [
      { width: SIZE + 5, canvas: [shape(a)], margin: [0, 1.5, 0, 0] },
      { width: '*', text: ASSESSMENT_META[a].sv },
    ],
    columnGap: 0,
  };
}
