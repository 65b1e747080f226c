import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decorate } from '../../src/ports/decorate.ts';

// An adapter as the SQLite event store is one: methods that use `this`, plus members beyond the port
// (`checkpoints`, `db`) that subscribers and the integrity check find by looking for them.
class Adapter {
  readonly checkpoints = { name: 'beside the store' };
  appended: string[] = [];
  append(stream: string) {
    this.appended.push(stream);
    return this.appended.length;
  }
  head() {
    return this.appended.length;
  }
}

test('decorate wraps the named methods and passes everything else through, members beyond the port included', () => {
  const adapter = new Adapter();
  const seen: string[] = [];
  const decorated = decorate(adapter, {
    append(stream: string) {
      seen.push(stream);
      return adapter.append(stream);
    },
  });
  assert.is(decorated.append('company-1'), 1);
  assert.equal(seen, ['company-1']);
  assert.is(decorated.checkpoints, adapter.checkpoints, 'the checkpoint store stays visible through a decorator');
  assert.ok('checkpoints' in decorated);
  const head = decorated.head;
  assert.is(head(), 1, 'a passed-through method is bound to its adapter');
});

test('decorators compose: the innermost adapter members survive two layers', () => {
  const adapter = new Adapter();
  const outer = decorate(decorate(adapter, { head: () => -1 }), {});
  assert.is(outer.head(), -1);
  assert.is(outer.checkpoints, adapter.checkpoints);
});

test.run();
