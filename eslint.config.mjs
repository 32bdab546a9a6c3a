// Lint for the whole workspace, run by `npm test` (and `npm run lint`).
// - typescript-eslint with type information (projectService): floating
//   promises, misused promises and unused code are errors;
// - Nx module boundaries by tags: the layers of docs/architecture.md.
//   Arrows point inward only, and no project imports an app.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const everyLibrary = [
  'layer:domain',
  'layer:platform',
  'layer:contracts',
  'layer:store',
  'layer:adapter',
  'layer:application',
  'type:testing',
];

/** Which tags a project with a tag may depend on (see docs/architecture.md, "Layers"). */
const layers = [
  // Pure deciders, events and rules: nothing of ours, no I/O.
  { sourceTag: 'layer:domain', onlyDependOnLibsWithTags: [] },
  // Cross-cutting building blocks (retry policy, settings loader): nothing of ours.
  { sourceTag: 'layer:platform', onlyDependOnLibsWithTags: [] },
  // Public integration events for Kafka consumers: nothing of ours.
  { sourceTag: 'layer:contracts', onlyDependOnLibsWithTags: [] },
  // The event-store port and its SQLite adapter: domain types only.
  { sourceTag: 'layer:store', onlyDependOnLibsWithTags: ['layer:domain', 'layer:platform'] },
  // Adapters of the port for other stores (EventStoreDB).
  { sourceTag: 'layer:adapter', onlyDependOnLibsWithTags: ['layer:store', 'layer:domain', 'layer:platform'] },
  // Use cases: command handling, read models, the relay. Domain and ports only.
  {
    sourceTag: 'layer:application',
    onlyDependOnLibsWithTags: ['layer:domain', 'layer:store', 'layer:contracts', 'layer:platform'],
  },
  // Spec helpers that drive the service over HTTP; they sign their bearer
  // tokens with the service's local issuer (libs/identity, an adapter).
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['layer:domain', 'layer:adapter'] },
  // Apps compose libraries; Nx itself refuses any import of an app.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: everyLibrary },
  // test/: suites that span apps run the built apps as processes.
  { sourceTag: 'type:system-test', onlyDependOnLibsWithTags: everyLibrary },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['layer:contracts'] },
  // The web console runs in a browser: the domain (its schemas and permission table) and nothing with Node in it.
  { sourceTag: 'type:browser-app', onlyDependOnLibsWithTags: ['layer:domain'] },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', 'coverage/**', '.nx/**', '.infra-cache/**', 'data/**'],
  },
  js.configs.recommended,
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: layers, banTransitiveDependencies: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
      // An async method implementing a Promise-returning port need not await;
      // what matters (a promise nobody awaits) is no-floating-promises' job.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The console: React's rules of hooks.
    files: ['apps/console/**/*.tsx', 'apps/console/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The domain also runs in the browser (the console): no Node built-ins in it.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts', 'libs/domain/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The domain runs in the browser too: no Node built-ins.' }] },
      ],
    },
  },
  {
    // Specs read the JSON a service answered (typed `any` on purpose): the
    // assertions check its shape, so unsafe-any access is how they read it.
    files: ['**/*.spec.ts', '**/testing/**/*.ts', 'test/**/*.ts', 'libs/service-testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Scripts and configs in plain JavaScript: Node globals, no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }] },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  prettier,
);
