import fs from 'node:fs';
import { STATE_FILE, type TestState } from './state';

// @nestjs/config validates at import time: the environment is set before any app module loads.
const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as TestState;
process.env.DATABASE_URL = state.databaseUrl;
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.LOG_LEVEL ??= 'silent';
