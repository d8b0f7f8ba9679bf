// GET /api/graph/search — nodes of any kind whose name or key matches, for "search to focus"
import { queryInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { searchNodes } from "@/lib/data/graph/search-nodes";
import { getDatabase } from "@/lib/db";
import { ZGraphSearchQuery } from "@/lib/schemas/graph-view";

export const dynamic = "force-dynamic";

export const GET = withPermission("graph:read", queryInput(ZGraphSearchQuery), async ({ input }) =>
  Response.json({ hits: await searchNodes((await getDatabase()).prisma, input) }),
);
