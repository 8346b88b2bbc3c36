/**
 * `sahifa user add --email E --role R [--name N]` and `sahifa user passwd
 * --email E` (issue #5). The password comes from standard input (a pipe)
 * or a hidden prompt on a terminal; left empty, one is generated and printed.
 */
import { parseArgs } from 'node:util';
import { addUser, normalizeEmail, setPassword } from '../auth/accounts.js';
import { generatePassword } from '../auth/password.js';
import { AppError } from '../services/newsroom-errors.js';
import { openStore } from '../store/open.js';
import { UsageError, dbPath } from './args.js';

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A prompt that does not echo what is typed. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  const given = process.stdin.isTTY ? await readHidden('Password (empty to generate one): ') : await readPiped();
  return given ? { password: given, generated: false } : { password: generatePassword(), generated: true };
}

export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  if (sub !== 'add' && sub !== 'passwd' && sub !== 'list') throw new UsageError('user needs add, passwd or list');
  const store = await openStore(dbPath(values.db));
  try {
    if (sub === 'list') {
      for (const u of await store.newsroom.listUsers()) console.log(`${u.id}\t${u.role}\t${u.email}\t${u.name}`);
      return 0;
    }
    if (!values.email) throw new UsageError(`user ${sub} needs --email`);
    if (sub === 'add' && !values.role) throw new UsageError('user add needs --role owner|editor|author|contributor');
    if (sub === 'passwd' && !(await store.newsroom.findUserByEmail(normalizeEmail(values.email)))) {
      console.error(`sahifa: no account ${values.email}`);
      return 1;
    }
    const { password, generated } = await readPassword();
    if (sub === 'add') {
      const user = await addUser(store, { email: values.email, role: values.role!, name: values.name ?? '', password });
      console.log(`added ${user.role} ${user.email}`);
    } else {
      const user = await store.newsroom.findUserByEmail(normalizeEmail(values.email));
      await setPassword(store, user!.id, password);
      console.log(`changed the password of ${user!.email} (its sessions are signed out)`);
    }
    if (generated) console.log(`password: ${password}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`sahifa: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}
