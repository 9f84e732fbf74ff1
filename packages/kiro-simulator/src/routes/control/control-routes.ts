import type { z } from 'zod';

import { isPlainObject, jsonBodyOf, type Exchange } from '../../http/exchange';
import { sendJson } from '../../http/responses';
import type { FaultRule } from '../../faults/fault-types';
import { operations, type Operation } from '../../log/operations';
import type { KiroSimulator } from '../../simulator/kiro-simulator';
import {
  accountPatchBody,
  addAccountBody,
  deviceDecisionBody,
  faultRuleBody,
} from './control-schemas';

type Reply = { status: number; body: unknown };

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });

function parsed<T>(exchange: Exchange, schema: z.ZodType<T>): T {
  const raw = exchange.bodyText.trim() === '' ? {} : jsonBodyOf(exchange);
  const result = schema.safeParse(raw);
  if (!result.success) throw new ControlError(400, result.error.issues[0]?.message ?? 'bad body');
  return result.data;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function accountRoute(
  sim: KiroSimulator,
  exchange: Exchange,
  parts: { id: string; action: string | undefined; method: string },
): Reply {
  const { id, action, method } = parts;
  if (!sim.accounts().some((account) => account.id === id)) {
    throw new ControlError(404, `Unknown simulated account ${id}`);
  }
  switch (`${method} ${action ?? ''}`) {
    case 'GET ':
      return ok({ ...sim.account(id), usage: sim.usage(id) });
    case 'PATCH ':
      sim.updateAccount(id, parsed(exchange, accountPatchBody));
      return ok(sim.account(id));
    case 'POST expire-access-token':
      sim.expireAccessToken(id);
      return ok();
    case 'POST revoke-access-tokens':
      sim.revokeAccessTokens(id);
      return ok();
    case 'POST revoke-refresh-token':
      sim.revokeRefreshToken(id);
      return ok();
    default:
      throw new ControlError(404, `No control route ${method} accounts/${id}/${action ?? ''}`);
  }
}

function dispatch(sim: KiroSimulator, exchange: Exchange): Reply {
  const method = exchange.req.method ?? 'GET';
  const [, , resource = '', id, action] = exchange.url.pathname.split('/');
  const key = `${method} ${resource}${id === undefined ? '' : '/:id'}`;
  switch (key) {
    case 'GET health':
      return ok();
    case 'GET accounts':
      return ok(sim.accounts());
    case 'POST accounts':
      return { status: 201, body: sim.addAccount(parsed(exchange, addAccountBody)) };
    case 'GET accounts/:id':
    case 'PATCH accounts/:id':
    case 'POST accounts/:id':
      return accountRoute(sim, exchange, { id: id ?? '', action, method });
    case 'POST faults': {
      const handle = sim.injectFault(parsed<FaultRule>(exchange, faultRuleBody));
      return { status: 201, body: { id: handle.id } };
    }
    case 'DELETE faults':
      sim.clearFaults();
      return ok();
    case 'GET requests': {
      const operation = exchange.url.searchParams.get('operation') ?? undefined;
      if (operation !== undefined && !(operations as readonly string[]).includes(operation)) {
        throw new ControlError(400, `Unknown operation ${operation}`);
      }
      return ok(sim.requests.entries(operation as Operation | undefined));
    }
    case 'DELETE requests':
      sim.requests.clear();
      return ok();
    case 'POST device/:id': {
      const body = parsed(exchange, deviceDecisionBody);
      if (id === 'approve') sim.approveDeviceAuthorization(body.userCode, body.account);
      else if (id === 'deny') sim.denyDeviceAuthorization(body.userCode);
      else throw new ControlError(404, `No control route device/${id}`);
      return ok();
    }
    case 'POST reset':
      sim.reset();
      return ok();
    default:
      throw new ControlError(404, `No control route ${method} ${exchange.url.pathname}`);
  }
}

/** The `/__sim/*` control endpoints: the programmatic API over HTTP, for other processes. */
export function controlRoute(sim: KiroSimulator, exchange: Exchange): void {
  if (exchange.bodyText.trim() !== '' && !isPlainObject(jsonBodyOf(exchange))) {
    sendJson(exchange, 400, { error: 'Body must be a JSON object' });
    return;
  }
  try {
    const reply = dispatch(sim, exchange);
    sendJson(exchange, reply.status, reply.body);
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 400;
    sendJson(exchange, status, { error: error instanceof Error ? error.message : String(error) });
  }
}
