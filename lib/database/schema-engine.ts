import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The published package imports its .wasm as an ES module, which Node 20 only allows behind a
// flag, so the module is instantiated here by hand with the package's own JS glue.
type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

let loaded: Promise<SchemaEngineModule> | undefined;

async function loadModule(): Promise<SchemaEngineModule> {
  const glue: SchemaEngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

export async function createSchemaEngine(schema: string, adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  loaded ??= loadModule();
  const { SchemaEngine } = await loaded;
  return SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
}

export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };
