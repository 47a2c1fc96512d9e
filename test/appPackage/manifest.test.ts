import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fillManifest, manifestValuesFromEnv, PackageError, validateLocalization, validateManifest } from '../../scripts/package-teams';
import { appPackageDir, readTemplate, sampleValues } from './helpers/appPackage';

interface FilledManifest {
  manifestVersion: string;
  id: string;
  developer: { name: string };
  version: string;
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  validDomains: string[];
  localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
}

const filled = () => fillManifest(readTemplate(), sampleValues) as FilledManifest;
const urduStrings = (): unknown => JSON.parse(readFileSync(join(appPackageDir, 'ur.json'), 'utf8'));

describe('manifest template', () => {
  it('uses the newest stable manifest schema that @microsoft/app-manifest ships', () => {
    const schemasDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
    const stable = readdirSync(schemasDir)
      .map((name) => /^v1\.(\d+)$/.exec(name))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]));
    expect(filled().manifestVersion).toBe(`1.${Math.max(...stable)}`);
  });

  it('validates against the Teams JSON schema once its placeholders are filled', () => {
    expect(validateManifest(filled())).toEqual([]);
  });

  it('puts the given ids and host everywhere they belong', () => {
    const m = filled();
    const { MICROSOFT_APP_ID: appId, TEAMS_APP_ID: teamsAppId, BOT_DOMAIN: host } = sampleValues;
    expect(m.id).toBe(teamsAppId);
    expect(m.version).toBe(sampleValues.APP_VERSION);
    expect(m.bots[0].botId).toBe(appId);
    expect(m.webApplicationInfo).toEqual({ id: appId, resource: `api://${host}/${appId}` });
    expect(m.validDomains).toEqual([host]);
    expect(JSON.stringify(m)).not.toContain('${{');
  });

  it('offers the bot in personal and team scopes with menu, status and agent commands, and takes files (agent lists as CSV)', () => {
    const [bot] = filled().bots;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot.supportsFiles).toBe(true);
    expect(bot.commandLists.flatMap((list) => list.commands.map((c) => c.title))).toEqual(['menu', 'status', 'agent']);
  });

  it('hosts the console as a personal tab and as a configurable team tab on the bot host', () => {
    const m = filled();
    const host = sampleValues.BOT_DOMAIN;
    expect(m.staticTabs).toContainEqual(expect.objectContaining({ contentUrl: `https://${host}/console`, scopes: ['personal'] }));
    expect(m.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: `https://${host}/console/config`, scopes: ['team'] })]);
  });

  it('requests the resource-specific permission to read channel messages without an @mention', () => {
    expect(filled().authorization.permissions.resourceSpecific).toContainEqual({
      name: 'ChannelMessage.Read.Group',
      type: 'Application',
    });
  });

  it('declares the Urdu strings file', () => {
    expect(filled().localizationInfo.additionalLanguages).toEqual([{ languageTag: 'ur', file: 'ur.json' }]);
  });
});

describe('validateManifest', () => {
  it('rejects a bot id that is not a GUID and says where', () => {
    const problems = validateManifest(fillManifest(readTemplate(), { ...sampleValues, MICROSOFT_APP_ID: 'not-a-guid' }));
    expect(problems).toContainEqual(expect.stringContaining('bots[0].botId must match pattern'));
    expect(problems).toContainEqual(expect.stringContaining('(got "not-a-guid")'));
  });

  it('rejects a manifest missing a required field and names the field', () => {
    const { developer, ...withoutDeveloper } = filled();
    expect(developer).toBeDefined();
    expect(validateManifest(withoutDeveloper)).toContainEqual(expect.stringContaining("must have required property 'developer'"));
  });

  it('rejects a property the schema does not know and names it', () => {
    expect(validateManifest({ ...filled(), botsx: [] })).toContainEqual(expect.stringContaining('"botsx"'));
  });

  it('rejects a manifest version it has no schema for', () => {
    expect(validateManifest({ ...filled(), manifestVersion: '9.99' })).toEqual([
      expect.stringContaining('manifestVersion 9.99 has no schema'),
    ]);
  });
});

describe('fillManifest', () => {
  it('refuses a template with an unknown placeholder, naming it', () => {
    expect(() => fillManifest({ id: '${{TEAM_APP_ID}}' }, sampleValues)).toThrow(PackageError);
    expect(() => fillManifest({ id: '${{TEAM_APP_ID}}' }, sampleValues)).toThrow('${{TEAM_APP_ID}}');
  });

  it('leaves the template object untouched', () => {
    const template = readTemplate();
    const before = JSON.stringify(template);
    fillManifest(template, sampleValues);
    expect(JSON.stringify(template)).toBe(before);
  });
});

describe('Urdu strings (ur.json)', () => {
  it('validate against the Localization schema and translate only texts the manifest has', () => {
    const manifest = filled();
    expect(validateLocalization(urduStrings(), manifest, 'ur.json', manifest.manifestVersion)).toEqual([]);
  });

  it('are rejected when they translate a tab the manifest no longer has', () => {
    const manifest = filled();
    const strings = { ...(urduStrings() as object), 'staticTabs[7].name': 'کنسول' };
    expect(validateLocalization(strings, manifest, 'ur.json', manifest.manifestVersion)).toEqual([
      'ur.json: translates "staticTabs[7].name", which is not a text in manifest.json',
    ]);
  });

  it('are rejected when the short name exceeds the schema limit', () => {
    const manifest = filled();
    const strings = { ...(urduStrings() as object), 'name.short': 'پ'.repeat(31) };
    expect(validateLocalization(strings, manifest, 'ur.json', manifest.manifestVersion)).toContainEqual(
      expect.stringContaining('ur.json: name.short must NOT have more than 30 characters'),
    );
  });
});

describe('manifestValuesFromEnv', () => {
  const appId = sampleValues.MICROSOFT_APP_ID;

  it('defaults the Teams app id to MicrosoftAppId and the version to the given default', () => {
    expect(manifestValuesFromEnv({ MicrosoftAppId: appId, BOT_PUBLIC_HOST: 'Bot.Example.org' }, '0.1.0')).toEqual({
      ok: true,
      values: { MICROSOFT_APP_ID: appId, TEAMS_APP_ID: appId, BOT_DOMAIN: 'bot.example.org', APP_VERSION: '0.1.0' },
    });
  });

  it('treats empty optional variables as unset', () => {
    const result = manifestValuesFromEnv(
      { MicrosoftAppId: appId, BOT_PUBLIC_HOST: 'bot.example.org', TEAMS_APP_ID: '', TEAMS_APP_VERSION: ' ' },
      '0.1.0',
    );
    expect(result).toEqual({ ok: true, values: expect.objectContaining({ TEAMS_APP_ID: appId, APP_VERSION: '0.1.0' }) });
  });

  it('names every missing or bad variable at once', () => {
    const result = manifestValuesFromEnv(
      { BOT_PUBLIC_HOST: 'https://bot.example.org', TEAMS_APP_ID: '123', TEAMS_APP_VERSION: '1.0' },
      '0.1.0',
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      expect.stringMatching(/^MicrosoftAppId is missing/),
      expect.stringMatching(/^BOT_PUBLIC_HOST must be a bare host name; drop the scheme/),
      expect.stringMatching(/^TEAMS_APP_ID must be .*GUID/),
      expect.stringMatching(/^TEAMS_APP_VERSION must be MAJOR\.MINOR\.PATCH/),
    ]);
  });

  it.each(['bot.example.org:443', 'bot.example.org/', 'localhost', 'bot_example.org'])('rejects %s as BOT_PUBLIC_HOST', (host) => {
    const result = manifestValuesFromEnv({ MicrosoftAppId: appId, BOT_PUBLIC_HOST: host }, '0.1.0');
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^BOT_PUBLIC_HOST must be a host name/)] });
  });
});
