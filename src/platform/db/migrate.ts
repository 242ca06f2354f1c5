/**
 * Runs the migration set (the same files for SQLite and PostgreSQL). Migrations are imported
 * statically so the compiled build needs no file-system scanning.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as spine from './migrations/2026-11-23-0001-spine.js';
import * as delivery from './migrations/2026-11-23-0002-delivery.js';
import * as mfa from './migrations/2026-11-23-0004-mfa.js';
import * as contacts from './migrations/2026-11-23-0003-contacts.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-spine': spine,
  '2026-11-23-0002-delivery': delivery,
  '2026-11-23-0004-mfa': mfa,
  '2026-11-23-0003-contacts': contacts,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'gatehouse_migrations', migrationLockTableName: 'gatehouse_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
