/** Rows of the administration services to their GraphQL objects (never a secret or hash). */
import { asNode } from '../graphql/node';
import type { ApiCredentialView, IpAccessRuleRow } from './api-credential.service';
import type { ApiTokenRow } from './api-token.service';
import { ApiCredential, ApiCredentialKind, IpAccessRule } from './api-credential.types';
import { ApiToken } from './api-token.types';

export function toApiToken(row: ApiTokenRow): ApiToken {
  const { id, label, createdAt, updatedAt, expiresAt, lastUsedAt, revokedAt, staffUserId } = row;
  return asNode('ApiToken', { id, label, createdAt, updatedAt, expiresAt, lastUsedAt, revokedAt, staffUserId }) as unknown as ApiToken;
}

export function toIpAccessRule(row: IpAccessRuleRow): IpAccessRule {
  const { id, network, note, createdAt, updatedAt, apiCredentialId } = row;
  return asNode('IpAccessRule', { id, network, note, createdAt, updatedAt, operatorWide: apiCredentialId == null }) as unknown as IpAccessRule;
}

export function toApiCredential(row: ApiCredentialView): ApiCredential {
  const { id, kind, identifier, note, strictParameters, createdAt, updatedAt, revokedAt, staffUserId, allowedNetworks } = row;
  return asNode('ApiCredential', {
    id,
    kind: kind as ApiCredentialKind,
    identifier,
    note,
    strictParameters,
    createdAt,
    updatedAt,
    revokedAt,
    staffUserId,
    allowedNetworks: allowedNetworks.map(toIpAccessRule),
  }) as unknown as ApiCredential;
}
