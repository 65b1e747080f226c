/**
 * A tagged template that escapes every interpolated value unless it is already `Html`, so the
 * approver page cannot be broken (or scripted) by a title or comment typed by a user.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const render = (v: Value): string => {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escape(String(v));
};

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as Value) : ''), ''));
}

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${title} — コラボフロー シミュレーター</title>
<style>
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.msg { background: #e8f5e9; padding: .5rem 1rem; } .err { background: #fdecea; padding: .5rem 1rem; }
.status { font-weight: bold; } form.inline { display: inline; }
textarea { width: 30rem; height: 4rem; }
</style>
</head>
<body>
<p><a href="/_sim/">コラボフロー シミュレーター</a></p>
${body}
</body>
</html>`.text;
}
