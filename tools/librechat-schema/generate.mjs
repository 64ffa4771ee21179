// Regenerates src/Containment.Core/LibreChat/Schema/librechat-config.schema.json from LibreChat's own
// zod schema: `configSchema.strict()` of librechat-data-provider (pinned in package.json).
// Usage: (cd tools/librechat-schema && npm ci && node generate.mjs)
//
// Choices that make the JSON Schema mean what zod does (the C# evaluator relies on them):
// - removeAdditionalStrategy "strict": only `.strict()` objects get additionalProperties:false; zod's
//   default (strip) objects drop unknown keys silently, so they must stay open.
// - effectStrategy/pipeStrategy "input": refinements and transforms are not JSON Schema; the C# side
//   checks the refinements that can reject a config explicitly (LibreChatRefinements.cs).
// - `z.string().transform(extractEnvVariable).pipe(z.string().url())` becomes
//   {type:string, "x-url": "env"}: the URL check runs after ${VAR} expansion, so the evaluator must
//   expand first. A plain `.url()` keeps format "uri" (checked as WHATWG `new URL()` would).
// - `z.string().trim()` checks the trimmed text ("x-trim": true); `z.number().finite()` rejects
//   Infinity ("x-finite": true). zod-to-json-schema drops both.
// - applyRegexFlags: a /i regex becomes a case-insensitive JSON Schema pattern.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as dp from 'librechat-data-provider';
import { z } from 'zod';
import { zodToJsonSchema, ignoreOverride, parseDef, parseStringDef, parseNumberDef } from 'zod-to-json-schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const readVersion = (name) =>
  JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
const dpVersion = readVersion('librechat-data-provider');
const zodVersion = readVersion('zod');
const out = path.resolve(here, '../../src/Containment.Core/LibreChat/Schema/librechat-config.schema.json');

function isUrlString(def) {
  return def?.typeName === 'ZodString' && def.checks.some((c) => c.kind === 'url');
}

// zod refinements are opaque functions. We recognise the ones the C# side implements by running the
// refined schema on probe values and matching the messages it reports; each becomes an `x-refine`
// keyword naming the C# check (LibreChat/Schema/Refinements.cs). Anything unrecognised is listed in
// `x-unimplemented-refinements` so a LibreChat upgrade that adds one is visible in the diff.
const reservedEndpointNames = Object.values(dp.EModelEndpoint);
const stringProbes = ['', ' ', 'a', '(', 'localhost:11434', '8.8.8.8:53', 'localhost', 'example.com', '.example.com',
  ...reservedEndpointNames];
const objectProbes = [{}, { web_search: 'x' },
  { domain: 'https://cdn.example.com', invalidateOnDelete: true },
  { domain: 'https://cdn.example.com', imageSigning: 'cookies' },
  { domain: 'https://cdn.example.com', requireSignedAccess: true },
  { client_secret: 's' }, { client_id: 'i', client_secret: 's' }, { min: 0, max: 1, positiveMin: 5 }];
const known = [
  ['At least one `endpoints` field must be provided', 'nonEmptyMapping'],
  ['endpoint is required unless the preset names a non-empty agent_id', 'modelSpecPresetEndpoint'],
  ['`web_search` must be a boolean in addParams', 'addParamsWebSearch'],
  ['distributionId is required when invalidateOnDelete', 'cloudfront'],
  ['cookieDomain is required when imageSigning', 'cloudfront'],
  ['requireSignedAccess=true requires', 'cloudfront'],
  ['cookieDomain must start with a dot', 'startsWithDot'],
  ['Value cannot be one of the default endpoint', 'notReservedEndpointName'],
  ['allowedAddresses entries must', 'allowedAddress'],
  ['allowedAddresses is scoped to private IP space', 'allowedAddress'],
  ['OAuth client_secret requires client_id', 'oauthClientCredentials'],
  ['OAuth client_secret with client_id requires both', 'oauthClientCredentials'],
  ['range.positiveMin cannot exceed range.max', 'rangePositiveMin'],
  ['Invalid MIME type regex', 'mimeTypeRegex'],
];
const unimplemented = new Set();

function probeMessages(def) {
  const schema = new z.ZodEffects(def);
  const messages = new Set();
  for (const probe of [...stringProbes, ...objectProbes]) {
    const result = schema.safeParse(probe);
    if (!result.success) for (const issue of result.error.issues) if (issue.code === 'custom') messages.add(issue.message);
  }
  return [...messages];
}

function refinementName(def) {
  for (const message of probeMessages(def)) {
    const hit = known.find(([prefix]) => message.startsWith(prefix));
    if (hit) return hit[1];
  }
  return null;
}

// Which URL protocols a `.refine()` on a URL pipeline lets through (MCP transports, proxies). A rule
// that lets through schemes it has never heard of ("gopher:") is a deny list, otherwise an allow list.
function probeProtocols(def) {
  const schema = new z.ZodEffects(def);
  const passes = (p) => schema.safeParse(`${p}//host.example/`).success;
  const candidates = ['http:', 'https:', 'ws:', 'wss:', 'socks:', 'socks5:', 'ftp:', 'file:'];
  return passes('gopher:')
    ? { 'x-url-forbidden-protocols': candidates.filter((p) => !passes(p)) }
    : { 'x-url-protocols': candidates.filter(passes) };
}

function withKeyword(inner, keyword, value) {
  return inner && inner.$ref ? { allOf: [inner], [keyword]: value } : { ...inner, [keyword]: value };
}

const schema = zodToJsonSchema(dp.configSchema.strict(), {
  target: 'jsonSchema7',
  $refStrategy: 'root',
  removeAdditionalStrategy: 'strict',
  effectStrategy: 'input',
  pipeStrategy: 'input',
  applyRegexFlags: true,
  override: (def, refs) => {
    if (def.typeName === 'ZodString' && def.checks.some((c) => c.kind === 'trim')) {
      return { ...parseStringDef(def, refs), 'x-trim': true };
    }
    if (def.typeName === 'ZodNumber' && def.checks.some((c) => c.kind === 'finite')) {
      return { ...parseNumberDef(def, refs), 'x-finite': true };
    }
    if (def.typeName === 'ZodPipeline' && isUrlString(def.out._def)) {
      const transforms = def.in._def.typeName === 'ZodEffects' && def.in._def.effect.type === 'transform';
      return { type: 'string', 'x-url': transforms ? 'env' : 'plain' };
    }
    if (def.typeName !== 'ZodEffects' || def.effect.type !== 'refinement') return ignoreOverride;
    const inner = def.schema._def;
    if (inner.typeName === 'ZodPipeline' && isUrlString(inner.out._def)) {
      const [[keyword, protocols]] = Object.entries(probeProtocols(def));
      return withKeyword(parseDef(inner, refs), keyword, protocols);
    }
    const name = refinementName(def);
    if (!name) {
      unimplemented.add(refs.currentPath.slice(1).join('/'));
      return ignoreOverride;
    }
    // Chained .refine() calls of one rule family are one C# check: skip the inner links.
    let innermost = inner;
    while (innermost.typeName === 'ZodEffects' && innermost.effect.type === 'refinement' && refinementName(innermost) === name) {
      innermost = innermost.schema._def;
    }
    const args = name === 'notReservedEndpointName'
      ? reservedEndpointNames.filter((n) => !new z.ZodEffects(def).safeParse(n).success)
      : undefined;
    const result = withKeyword(parseDef(innermost, refs), 'x-refine', name);
    if (args) result['x-refine-args'] = args;
    return result;
  },
});

delete schema.$schema;
const doc = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by tools/librechat-schema/generate.mjs from librechat-data-provider@${dpVersion} ` +
    `(zod ${zodVersion}) configSchema.strict(); CONFIG_VERSION ${dp.Constants.CONFIG_VERSION}. Do not edit.`,
  'x-librechat-data-provider': dpVersion,
  'x-config-version': dp.Constants.CONFIG_VERSION,
  'x-unimplemented-refinements': [...unimplemented].sort(),
  ...schema,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
