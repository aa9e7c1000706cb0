/**
 * The import's staging table: validated cells go into a TEMP table in
 * batches as they are read, so memory does not grow with the file; the
 * checks across rows, the diff and the commit are then set-based SQL on it.
 * It lives in the import's transaction (ON COMMIT DROP) and is the same SQL
 * on PostgreSQL and PGlite. Batches travel as one JSON parameter each: JSON
 * keeps doubles exact, and one text parameter works the same on both drivers.
 */
import type { Gender } from '@lagesbild/domain';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../client.js';
import { columnList, createTemp, dropTemp, importStaging as s, tableAs } from './temp-tables.js';

/** Cells per insert: about 600 kB of JSON, two hundred round trips for a million rows, two batches held at a time. */
export const STAGE_BATCH = 5000;

/** One validated cell of a file, as the importer hands it over. */
export interface StagedCell {
  kpi: string;
  unit: string;
  unitId: number;
  month: string;
  gender: Gender;
  ageBand: string;
  numerator: number;
  denominator: number | null;
  sheet?: string | null;
  row: number;
  valueColumn: string;
}

/**
 * Starts an import's transaction: sorting and hashing a million staged rows
 * in memory rather than in temp files, for this transaction only.
 */
export async function startImportTransaction(db: Db): Promise<void> {
  await db.execute(sql`set local work_mem = '64MB'`);
}

export async function createStaging(db: Db): Promise<void> {
  // Another import earlier in the same outer transaction leaves its table until that commits.
  await db.execute(dropTemp(s));
  await db.execute(createTemp(s));
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

  add(c: StagedCell): Promise<void> | null {
    this.buffer.push({
      s: this.seq++,
      k: c.kpi,
      u: c.unit,
      i: c.unitId,
      m: c.month,
      g: c.gender,
      a: c.ageBand,
      n: c.numerator,
      d: c.denominator,
      h: c.sheet ?? null,
      l: c.row,
      c: c.valueColumn,
    });
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
    this.inFlight = Promise.resolve(
      this.db.execute(sql`
      insert into ${s} (${columnList(s.seq, s.kpi, s.unit, s.unitId, s.month, s.gender, s.ageBand, s.n, s.d, s.sheet, s.line, s.col)})
      select v.s, v.k, v.u, v.i, v.m, v.g, v.a, v.n, v.d, v.h, v.l, v.c
      from json_to_recordset(${rows}::json)
        as v(s integer, k text, u text, i integer, m text, g text, a text, n double precision, d double precision, h text, l integer, c text)`),
    );
    // A turn of the event loop, so the driver puts the batch on the wire before Node reads the next one.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A cell given again at `line`, with the row where it first came. */
export interface DuplicateCell extends Record<string, unknown> {
  line: number;
  sheet: string | null;
  first_line: number;
  first_sheet: string | null;
  kpi: string;
  unit: string;
  month: string;
  gender: Gender;
  age_band: string;
  /** How many later rows repeat a cell in all (the list is capped). */
  total: number;
}

/** Every staged cell given more than once, at each later row, in file order; the first `limit`. */
export async function stagedDuplicates(db: Db, limit: number): Promise<DuplicateCell[]> {
  const f = alias(s, 'f');
  const key = sql`${s.kpi}, ${s.unitId}, ${s.month}, ${s.gender}, ${s.ageBand}`;
  return queryRows<DuplicateCell>(
    db,
    sql`
      with d as (
        select ${key}, min(${s.seq}) as first
        from ${s} group by ${key} having count(*) > 1
      )
      select ${s.line}, ${s.sheet}, ${f.line} as first_line, ${f.sheet} as first_sheet, ${s.kpi}, ${s.unit}, ${s.month}, ${s.gender}, ${s.ageBand},
             (count(*) over ())::int as total
      from ${s}
        join d on d.kpi = ${s.kpi} and d.unit_id = ${s.unitId} and d.month = ${s.month} and d.gender = ${s.gender} and d.age_band = ${s.ageBand}
        join ${tableAs(s, f)} on ${f.seq} = d.first
      where ${s.seq} <> d.first
      order by ${s.seq}
      limit ${limit}`,
  );
}
