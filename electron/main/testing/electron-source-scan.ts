import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * A scan of our own sources for what Electronegativity under-reports: it reads only the object
 * literal written inside `new BrowserWindow(...)`, so an unsafe value set elsewhere (a constant, a
 * spread, a quoted key, a shorthand property) goes unseen. This scan reads every property of every
 * object literal, wherever it is, with the TypeScript parser.
 */

/** The only value each option may have, wherever it is written. */
export const REQUIRED_PREFERENCE_VALUES: Record<string, boolean> = {
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  contextIsolation: true,
  sandbox: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  enableRemoteModule: false,
};

/** Options that may not appear at all: each only ever turns something on. */
export const FORBIDDEN_PREFERENCES = ['enableBlinkFeatures'];

export interface Finding {
  file: string;
  line: number;
  message: string;
}

/** Test support that imitates Electron (and so names its APIs): not part of the shell. */
const TEST_SUPPORT = 'electron/main/testing';

/** Our TypeScript sources under the given folders, without tests and test support. */
export function listSourceFiles(root: string, folders: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && relative(root, path).split(sep).join('/') !== TEST_SUPPORT) walk(path);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files.sort();
}

export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return null;
}

function literalBoolean(expression: ts.Expression): boolean | null {
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

/** Unsafe web preferences in one file: wrong or non-literal values, forbidden keys, spread preferences. */
export function findUnsafePreferences(source: ts.SourceFile): Finding[] {
  const findings: Finding[] = [];
  const report = (node: ts.Node, message: string) =>
    findings.push({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message });

  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        const name = property.name ? propertyName(property.name) : null;
        if (name !== null && Object.hasOwn(REQUIRED_PREFERENCE_VALUES, name)) {
          const required = REQUIRED_PREFERENCE_VALUES[name];
          const value = ts.isPropertyAssignment(property) ? literalBoolean(property.initializer) : null;
          if (value !== required) report(property, `${name} must be the literal ${String(required)}`);
        }
        if (name !== null && FORBIDDEN_PREFERENCES.includes(name)) report(property, `${name} may not be set`);
        if (name === 'webPreferences' && ts.isPropertyAssignment(property) && !ts.isObjectLiteralExpression(property.initializer)) {
          report(property, 'webPreferences must be written out as an object literal where the window is created');
        }
        if (name === 'webPreferences' && ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) {
          for (const inner of property.initializer.properties) {
            if (ts.isSpreadAssignment(inner)) report(inner, 'webPreferences may not be spread from elsewhere');
          }
        }
      }
    }
    // webviewTag is off, but a <webview> in the renderer would be the sign someone means to turn it on.
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source).toLowerCase() === 'webview') {
      report(node, '<webview> may not be used');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

export interface CallSite {
  file: string;
  line: number;
  /** The names of the functions the call is written in, innermost first. */
  enclosing: string[];
  /** The call's full text. */
  text: string;
}

function enclosingNames(node: ts.Node): string[] {
  const names: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if ((ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) && current.name) names.push(current.name.getText());
    if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent)) names.push(current.parent.name.getText());
  }
  return names;
}

/** Every call whose callee ends in `.member` (or is `member`), e.g. `ipcMain.handle(…)`, `shell.openExternal(…)`. */
export function findCalls(source: ts.SourceFile, member: string): CallSite[] {
  const calls: CallSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : ts.isElementAccessExpression(callee) && ts.isStringLiteral(callee.argumentExpression) ? callee.argumentExpression.text : null;
      if (name === member) {
        calls.push({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, enclosing: enclosingNames(node), text: node.getText(source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** Every `new X(…)` of the given class, e.g. BrowserWindow. */
export function findConstructions(source: ts.SourceFile, className: string): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source).split('.').pop() === className) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

/** Every mention of a name at all (identifier, property or string), to catch aliasing like `const open = shell.openExternal`. */
export function findMentions(source: ts.SourceFile, name: string): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node)) && node.text === name) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

export function readSource(root: string, file: string): ts.SourceFile {
  return parseSource(file, readFileSync(join(root, file), 'utf8'));
}

/** JSX attributes that take markup or a URL: where untrusted text could become HTML or a live link. */
const MARKUP_OR_URL_ATTRIBUTES = ['dangerouslySetInnerHTML', 'href', 'src', 'srcDoc', 'action', 'formAction', 'xlinkHref'];

/** DOM calls that parse a string as HTML or code. */
const HTML_SINKS = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'write', 'writeln', 'eval', 'setHTMLUnsafe', 'createContextualFragment', 'parseFromString'];

/** Where a renderer file could turn text into markup, code or a link. */
export function findMarkupSinks(source: ts.SourceFile): Finding[] {
  const findings: Finding[] = [];
  const report = (node: ts.Node, message: string) =>
    findings.push({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxAttribute(node) && MARKUP_OR_URL_ATTRIBUTES.includes(node.name.getText(source))) report(node, `JSX ${node.name.getText(source)}=`);
    if (ts.isPropertyAccessExpression(node) && HTML_SINKS.includes(node.name.text)) report(node, `.${node.name.text}`);
    if (ts.isIdentifier(node) && (node.text === 'eval' || node.text === 'Function') && ts.isCallOrNewExpression(node.parent) && node.parent.expression === node) report(node, `${node.text}(…)`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
