/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate distDir lets tests and developers build side by side without clobbering .next.
  distDir: process.env.BLASTMAP_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx: the guard answers 403 for a role that may not see a page.
  experimental: { authInterrupts: true },
  // proxy.ts sets the security headers everywhere except on the streaming import upload, which
  // it leaves alone (see lib/security/security-headers.ts); that JSON endpoint gets them here.
  async headers() {
    return [
      {
        source: "/api/import",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  // A node's page was /entity/[id] before "node" became the one word for it: old links and
  // exported incident reports keep working.
  async redirects() {
    return [{ source: "/entity/:id", destination: "/nodes/:id", permanent: true }];
  },
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
