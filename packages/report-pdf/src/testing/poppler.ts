import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

export interface RenderedPdf {
  path: string;
  pages: number;
  /** pdftotext -layout of the whole document. */
  layout: string;
  /** pdftotext -raw with whitespace collapsed: a wrapped cell reads as one phrase. */
  flat: string;
  pageText: (page: number) => string;
  /** The page's PNG at 60 dpi (pdftoppm -r 60), one per page. */
  png: (page: number) => PNG;
}

/**
 * Writes the PDF into `artifacts` (a test's gitignored folder, looked at by a
 * person after the run), renders every page with pdftoppm and reads it back
 * with poppler as a reader would see it.
 */
export function inspectPdf(artifacts: string, name: string, pdf: Uint8Array): RenderedPdf {
  const ARTIFACTS = artifacts;
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(ARTIFACTS, f));
  const path = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(path, pdf);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [path]))?.[1] ?? NaN);
  run('pdftoppm', ['-r', '60', '-png', path, join(ARTIFACTS, name)]);
  const pngs = readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  if (pngs.length !== pages) throw new Error(`pdftoppm wrote ${pngs.length} pages, pdfinfo says ${pages}`);
  return {
    path,
    pages,
    layout: run('pdftotext', ['-layout', path, '-']),
    flat: run('pdftotext', ['-raw', path, '-']).replace(/\s+/g, ' '),
    pageText: (p) => run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), path, '-']),
    png: (p) => {
      const file = pngs[p - 1];
      if (file === undefined) throw new Error(`no page ${p}`);
      return PNG.sync.read(readFileSync(join(ARTIFACTS, file)));
    },
  };
}

/** How many pixels are within `tolerance` of the colour (#rrggbb) in every channel. */
export function pixelsNear(png: PNG, hex: string, tolerance = 10): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [pr, pg, pb] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    if (Math.abs(pr - r) <= tolerance && Math.abs(pg - g) <= tolerance && Math.abs(pb - b) <= tolerance) n += 1;
  }
  return n;
}
