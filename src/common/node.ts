import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node interface (对象节点). Ids are the records' own UUIDs, not re-encoded "global ids":
 * every record table draws its ids from the same random UUID space, so an id names one record
 * across the whole schema; it is stable, equal to the id the REST exports and the audit trail show,
 * and clients that stored ids under 0.1.0 keep them. `node(id:)` finds the table that holds it.
 */
@InterfaceType('Node', {
  description:
    'A record that can be fetched again by its id alone with node(id:) (可按ID重新获取的记录). The id is the record UUID: unique across all types, stable, the same everywhere it appears.',
})
export abstract class Node {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  id: string;
}
