/**
 * The `gatehouse` command: serve, migrate, admin create, audit verify, keys rotate.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { createGatehouse, createServices } from './main.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import type { OperatorRole } from './operators/schema.js';
import { AppError } from './platform/http/errors.js';

const USAGE = `usage: gatehouse <command>

  serve                               start the API and console (PORT, HOST, GATEHOUSE_DB, …)
  migrate                             apply database migrations
  admin create --email E --name N --role admin|reviewer
                                      create an operator; the password is read from
                                      GATEHOUSE_ADMIN_PASSWORD or standard input
  audit verify                        check the audit trail's hash chain (exit 1 if broken)
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  if (command === 'serve') {
    const gatehouse = await createGatehouse(config);
    const shutdown = async () => {
      await gatehouse.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await gatehouse.app.listen({ port: config.port, host: config.host });
    gatehouse.services.logger.info({ url: config.publicUrl, notify: config.notifyMode, db: config.database.kind }, 'gatehouse listening');
    return -1;
  }
  if (command === 'migrate') {
    const { db, close } = openDatabase(config.database);
    const applied = await migrateToLatest(db);
    await close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  }
  if (command === 'admin' && sub === 'create') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
    if (!values.email) {
      console.error(USAGE);
      return 2;
    }
    const password = process.env.GATEHOUSE_ADMIN_PASSWORD ?? (await readStdin());
    const services = await createServices(config);
    try {
      const { id } = await services.operators.create({ email: values.email, name: values.name ?? values.email, password, role: values.role as OperatorRole });
      console.log(`operator ${id} created (${values.role})`);
      return 0;
    } catch (err) {
      const detail = err instanceof AppError ? `${err.code} ${JSON.stringify(err.details)}` : String(err);
      console.error(`could not create operator: ${detail}`);
      return 1;
    } finally {
      await services.database.close();
    }
  }
  if (command === 'audit' && sub === 'verify') {
    const { db, close } = openDatabase(config.database);
    await migrateToLatest(db);
    const result = await verifyAuditChain(db);
    await close();
    if (result.ok) {
      console.log(`audit chain intact: ${result.entries} entries, head at seq ${result.headSeq}`);
      return 0;
    }
    console.log(`audit chain BROKEN at seq ${result.break.seq}: ${result.break.reason} (${result.entries} entries verified before it)`);
    return 1;
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
