import { Migration } from '@mikro-orm/migrations';

/**
 * The planner's row estimate for a select, as a function so that a list reads its page, its capped
 * count and (above the cap) the estimate in one statement (common/rest/list-page.ts). SECURITY
 * INVOKER: the EXPLAIN plans with the caller's rights and row-level security, and executes nothing.
 */
export class Migration20261126030000_planner_row_estimate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function planner_row_estimate(p_query text) returns bigint
      language plpgsql volatile security invoker as $$
      declare plan json;
      begin
        execute 'explain (format json) ' || p_query into plan;
        return (plan->0->'Plan'->>'Plan Rows')::bigint;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists planner_row_estimate(text);`);
  }
}
