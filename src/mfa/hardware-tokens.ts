/** Operator import of hardware OTP token seeds (CSV of serial + secret, see the primitive). */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { newId, seal, type KeyRing } from '../platform/crypto.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit } from '../platform/audit/audit.js';
import { parseHardwareTokenCsv, type TokenImportError } from './primitives/hardware-token-import.js';
import { tokenSealAad } from './otp-check.js';
import { insertHardwareToken } from './store.js';

export async function importHardwareTokens(
  d: { db: Db; clock: Clock; keyRing: KeyRing },
  operatorId: string,
  csv: string,
  ctx: RequestContext,
): Promise<{ imported: number; errors: TokenImportError[] }> {
  const parsed = parseHardwareTokenCsv(csv);
  const errors = [...parsed.errors];
  const now = d.clock.now();
  let imported = 0;
  await d.db.transaction().execute(async (trx) => {
    for (const t of parsed.tokens) {
      const id = newId();
      const inserted = await insertHardwareToken(trx, {
        id,
        serial: t.serial.toUpperCase(),
        secret_sealed: seal(d.keyRing, t.secret, tokenSealAad(id)),
        kind: t.type,
        algorithm: t.algorithm,
        digits: t.digits,
        period_seconds: t.type === 'totp' ? t.periodSeconds : 0,
        initial_counter: t.type === 'hotp' ? t.counter : 0,
        bound_account_id: null,
        imported_at: now,
        imported_by: operatorId,
      });
      if (inserted) imported++;
      else errors.push({ line: t.line, message: 'serial already imported' });
    }
    await appendAudit(trx, now, {
      accountId: null, actor: { type: 'operator', id: operatorId }, event: 'mfa.hardware_tokens_imported', result: 'success',
      ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { imported, rejected: errors.length },
    });
  });
  errors.sort((a, b) => a.line - b.line);
  return { imported, errors };
}
