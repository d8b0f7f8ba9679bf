// Finding `${{ secrets.X }}` in workflow text. GitHub expressions are case-insensitive and allow
// both property and index syntax, and `||` fallbacks name several secrets in one expression
// (openai-node: `${{ secrets.OPENAI_NPM_TOKEN || secrets.NPM_TOKEN }}`), so every secret named
// inside an expression counts. `github.token` is the built-in GITHUB_TOKEN.

export const BUILTIN_TOKEN = "GITHUB_TOKEN";

export interface SecretReference {
  /** upper-cased: GitHub secret names are case-insensitive */
  name: string;
  /** offset of the reference within the scanned text */
  index: number;
}

const SECRET_PROPERTY = /\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/gi;
const SECRET_INDEX = /\bsecrets\s*\[\s*['"]([^'"\]]+)['"]\s*\]/gi;
const GITHUB_TOKEN_PROPERTY = /\bgithub\s*\.\s*token\b/gi;

/**
 * The `${{ … }}` expressions in a text, found by a linear scan: a regular expression such as
 * /\$\{\{[\s\S]*?\}\}/ is quadratic on text full of unclosed `${{`, and uploads are untrusted.
 */
export function expressionsIn(text: string): { body: string; index: number }[] {
  const expressions: { body: string; index: number }[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("${{", from);
    if (open < 0) break;
    const close = text.indexOf("}}", open + 3);
    if (close < 0) break;
    expressions.push({ body: text.slice(open + 3, close), index: open + 3 });
    from = close + 2;
  }
  return expressions;
}

export function findSecretReferences(text: string): SecretReference[] {
  const references: SecretReference[] = [];
  for (const { body, index: base } of expressionsIn(text)) {
    for (const pattern of [SECRET_PROPERTY, SECRET_INDEX]) {
      for (const match of body.matchAll(pattern)) {
        references.push({ name: match[1].toUpperCase(), index: base + (match.index ?? 0) });
      }
    }
    for (const match of body.matchAll(GITHUB_TOKEN_PROPERTY)) {
      references.push({ name: BUILTIN_TOKEN, index: base + (match.index ?? 0) });
    }
  }
  return references.sort((a, b) => a.index - b.index);
}

// Ordered: the first pattern that matches the name decides. Names are upper-cased already.
const SECRET_TYPES: readonly [RegExp, string][] = [
  [/NPM|NODE_AUTH/, "npm-token"],
  [/(^|_)PAT($|_)|GH_TOKEN|GITHUB_TOKEN|GH_PAT/, "github-pat"],
  [/APP_PRIVATE_KEY|GITHUB_APP/, "github-app-key"],
  [/AWS/, "aws"],
  [/GCP|GOOGLE|GCLOUD/, "gcp"],
  [/AZURE/, "azure"],
  [/DOCKER|DOCKERHUB|GHCR|REGISTRY/, "container-registry"],
  [/PYPI/, "pypi-token"],
  [/CARGO|CRATES/, "cargo-token"],
  [/GPG|SIGNING|COSIGN/, "signing-key"],
  [/SSH|DEPLOY_KEY/, "ssh-key"],
  [/VERCEL/, "vercel-token"],
  [/SLACK/, "slack"],
  [/DATADOG|DATA_DOG|^DD_/, "datadog"],
];

export function secretTypeOf(name: string): string {
  const upper = name.toUpperCase();
  return SECRET_TYPES.find(([pattern]) => pattern.test(upper))?.[1] ?? "generic";
}
