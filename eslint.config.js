import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Dexie and the database modules: the content side and the extension pages reach them only by message. */
const storageInBackgroundOnly = {
  group: ['dexie', '**/storage/**', '@/storage/**'],
  message: 'Storage lives in the background only.',
  allowTypeImports: true,
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Note and comment text is rendered as text, never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Note and comment text is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    // The content script runs beside a hostile page, and the extension pages share one copy of the database
    // through the background: both reach storage only through the message protocol.
    files: [
      'entrypoints/content/**',
      'entrypoints/comment-frame.content/**',
      'entrypoints/page-ui/**',
      'entrypoints/card/**',
      'entrypoints/popup/**',
      'entrypoints/welcome/**',
      'messaging/**',
      'components/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [storageInBackgroundOnly] }],
    },
  },
  {
    // Code that runs in a page also runs on plain http sites, where secure-context APIs are missing.
    files: [
      'entrypoints/content/**',
      'entrypoints/comment-frame.content/**',
      'entrypoints/page-ui/**',
      'core/**',
      'components/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'crypto',
          property: 'randomUUID',
          message: 'Missing on plain http pages: make ids with newId() from core/ids.',
        },
        { object: 'crypto', property: 'subtle', message: 'Missing on plain http pages.' },
        { object: 'navigator', property: 'clipboard', message: 'Missing on plain http pages.' },
      ],
    },
  },
  {
    // The pure core is tested without an extension around it, and every other layer builds on it, not it on them.
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['wxt/browser', 'webextension-polyfill'] }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            storageInBackgroundOnly,
            {
              group: ['**/messaging/**', '**/entrypoints/**', '**/components/**'],
              message: 'core/ is the layer the others import; it imports none of them.',
            },
          ],
        },
      ],
    },
  },
);
