/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate distDir lets tests and developers build side by side without clobbering .next.
  distDir: process.env.BLASTMAP_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded from node_modules at run time: PGlite and the schema engine read their .wasm/.data
  // files next to their own code, and the database drivers must stay one copy per process.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/schema-engine-wasm",
    "pg",
  ],
};

export default nextConfig;
