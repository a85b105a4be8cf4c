/** GraphQL adapter for the network writes: parse, call the services, format. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { fromGeoPointInput, geoPointRename } from '../graphql/geo-point';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf, optionalIdOf } from '../graphql/ids';
import { asNode, registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import * as cpeService from './cpe.service';
import * as ipService from './customer-ip.service';
import * as equipmentService from './equipment.service';
import { equipmentLogins } from './equipment-login.table';
import { Equipment } from './equipment.types';
import { gatewayById, interfaceById, rowsById, rowsByParent } from './network.loaders';
import { toBasestation, toCpe, toCustomerIp, toEquipment, toGateway, toInterface } from './network.mapping';
import { Gateway, NetworkInterface } from './network.types';
import {
  BasestationCreateInput,
  BasestationCreatePayload,
  BasestationDeleteInput,
  BasestationDeletePayload,
  BasestationFieldsInput,
  BasestationUpdateInput,
  BasestationUpdatePayload,
  CpeCreateInput,
  CpeCreatePayload,
  CpeDeleteInput,
  CpeDeletePayload,
  CpeFieldsInput,
  CpeUpdateInput,
  CpeUpdatePayload,
  CustomerIpCreateInput,
  CustomerIpCreatePayload,
  CustomerIpGenerateInput,
  CustomerIpGeneratePayload,
  CustomerIpReleaseInput,
  CustomerIpReleasePayload,
  EquipmentCreateInput,
  EquipmentCreatePayload,
  EquipmentDeleteInput,
  EquipmentDeletePayload,
  EquipmentFieldsInput,
  EquipmentLogin,
  EquipmentLoginCreateInput,
  EquipmentLoginCreatePayload,
  EquipmentLoginUpdateInput,
  EquipmentLoginUpdatePayload,
  EquipmentUpdateInput,
  EquipmentUpdatePayload,
  IpGeneration,
  IpType,
} from './network-writes.types';


function fromEquipmentInput(input: EquipmentFieldsInput & { nickname?: string }): equipmentService.EquipmentInput {
  const { parentId, siteId, customFields, ...rest } = input;
  return {
    ...rest,
    parentId: optionalIdOf(parentId, 'Equipment', ['parentId']),
    siteId: optionalIdOf(siteId, 'Site', ['siteId']),
    customFields: customFields?.map((f) => ({ fieldId: f.fieldId, value: f.value ?? null })),
  };
}

function fromCpeInput(input: CpeFieldsInput & { equipmentId?: string; customerId?: string }): cpeService.CpeInput {
  const { coordinates, equipmentId, customerId, ...rest } = input;
  return {
    ...rest,
    ...fromGeoPointInput(coordinates),
    equipmentId: optionalIdOf(equipmentId, 'Equipment', ['equipmentId']) ?? undefined,
    customerId: optionalIdOf(customerId, 'Customer', ['customerId']) ?? undefined,
  };
}

function fromBasestationInput(input: BasestationFieldsInput & { equipmentId?: string; siteId?: string }): cpeService.BasestationInput {
  const { equipmentId, siteId, gatewayId, ...rest } = input;
  return {
    ...rest,
    equipmentId: optionalIdOf(equipmentId, 'Equipment', ['equipmentId']) ?? undefined,
    siteId: optionalIdOf(siteId, 'Site', ['siteId']) ?? undefined,
    gatewayId: optionalIdOf(gatewayId, 'Gateway', ['gatewayId']),
  };
}

function toLogin(row: equipmentService.EquipmentLoginRow): EquipmentLogin {
  // The password stays out of the object (only whether there is one).
  const { password, ...rest } = row;
  return { ...asNode('EquipmentLogin', rest), hasPassword: !!password } as unknown as EquipmentLogin;
}

registerNodeType('EquipmentLogin', async (ctx, id) => {
  const row = await rowsById<equipmentService.EquipmentLoginRow>(ctx, 'equipmentLogins', equipmentLogins).load(id);
  return row ? toLogin(row) : null;
});

const EquipmentLoginDelete = DeleteTypes('EquipmentLogin', 'equipment login');

function toGeneration(result: ipService.GenerateResult, saved: boolean): IpGeneration {
  return {
    gatewayLegacyId: result.gatewayId,
    wibNumber: result.wibNumber,
    interfaceLegacyId: result.interfaceId,
    ipType: result.ipType as IpType,
    quantity: result.quantity,
    generated: result.generated,
    ips: result.ips,
    saved,
  };
}

@Resolver(() => IpGeneration)
export class IpGenerationResolver {
  @FieldResolver(() => Gateway, { description: 'The gateway whose interface the addresses came from.' })
  async gateway(@Root() generation: IpGeneration, @Ctx() ctx: GraphQLContext): Promise<Gateway> {
    return toGateway((await gatewayById(ctx).load(generation.gatewayLegacyId))!);
  }

  @FieldResolver(() => NetworkInterface, { description: 'The interface the addresses were drawn from.' })
  async interface(@Root() generation: IpGeneration, @Ctx() ctx: GraphQLContext): Promise<NetworkInterface> {
    return toInterface((await interfaceById(ctx).load(generation.interfaceLegacyId))!);
  }
}

@Resolver(() => Equipment)
export class EquipmentLoginsResolver {
  @FieldResolver(() => [EquipmentLogin], { description: 'Login details of the device (passwords are not served).' })
  async logins(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    const rows = await rowsByParent<equipmentService.EquipmentLoginRow>(ctx, 'equipmentLogins.byEquipment', equipmentLogins, equipmentLogins.equipmentId, 'equipmentId').load(item.legacyId);
    return rows.map(toLogin);
  }
}

@Resolver()
export class NetworkWritesResolver {
  // ------------------------------------------------------------ equipment

  @Mutation(() => EquipmentCreatePayload, { description: 'Adds a piece of equipment (SIMPLer addEquipment).' })
  async equipmentCreate(@Arg('input', () => EquipmentCreateInput, { description: 'The new equipment.' }) input: EquipmentCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ equipment: toEquipment(await equipmentService.create(ctx, fromEquipmentInput(input))) }), { equipment: null });
  }

  @Mutation(() => EquipmentUpdatePayload, { description: 'Changes a piece of equipment (SIMPLer modifyEquipment).' })
  async equipmentUpdate(@Arg('input', () => EquipmentUpdateInput, { description: 'The equipment to change and its new values.' }) input: EquipmentUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { equipment: toEquipment(await equipmentService.update(ctx, idOf(id, 'Equipment', ['id']), fromEquipmentInput(fields))) };
    }, { equipment: null }, { rename: { equipmentId: 'id' } });
  }

  @Mutation(() => EquipmentDeletePayload, { description: 'Deletes equipment with no devices hanging off it that is neither a CPE nor a basestation.' })
  async equipmentDelete(@Arg('input', () => EquipmentDeleteInput, { description: 'The equipment to delete.' }) input: EquipmentDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await equipmentService.remove(ctx, idOf(input.id, 'Equipment', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { equipmentId: 'id' } });
  }

  @Mutation(() => EquipmentLoginCreatePayload, { description: 'Adds login details to a device (SIMPLer addEquipmentLoginDetails).' })
  async equipmentLoginCreate(@Arg('input', () => EquipmentLoginCreateInput, { description: 'The new equipment login.' }) input: EquipmentLoginCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const equipmentId = idOf(input.equipmentId, 'Equipment', ['equipmentId']);
      const row = await equipmentService.addLogin(ctx, { equipmentId, username: input.username, password: input.password, notes: input.notes });
      return { equipmentLogin: toLogin(row), equipment: toEquipment(await equipmentService.getById(ctx, equipmentId)) };
    }, { equipmentLogin: null, equipment: null });
  }

  @Mutation(() => EquipmentLoginUpdatePayload, { description: "Changes a device's login details: username, password or notes." })
  async equipmentLoginUpdate(@Arg('input', () => EquipmentLoginUpdateInput, { description: 'The login details to change and their new values.' }) input: EquipmentLoginUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...changes } = input;
      const row = await equipmentService.updateLogin(ctx, idOf(id, 'EquipmentLogin', ['id']), changes);
      return { equipmentLogin: toLogin(row), equipment: toEquipment(await equipmentService.getById(ctx, row.equipmentId)) };
    }, { equipmentLogin: null, equipment: null });
  }

  @Mutation(() => EquipmentLoginDelete.Payload, { description: "Deletes a device's login details (SIMPLer deleteEquipmentLoginDetails, which names them by username)." })
  async equipmentLoginDelete(@Arg('input', () => EquipmentLoginDelete.Input, { description: 'The login details to delete.' }) input: InstanceType<typeof EquipmentLoginDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('EquipmentLogin', input, (id) => equipmentService.removeLoginById(ctx, id));
  }

  // ------------------------------------------------------------ CPE

  @Mutation(() => CpeCreatePayload, { description: 'Installs a device at a customer (SIMPLer addCPE).' })
  async cpeCreate(@Arg('input', () => CpeCreateInput, { description: 'The new CPE.' }) input: CpeCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ cpe: toCpe(await cpeService.createCpe(ctx, fromCpeInput(input))) }), { cpe: null }, { rename: geoPointRename('coordinates') });
  }

  @Mutation(() => CpeUpdatePayload, { description: 'Changes a CPE (SIMPLer modifyCPE).' })
  async cpeUpdate(@Arg('input', () => CpeUpdateInput, { description: 'The CPE to change and its new values.' }) input: CpeUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { cpe: toCpe(await cpeService.updateCpe(ctx, idOf(id, 'Cpe', ['id']), fromCpeInput(fields))) };
    }, { cpe: null }, { rename: { ...geoPointRename('coordinates'), cpeId: 'id' } });
  }

  @Mutation(() => CpeDeletePayload, { description: 'Removes a CPE record; the device stays in the inventory (SIMPLer deleteCPE).' })
  async cpeDelete(@Arg('input', () => CpeDeleteInput, { description: 'The CPE to delete.' }) input: CpeDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await cpeService.removeCpe(ctx, idOf(input.id, 'Cpe', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { cpeId: 'id' } });
  }

  // ------------------------------------------------------------ basestations

  @Mutation(() => BasestationCreatePayload, { description: 'Mounts a device on a site (SIMPLer addBasestation).' })
  async basestationCreate(@Arg('input', () => BasestationCreateInput, { description: 'The new basestation.' }) input: BasestationCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ basestation: toBasestation(await cpeService.createBasestation(ctx, fromBasestationInput(input))) }), { basestation: null });
  }

  @Mutation(() => BasestationUpdatePayload, { description: 'Changes a basestation (SIMPLer modifyBasestation).' })
  async basestationUpdate(@Arg('input', () => BasestationUpdateInput, { description: 'The basestation to change and its new values.' }) input: BasestationUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { basestation: toBasestation(await cpeService.updateBasestation(ctx, idOf(id, 'Basestation', ['id']), fromBasestationInput(fields))) };
    }, { basestation: null }, { rename: { basestationId: 'id' } });
  }

  @Mutation(() => BasestationDeletePayload, { description: 'Removes a basestation record; the device stays in the inventory (SIMPLer deleteBasestation).' })
  async basestationDelete(@Arg('input', () => BasestationDeleteInput, { description: 'The basestation to delete.' }) input: BasestationDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await cpeService.removeBasestation(ctx, idOf(input.id, 'Basestation', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { basestationId: 'id' } });
  }

  // ------------------------------------------------------------ customer addresses

  @Mutation(() => CustomerIpCreatePayload, { description: 'Binds an address and/or MAC to a customer (SIMPLer addIP).' })
  async customerIpCreate(@Arg('input', () => CustomerIpCreateInput, { description: 'The new customer IP.' }) input: CustomerIpCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { customerId, gatewayId, ...rest } = input;
      const row = await ipService.add(ctx, {
        ...rest,
        customerId: idOf(customerId, 'Customer', ['customerId']),
        gatewayId: optionalIdOf(gatewayId, 'Gateway', ['gatewayId']),
      });
      return { customerIp: toCustomerIp(row) };
    }, { customerIp: null });
  }

  @Mutation(() => CustomerIpReleasePayload, { description: 'Releases the IP, the MAC or both of a binding (Jaze release_ip_mac); a binding left empty is deleted.' })
  async customerIpRelease(@Arg('input', () => CustomerIpReleaseInput, { description: "The binding and what to release from it." }) input: CustomerIpReleaseInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await ipService.release(ctx, idOf(input.id, 'CustomerIp', ['id']), input.release);
      return { customerIp: row ? toCustomerIp(row) : null, deletedCustomerIpId: row ? null : input.id };
    }, { customerIp: null, deletedCustomerIpId: null });
  }

  @Mutation(() => CustomerIpGeneratePayload, { description: "Picks free addresses for a customer from a gateway interface, optionally saving them and setting them in RADIUS (SIMPLer generateIP)." })
  async customerIpGenerate(@Arg('input', () => CustomerIpGenerateInput, { description: "The customer, the interface to draw from and what to do with the addresses." }) input: CustomerIpGenerateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { customerId, interfaceId, ...rest } = input;
      const result = await ipService.generate(ctx, {
        ...rest,
        customerId: idOf(customerId, 'Customer', ['customerId']),
        interfaceId: optionalIdOf(interfaceId, 'NetworkInterface', ['interfaceId']),
      });
      return { generation: toGeneration(result, !!input.save) };
    }, { generation: null });
  }
}
