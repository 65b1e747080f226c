import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { redactUrl, showSetting } from '../../src/main/redact.ts';
import { startBanner } from '../../src/main/banner.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';

/** Start banners print connection strings; their passwords never reach a log. */

test('the password in a URL is masked, the user and host stay', () => {
  assert.is(redactUrl('mongodb://user:pass@host:27017/?replicaSet=rs0'), 'mongodb://user:***@host:27017/?replicaSet=rs0');
  assert.is(redactUrl('esdb://admin:changeit@eventstore:2113?tls=false'), 'esdb://admin:***@eventstore:2113?tls=false');
  assert.is(redactUrl('https://bot:s3cr%40t@cloud.collaboflow.com/acme'), 'https://bot:***@cloud.collaboflow.com/acme');
  assert.is(redactUrl('mongodb+srv://u:p@a:1,b:2/db'), 'mongodb+srv://u:***@a:1,b:2/db');
});

test('every address in a comma-separated list is masked (KAFKA_BROKERS)', () => {
  assert.is(redactUrl('alice:pw1@k1:9092,bob:pw2@k2:9092'), 'alice:***@k1:9092,bob:***@k2:9092');
  assert.is(redactUrl('EventStoreDB (esdb://a:b@h:2113)'), 'EventStoreDB (esdb://a:***@h:2113)');
});

test('secret query parameters are masked too', () => {
  assert.is(redactUrl('https://cf.example/acme?apiKey=abc&x=1'), 'https://cf.example/acme?apiKey=***&x=1');
  assert.is(redactUrl('mongodb://h/?authSource=admin&password=pw'), 'mongodb://h/?authSource=admin&password=***');
});

test('addresses without credentials are untouched', () => {
  for (const value of ['kafka:9092,127.0.0.1:9093', 'mongodb://mongo:27017/?replicaSet=rs0', 'esdb://eventstore:2113?tls=false', 'http://127.0.0.1:3000/_sim/', 'https://cloud.collaboflow.com/acme/api/index.cfm'])
    assert.is(redactUrl(value), value);
});

test('whole-value secrets are never shown, only their length', () => {
  assert.is(showSetting('SESSION_SECRET', 'abcdef'), '(hidden, 6 characters)');
  assert.is(showSetting('OIDC_CLIENT_SECRET', 'xyz'), '(hidden, 3 characters)');
  assert.is(showSetting('MONGODB_URL', 'mongodb://u:p@h'), '"mongodb://u:***@h"');
});

test('the start banner shows the demo password only when demo data is on', () => {
  const banner = (seedDemoData: boolean) => startBanner({ url: 'http://127.0.0.1:3000/', lines: ['event store: embedded SQLite (/data/events.db)'], dataDir: '/data', seedDemoData });
  assert.match(banner(true), `password ${DEMO_PASSWORD}`);
  assert.match(banner(true), 'sato@example.co.jp');
  assert.not.match(banner(false), DEMO_PASSWORD);
  assert.match(banner(false), 'data directory: /data');
});

test.run();
