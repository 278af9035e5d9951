import { describe, expect, it } from 'vitest';
import { serveConfig, type Settings } from './config.ts';

function settings(values: Record<string, string>): Settings {
  return {
    values: {
      WHATSAPP_APP_SECRET: 'app-secret',
      WHATSAPP_VERIFY_TOKEN: 'verify-token',
      WHATSAPP_ACCESS_TOKEN: 'access-token',
      WHATSAPP_PHONE_NUMBER_ID: '1234567890',
      ...values,
    },
    baseDir: '/nonexistent',
    problems: [],
    warnings: [],
  };
}

describe('AMANA_SEND_RATE', () => {
  it('stops at 1,000 messages per second, the most WhatsApp allows one number', () => {
    const refused = serveConfig(settings({ AMANA_SEND_RATE: '5000' }), 'en');
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.problems).toEqual([expect.stringMatching(/AMANA_SEND_RATE.*1000/)]);
    const most = serveConfig(settings({ AMANA_SEND_RATE: '1000' }), 'en');
    expect(most.ok && most.config.sendRate).toBe(1000);
    expect(most.warnings).toEqual([]);
  });

  it('goes above only with AMANA_TEST_UNLIMITED_SEND_RATE=1, which warns that it is for benchmarks', () => {
    const lifted = serveConfig(settings({ AMANA_SEND_RATE: '100000', AMANA_TEST_UNLIMITED_SEND_RATE: '1' }), 'en');
    expect(lifted.ok && lifted.config.sendRate).toBe(100_000);
    expect(lifted.warnings).toEqual([expect.stringMatching(/AMANA_TEST_UNLIMITED_SEND_RATE=1 .*benchmarks only/)]);
    const other = serveConfig(settings({ AMANA_SEND_RATE: '100000', AMANA_TEST_UNLIMITED_SEND_RATE: 'yes' }), 'pt-BR');
    expect(other.ok).toBe(false);
    const arabic = serveConfig(settings({ AMANA_SEND_RATE: '2000', AMANA_TEST_UNLIMITED_SEND_RATE: '1' }), 'ar');
    expect(arabic.warnings).toEqual([expect.stringContaining('لقياس الأداء فقط')]);
  });
});
