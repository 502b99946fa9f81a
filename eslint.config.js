import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * Layer rules (see README "Architecture"): imports flow one way,
 * domain ← io, db ← store ← canvas, ui ← app. Each entry lists what a layer may NOT import.
 */
const layer = (name) => [`**/${name}`, `**/${name}/*`, `**/${name}/**`];
const uiPackages = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/react',
  'zustand',
  'zustand/*',
  'zundo',
];
const layers = {
  domain: {
    patterns: [
      ...['io', 'db', 'store', 'canvas', 'ui', 'app', 'layout', 'cli', 'rooms'].flatMap(layer),
    ],
    packages: [...uiPackages, 'dexie', 'zod', 'zod/*', 'yjs'],
  },
  io: {
    patterns: [...['db', 'store', 'canvas', 'ui', 'app', 'layout', 'cli', 'rooms'].flatMap(layer)],
    packages: [...uiPackages, 'dexie'],
  },
  // A shared map on Yjs: pure, no network (the relay and the store bring that).
  rooms: {
    // The relay is added below, as for every layer of the app.
    patterns: [...['db', 'store', 'canvas', 'ui', 'app', 'layout', 'cli'].flatMap(layer)],
    packages: [...uiPackages, 'dexie', 'zod', 'zod/*'],
  },
  db: {
    patterns: [...['store', 'canvas', 'ui', 'app', 'layout', 'cli'].flatMap(layer)],
    packages: uiPackages,
  },
  store: {
    patterns: [...['canvas', 'ui', 'app', 'cli'].flatMap(layer)],
    packages: ['react-dom', '@xyflow/react', 'dexie'],
  },
  canvas: { patterns: [...['db', 'ui', 'app', 'cli'].flatMap(layer)], packages: ['dexie'] },
  ui: { patterns: [...['db', 'app', 'cli'].flatMap(layer)], packages: ['dexie'] },
  layout: {
    patterns: [...['io', 'db', 'store', 'canvas', 'ui', 'app', 'cli'].flatMap(layer)],
    packages: [...uiPackages, 'dexie'],
  },
  cli: {
    patterns: [...['db', 'store', 'canvas', 'ui', 'app', 'layout'].flatMap(layer)],
    packages: [...uiPackages, 'dexie'],
  },
  // The relay runs in Node for a whole team and reads rooms as Yjs documents, never the app.
  relay: {
    patterns: [...['db', 'store', 'canvas', 'ui', 'app', 'layout', 'cli'].flatMap(layer)],
    packages: [...uiPackages, 'dexie'],
  },
};
// …and no layer of the app imports the relay: it is Node-only server code.
for (const [name, rule] of Object.entries(layers)) {
  if (name !== 'relay') rule.patterns.push(...layer('relay'));
}

const layerConfigs = Object.entries(layers).map(([name, rule]) => ({
  files: [`src/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: rule.packages
          .filter((p) => !p.includes('*'))
          .map((p) => ({ name: p, message: `The ${name} layer must not import ${p}.` })),
        patterns: [
          {
            group: [...rule.patterns, ...rule.packages.filter((p) => p.includes('*'))],
            message: `The ${name} layer must not import this layer (see README: Architecture).`,
            // A type names a shape, not a dependency: it is erased before the code runs.
            allowTypeImports: true,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/cli/**', 'test/**', '*.config.ts', 'eslint.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // An import cycle makes module order matter and hides which part depends on which.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...layerConfigs,
);
