import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The user data of the demo: every string the demo seed (`infra/src/main/demo-*.ts`) and the
 * CollaboFlow simulator's seed (its routes, steps and people: CollaboFlow's data) write, less any
 * string the product's contracts, servers or UI dictionaries also contain (a string there is a
 * label or a code value, which must be translated, never data). UI components are left out of
 * that subtraction because they also hold defaults for free-text fields (a new expense row starts
 * as 物品購入). Screens show these as people typed them, in whatever language that was.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** Words in any script: Japanese names and also latin ones (「Aoba Technology」, 「Java / Spring」). */
const WORDS = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]|[A-Za-z]{2,}/u;

function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && WORDS.test(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function demoUserData(): string[] {
  const mainDir = join(root, 'infra', 'src', 'main');
  const seeds = readdirSync(mainDir).filter((name) => name.startsWith('demo-') && name.endsWith('.ts'));
  const product = new Set([join(root, 'contracts', 'src'), join(root, 'write-side', 'src'), join(root, 'read-side', 'src'), join(root, 'ui', 'src', 'i18n')].flatMap((dir) => sources(dir).flatMap(literals)));
  const seeded = [...seeds.map((name) => join(mainDir, name)), join(root, 'infra', 'src', 'collaboflow-sim', 'seed.ts')];
  const data = new Set(seeded.flatMap(literals).filter((text) => !product.has(text)));
  // longest first, so a name is removed before a shorter name inside it
  return [...data].sort((a, b) => b.length - a.length);
}
