import { loadConfig, ConfigError, channelEndpointKeys } from '../../bot/config';

describe('loadConfig', () => {
  it('defaults to local mode on embedded PGlite under ./data on port 3978', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.localMode).toBe(true);
    expect(config.databaseUrl).toBe('pglite:./data/pglite');
    expect(config.BUSINESS_HOURS).toBe('Mon-Fri 09:00-17:00');
  });

  it('uses DATABASE_URL when given and leaves local mode when MicrosoftAppId is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' });
    expect(config.databaseUrl).toBe('postgres://u@h/db');
    expect(config.localMode).toBe(false);
  });

  it('names every bad key at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BUSINESS_HOURS: 'sometimes' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('BUSINESS_HOURS');
    }
  });

  it('requires all seven channel endpoint settings once one is set', () => {
    expect(() => loadConfig({ ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1/openid' })).toThrow(/ToBotFromChannelTokenIssuer/);
    const all = Object.fromEntries(channelEndpointKeys.map((k) => [k, `http://127.0.0.1/${k}`]));
    expect(() => loadConfig(all)).not.toThrow();
  });

  it('requires a password with an app id', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'id' })).toThrow(/MicrosoftAppPassword/);
  });
});
