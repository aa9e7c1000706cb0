// Builders for other packages' tests; not part of the domain's API (imported as @lagesbild/domain/testing).
export * from './report/builders.js';
