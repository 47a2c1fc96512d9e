/**
 * Builds the Teams app package: fills appPackage/manifest.json's `${{…}}` placeholders from the
 * environment, validates it (and its Urdu strings) against the Teams JSON schemas shipped by
 * @microsoft/app-manifest, checks the icons, and zips everything into appPackage/build/<name>.zip.
 *
 * Usage: `tsx scripts/package-teams.ts [outDir]` with MicrosoftAppId and BOT_PUBLIC_HOST set.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { z } from 'zod';
import { ICON_ROLES, ICON_SPECS, PNG_COLOR_TYPE, readPngHeader, type IconRole } from './make-icons';

/** The placeholders manifest.json may use, as `${{NAME}}`. */
export const PLACEHOLDERS = ['TEAMS_APP_ID', 'MICROSOFT_APP_ID', 'BOT_DOMAIN', 'APP_VERSION'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type ManifestValues = Record<Placeholder, string>;

/** The parts of a valid manifest this script reads; the schema guarantees their shape. */
export interface PackagedManifest {
  manifestVersion: string;
  icons: Record<IconRole, string>;
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
}

export interface PackageOptions {
  /** Folder holding manifest.json, the icons and the localization files. */
  sourceDir: string;
  outDir: string;
  /** Zip file name without extension. */
  name: string;
}

/** Thrown when the package cannot be built; `problems` lists every reason, one line each. */
export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Teams app package not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// Teams accepts only MAJOR.MINOR.PATCH app versions, no pre-release tags.
const APP_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const guid = (what: string) =>
  z
    .string({ error: `is missing; set it to ${what}` })
    .trim()
    .regex(GUID, { error: `must be ${what}, e.g. 00000000-0000-0000-0000-000000000000` });

const envSchema = z.object({
  MicrosoftAppId: z.preprocess(blankIsUnset, guid("the bot's Microsoft App ID (a GUID)")),
  BOT_PUBLIC_HOST: z.preprocess(
    blankIsUnset,
    z
      .string({ error: 'is missing; set it to the public host name of the bot, e.g. pseb-assist.example.org' })
      .trim()
      .refine((v) => !/^[a-z]+:\/\//i.test(v), { error: 'must be a bare host name; drop the scheme (https://)', abort: true })
      .refine((v) => HOST_NAME.test(v), { error: 'must be a host name such as pseb-assist.example.org (no port, path or slash)' }),
  ),
  TEAMS_APP_ID: z.preprocess(blankIsUnset, guid('the Teams app id (a GUID)').optional()),
  TEAMS_APP_VERSION: z.preprocess(
    blankIsUnset,
    z.string().trim().regex(APP_VERSION, { error: 'must be MAJOR.MINOR.PATCH, e.g. 1.0.0' }).optional(),
  ),
});

/** Turns environment variables into placeholder values, or lists every missing or bad variable by name. */
export function manifestValuesFromEnv(
  env: Record<string, string | undefined>,
  defaultVersion: string,
): { ok: true; values: ManifestValues } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) };
  }
  const settings = parsed.data;
  return {
    ok: true,
    values: {
      MICROSOFT_APP_ID: settings.MicrosoftAppId,
      TEAMS_APP_ID: settings.TEAMS_APP_ID ?? settings.MicrosoftAppId,
      BOT_DOMAIN: settings.BOT_PUBLIC_HOST.toLowerCase(),
      APP_VERSION: settings.TEAMS_APP_VERSION ?? defaultVersion,
    },
  };
}

/** Returns a copy of the manifest template with every `${{NAME}}` replaced; throws on an unknown name. */
export function fillManifest(template: unknown, values: ManifestValues): unknown {
  const unknownNames = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (isPlaceholder(name)) return values[name];
        unknownNames.add(name);
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const filled = fill(template);
  if (unknownNames.size > 0) {
    throw new PackageError([
      `manifest.json uses unknown placeholder(s) ${[...unknownNames].map((n) => `\${{${n}}}`).join(', ')}; known: ${PLACEHOLDERS.join(', ')}`,
    ]);
  }
  return filled;
}

/** Validates a filled manifest against the Teams schema of its manifestVersion; returns readable problems (none = valid). */
export function validateManifest(manifest: unknown): string[] {
  const checked = checkManifest(manifest);
  return checked.ok ? [] : checked.problems;
}

/**
 * Validates a localization file against the Localization schema of `manifestVersion`, and checks that
 * every key it translates exists in the manifest (so reordering tabs or commands cannot leave a stale key).
 */
export function validateLocalization(strings: unknown, manifest: unknown, fileName: string, manifestVersion: string): string[] {
  const validate = compileSchema(teamsSchemaPath(manifestVersion, 'MicrosoftTeams.Localization.schema.json'));
  if (!validate(strings)) return describeErrors(validate.errors, fileName);
  if (!isRecord(strings)) return [`${fileName}: must be a JSON object`];
  return Object.keys(strings)
    .filter((key) => key !== '$schema' && key !== 'localizationKeys')
    .filter((key) => typeof valueAtPath(manifest, key) !== 'string')
    .map((key) => `${fileName}: translates "${key}", which is not a text in manifest.json`);
}

/** Checks a PNG against the Teams size and transparency rules for its role; returns problems (none = fine). */
export function checkIcon(role: IconRole, png: Buffer, fileName: string): string[] {
  let header;
  try {
    header = readPngHeader(png);
  } catch (error) {
    return [`${fileName}: ${error instanceof Error ? error.message : String(error)}`];
  }
  const spec = ICON_SPECS[role];
  const problems: string[] = [];
  if (header.width !== spec.size || header.height !== spec.size) {
    problems.push(`${fileName} is ${header.width}×${header.height}; the ${role} icon must be ${spec.size}×${spec.size}`);
  }
  if (spec.transparent && header.colorType !== PNG_COLOR_TYPE.rgba) {
    problems.push(`${fileName} has no alpha channel; the ${role} icon must be white on a transparent background (RGBA)`);
  }
  return problems;
}

/** Fills, validates and zips the package; returns the zip's path and the filled manifest, or throws PackageError. */
export async function buildPackage(
  values: ManifestValues,
  options: PackageOptions,
): Promise<{ zipPath: string; manifest: PackagedManifest }> {
  const template: unknown = JSON.parse(readFileSync(join(options.sourceDir, 'manifest.json'), 'utf8'));
  const filled = fillManifest(template, values);
  const checked = checkManifest(filled);
  if (!checked.ok) throw new PackageError(checked.problems);
  const { manifest } = checked;

  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  const readPackageFile = (fileName: string): Buffer | undefined => {
    const path = join(options.sourceDir, fileName);
    if (!existsSync(path)) {
      problems.push(`${fileName} is named in manifest.json but missing from ${options.sourceDir}`);
      return undefined;
    }
    const content = readFileSync(path);
    files.set(fileName, content);
    return content;
  };

  for (const role of ICON_ROLES) {
    const png = readPackageFile(manifest.icons[role]);
    if (png) problems.push(...checkIcon(role, png, manifest.icons[role]));
  }
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const content = readPackageFile(file);
    const strings = content && parseJson(content, file, problems);
    if (strings !== undefined) problems.push(...validateLocalization(strings, manifest, file, manifest.manifestVersion));
  }
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  // Teams wants the files at the root of the zip, not inside a folder.
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [fileName, content] of files) zip.file(fileName, content);
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, `${options.name}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest };
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkManifest(manifest: unknown): { ok: true; manifest: PackagedManifest } | { ok: false; problems: string[] } {
  const version = isRecord(manifest) && typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : undefined;
  if (version === undefined) return { ok: false, problems: ['manifest.json: manifestVersion is missing'] };
  const schemaFile = teamsSchemaPath(version, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile)) {
    return { ok: false, problems: [`manifest.json: manifestVersion ${version} has no schema in @microsoft/app-manifest`] };
  }
  const validate = compileSchema<PackagedManifest>(schemaFile);
  return validate(manifest) ? { ok: true, manifest } : { ok: false, problems: describeErrors(validate.errors, 'manifest.json') };
}

function parseJson(content: Buffer, fileName: string, problems: string[]): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch (error) {
    problems.push(`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function teamsSchemaPath(manifestVersion: string, schemaFile: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, schemaFile);
}

function compileSchema<T = unknown>(schemaFile: string): ValidateFunction<T> {
  // The Teams schemas use patterns such as `\b]` that are invalid with the `u` flag, as Microsoft's own validator allows.
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile<T>(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
}

/** Turns Ajv errors into lines like `manifest.json: bots[0].botId must match pattern "…" (got "x")`. */
function describeErrors(errors: ErrorObject[] | null | undefined, fileName: string): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : instancePathToKey(error.instancePath);
    const detail =
      error.keyword === 'additionalProperties'
        ? ` "${String(error.params.additionalProperty)}"`
        : error.keyword === 'enum'
          ? `: ${JSON.stringify(error.params.allowedValues)}`
          : '';
    const got = error.data !== undefined && typeof error.data !== 'object' ? ` (got ${JSON.stringify(error.data)})` : '';
    return `${fileName}: ${where} ${error.message ?? 'is invalid'}${detail}${got}`;
  });
}

/** `/bots/0/botId` → `bots[0].botId` (the notation Teams localization keys use too). */
function instancePathToKey(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((key, segment) => (/^\d+$/.test(segment) ? `${key}[${segment}]` : key === '' ? segment : `${key}.${segment}`), '');
}

/** Reads `bots[0].commandLists[0].commands[1].title` or `name.short` from a JSON value. */
function valueAtPath(root: unknown, key: string): unknown {
  const steps = [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  return steps.reduce<unknown>((node, step) => {
    if (typeof step === 'number') return Array.isArray(node) ? node[step] : undefined;
    return isRecord(node) ? node[step] : undefined;
  }, root);
}

/** CLI: reads the environment and package.json, builds the package, exits 1 with a readable reason on failure. */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const root = resolve(__dirname, '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const parsed = manifestValuesFromEnv(env, pkg.version);
  if (!parsed.ok) {
    console.error(`package-teams: cannot build the Teams app package:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const sourceDir = join(root, 'appPackage');
  const outDir = argv[0] ? resolve(argv[0]) : join(sourceDir, 'build');
  try {
    const { zipPath } = await buildPackage(parsed.values, { sourceDir, outDir, name: pkg.name });
    console.log(
      `package-teams: wrote ${zipPath} (app ${parsed.values.TEAMS_APP_ID}, version ${parsed.values.APP_VERSION}, host ${parsed.values.BOT_DOMAIN})`,
    );
    return 0;
  } catch (error) {
    console.error(`package-teams: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
