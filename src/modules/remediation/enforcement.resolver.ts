import { Ctx, Resolver } from 'type-graphql';
import { Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { InputArg, Mutation } from '../../common/mutation';
import { CloseEnforcementCaseInput, ReopenEnforcementCaseInput, UpdateEnforcementCaseInput } from './enforcement.inputs';
import * as enforcement from './enforcement.service';
import { EnforcementCasePayload } from './remediation.resolver';

@Resolver()
export class EnforcementResolver {
  @Roles(Role.COORDINATOR, Role.AGENCY_OFFICER)
  @Mutation(() => EnforcementCasePayload, { description: 'Correct or complete an open case: penalties decided later, amounts, the transfer’s outcome (修改案件).' })
  async updateEnforcementCase(@Ctx() ctx: Context, @InputArg() input: UpdateEnforcementCaseInput): Promise<EnforcementCasePayload> {
    const r = await enforcement.updateEnforcementCase(ctx, input);
    return { remediationItem: r.item, enforcementCase: r.enforcementCase, userErrors: [] };
  }

  @Roles(Role.COORDINATOR, Role.AGENCY_OFFICER)
  @Mutation(() => EnforcementCasePayload, { description: 'Close a case with its closing date and outcome (结案).' })
  async closeEnforcementCase(@Ctx() ctx: Context, @InputArg() input: CloseEnforcementCaseInput): Promise<EnforcementCasePayload> {
    const r = await enforcement.closeEnforcementCase(ctx, input);
    return { remediationItem: r.item, enforcementCase: r.enforcementCase, userErrors: [] };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => EnforcementCasePayload, { description: 'Withdraw a closing recorded in error, so the case can be corrected (撤销结案).' })
  async reopenEnforcementCase(@Ctx() ctx: Context, @InputArg() input: ReopenEnforcementCaseInput): Promise<EnforcementCasePayload> {
    const r = await enforcement.reopenEnforcementCase(ctx, input);
    return { remediationItem: r.item, enforcementCase: r.enforcementCase, userErrors: [] };
  }
}
