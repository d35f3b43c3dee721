/**
 * Service configuration from environment variables. Every setting is one
 * entry in ConfigSchema (env name → parsed value), so adding a setting is one
 * line here plus its use; only src/server.ts passes process.env in.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A TCP port given as a decimal string, 0..65535 (0 lets the OS pick one). */
const PortSchema = z
  .string()
  .regex(/^\d{1,5}$/, 'expected a port number such as 3000')
  .transform(Number)
  .refine((n) => n <= 65535, 'expected a port number between 0 and 65535');

export const ConfigSchema = z
  .object({
    PORT: PortSchema.default(3000),
    HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Folder holding places/, links/, crossings/, corridors.json and parameters.json. */
    DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    nodeEnv: env.NODE_ENV,
  }));

export type Config = z.output<typeof ConfigSchema>;

/**
 * Reads the settings from `env`. Unset or empty variables take their default;
 * a bad value throws one Error naming every bad variable and what was expected.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const shape = ConfigSchema.in.shape;
  // An empty variable (PORT=) means "not set": take the default rather than fail.
  const input: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = ConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(config)');
    return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
  });
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}
