// Redis URLs: every part read into connection options, TLS for rediss://, and the password never in what may be printed.
import { describe, expect, it } from 'vitest';
import { parseRedisUrl, redisUrlFrom, scrubSecrets } from '../../src/queue/connection.js';

describe('parseRedisUrl', () => {
  it('reads host, port, user, password and database', () => {
    const t = parseRedisUrl('redis://worker:s%40cret@redis.example:6380/3');
    expect(t.command).toMatchObject({ host: 'redis.example', port: 6380, username: 'worker', password: 's@cret', db: 3 });
    expect(t.command.tls).toBeUndefined();
  });

  it('defaults to port 6379 and database 0', () => {
    expect(parseRedisUrl('redis://localhost').command).toMatchObject({ host: 'localhost', port: 6379, db: 0 });
  });

  it('uses TLS for rediss://, naming the server for certificate checks (but not an IP address)', () => {
    expect(parseRedisUrl('rediss://:pw@redis.example:6390').worker.tls).toEqual({ servername: 'redis.example' });
    expect(parseRedisUrl('rediss://10.0.0.5').worker.tls).toEqual({});
  });

  it('workers wait through outages; one-off commands give up', () => {
    const t = parseRedisUrl('redis://localhost');
    expect(t.worker.maxRetriesPerRequest).toBeNull();
    expect(t.worker.retryStrategy(1000)).toBe(5000);
    expect(t.command.retryStrategy(1)).toBe(200);
    expect(t.command.retryStrategy(4)).toBeNull();
  });

  it('shows the URL with its password hidden', () => {
    expect(parseRedisUrl('redis://:hunter2@redis.example:6379/1').display).toBe('redis://:***@redis.example:6379/1');
    expect(parseRedisUrl('rediss://admin:hunter2@redis.example').display).toBe('rediss://admin:***@redis.example');
    expect(parseRedisUrl('redis://redis.example').display).toBe('redis://redis.example');
  });

  it('refuses what is not a Redis URL without repeating it (it may hold a password)', () => {
    expect(() => parseRedisUrl('http://:hunter2@redis.example')).toThrow(/must start with redis:\/\/ or rediss:\/\//);
    for (const bad of ['not a url hunter2', 'redis://:hunter2@host/db-two']) {
      let message = '';
      try {
        parseRedisUrl(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('hunter2');
    }
  });

  it('takes the URL from the option, else REDIS_URL, else a local Redis', () => {
    expect(redisUrlFrom('redis://a', { REDIS_URL: 'redis://b' })).toBe('redis://a');
    expect(redisUrlFrom(undefined, { REDIS_URL: 'redis://b' })).toBe('redis://b');
    expect(redisUrlFrom(undefined, {})).toBe('redis://127.0.0.1:6379');
  });
});

describe('scrubSecrets', () => {
  it('hides passwords in URLs inside messages from other libraries', () => {
    expect(scrubSecrets('connect to redis://u:hunter2@h:1 failed; rediss://:x@y too')).toBe('connect to redis://u:***@h:1 failed; rediss://:***@y too');
    expect(scrubSecrets('connect ECONNREFUSED 127.0.0.1:6379')).toBe('connect ECONNREFUSED 127.0.0.1:6379');
  });
});
