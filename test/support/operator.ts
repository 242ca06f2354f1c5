/** An admin operator signed in over HTTP, for tests of /api/v1/admin/… routes. */
import { randomBytes } from 'node:crypto';
import type { TestGatehouse } from './harness.js';

export const OPERATOR_PASSWORD = 'operator horse battery staple';

export async function signInOperator(g: TestGatehouse, role: 'admin' | 'reviewer' = 'admin'): Promise<{ id: string; token: string }> {
  const email = `op-${randomBytes(4).toString('hex')}@example.com`;
  const { id } = await g.services.operators.create({ email, name: 'Test Operator', password: OPERATOR_PASSWORD, role });
  const res = await g.request('POST', '/api/v1/admin/sessions', { body: { email, password: OPERATOR_PASSWORD } });
  if (res.status !== 201) throw new Error(`operator sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, token: res.body.token };
}
