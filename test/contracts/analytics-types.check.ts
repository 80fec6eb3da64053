/**
 * Compile-time check (`npm run typecheck`, test/tsconfig.json): the admin UI's types of the
 * analytics answers (admin-ui/src/analytics-api/types.ts) accept what the API's response classes
 * (backend/src/analytics/dto) turn into as JSON. A field renamed, dropped or retyped on one side
 * fails the type check here instead of showing as a blank chart.
 */
import type * as Api from '../../backend/src/analytics/dto/summary.response';
import type * as ApiAgents from '../../backend/src/analytics/dto/agents-analytics.response';
import type * as ApiCalls from '../../backend/src/analytics/dto/calls-analytics.response';
import type * as ApiSla from '../../backend/src/analytics/dto/sla-analytics.response';
import type * as ApiTickets from '../../backend/src/analytics/dto/tickets-analytics.response';
import type * as Ui from '../../admin-ui/src/analytics-api/types';

/** A response class as its JSON: instants become ISO strings, methods drop out. */
type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
      : T;

/** Compiles only if the API's JSON is assignable to the UI's type. */
type Accepts<UiType, ApiJson extends UiType> = ApiJson;

export type AnalyticsTypesInStep = [
  Accepts<Ui.SummaryAnswer, Json<Api.SummaryResponse>>,
  Accepts<Ui.SeriesAnswer<Ui.CallSeriesBucket>, Json<ApiCalls.CallsTimeseriesResponse>>,
  Accepts<Ui.AnalyticsAnswer<Ui.CallHeatmapCell[]>, Json<ApiCalls.CallsHeatmapResponse>>,
  Accepts<Ui.SeriesAnswer<Ui.TicketSeriesBucket>, Json<ApiTickets.TicketsTimeseriesResponse>>,
  Accepts<Ui.AnalyticsAnswer<Ui.TicketBreakdown>, Json<ApiTickets.TicketsBreakdownResponse>>,
  Accepts<Ui.AgentsAnswer, Json<ApiAgents.AgentsLeaderboardResponse>>,
  Accepts<Ui.SlaAnswer, Json<ApiSla.SlaAnalyticsResponse>>,
];
