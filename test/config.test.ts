/** parseConfig: defaults, parsing, and one error naming every bad variable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('takes the defaults for unset and empty variables', () => {
    assert.deepEqual(parseConfig({ PORT: '', UNRELATED: 'x' }), {
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      dataDir: 'data',
      nodeEnv: 'development',
    });
  });

  it('reads every setting', () => {
    assert.deepEqual(
      parseConfig({ PORT: '8080', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: '/srv/data', NODE_ENV: 'production' }),
      { port: 8080, host: '127.0.0.1', logLevel: 'debug', dataDir: '/srv/data', nodeEnv: 'production' },
    );
  });

  it('names every bad variable in one error', () => {
    assert.throws(
      () => parseConfig({ PORT: '70000', LOG_LEVEL: 'loud', NODE_ENV: 'prod' }),
      (err: Error) => {
        assert.match(err.message, /PORT="70000"/);
        assert.match(err.message, /LOG_LEVEL="loud"/);
        assert.match(err.message, /NODE_ENV="prod"/);
        return true;
      },
    );
    assert.throws(() => parseConfig({ PORT: 'abc' }), /PORT="abc": expected a port number/);
  });
});
