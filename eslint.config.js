// The linter: type-aware rules that catch real defects (floating promises, unused code, import cycles),
// a line-length limit, and the layer rules that keep core free of Telegram and HTTP and keep the
// database behind core's services. Formatting itself is Prettier's (`npm run format`).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The database stays behind core's services: outside core nothing takes Prisma's client, core/db or a
 * `.prisma` (Services has none; the composition root in app/ and tests' fixtures hold ServicesWithDb).
 */
const prismaOutsideCore = "Prisma is core's: read and write through a service of core/<capability>/ (services.<capability>)";
/** Outside core, Prisma and the database layer only as types. */
const prismaPatterns = [
  { group: ['**/generated/prisma/client*'], importNames: ['PrismaClient', 'Prisma'], allowTypeImports: true, message: prismaOutsideCore },
  { group: ['**/core/db/*'], allowTypeImports: true, message: prismaOutsideCore },
];

export default tseslint.config(
  {
    ignores: [
      'generated/**',
      'web/dist/**',
      'data/**',
      'prisma/migrations/**',
      'node_modules/**',
      'test-artifacts/**',
      'coverage/**',
      'bench/data/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A timer handle declared before the closure that cancels it, and assigned after: not a constant.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // TypeScript checks names; ESLint's own check does not know the DOM, Node and test globals apart.
      'no-undef': 'off',
      'import-x/no-unresolved': 'off',
      '@stylistic/max-len': [
        'error',
        { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: false },
      ],
    },
  },
  {
    // Core knows nothing of Telegram or HTTP: it says what a message offers (core/offers), and bot/telegram
    // renders it. It imports nothing from the layers that use it.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['grammy', 'grammy/*', '@grammyjs/*', 'fastify', 'fastify/*', 'fastify-*', '@fastify/*'],
              message: 'core knows nothing of Telegram or HTTP',
            },
            { regex: '^(\\.\\./)+(bot|server|jobs|app|web)/', message: 'core is used by bot/, server/, jobs/ and app/, never the other way round' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(Property, TSPropertySignature, PropertyDefinition)[key.name=/^(reply_markup|inline_keyboard|callback_data|parse_mode)$/]',
          message: 'core says what to offer (core/offers); bot/telegram renders it',
        },
        {
          selector: ':matches(Property, TSPropertySignature)[key.value=/^(reply_markup|inline_keyboard|callback_data|parse_mode)$/]',
          message: 'core says what to offer (core/offers); bot/telegram renders it',
        },
        {
          selector: 'MemberExpression[property.name=/^(reply_markup|inline_keyboard|callback_data|parse_mode)$/]',
          message: 'core says what to offer (core/offers); bot/telegram renders it',
        },
        {
          selector:
            'Literal[value=/^(send(Message|Photo|Document|Video|Voice|Audio|Location|MediaGroup|ChatAction)|edit(MessageText|MessageReplyMarkup|MessageCaption|MessageMedia)|copyMessage|forwardMessage|deleteMessage|answerCallbackQuery|getFile)$/]',
          message: 'Bot API methods belong to bot/telegram',
        },
      ],
    },
  },
  {
    files: ['app/capabilities/**', 'bot/**', 'server/**', 'jobs/**', 'web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [...prismaPatterns],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='prisma']", message: prismaOutsideCore },
        { selector: "ObjectPattern > Property[key.name='prisma']", message: prismaOutsideCore },
      ],
    },
  },
  // What a process loads at start is what main.js imports statically: the bot's and the API's modules (and their
  // libraries) are read only where that role runs, through the manifests' loaders and app/app.ts's `await import`
  // (bench/FIXES.md, section 16). A static import here would put them back into every process; types are free.
  {
    files: ['app/capabilities/**/*.ts', 'app/app.ts', 'app/compose.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...prismaPatterns,
            {
              regex: '^(\\.\\./)+(bot|server)/',
              allowTypeImports: true,
              message: 'Load the bot or the API where its role runs: `(await import(...))` in a loader, not a static import (section 16).',
            },
            {
              group: [
                'grammy',
                'grammy/*',
                '@grammyjs/*',
                'fastify',
                'fastify/*',
                '@fastify/*',
                'pg',
                '@electric-sql/pglite',
                'pglite-prisma-adapter',
                '@prisma/adapter-pg',
              ],
              allowTypeImports: true,
              message: 'Load the bot, the API or a database driver where it is used: `(await import(...))`, not a static import (section 16).',
            },
          ],
        },
      ],
    },
  },
  {
    // The bot is started by app/; it imports nothing from the API, the jobs or the composition root.
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(server|jobs|app)/', message: 'bot/ uses core, never server/, jobs/ or app/' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The console reads the API's shapes as types from the server's schema modules: esbuild erases type-only
  // imports, so neither zod nor any server code lands in the bundle.
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/',
              allowTypeImports: true,
              message: 'The console takes only types from server/ (import type … from server/<capability>/<name>-schemas.ts).',
            },
          ],
        },
      ],
    },
  },
  // A schema module is pure zod, since the console type-checks it: zod, the shared server/schemas.ts, other
  // schema modules, the Prisma enums and core's *-rules.ts limits; no Fastify, Prisma client or services.
  {
    files: ['server/*/*-schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?!zod$|\\.\\./schemas\\.ts$|\\.(\\./[a-z0-9-]+)?/[a-z0-9-]+-schemas\\.ts$|\\.\\./\\.\\./generated/prisma/enums\\.ts$|\\.\\./\\.\\./core/[a-z0-9-]+/[a-z0-9-]+-rules\\.ts$)',
              message: 'A schema module imports only zod, ../schemas.ts, other *-schemas.ts, generated/prisma/enums.ts and core/**/*-rules.ts.',
            },
          ],
        },
      ],
    },
  },
);
