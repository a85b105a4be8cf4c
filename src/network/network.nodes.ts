/** How `node(id:)` loads each network type (always through the request's operator-scoped loaders). */
import { registerNodeType } from '../graphql/node';
import { basestationById, cpeById, customerIpById, equipmentById, gatewayById, interfaceById, siteById } from './network.loaders';
import { toBasestation, toCpe, toCustomerIp, toEquipment, toGateway, toInterface } from './network.mapping';
import { toSite } from './site.mapping';

const orNull = <R, N>(map: (row: R) => N) => (row: R | null) => (row ? map(row) : null);

registerNodeType('Site', async (ctx, id) => orNull(toSite)(await siteById(ctx).load(id)));
registerNodeType('Equipment', async (ctx, id) => orNull(toEquipment)(await equipmentById(ctx).load(id)));
registerNodeType('Cpe', async (ctx, id) => orNull(toCpe)(await cpeById(ctx).load(id)));
registerNodeType('Basestation', async (ctx, id) => orNull(toBasestation)(await basestationById(ctx).load(id)));
registerNodeType('Gateway', async (ctx, id) => orNull(toGateway)(await gatewayById(ctx).load(id)));
registerNodeType('NetworkInterface', async (ctx, id) => orNull(toInterface)(await interfaceById(ctx).load(id)));
registerNodeType('CustomerIp', async (ctx, id) => orNull(toCustomerIp)(await customerIpById(ctx).load(id)));
