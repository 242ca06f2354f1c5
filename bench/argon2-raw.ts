/**
 * Raw argon2id verification throughput with the production (OWASP) parameters on this
 * machine's cores: the ceiling sign-in throughput is compared with. Prints one JSON line.
 */
import { availableParallelism } from 'node:os';
import { PasswordHasher, OWASP_ARGON2ID } from '../src/platform/password-hasher.js';

const durationMs = Number(process.argv[2] ?? 10) * 1000;
const inFlight = Number(process.argv[3] ?? 8);
const hasher = new PasswordHasher(OWASP_ARGON2ID);
const encoded = await hasher.hash('correct horse battery staple');
let done = 0;
const deadline = Date.now() + durationMs;
const started = Date.now();
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (Date.now() < deadline) {
      await hasher.verify(encoded, 'correct horse battery staple');
      done++;
    }
  }),
);
console.log(JSON.stringify({ verifiesPerSecond: done / ((Date.now() - started) / 1000), cores: availableParallelism(), inFlight }));
