/**
 * One Gatehouse server process for the multi-process tests: configured from the environment
 * (GATEHOUSE_DB, GATEHOUSE_SECRET_KEY, …), listening on an ephemeral port that it reports on
 * stdout as `LISTENING <port>`. Light argon2id and captcha, as in the in-process harness;
 * migrations are the parent's job (two processes migrating at once would race).
 */
import { loadConfig } from '../../src/config.js';
import { createGatehouse } from '../../src/main.js';
import { TEST_ARGON2 } from '../support/harness.js';

const config = loadConfig({ ...process.env, NODE_ENV: 'test', GATEHOUSE_LOG_LEVEL: process.env.GATEHOUSE_LOG_LEVEL ?? 'silent' });
const gatehouse = await createGatehouse(config, {
  argon2: { memoryCostKiB: TEST_ARGON2.memoryCostKiB, timeCost: TEST_ARGON2.timeCostParam, parallelism: 1 },
  captcha: { cost: 1, counterMin: 10, counterMax: 40 },
  migrate: false,
});
const address = await gatehouse.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${new URL(address).port}\n`);

const stop = async () => {
  await gatehouse.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
