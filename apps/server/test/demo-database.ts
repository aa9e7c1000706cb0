import { seedDemo } from '@lagesbild/db';
import type { TestDatabase, TestDbKind } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';

/** The describe block's database with the demo seeded before `fill` (the server tests' starting point); `close` as useTestDatabase's. */
export function useDemoDatabase(kind: TestDbKind, fill: (database: TestDatabase) => Promise<unknown>, close?: (database: TestDatabase) => Promise<unknown>): TestDatabase {
  return useTestDatabase(
    kind,
    async (opened) => {
      await seedDemo(opened.db);
      await fill(opened);
    },
    close,
  );
}
