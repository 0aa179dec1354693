import { Field, InputType, registerEnumType } from 'type-graphql';
import { IsEnum } from 'class-validator';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction (排序方向).',
  valuesConfig: { ASC: { description: 'Ascending (升序)' }, DESC: { description: 'Descending (降序)' } },
});

/** What every `orderBy` argument holds: a sort key of the list's own enum and a direction. */
export interface OrderShape<F extends string> {
  field: F;
  direction: SortDirection;
}

const orderInputs = new Map<string, unknown>();

/**
 * `<Name>Order` input for a list: `field` (the list's `<Name>SortField` enum) and `direction`
 * (default ASC). Every list sorts by its key then by id, so pages never skip or repeat rows.
 */
export function OrderInput<F extends string>(fieldEnum: object, name: string, label: string) {
  if (orderInputs.has(name)) return orderInputs.get(name) as ReturnType<typeof makeOrderInput<F>>;
  const O = makeOrderInput<F>(fieldEnum, name, label);
  orderInputs.set(name, O);
  return O;
}

function makeOrderInput<F extends string>(fieldEnum: object, name: string, label: string) {
  @InputType(`${name}Order`, { description: `Order of ${label}: a sort key and a direction; ties are broken by id (排序).` })
  class O implements OrderShape<F> {
    @Field(() => fieldEnum, { description: 'Sort key (排序字段).' })
    @IsEnum(fieldEnum)
    field: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction, ascending by default (方向).' })
    @IsEnum(SortDirection)
    direction: SortDirection;
  }
  return O;
}
