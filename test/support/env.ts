import { STATE_ENV, type TestState } from './state';

// @nestjs/config validates at import time: the environment is set before any app module loads.
const raw = process.env[STATE_ENV];
if (!raw) throw new Error(`${STATE_ENV} is not set: run e2e tests through jest (its global setup starts PostgreSQL)`);
const state = JSON.parse(raw) as TestState;
// the app connects as the app role (row-level security); TestApp.orm is the owner's connection
process.env.DATABASE_URL = state.appDatabaseUrl;
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.LOG_LEVEL ??= 'silent';
// the throttling tests give each test its own client IP through X-Forwarded-For
process.env.TRUST_PROXY ??= 'true';
