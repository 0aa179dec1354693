import { Authorized, registerEnumType } from 'type-graphql';
import type { SupplyChainStage } from '../modules/reference/reference.enums';

/** Roles of DESIGN.md; what each may do is declared on every operation with @Roles or @Public. */
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  AGENCY_OFFICER = 'AGENCY_OFFICER',
  PARTNER_VIEWER = 'PARTNER_VIEWER',
  REPORTER = 'REPORTER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user or API key may do (角色).',
  valuesConfig: {
    ADMIN: { description: 'System administrator: users, keys, reference data (系统管理员).' },
    COORDINATOR: { description: 'Task-force office at the fire rescue detachment: everything in the workflow (专班办公室/协调员).' },
    AGENCY_OFFICER: { description: "A department's inspector: writes only in its teams' stages and its districts (部门执法检查人员)." },
    PARTNER_VIEWER: { description: 'Read-only partner frontend; personal data masked (合作单位只读).' },
    REPORTER: { description: 'Report generator: aggregates and exports only (报表生成).' },
  },
});

export const ALL_ROLES = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER] as const;
/** Roles that may read individual records of the chain (not REPORTER, which reads aggregates). */
export const RECORD_READERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER] as const;
/** Roles that may see personal data (names of natural persons, phones) unmasked. */
export const PERSONAL_DATA_READERS: ReadonlySet<Role> = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER]);

/** The name of a principal as people read it: the display name, else the login or key name. */
export function shownName(p: Pick<Principal, 'name' | 'displayName'>): string {
  return p.displayName || p.name;
}

/** Who is calling. `null` in the context means anonymous. */
export interface Principal {
  kind: 'user' | 'apiKey' | 'system';
  id: string;
  /** Login name of a user, name of an API key. */
  name: string;
  /**
   * The name shown to people (histories, reviewer, audit views): a user's display name (张伟), not
   * the login name (zhang.wei). Absent, `name` is shown. Read it through `shownName`.
   */
  displayName?: string;
  role: Role;
  departmentId: string | null;
  /** Task teams the principal works in (scope of an AGENCY_OFFICER). */
  teamIds: string[];
  /** Supply-chain stages covered by those teams. */
  stages: SupplyChainStage[];
  /** Districts (GB/T 2260 codes) the principal may write in. */
  districtCodes: string[];
}

/**
 * Declarations of who may call each operation, keyed by resolver class and method. `Public()` is
 * recorded here because type-graphql has no notion of an explicit "anyone"; buildSchema refuses a
 * Query or Mutation that declares neither.
 */
const publicOperations = new Map<Function, Set<string>>();

export function isDeclaredPublic(target: Function, method: string): boolean {
  return publicOperations.get(target)?.has(method) ?? false;
}

/** Only principals with one of these roles may call this operation or read this field. */
export function Roles(...roles: readonly Role[]): MethodDecorator & PropertyDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role; use @Public() for anyone');
  return Authorized(...roles) as MethodDecorator & PropertyDecorator;
}

/** Anyone, signed in or not, may call this operation. Declared so that it is a decision, not an omission. */
export function Public(): MethodDecorator {
  return (target: object, key: string | symbol) => {
    const ctor = (target as { constructor: Function }).constructor;
    if (!publicOperations.has(ctor)) publicOperations.set(ctor, new Set());
    publicOperations.get(ctor)!.add(String(key));
  };
}
