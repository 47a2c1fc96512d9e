/**
 * Where tests leave what people look at (screenshots, rendered letters): test-artifacts/, or test-artifacts/postgres/
 * for the PostgreSQL run, so the two suites can run side by side without writing the same files (the letter tests render
 * the PNG from a PDF they write there).
 */
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-artifacts', process.env.TEST_DATABASE_URL ? 'postgres' : '.');
