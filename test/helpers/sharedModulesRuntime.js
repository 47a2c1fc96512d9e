// @ts-check
/**
 * jest's runtime, except that a few large, stateless-per-app libraries are loaded once per worker instead of once per
 * test file. jest gives every test file a fresh module registry and evaluates every module again in that file's
 * context; for this app that is ~2,200 modules, and the SDK, the HTTP server and the card templating alone cost about
 * 1.5 CPU-s per file (README "Start"). Those packages are required through Node's own loader (cache kept for the
 * worker's life), everything else — the project's code, Prisma, zod, i18next, pino, prom-client, whose state or
 * realm-sensitive checks (`instanceof Date`) matter — still goes through jest, fresh per file.
 *
 * Why these packages are safe to share: the app creates its adapter, server, dialogs and templates per app instance;
 * a worker runs its files one after another, so nothing is shared between files running at once. What they keep in
 * statics (botframework-connector's token and OpenID metadata caches) is keyed by app id and URL, and every test file
 * starts its loopback login and connector on new ports. They are the project's own dependencies, loaded from
 * node_modules exactly as `npm start` loads them.
 */
const { createRequire } = require('node:module');
const path = require('node:path');
const Runtime = require('jest-runtime').default;

/** Package names (or prefixes ending in '-') loaded once per worker. */
const SHARED = [
  'botbuilder',
  'botbuilder-',
  'botframework-',
  'restify',
  'adaptivecards-templating',
  'adaptive-expressions',
  'pdfkit',
  'fontkit',
  // PGlite: every test file opens its own database from the run's dump, and each open ran PGlite's JavaScript (the
  // emscripten glue unpacking its file bundle and the dump into a memory file system) afresh in the file's new module
  // registry, never warmed by the JIT: ~0.6 CPU-s a file. Loaded once per worker, each `new PGlite` is still a new
  // WebAssembly instance with its own memory and files. What crosses from its realm into a test file: rows (arrays
  // and objects of strings and numbers; Prisma's adapter, loaded per file, turns dates, JSON and bytes into strings
  // and its own Uint8Arrays), and PGlite's errors (the adapter's `instanceof DatabaseError` sees the same class, as it
  // imports this same module). Plain `pglite.query` rows hold this realm's Dates: the project's code reads dates by
  // their methods, never by `instanceof Date` (bot/console/csv.ts).
  '@electric-sql/pglite',
];

/**
 * The FAQ engine and what it imports: pure computation (text analysis tables, scoring), no I/O, no state outside the
 * engine instances the app creates. Loaded once per worker, like the packages above, so each test file no longer
 * evaluates them afresh and re-runs their module-level tables in a cold JIT (~0.25 CPU-s per app start on the
 * 2,200-question KB). Paths from the project root; `test/helpers/sharedModulesRuntime.test.ts` checks that these files
 * import nothing but each other, Node's built-ins and JSON data beside them.
 */
const SHARED_PROJECT_MODULES = [
  'bot/domain/digits.ts',
  'bot/faq/analyzer.ts',
  'bot/faq/answerWords.ts',
  'bot/faq/classifier.ts',
  'bot/faq/conversationModel.ts',
  'bot/faq/detectLanguage.ts',
  'bot/faq/engine.ts',
  'bot/faq/memo.ts',
  'bot/faq/messageMatches.ts',
  'bot/faq/normalize.ts',
  'bot/faq/outOfScope.ts',
  'bot/faq/references.ts',
  'bot/faq/retrieval.ts',
  'bot/faq/segment.ts',
  'bot/faq/synonyms.ts',
  'bot/faq/types.ts',
];
const sharedProjectPaths = new Set(SHARED_PROJECT_MODULES.map((file) => path.resolve(__dirname, '../..', file)));
/** Exports of the shared project modules, loaded by the first test file of this worker that needed them. */
const projectExports = new Map();

/** The shared project module a relative specifier names, if it names one. */
function sharedProjectPath(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`].find((candidate) => sharedProjectPaths.has(candidate));
}

/** The package a bare specifier names ('botbuilder-dialogs/lib/dialog' → 'botbuilder-dialogs'), or undefined for a path. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isShared(specifier) {
  const name = packageOf(specifier);
  return name !== undefined && SHARED.some((entry) => (entry.endsWith('-') ? name.startsWith(entry) : name === entry));
}

/**
 * Files read once per worker: the run's template dumps, which globalSetup writes before any test starts and nothing
 * changes during the run. Reading the 26 MB migrated dump costs ~0.1 CPU-s here (mostly page faults on the new
 * buffer), and almost every test file opens a database from it. Handed to each test file as `__psebWorkerFiles`.
 */
const workerFiles = new Map();

/**
 * The worker's PGlites waiting for the next test file (test/helpers/pglitePool.ts): PGlite is loaded once per worker
 * (above), so one started by an earlier file serves a later one. Handed to each test file as `__psebWorkerPglites`.
 */
const workerPglites = { free: [] };

/**
 * The worker's PostgreSQL test databases waiting for the next test file, and the template's state
 * (test/helpers/postgresPool.ts). Handed to each test file as `__psebWorkerDatabases`.
 */
const workerDatabases = { free: [] };

class SharedModulesRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    super(...args);
    args[1].global.__psebWorkerFiles = workerFiles;
    args[1].global.__psebWorkerPglites = workerPglites;
    args[1].global.__psebWorkerDatabases = workerDatabases;
  }

  /** @param {string} from @param {string} moduleName */
  requireModuleOrMock(from, moduleName) {
    if (isShared(moduleName)) return createRequire(from)(moduleName);
    const project = sharedProjectPath(from, moduleName);
    if (project === undefined) return super.requireModuleOrMock(from, moduleName);
    if (!projectExports.has(project)) projectExports.set(project, super.requireModuleOrMock(from, moduleName));
    return projectExports.get(project);
  }
}

module.exports = SharedModulesRuntime;
module.exports.default = SharedModulesRuntime;
module.exports.SHARED_PROJECT_MODULES = SHARED_PROJECT_MODULES;
