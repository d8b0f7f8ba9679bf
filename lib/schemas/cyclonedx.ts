import { z } from "zod";

// The parts of a CycloneDX JSON BOM (https://cyclonedx.org/docs/1.6/json/) Blastmap reads:
// components by purl (nested components included), the dependency graph, and the component the
// BOM describes. Everything else is allowed and ignored.

export const SUPPORTED_CYCLONEDX_VERSIONS = ["1.2", "1.3", "1.4", "1.5", "1.6"] as const;

export interface TCycloneDxComponent {
  type?: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  "bom-ref"?: string;
  components?: TCycloneDxComponent[];
}

export const ZCycloneDxComponent: z.ZodType<TCycloneDxComponent> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    name: z.string().min(1),
    group: z.string().optional(),
    version: z.string().optional(),
    purl: z.string().optional(),
    "bom-ref": z.string().optional(),
    components: z.array(ZCycloneDxComponent).optional(),
  }),
);

export const ZCycloneDxBom = z.looseObject({
  bomFormat: z.literal("CycloneDX"),
  specVersion: z.enum(SUPPORTED_CYCLONEDX_VERSIONS, {
    error: `specVersion must be one of ${SUPPORTED_CYCLONEDX_VERSIONS.join(", ")} (JSON BOMs)`,
  }),
  metadata: z.looseObject({ component: ZCycloneDxComponent.optional() }).optional(),
  components: z.array(ZCycloneDxComponent).optional(),
  dependencies: z.array(z.looseObject({ ref: z.string().min(1), dependsOn: z.array(z.string()).optional() })).optional(),
});
export type TCycloneDxBom = z.infer<typeof ZCycloneDxBom>;
