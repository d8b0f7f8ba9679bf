import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Blastmap", template: "%s · Blastmap" },
  description: "Non-human identities and the blast radius of a supply-chain compromise",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppShell role="admin">{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
