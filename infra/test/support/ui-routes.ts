import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Every path of the UI's router, read from `ui/src/routes.tsx` itself (the object literals with a
 * `path` or `index` inside `createBrowserRouter([...])`, children joined to their parent), so a
 * screen added to the router is walked without anyone updating a list. Importing the module is not
 * an option: it creates a browser router at load time.
 */
const ROUTES_FILE = join(resolve(fileURLToPath(new URL('../../..', import.meta.url))), 'ui', 'src', 'routes.tsx');

function stringProperty(node: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name && ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

function hasIndex(node: ts.ObjectLiteralExpression): boolean {
  return node.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'index' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

function children(node: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression[] {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'children' && ts.isArrayLiteralExpression(property.initializer)) {
      return property.initializer.elements.filter(ts.isObjectLiteralExpression);
    }
  }
  return [];
}

function join2(parent: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${parent.replace(/\/$/, '')}/${path}`;
}

function walk(routes: readonly ts.ObjectLiteralExpression[], parent: string, into: string[]): void {
  for (const route of routes) {
    const path = stringProperty(route, 'path');
    const here = hasIndex(route) ? parent : path === undefined ? parent : join2(parent, path);
    if (hasIndex(route) || (path !== undefined && children(route).length === 0)) into.push(here);
    walk(children(route), here, into);
  }
}

/** The router's leaf paths, e.g. `/companies/:id/edit`; `*` catch-alls included as written. */
export function uiRoutePaths(): string[] {
  const source = ts.createSourceFile(ROUTES_FILE, readFileSync(ROUTES_FILE, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'createBrowserRouter' && node.arguments[0] && ts.isArrayLiteralExpression(node.arguments[0])) {
      walk(node.arguments[0].elements.filter(ts.isObjectLiteralExpression), '', found);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found.length === 0) throw new Error(`no createBrowserRouter([...]) found in ${ROUTES_FILE}`);
  return found;
}
