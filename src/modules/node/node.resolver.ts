import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { ALL_ROLES, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { badInput, forbidden } from '../../common/errors';
import { isUuid } from '../../common/input-rules';
import { Node } from '../../common/node';
import { mayRead } from '../../common/record-access';
import { ApiKey, User } from '../access/access.entities';
import { AuditEvent } from '../audit/audit.entity';
import { Campaign, JointOperation, Task, Warning } from '../campaigns/campaigns.entities';
import { Inspection } from '../inspection/inspection.entities';
import { inspectionById } from '../inspection/inspection.service';
import { Department, TaskTeam } from '../reference/reference.entities';
import { Business, Certificate, ProductModel, Site, SupplyRelation } from '../registry/registry.entities';
import { businessById, productModelLoader } from '../registry/registry.service';
import { EnforcementCase, RemediationItem } from '../remediation/remediation.entities';
import { itemById } from '../remediation/remediation.service';

export const MAX_NODES = 100;

interface NodeType {
  entity: EntityTarget<ObjectLiteral>;
  /** The same loader the type's own root query uses, so node(id:) returns what that root returns. */
  load: (ctx: Context, id: string) => Promise<ObjectLiteral | null>;
}

const one = (entity: EntityTarget<ObjectLiteral>): NodeType => ({ entity, load: (ctx, id) => ctx.loaders.one(entity, 'id').load(id) });

/**
 * Every type that implements Node, by GraphQL type name. Reading goes through RECORD_ACCESS (the
 * same declaration that guards the type on every other path) and the field masks of the type, so
 * node(id:) shows no more than the type's own root. Import jobs are not nodes: an officer may read
 * only its own, a row scope the `import` root applies itself; nor are notifications (the caller's own)
 * and the administrator's webhook and escalation-rule records.
 */
export const NODE_TYPES: Record<string, NodeType> = {
  Business: { entity: Business, load: (ctx, id) => businessById(ctx, id) },
  Site: one(Site),
  ProductModel: { entity: ProductModel, load: (ctx, id) => productModelLoader(ctx).load(id) },
  Certificate: one(Certificate),
  SupplyRelation: one(SupplyRelation),
  Inspection: { entity: Inspection, load: (ctx, id) => inspectionById(ctx).load(id) },
  RemediationItem: { entity: RemediationItem, load: (ctx, id) => itemById(ctx).load(id) },
  EnforcementCase: one(EnforcementCase),
  User: one(User),
  ApiKey: one(ApiKey),
  AuditEvent: one(AuditEvent),
  Department: one(Department),
  TaskTeam: one(TaskTeam),
  // Work records of the program (every record reader reads every row, as their lists do).
  Campaign: one(Campaign),
  JointOperation: one(JointOperation),
  Task: one(Task),
  Warning: one(Warning),
};

/** Which node type holds each id: one statement over the node tables' primary keys. */
async function typesOf(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const parts = Object.entries(NODE_TYPES).map(([name, t]) => `SELECT '${name}' AS t, id::text AS id FROM "${ctx.em.getRepository(t.entity).metadata.tableName}" WHERE id = ANY($1::uuid[])`);
  const rows: { t: string; id: string }[] = await ctx.em.query(parts.join(' UNION ALL '), [ids]);
  return new Map(rows.map((r) => [r.id, r.t]));
}

async function resolveNodes(ctx: Context, ids: string[]): Promise<(ObjectLiteral | null | GraphQLError)[]> {
  const wellFormed = ids.filter((id) => isUuid(id));
  const types = wellFormed.length ? await typesOf(ctx, [...new Set(wellFormed.map((id) => id.toLowerCase()))]) : new Map<string, string>();
  const role = ctx.principal!.role;
  return Promise.all(
    ids.map(async (id) => {
      const type = isUuid(id) ? types.get(id.toLowerCase()) : undefined;
      if (!type) return null;
      if (!mayRead(role, type)) {
        ctx.log.info({ field: 'Query.node', record: type, role, principal: ctx.principal!.id }, 'refused: record type not readable by role');
        return forbidden(`Not allowed: ${type} is not readable by ${role} (无权查看)`);
      }
      return NODE_TYPES[type].load(ctx, id.toLowerCase());
    }),
  );
}

@Resolver()
export class NodeResolver {
  @Roles(...ALL_ROLES)
  @Query(() => Node, {
    nullable: true,
    description:
      'Any record by its id (按ID获取记录), Relay style: the record, or null when no record has that id. A record type the role may not read is refused as on its own root query (FORBIDDEN); fields are masked the same way.',
  })
  async node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Record id (记录ID), a UUID.' }) id: string): Promise<ObjectLiteral | null> {
    if (!isUuid(id)) throw badInput('id is not a record id (a UUID) (ID格式无效)', 'id');
    const [r] = await resolveNodes(ctx, [id]);
    if (r instanceof GraphQLError) throw r;
    return r;
  }

  @Roles(...ALL_ROLES)
  @Query(() => [Node], {
    nullable: 'items',
    description: `Several records by id, in the order asked (按ID批量获取记录), at most ${MAX_NODES}: null for an id no record has; a record the role may not read is null with a FORBIDDEN error at its index.`,
  })
  async nodes(@Ctx() ctx: Context, @Arg('ids', () => [ID], { description: `Record ids (记录ID), at most ${MAX_NODES}.` }) ids: string[]): Promise<(ObjectLiteral | null | GraphQLError)[]> {
    if (ids.length > MAX_NODES) throw badInput(`ids holds at most ${MAX_NODES} ids`, 'ids');
    const bad = ids.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badInput(`ids[${bad}] is not a record id (a UUID) (ID格式无效)`, 'ids');
    return resolveNodes(ctx, ids);
  }
}
