/**
 * A partner frontend's data layer, typed only by what GraphQL Code Generator made from
 * schema.graphql and test/clients/operations.graphql (./generated/operations.ts; the `typescript` plugin's schema types are in ./generated/schema.ts). test/clients.test.ts
 * compiles this file with `tsc --strict` and runs it against the service.
 */
import type {
  MoveItemMutation,
  MoveItemMutationVariables,
  OverdueItemsQuery,
  OverdueItemsQueryVariables,
  RefetchItemQuery,
  SignInMutation,
  StatisticsQuery,
  StatisticsQueryVariables,
} from './generated/operations';
import type { Scalars } from './generated/schema';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** How the client reaches the service: POST /graphql with a document, operation name, variables and token. */
export type Transport = (body: { query: string; operationName: string; variables: object }, token: string | null) => Promise<GraphQLResponse<unknown>>;

export class PartnerClient {
  private token: string | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly document: string,
  ) {}

  private async call<T>(operationName: string, variables: object): Promise<T> {
    const r = (await this.transport({ query: this.document, operationName, variables }, this.token)) as GraphQLResponse<T>;
    if (r.errors?.length || !r.data) throw new Error(`${operationName}: ${r.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    return r.data;
  }

  async signIn(username: string, password: string): Promise<SignInMutation['login']> {
    const data = await this.call<SignInMutation>('SignIn', { username, password });
    if (data.login.accessToken) this.token = data.login.accessToken;
    return data.login;
  }

  async overdueItems(v: OverdueItemsQueryVariables): Promise<OverdueItemsQuery['remediationItems']> {
    return (await this.call<OverdueItemsQuery>('OverdueItems', v)).remediationItems;
  }

  async refetch(id: string): Promise<RefetchItemQuery['node']> {
    return (await this.call<RefetchItemQuery>('RefetchItem', { id })).node;
  }

  async move(input: MoveItemMutationVariables['input']): Promise<MoveItemMutation['transitionRemediationItem']> {
    return (await this.call<MoveItemMutation>('MoveItem', { input })).transitionRemediationItem;
  }

  async statistics(period: StatisticsQueryVariables['period']): Promise<StatisticsQuery['remediationStatistics']> {
    return (await this.call<StatisticsQuery>('Statistics', { period })).remediationStatistics;
  }
}

/** Scalars arrive as the mapped TypeScript types: a LocalDate is a string, a version a number. */
export function describeItem(node: OverdueItemsQuery['remediationItems']['edges'][number]['node']): string {
  const deadline: string | null | undefined = node.deadline;
  const discoveredOn: string = node.discoveredOn;
  const version: number = node.version;
  return `${node.code} ${node.status} found ${discoveredOn} due ${deadline ?? '-'} v${version}`;
}

/** The refetched node narrowed by its __typename, as a Relay store does. */
export function itemVersion(node: RefetchItemQuery['node']): number | null {
  return node && node.__typename === 'RemediationItem' ? node.version : null;
}

/** The schema types agree: a LocalDate is a string, a Yuan a string, JSONObject a record. */
export const SAMPLE_SCALARS: { day: Scalars['LocalDate']['output']; amount: Scalars['Yuan']['output']; data: Scalars['JSONObject']['output'] } = {
  day: '2026-11-30',
  amount: '50000.00',
  data: { any: 'thing' },
};
