/**
 * Imported first by the test that proves row-level security alone keeps tenants apart: the app's
 * MikroORM tenant filter is off (env.schema.ts refuses this outside NODE_ENV=test). @nestjs/config
 * validates when the app module is imported, hence a module of its own, imported before it.
 */
process.env.CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER = '1';
