// Redis connection settings from a URL (redis:// or rediss:// for TLS), and the same URL with its password hidden for messages.
import { UsageError } from '../errors.js';

/** The ioredis options protokoll sets; BullMQ passes them to ioredis unchanged. */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: { servername?: string };
  /** null: a command waits for the connection to come back instead of failing (what BullMQ workers need). */
  maxRetriesPerRequest: number | null;
  connectTimeout: number;
  retryStrategy: (times: number) => number | null;
}

export interface RedisTarget {
  /** Connection options for a long-running worker: it waits through outages, retrying forever. */
  worker: RedisConnectionOptions;
  /** Connection options for a one-off command (`queue add`, `queue status`): it gives up after a few seconds. */
  command: RedisConnectionOptions;
  /** The URL with any password replaced by `***`: the only form that may be printed. */
  display: string;
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The URL given on the command line, else REDIS_URL, else a local Redis. */
export function redisUrlFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

export function parseRedisUrl(url: string): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL itself may hold a password, so it is not repeated.
    throw new UsageError('usage', 'the Redis URL is not a valid URL (expected redis://[user:password@]host[:port][/db] or rediss://… for TLS)');
  }
  const tls = parsed.protocol === 'rediss:';
  if (!tls && parsed.protocol !== 'redis:') {
    throw new UsageError('usage', `the Redis URL must start with redis:// or rediss:// (TLS), not ${parsed.protocol}//`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const port = parsed.port ? Number(parsed.port) : 6379;
  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText && !/^\d+$/.test(dbText)) throw new UsageError('usage', `the Redis URL's database must be a number (…/0 to …/15), not "${dbText}"`);
  const base = {
    host,
    port,
    db: dbText ? Number(dbText) : 0,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    // SNI and certificate checks need the name; an IP address is checked against the certificate's IP entries.
    ...(tls ? { tls: /^[\d.]+$|:/.test(host) ? {} : { servername: host } } : {}),
  };
  return {
    worker: {
      ...base,
      maxRetriesPerRequest: null,
      connectTimeout: 10_000,
      // Forever, at most every 5 s: a worker outlives a Redis restart.
      retryStrategy: (times) => Math.min(times * 500, 5_000),
    },
    command: {
      ...base,
      maxRetriesPerRequest: 2,
      connectTimeout: 5_000,
      // A few tries over about a second (a blip), then the command fails with a clear message.
      retryStrategy: (times) => (times > 3 ? null : times * 200),
    },
    display: redact(parsed),
  };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/** Removes anything that looks like a URL's password from a message, for errors from libraries we do not control. */
export function scrubSecrets(message: string): string {
  return message.replace(/(rediss?:\/\/[^:@/\s]*:)[^@\s]*@/gi, '$1***@');
}
