import { identityKey, packageKey, parsePackageRef, publisherKey, runnerKey, secretKey } from "@/lib/graph-keys/refs";
import { CONNECTOR_SNAPSHOT_PARTS, type ConnectorSnapshotPart, type TConnectorChanges, type TConnectorSnapshot } from "@/lib/schemas/connectors/connector-run";
import { ZInventory } from "@/lib/schemas/inventory";
import type { SourceFile } from "../types";

// What a connector run saw, by the refs a person knows (secret:acme/web:NPM_TOKEN, runner:…,
// identity:…, "publisher:npm/alice maintains pkg:npm/%40acme/ui"), so the next run of the same
// connector and target can say what changed since: new secrets, runners, identities, maintainers.
// Pure: read from the run's own inventory document and file paths.

const isInventoryPath = (path: string) => path.startsWith("connectors/") && path.endsWith(".json");

/** The snapshot of a run's sources. Inventory documents that do not parse contribute nothing (the import refuses them). */
export function connectorSnapshot(sources: SourceFile[]): TConnectorSnapshot {
  const snapshot: Record<ConnectorSnapshotPart, Set<string>> = {
    secrets: new Set(),
    runners: new Set(),
    identities: new Set(),
    maintainers: new Set(),
    files: new Set(),
  };
  for (const source of sources) {
    if (!isInventoryPath(source.path)) {
      snapshot.files.add(source.path);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(source.content);
    } catch {
      continue;
    }
    const inventory = ZInventory.safeParse(value);
    if (!inventory.success) continue;
    for (const secret of inventory.data.secrets) snapshot.secrets.add(secretKey(secret.repo, secret.name));
    for (const runner of inventory.data.runners) snapshot.runners.add(runnerKey(runner.name));
    for (const identity of inventory.data.identities) snapshot.identities.add(identityKey(identity.name));
    for (const publisher of inventory.data.publishers) {
      for (const purl of publisher.maintains) {
        const ref = parsePackageRef(purl);
        const pkg = ref ? packageKey(ref.ecosystem, ref.name) : purl;
        snapshot.maintainers.add(`${publisherKey(publisher.ecosystem, publisher.handle)} maintains ${pkg}`);
      }
    }
  }
  return Object.fromEntries(CONNECTOR_SNAPSHOT_PARTS.map((part) => [part, [...snapshot[part]].sort()])) as TConnectorSnapshot;
}

/** What is new and what is gone since `previous` (null on a first run: everything is new). */
export function connectorChanges(previous: TConnectorSnapshot | null, current: TConnectorSnapshot): TConnectorChanges {
  return Object.fromEntries(
    CONNECTOR_SNAPSHOT_PARTS.map((part) => {
      const before = new Set(previous?.[part] ?? []);
      const after = new Set(current[part]);
      return [part, { added: current[part].filter((ref) => !before.has(ref)), removed: (previous?.[part] ?? []).filter((ref) => !after.has(ref)) }];
    }),
  ) as TConnectorChanges;
}

export const hasChanges = (changes: TConnectorChanges) =>
  CONNECTOR_SNAPSHOT_PARTS.some((part) => changes[part].added.length + changes[part].removed.length > 0);
