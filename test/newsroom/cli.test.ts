import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { authenticate } from '../../src/auth/accounts.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { openAt, testDatabase } from '../helpers/store.js';
import { ROOT } from '../helpers/paths.js';

const CLI = path.join(ROOT, 'dist/src/cli/main.js');

function sahifa(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

test('sahifa user add and passwd: from stdin, or a generated password printed once', async () => {
  const place = testDatabase();
  const db = place.location;
  const added = await sahifa(['user', 'add', '--db', db, '--email', 'Editor@Example.com', '--role', 'editor', '--name', 'سلمى'], 'كلمة-سر-من-الأنبوب\n');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /added editor editor@example.com/);
  assert.ok(!added.stdout.includes('password:'));
  const generated = await sahifa(['user', 'add', '--db', db, '--email', 'author@example.com', '--role', 'author'], '');
  const password = /password: (\S+)/.exec(generated.stdout)?.[1];
  assert.ok(password && password.length >= 20);
  assert.equal((await sahifa(['user', 'add', '--db', db, '--email', 'x@example.com', '--role', 'king'], 'كلمة-سر-طويلة')).code, 1);
  assert.equal((await sahifa(['user', 'passwd', '--db', db, '--email', 'editor@example.com'], 'قصيرة')).code, 1);
  assert.equal((await sahifa(['user', 'passwd', '--db', db, '--email', 'editor@example.com'], 'كلمة-سر-جديدة-تماماً')).code, 0);

  const store = await openAt(db);
  const limiter = new LoginLimiter();
  assert.equal((await authenticate(store, limiter, 'editor@example.com', 'كلمة-سر-جديدة-تماماً', '127.0.0.1')).role, 'editor');
  assert.equal((await authenticate(store, limiter, 'author@example.com', password!, '127.0.0.1')).role, 'author');
  await assert.rejects(authenticate(store, limiter, 'editor@example.com', 'كلمة-سر-من-الأنبوب', '127.0.0.1'), /Wrong email or password/);
  const hash = (await store.newsroom.findUserByEmail('editor@example.com'))!.passwordHash;
  assert.match(hash, /^scrypt\$15\$8\$1\$/);
  await store.close();
  await place.drop();
});
