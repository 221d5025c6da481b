import {
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { getArgumentValues } from 'graphql/execution/values.js'

import { PUBLIC_DEFAULT_LIMIT, PUBLIC_MAX_LIMIT } from './publicApiBounds.ts'

/** Highest cost of one GraphQL operation: e.g. 100 documents × 100 fields each. */
export const MAX_LIST_COST = 10_000

/**
 * Payload's own complexity rule counts a list query like one document, so `Articles(limit: 0)`
 * cost the same as `Article(id: 1)`. This rule prices each selected field at 1 plus its
 * selections, multiplied by the page size for fields that take a `limit` (0 counts as the
 * public maximum, no limit as the default page).
 */
export function listCostRule(maxCost = MAX_LIST_COST): (args: ExecutionArgs) => ValidationRule[] {
  return (args) => [(context: ValidationContext) => ({
    OperationDefinition(operation) {
      const rootType = operation.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType()
      if (!rootType) return
      const fragments = Object.fromEntries(context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]))
      const cost = selectionCost(operation.selectionSet, rootType, { fragments, variables: args.variableValues ?? {}, context })
      if (cost > maxCost) {
        context.reportError(new GraphQLError(`Truy vấn quá lớn (chi phí ${cost}, tối đa ${maxCost}): hãy giảm "limit" hoặc số trường.`, { nodes: [operation] }))
      }
    },
  })]
}

type Walk = { fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown>; context: ValidationContext }

function selectionCost(selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, walk: Walk, seen = new Set<string>()): number {
  if (!selectionSet) return 0
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) cost += fieldCost(selection, type, walk, seen)
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.context.getSchema().getType(selection.typeCondition.name.value) : type
      cost += selectionCost(selection.selectionSet, condition ?? type, walk, seen)
    } else if (!seen.has(selection.name.value)) {
      const fragment = walk.fragments[selection.name.value]
      if (!fragment) continue
      const condition = walk.context.getSchema().getType(fragment.typeCondition.name.value) ?? type
      cost += selectionCost(fragment.selectionSet, condition, walk, new Set([...seen, selection.name.value]))
    }
  }
  return cost
}

function fieldCost(node: FieldNode, parent: GraphQLNamedType, walk: Walk, seen: Set<string>): number {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return 1
  const field = parent.getFields()[node.name.value]
  if (!field) return 1
  const children = selectionCost(node.selectionSet, getNamedType(field.type), walk, seen)
  return 1 + pageSize(field, node, walk.variables) * children
}

function pageSize(field: Parameters<typeof getArgumentValues>[0], node: FieldNode, variables: Record<string, unknown>): number {
  if (!field.args.some((arg) => arg.name === 'limit')) return 1
  let limit: unknown
  try {
    limit = getArgumentValues(field, node, variables).limit
  } catch {
    return PUBLIC_MAX_LIMIT // invalid arguments are reported by GraphQL's own rules
  }
  if (limit === undefined || limit === null) return PUBLIC_DEFAULT_LIMIT
  const size = Number(limit)
  return size <= 0 || !Number.isFinite(size) ? PUBLIC_MAX_LIMIT : Math.min(size, 10 * PUBLIC_MAX_LIMIT)
}
