// For tests that look at a rendered report as a person would: its pages as PNG and text, and the colours its symbols are drawn in.
export { inspectPdf, pixelsNear, type RenderedPdf } from './poppler.js';
export { ASSESSMENT_COLOUR } from '../symbols.js';
