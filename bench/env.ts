import path from 'node:path'

/** A fixed secret: the bench database is throwaway, and the generator and the server must agree. */
const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789abcdef'

/**
 * The environment of the production server (and of the generator) on a bench data folder, with
 * its SQLite file there unless `databaseUrl` names another database (PostgreSQL).
 */
export function benchEnv(dataDir: string, port = 3100, databaseUrl?: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PAYLOAD_SECRET: BENCH_SECRET,
    DATABASE_URL: databaseUrl ?? `file:${path.join(dataDir, 'cong-tin.db')}`,
    // Set explicitly so that a developer's .env (which only fills unset variables) cannot leak in.
    DATABASE_PUSH: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVER_URL: `http://localhost:${port}`,
    CSRF_ORIGINS: '',
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  }
}
