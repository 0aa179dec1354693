import { SortDirection } from '../../common/sort';
import { Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { Role, Roles } from '../../common/auth';
import { Connection, paginate, type ConnectionShape } from '../../common/connection';
import type { Context } from '../../common/context';
import { applyDateRange, applyEnumFilter, applyIdFilter, applyStringFilter } from '../../common/filters';
import { AuditEventSortField, AuditEventsArgs } from '../access/access.inputs';
import { AuditEvent } from './audit.entity';

@ObjectType({ description: 'A page of audit events (审计日志).' })
export class AuditEventConnection extends Connection(AuditEvent) {}

@Resolver()
export class AuditResolver {
  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (审计日志).' })
  auditEvents(@Ctx() ctx: Context, @Args() args: AuditEventsArgs): Promise<ConnectionShape<AuditEvent>> {
    const qb = ctx.em.getRepository(AuditEvent).createQueryBuilder('a');
    const f = args.filter;
    applyStringFilter(qb, 'a.operation', f?.operation);
    applyEnumFilter(qb, 'a.entity_type', f?.entityType);
    applyStringFilter(qb, 'a.entity_id', f?.entityId);
    applyIdFilter(qb, 'a.actor_id', f?.actorId);
    applyEnumFilter(qb, 'a.outcome', f?.outcome);
    applyStringFilter(qb, 'a.request_id', f?.requestId);
    applyDateRange(qb, 'a.occurred_at', f?.occurredAt, 'timestamptz');
    const order = args.orderBy ?? { field: AuditEventSortField.OCCURRED_AT, direction: SortDirection.DESC };
    const key = order.field === AuditEventSortField.OPERATION
      ? { expression: 'a.operation', cast: 'text', value: (a: AuditEvent) => a.operation }
      : { expression: 'a.occurred_at', cast: 'timestamptz', value: (a: AuditEvent) => a.occurredAt };
    return paginate(qb, args, { ...key, direction: order.direction });
  }
}
