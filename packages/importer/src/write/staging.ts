/**
 * The import's staging table: validated cells go into a TEMP table in
 * batches as they are read, so memory does not grow with the file; the
 * checks across rows, the diff and the commit are then set-based SQL on it.
 * It lives in the import's transaction (ON COMMIT DROP) and is the same SQL
 * on PostgreSQL and PGlite. Batches travel as one JSON parameter each, as in
 * commit.ts: JSON keeps doubles exact, and one text parameter works the same
 * on both drivers.
 */
import { queryRows, type Db } from '@lagesbild/db';
import { sql } from 'drizzle-orm';
import type { IssueList } from '../shared/errors.js';
import { cellLabel, type ValidRow } from '../validate/validate.js';
import { duplicateCell } from '../validate/validate-messages.js';

/** Cells per insert: about 600 kB of JSON, two hundred round trips for a million rows, two batches held at a time. */
export const STAGE_BATCH = 5000;

/** seq is the order in the file (rows restart per sheet of a workbook); line is the row number shown to the user. */
export async function createStaging(db: Db): Promise<void> {
  // Another import earlier in the same outer transaction leaves its table until that commits.
  await db.execute(sql`drop table if exists pg_temp.import_staging`);
  await db.execute(sql`
    create temp table import_staging (
      seq integer not null, kpi text not null, unit text not null, unit_id integer not null, month text not null,
      gender text not null, age_band text not null, n double precision not null, d double precision,
      sheet text, line integer not null, col text not null
    ) on commit drop`);
}

/**
 * Buffers cells and writes them a batch at a time. One batch is in flight
 * while the next is read, so parsing in Node and inserting in PostgreSQL
 * overlap; add returns a promise only when it must wait for the one before.
 */
export class StagingWriter {
  private buffer: unknown[] = [];
  private seq = 0;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly batchSize = STAGE_BATCH,
  ) {}

  get count(): number {
    return this.seq;
  }

  add(c: ValidRow): Promise<void> | null {
    this.buffer.push({ s: this.seq++, k: c.kpi, u: c.unit, i: c.unitId, m: c.month, g: c.gender, a: c.ageBand, n: c.numerator, d: c.denominator, h: c.sheet ?? null, l: c.row, c: c.valueColumn });
    return this.buffer.length >= this.batchSize ? this.send() : null;
  }

  /** Writes what is buffered and waits until every batch is in. */
  async flush(): Promise<void> {
    await this.send();
    await this.inFlight;
    this.inFlight = null;
  }

  private async send(): Promise<void> {
    // At most one batch waits in the driver: memory stays at two batches.
    await this.inFlight;
    if (this.buffer.length === 0) return;
    const rows = JSON.stringify(this.buffer);
    this.buffer = [];
    // Drizzle's query runs anew on every then(): resolve it once into a plain promise that can be awaited twice.
    this.inFlight = Promise.resolve(this.db.execute(sql`
      insert into import_staging (seq, kpi, unit, unit_id, month, gender, age_band, n, d, sheet, line, col)
      select v.s, v.k, v.u, v.i, v.m, v.g, v.a, v.n, v.d, v.h, v.l, v.c
      from json_to_recordset(${rows}::json)
        as v(s integer, k text, u text, i integer, m text, g text, a text, n double precision, d double precision, h text, l integer, c text)`));
    // A turn of the event loop, so the driver puts the batch on the wire before Node reads the next one.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface DuplicateRow extends Record<string, unknown> {
  line: number;
  sheet: string | null;
  first_line: number;
  first_sheet: string | null;
  kpi: string;
  unit: string;
  month: string;
  gender: 'K' | 'M' | 'T';
  age_band: string;
  total: number;
}

/**
 * Every cell given more than once, reported at each later row with the row
 * where it first came, in file order; as many as the error list keeps, the
 * rest counted.
 */
export async function checkDuplicates(db: Db, file: string, issues: IssueList, limit: number): Promise<void> {
  const rows = await queryRows<DuplicateRow>(
    db,
    sql`
      with d as (
        select kpi, unit_id, month, gender, age_band, min(seq) as first
        from import_staging group by kpi, unit_id, month, gender, age_band having count(*) > 1
      )
      select s.line, s.sheet, f.line as first_line, f.sheet as first_sheet, s.kpi, s.unit, s.month, s.gender, s.age_band,
             (count(*) over ())::int as total
      from import_staging s
        join d on d.kpi = s.kpi and d.unit_id = s.unit_id and d.month = s.month and d.gender = s.gender and d.age_band = s.age_band
        join import_staging f on f.seq = d.first
      where s.seq <> d.first
      order by s.seq
      limit ${limit}`,
  );
  for (const r of rows) {
    const cell = { kpi: r.kpi, unit: r.unit, month: r.month, gender: r.gender, ageBand: r.age_band };
    issues.add(duplicateCell({ file, sheet: r.sheet, row: r.line, column: null }, r.first_line, cellLabel(cell), r.first_sheet));
  }
  issues.countMore(Math.max(0, (rows[0]?.total ?? 0) - rows.length));
}
