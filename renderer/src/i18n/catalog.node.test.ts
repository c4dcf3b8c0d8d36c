import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ar } from './messages-ar';
import { en } from './messages-en';

const RENDERER = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/^messages-/.test(entry.name) ? [path] : [];
  });
}

/** Attributes a reader sees or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-valuetext']);
/** Calls whose string argument ends up on screen. */
const VISIBLE_CALLS = /^(onError|onNotice|setError|setUrlError|setMessage|setFatal|setLoadError|alert|confirm|window\.confirm|window\.alert)$/;
const WORDS = /\p{L}{2,}/u;
/** A link's shape ("https://…") is not words to translate. */
const URL_SHAPE = /^https?:\/\/\S*$/;

/** A string that would be shown to the editor as written, not through the catalog. */
export function hardCodedStrings(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(RENDERER, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const literalText = (node: ts.Node | undefined): string | null => {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' ') || null;
    if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text “${node.text.trim()}”`);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const value = literalText(node.expression);
      if (value && WORDS.test(value)) found.push(`${where(node)} child “${value}”`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const value = literalText(node.initializer);
      if (value && WORDS.test(value) && !URL_SHAPE.test(value)) found.push(`${where(node)} ${node.name.getText()}=“${value}”`);
    }
    // An Error is shown to the editor wherever it is caught (error-text.ts), except the catalog's
    // own "used outside its provider", which only a developer can meet.
    const shownError = ts.isNewExpression(node) && node.expression.getText() === 'Error' && !path.includes(`${join('i18n', 'I18nProvider')}`);
    if ((ts.isCallExpression(node) && VISIBLE_CALLS.test(node.expression.getText())) || shownError) {
      const value = literalText(node.arguments?.[0]);
      if (value && WORDS.test(value)) found.push(`${where(node)} ${node.expression.getText()}(“${value}”)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the catalog', () => {
  it('has every English message in Arabic too, with the same placeholders', () => {
    const names = (message: string): string[] => {
      const out: string[] = [];
      const walk = (elements: ReturnType<typeof parse>) => {
        for (const element of elements) {
          if ('value' in element && element.type !== TYPE.literal) out.push(String(element.value));
          if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
          if (element.type === TYPE.tag) walk(element.children);
        }
      };
      walk(parse(message));
      return [...new Set(out)].sort();
    };
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const [id, message] of Object.entries(en)) {
      expect(names(ar[id as keyof typeof en]), id).toEqual(names(message));
    }
  });

  it('uses all six Arabic plural forms where it counts in Arabic words', () => {
    for (const [id, message] of Object.entries(ar)) {
      if (!/plural/.test(message) || /^\{count, plural, one \{وُ?سم/.test(message)) continue;
      for (const form of ['one', 'two', 'few', 'many', 'other']) expect(message, `${id}: ${form}`).toMatch(new RegExp(`(^|[ ,])${form} \\{|=0 \\{`));
    }
  });
});

describe('the renderer', () => {
  it('shows no user-visible string that is not from the catalog', () => {
    const found = sourceFiles(RENDERER).flatMap((path) => hardCodedStrings(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches a hard-coded label, text, title and error (the check itself)', () => {
    const sample = `
      export const A = () => <button aria-label="Close" title={'Remove it'}>Save now<span>{'Hello there'}</span></button>;
      export const B = () => <p>{t('app.name')} · ✕ {count}</p>;
      function f() { onError('Could not save'); throw new Error(\`\${name} is too large\`); }
    `;
    const found = hardCodedStrings(join(RENDERER, 'sample.tsx'), sample);
    expect(found.map((f) => f.replace(/^\S+ /, ''))).toEqual([
      'aria-label=“Close”',
      'title=“Remove it”',
      'text “Save now”',
      'child “Hello there”',
      'onError(“Could not save”)',
      'Error(“  is too large”)',
    ]);
  });
});
