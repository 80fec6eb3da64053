import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../config/app-config.service';
import { validateEnv, type Env } from '../../config/env.schema';
import { loggerOptions } from './logger';

const optionsAt = (LOG_LEVEL: string) => loggerOptions(new AppConfig(new ConfigService<Env, true>(validateEnv({ LOG_LEVEL }))));

describe('loggerOptions', () => {
  it.each(['trace', 'debug', 'info'])('logs every request at %s', (level) => {
    expect(optionsAt(level).forRoutes).toEqual([expect.objectContaining({ path: '{*path}' })]);
  });

  it.each(['warn', 'error', 'fatal', 'silent'])('binds no request logger at %s, where no request line is written', (level) => {
    expect(optionsAt(level).forRoutes).toEqual([]);
  });
});
