import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "@/components/providers";
import { getCurrentActor } from "@/lib/auth/guard";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Blastmap", template: "%s · Blastmap" },
  description: "Non-human identities and the blast radius of a supply-chain compromise",
};

// Every page is rendered per request: the CSP nonce (proxy.ts) and the session differ each time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The navigation shows what the signed-in role may use; signed out, only the brand.
  const actor = await getCurrentActor().catch(() => null);
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppShell role={actor?.role ?? null} userName={actor?.name ?? null}>
            {children}
          </AppShell>
        </Providers>
      </body>
    </html>
  );
}
