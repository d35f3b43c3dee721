/** Name and version of this service, read once from package.json. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const SERVICE = Object.freeze({ name: pkg.name, version: pkg.version });
