// One lint configuration for the whole workspace (flat config). Each package's `eslint .` finds it.
// Type-aware: every .ts and .vue file is checked against its package's tsconfig (projectService).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.vue'];

// process.env is read in env.ts files only: there it is validated once, everywhere else it is a typed value.
const ENV_MESSAGE = 'Läs miljövariabler bara i en env.ts-fil (där de valideras); ta emot värdet som parameter.';
const envProperty = { object: 'process', property: 'env', message: ENV_MESSAGE };
const envImport = { selector: "ImportDeclaration[source.value=/^(node:)?process$/] ImportSpecifier[imported.name='env']", message: ENV_MESSAGE };

// The domain package is pure: no I/O, no clock, no other workspace package.
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')); // node:* is a pattern below
const domainImports = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'packages/domain är ren logik: ingen I/O. Låt anroparen (api, db, importer) göra den.' })),
  patterns: [
    { group: ['node:*'], message: 'packages/domain är ren logik: ingen I/O.' },
    { group: ['@lagesbild/*'], message: 'packages/domain beror inte på andra paket i arbetsytan; de beror på den.' },
  ],
};
const domainClock = [
  { object: 'Date', property: 'now', message: 'packages/domain läser ingen klocka: ta emot tiden som parameter.' },
  { object: 'Math', property: 'random', message: 'packages/domain är deterministisk: ta emot slumpen som parameter.' },
];

// The dashboard runs in the browser: server packages only for their types (the tRPC router's shape).
const dashboardImports = {
  patterns: [
    {
      group: ['@lagesbild/api', '@lagesbild/api/*', '@lagesbild/db', '@lagesbild/db/*', '@lagesbild/server', '@lagesbild/server/*', '@lagesbild/importer', '@lagesbild/importer/*'],
      allowTypeImports: true,
      message: 'Instrumentpanelen importerar serverpaket bara som typer (import type …).',
    },
    { group: ['node:*'], message: 'Instrumentpanelen körs i webbläsaren: inga Node-moduler.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/drizzle/**', '**/test-artifacts/**', '**/coverage/**', '.data/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    files: TS,
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  // Plain JavaScript (this file) is not in any tsconfig: no type information for it.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', envProperty],
      'no-restricted-syntax': ['error', envImport],
      'no-console': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: TS,
    rules: {
      // A promise nobody awaits loses its error: await it, or mark the fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // Event handlers in templates may be async; elsewhere a promise where a void callback is expected is a bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // Passing on a caught `unknown` unchanged is how an error keeps its cause.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // An async function without await still returns a promise where an interface asks for one.
      '@typescript-eslint/require-await': 'off',
      // vue-i18n's composer functions and our io objects are plain closures, safe to pass around unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests match with vitest's asymmetric matchers (expect.any, expect.stringContaining), typed `any`.
    files: ['**/*.test.ts', '**/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  { files: ['**/env.ts'], rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' } },

  // Per package: where its code runs decides its globals and what it may import.
  {
    files: ['packages/api/**', 'packages/db/**', 'packages/importer/**', 'packages/kolada/**', 'packages/report-pdf/**', 'apps/server/**', 'apps/e2e/**', 'bench/**', '*.js'],
    languageOptions: { globals: globals.node },
  },
  // e2e and bench code passed to page.evaluate() runs in the browser.
  { files: ['apps/e2e/**', 'bench/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['packages/domain/**'],
    languageOptions: { globals: globals.es2021 },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', domainImports],
      'no-restricted-properties': ['error', envProperty, ...domainClock],
    },
  },
  {
    files: ['apps/dashboard/src/**'],
    languageOptions: { globals: globals.browser },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', dashboardImports] },
  },
  { files: ['apps/dashboard/*.ts'], languageOptions: { globals: globals.node } },
  {
    // Queries live in packages/db (src/queries): the api calls them and builds none of its own.
    files: ['packages/api/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'packages/api bygger inga frågor: lägg frågan i packages/db/src/queries och anropa den.' }] },
      ],
    },
  },
);
