// Whether the assistant is on for the caller, and the caller's own provider key: stored encrypted
// (assist_secrets, service_role only), never returned — only whether there is one.
import { AssistError } from '../../assist/errors.js';
import { encryptKey } from '../../assist/keys.js';
import { isProtocol, PROTOCOLS } from '../../assist/providers.js';
import { deleteSecret, writeSecret } from '../../assist/store.js';
import { providerSettingsFor } from '../../assist/turn.js';
import { builder } from '../builder.js';
import { requireClaims, type GraphQLContext } from '../context.js';
import { ValidationError } from '../errors.js';

interface AssistStatus {
  enabled: boolean;
  protocol: string | null;
  model: string | null;
  ownKey: boolean;
  canStoreKey: boolean;
}

const AssistStatusRef = builder.objectRef<AssistStatus>('AssistStatus').implement({
  description: 'Whether the schema assistant answers you, and through which model (never the key).',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    protocol: t.exposeString('protocol', { nullable: true, description: 'openai (chat-completions) or anthropic (messages)' }),
    model: t.exposeString('model', { nullable: true }),
    ownKey: t.exposeBoolean('ownKey', { description: 'Your own stored key is used rather than the server one.' }),
    canStoreKey: t.exposeBoolean('canStoreKey', { description: 'The server can keep a key of yours (TDG_ASSIST_SECRET is set).' }),
  }),
});

async function statusOf(ctx: GraphQLContext): Promise<AssistStatus> {
  const claims = requireClaims(ctx);
  const canStoreKey = Boolean(ctx.assist.secret);
  try {
    const chosen = await providerSettingsFor(ctx.db, ctx.assist, claims.sub);
    if (!chosen) return { enabled: false, protocol: null, model: null, ownKey: false, canStoreKey };
    return { enabled: true, protocol: chosen.provider.protocol, model: chosen.provider.model, ownKey: chosen.ownKey, canStoreKey };
  } catch (error) {
    // a stored key the server cannot open any more: off until it is stored again
    if (error instanceof AssistError) return { enabled: false, protocol: null, model: null, ownKey: true, canStoreKey };
    throw error;
  }
}

builder.queryField('assistStatus', (t) => t.field({ type: AssistStatusRef, resolve: (_root, _args, ctx) => statusOf(ctx) }));

function checkUrl(raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    return url.toString().replace(/\/$/, '');
  } catch {
    throw ValidationError.at('baseUrl', 'must be an http(s) URL');
  }
}

builder.mutationFields((t) => ({
  setAssistKey: t.field({
    type: AssistStatusRef,
    errors: { types: [ValidationError] },
    description: 'Store your own provider key (encrypted; only the server reads it). Your questions then go to this provider.',
    args: {
      protocol: t.arg.string({ required: true, description: 'openai or anthropic' }),
      model: t.arg.string({ required: true }),
      apiKey: t.arg.string({ required: true }),
      baseUrl: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const claims = requireClaims(ctx);
      if (!ctx.assist.secret) throw ValidationError.at('apiKey', 'this server cannot store keys (TDG_ASSIST_SECRET is not set)');
      const protocol = args.protocol.trim().toLowerCase();
      if (!isProtocol(protocol)) throw ValidationError.at('protocol', `must be one of ${Object.keys(PROTOCOLS).join(', ')}`);
      const model = args.model.trim();
      if (!model || model.length > 200) throw ValidationError.at('model', 'must be 1 to 200 characters');
      const apiKey = args.apiKey.trim();
      if (!apiKey || apiKey.length > 1000) throw ValidationError.at('apiKey', 'must be 1 to 1,000 characters');
      const baseUrl = checkUrl(args.baseUrl);
      const ciphertext = encryptKey(ctx.assist.secret, claims.sub, apiKey);
      await ctx.db.asService((tx) => writeSecret(tx, claims.sub, { protocol, model, baseUrl, ciphertext }));
      return statusOf(ctx);
    },
  }),
  clearAssistKey: t.field({
    type: AssistStatusRef,
    description: 'Forget your own provider key.',
    resolve: async (_root, _args, ctx) => {
      const claims = requireClaims(ctx);
      await ctx.db.asService((tx) => deleteSecret(tx, claims.sub));
      return statusOf(ctx);
    },
  }),
}));
