// ESLint's flat config: the recommended rules of ESLint and typescript-eslint, with React, its hooks, accessibility
// (jsx-a11y) and imports, as in Remix's templates. Formatting is Prettier's (.prettierrc), so the rules that only
// concern layout are switched off by eslint-config-prettier.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import prettier from "eslint-config-prettier";
import importPlugin from "eslint-plugin-import";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["build/", ".cache/", "node_modules/", "public/assets/", "data/", "test-results/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs,jsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // As the type check's noUnusedLocals: a name starting with "_" is left unused on purpose, e.g. a field
      // taken out of an object by destructuring so that the rest goes on without it.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.{tsx,jsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "jsx-a11y": jsxA11y },
    languageOptions: { ...react.configs.flat.recommended.languageOptions, ...jsxA11y.flatConfigs.recommended.languageOptions },
    settings: {
      react: { version: "detect" },
      formComponents: ["Form"],
      linkComponents: [
        { name: "Link", linkAttribute: "to" },
        { name: "NavLink", linkAttribute: "to" },
      ],
    },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A table wider than the screen scrolls inside a focusable region, so that the keyboard can scroll it
      // (axe's scrollable-region-focusable): the region role joins the rule's default tabpanel.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
    },
  },
  // One link for the whole app: app/components/link.tsx, which is a plain anchor on a page that does not hydrate.
  {
    files: ["app/**/*.tsx"],
    ignores: ["app/components/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@remix-run/react", importNames: ["Link", "NavLink"], message: "Use Link from ~/components/link." }] },
      ],
    },
  },
  // The rules of hooks. The React Compiler's checks are left out: the app does not use the Compiler.
  { plugins: { "react-hooks": reactHooks }, rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" } },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ...importPlugin.flatConfigs.recommended,
    settings: {
      "import/internal-regex": "^(~|#db|#emails)/",
      "import/resolver": { typescript: { alwaysTryTypes: true }, node: { extensions: [".ts", ".tsx"] } },
    },
    rules: {
      ...importPlugin.flatConfigs.recommended.rules,
      ...importPlugin.flatConfigs.typescript.rules,
      // The type check already refuses a missing export, and this rule parses every imported module again.
      "import/namespace": "off",
    },
  },
  prettier,
);
