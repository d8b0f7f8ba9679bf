// A small organisation imported through the API for the incident and compliance specs: one
// workstation installs a malicious version (an OSV MAL advisory) and holds a publish token and a
// cloud deploy key. Names carry a run stamp so specs can run against a reused data directory.
export function incidentFixture(stamp: string) {
  const name = `e2e-evil-${stamp}`;
  const npmToken = `E2E_${stamp.toUpperCase()}_NPM_TOKEN`;
  const deployKey = `E2E_${stamp.toUpperCase()}_DEPLOY_KEY`;
  const advisory = `MAL-2099-${stamp}`;
  const inventory = {
    blastmapInventory: 1,
    organisation: "e2e",
    publishers: [{ handle: `e2e-maintainer-${stamp}`, twoFactorEnforced: false, maintains: [`pkg:npm/${name}`] }],
    packages: [
      { purl: `pkg:npm/${name}`, versions: [{ version: "1.0.0", hasInstallScript: true }] },
      { purl: `pkg:npm/e2e-lib-${stamp}`, versions: [] },
    ],
    identities: [
      {
        name: `e2e-npm-bot-${stamp}`,
        kind: "registryPublishToken",
        owner: "release",
        lifetime: "longLived",
        provider: "npm",
        canPublish: [`pkg:npm/e2e-lib-${stamp}`],
      },
      {
        name: `e2e-deployer-${stamp}`,
        kind: "cloudRole",
        owner: "platform",
        lifetime: "longLived",
        provider: "aws",
        canAccess: [{ system: `system:e2e-prod-${stamp}`, privilege: "admin" }],
      },
    ],
    secrets: [
      { name: npmToken, type: "npm-token", storedIn: "envFile", authenticatesAs: `identity:e2e-npm-bot-${stamp}` },
      { name: deployKey, type: "aws-access-key", storedIn: "envFile", authenticatesAs: `identity:e2e-deployer-${stamp}` },
    ],
    systems: [{ name: `e2e-prod-${stamp}`, kind: "cloudAccount", criticality: "critical" }],
    contexts: [
      {
        name: `e2e-laptop-${stamp}`,
        kind: "workstation",
        installs: [`pkg:npm/${name}@1.0.0`],
        exposes: [
          { secret: `secret:${npmToken}`, exposure: "install" },
          { secret: `secret:${deployKey}`, exposure: "install" },
        ],
      },
    ],
  };
  const osv = {
    id: advisory,
    schema_version: "1.6.0",
    published: "2099-01-01T00:00:00Z",
    modified: "2099-01-01T00:00:00Z",
    summary: `Malicious code in ${name} (npm)`,
    affected: [{ package: { ecosystem: "npm", name }, versions: ["1.0.0"] }],
  };
  return {
    advisory,
    versionRef: `pkg:npm/${name}@1.0.0`,
    npmTokenKey: `secret:${npmToken}`,
    deployKeyKey: `secret:${deployKey}`,
    files: [
      { path: `e2e-${stamp}/blastmap-inventory.json`, content: JSON.stringify(inventory, null, 2) },
      { path: `e2e-${stamp}/${advisory}.json`, content: JSON.stringify(osv, null, 2) },
    ],
  };
}
