import { Role } from '../../common/auth';

/**
 * Who reads aggregates: the statistics queries, the bulletin and its page and documents. A module of its own so that the HTTP routes can use it without
 * loading the resolver (whose load order decides the order of the printed schema).
 */
export const AGGREGATE_READERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER] as const;
