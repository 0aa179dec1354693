import { loadConfig } from '../src/config';
import { webhookUrlProblem } from '../src/modules/live/webhook.service';
import { signWebhook } from '../src/modules/live/webhook.worker';

describe('live updates and webhooks: configuration and address rules', () => {
  test('the fan-out is PostgreSQL by default and Redis when REDIS_URL is set, unless LIVE_TRANSPORT says otherwise', () => {
    expect(loadConfig({}).liveTransport).toBe('postgres');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).liveTransport).toBe('redis');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', LIVE_TRANSPORT: 'postgres' }).liveTransport).toBe('postgres');
    expect(() => loadConfig({ LIVE_TRANSPORT: 'kafka' })).toThrow('LIVE_TRANSPORT must be one of postgres, redis, got "kafka"');
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '5' })).toThrow('WEBHOOK_TIMEOUT_MS must be between 100 and 120000, got 5');
    const c = loadConfig({});
    expect([c.webhooksEnabled, c.webhookTimeoutMs, c.webhookMaxAttempts, c.webhookBackoffBaseMs, c.webhookBackoffMaxMs, c.webhookPollMs]).toEqual([true, 10000, 8, 5000, 3600000, 1000]);
  });

  test('the service itself is refused by host and port; other ports and hosts are not', () => {
    const cfg = { publicUrl: 'https://ebike.leshan.gov.cn', host: '0.0.0.0', port: 4000 };
    expect(webhookUrlProblem('http://127.0.0.1:4000/graphql', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('http://127.1.2.3:4000/', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('http://0.0.0.0:4000/', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('http://api.localhost:4000/', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('https://ebike.leshan.gov.cn/hook', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('https://EBIKE.leshan.gov.cn:443/hook', cfg)?.en).toBe('The address points at this service itself');
    expect(webhookUrlProblem('http://127.0.0.1:4001/hook', cfg)).toBeNull();
    expect(webhookUrlProblem('https://partner.leshan.gov.cn/hook', cfg)).toBeNull();
    expect(webhookUrlProblem('http://ebike.leshan.gov.cn/hook', cfg)).toBeNull();
  });

  test('the signature is HMAC-SHA256 over "timestamp.body", hex, prefixed sha256=', () => {
    // Computed independently: printf '1796083200.{"a":1}' | openssl dgst -sha256 -hmac 'k'
    expect(signWebhook('k', '1796083200', '{"a":1}')).toBe('sha256=342a4e8d2e6d8001e70fc10c75d3b1fe70fbbc2ef25efe98ba4f145289c1aaa9');
  });
});
