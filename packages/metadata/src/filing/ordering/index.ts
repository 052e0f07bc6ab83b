/**
 * Ordering (排列): 件 within a class by date and matter, components within a 件 by role (DA/T 22-2015 §5.3).
 *
 * @module
 */
export { dayNumber } from './calendar-date.js';
export { ORDERING_FINDING_CODES, type OrderingFindingCode } from './codes.js';
export {
  COMPONENT_ROLE_DIMENSIONS,
  type ComponentRoleDimension,
  HANDLING_FORM_DIMENSION,
} from './component-roles.js';
export {
  componentRoleFindings,
  type OrderableComponent,
  type OrderComponentsOptions,
  orderComponents,
} from './order-components.js';
export { type OrderableItem, type OrderItemsOptions, orderItems, safeOrderItems } from './order-items.js';
