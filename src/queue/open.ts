// Opens a BullMQ queue for a one-off command, turning an unreachable or refusing Redis into one clear QueueError.
import { Queue } from 'bullmq';
import { QueueError } from '../errors.js';
import { scrubSecrets, type RedisConnectionOptions, type RedisTarget } from './connection.js';
import { KEY_PREFIX } from './defaults.js';
import type { QueueJobData, QueueJobResult } from './job.js';

export type ConversionQueue = Queue<QueueJobData, QueueJobResult>;

/** Errors that trying again will not mend (a wrong password, a certificate not trusted, no such host): fail at once. */
const HOPELESS = /WRONGPASS|NOAUTH|NOPERM|certificate|ERR_TLS|ENOTFOUND/i;

export async function openQueue(target: RedisTarget, name: string, connection: RedisConnectionOptions = target.command): Promise<ConversionQueue> {
  const queue: ConversionQueue = new Queue(name, { connection, prefix: KEY_PREFIX });
  let lastError: Error | null = null;
  let refused: (error: Error) => void = () => undefined;
  const hopeless = new Promise<never>((_, reject) => { refused = reject; });
  // Without a listener an 'error' event would end the process with a stack trace.
  queue.on('error', (error) => {
    lastError = error;
    if (HOPELESS.test(error.message)) refused(error);
  });
  try {
    await Promise.race([hopeless, (async () => {
      await queue.waitUntilReady();
      // A wrong password only shows on the first command.
      await (await queue.getBackend().client).runCommand('ping', []);
    })()]);
  } catch (error) {
    await queue.close().catch(() => undefined);
    throw unreachable(target, lastError ?? error);
  }
  return queue;
}

export function unreachable(target: RedisTarget, error: unknown): QueueError {
  const why = scrubSecrets(String((error as Error)?.message ?? error)).replace(/\s+/g, ' ').trim();
  return new QueueError('queue-unavailable', `cannot use Redis at ${target.display}: ${why}`, { cause: error });
}
