import { RadiusSkeleton } from "@/components/radius/radius-skeleton";

export default function Loading() {
  return (
    <section aria-label="Blast radius">
      <h1>Blast radius</h1>
      <RadiusSkeleton />
    </section>
  );
}
