-- Origins on their documents (issue 14). Which documents name which node or edge was one row per
-- origin in NodeOrigin and EdgeOrigin: 200,000 rows for an import of 1,000 repositories, each
-- inserted, indexed twice and checked, about a quarter of the database's work in the import. A
-- document's row now holds the ids it names (SourceDocument."nodeIds" and "edgeIds"), written with
-- the document, and GIN indexes answer the questions asked the other way round: which documents name
-- this node, is this edge still named by any document.
--
-- The guarantees the origin tables' triggers gave (migration 20261130224021) hold for the arrays:
-- - every id a written document names is a stored node (edge), checked with one join per statement;
--   the named rows another transaction wrote are locked FOR KEY SHARE, as a foreign key locks them,
--   so a concurrent delete waits for this transaction and a row deleted by one that already committed
--   is not found;
-- - deleting nodes (edges) takes their ids out of every document naming them, as ON DELETE CASCADE
--   deleted their origin rows; truncating empties the arrays; a changed id is carried along.

-- AlterTable
ALTER TABLE "SourceDocument" ADD COLUMN     "edgeIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "nodeIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- The stored origins move onto their documents.
UPDATE "SourceDocument" d SET
  "nodeIds" = coalesce((SELECT array_agg(o."nodeId" ORDER BY o."nodeId") FROM "NodeOrigin" o WHERE o."documentId" = d.id), ARRAY[]::INTEGER[]),
  "edgeIds" = coalesce((SELECT array_agg(o."edgeId" ORDER BY o."edgeId") FROM "EdgeOrigin" o WHERE o."documentId" = d.id), ARRAY[]::INTEGER[]);

-- The origin tables' triggers on Node and Edge, then the tables (their own triggers go with them).
DROP TRIGGER "Node_origins_delete" ON "Node";
DROP TRIGGER "Edge_origins_delete" ON "Edge";
DROP TRIGGER "Node_origins_truncate" ON "Node";
DROP TRIGGER "Edge_origins_truncate" ON "Edge";
DROP TRIGGER "Node_origins_move" ON "Node";
DROP TRIGGER "Edge_origins_move" ON "Edge";

-- DropTable
DROP TABLE "EdgeOrigin";

-- DropTable
DROP TABLE "NodeOrigin";

DROP FUNCTION "blastmap_origins_name_stored_rows"();
DROP FUNCTION "blastmap_delete_origins"();
DROP FUNCTION "blastmap_truncate_origins"();
DROP FUNCTION "blastmap_move_origins"();

-- CreateIndex
CREATE INDEX "SourceDocument_nodeIds_idx" ON "SourceDocument" USING GIN ("nodeIds");

-- CreateIndex
CREATE INDEX "SourceDocument_edgeIds_idx" ON "SourceDocument" USING GIN ("edgeIds");

-- No statistics for the arrays: they are only ever searched for given ids, through the GIN indexes,
-- and their element statistics were a third of an ANALYZE after a first import (43 ms).
ALTER TABLE "SourceDocument" ALTER COLUMN "nodeIds" SET STATISTICS 0, ALTER COLUMN "edgeIds" SET STATISTICS 0;

-- TG_ARGV: the table the ids name and the column holding them ("Node", "nodeIds" or "Edge", "edgeIds").
-- An inserted document is checked for every id it names; an updated one for the ids it did not name
-- before (compared document by document), as a foreign key is checked only when its column changes:
-- taking ids out, as deleting a node does through blastmap_documents_forget_rows, checks nothing.
CREATE FUNCTION "blastmap_documents_name_stored_rows"() RETURNS trigger AS $$
DECLARE
  me CONSTANT xid := pg_current_xact_id()::xid;
  named_table CONSTANT text := TG_ARGV[0];
  named_column CONSTANT text := TG_ARGV[1];
  added text;
  ids integer[];
  own bigint;
  locked bigint;
  missing integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    added := format(
      '(SELECT x.n FROM (SELECT d.id, n FROM new_documents d CROSS JOIN LATERAL unnest(d.%1$I) AS n
                         EXCEPT SELECT o.id, n FROM old_documents o CROSS JOIN LATERAL unnest(o.%1$I) AS n) AS x)', named_column);
  ELSE
    added := format('(SELECT n FROM new_documents d CROSS JOIN LATERAL unnest(d.%I) AS n)', named_column);
  END IF;
  -- the named ids once, as one array: the checks below look them up through the primary key, so
  -- their cost follows the ids a statement names, not the size of the graph
  EXECUTE format('SELECT array_agg(DISTINCT a.n) FROM %s AS a', added) INTO ids;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  -- rows this transaction wrote are invisible to every other until it commits: nobody can delete them
  EXECUTE format('SELECT count(*) FROM %I t WHERE t."id" = ANY($2) AND t.xmin = $1', named_table) INTO own USING me, ids;
  IF own < cardinality(ids) THEN
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I t WHERE t."id" = ANY($2) AND NOT t.xmin = $1 FOR KEY SHARE OF t) AS l', named_table)
      INTO locked USING me, ids;
    IF own + locked < cardinality(ids) THEN
      EXECUTE format('SELECT a.n FROM unnest($1) AS a(n) WHERE NOT EXISTS (SELECT 1 FROM %I t WHERE t."id" = a.n) LIMIT 1', named_table)
        INTO missing USING ids;
      RAISE EXCEPTION 'insert or update on table "%" violates foreign key: no % with id %', TG_TABLE_NAME, named_table, missing
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = named_column;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- PostgreSQL refuses a column list (UPDATE OF) on a trigger with transition tables: every update of
-- documents compares what they name before and after.
CREATE TRIGGER "SourceDocument_names_nodes_insert" AFTER INSERT ON "SourceDocument"
  REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_name_stored_rows"('Node', 'nodeIds');
CREATE TRIGGER "SourceDocument_names_nodes_update" AFTER UPDATE ON "SourceDocument"
  REFERENCING OLD TABLE AS old_documents NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_name_stored_rows"('Node', 'nodeIds');
CREATE TRIGGER "SourceDocument_names_edges_insert" AFTER INSERT ON "SourceDocument"
  REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_name_stored_rows"('Edge', 'edgeIds');
CREATE TRIGGER "SourceDocument_names_edges_update" AFTER UPDATE ON "SourceDocument"
  REFERENCING OLD TABLE AS old_documents NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_name_stored_rows"('Edge', 'edgeIds');

-- TG_ARGV: the column of the documents naming the deleted rows ("nodeIds" or "edgeIds"). NOT IN over
-- the deleted ids is one hashed lookup per named id, whatever the number deleted.
CREATE FUNCTION "blastmap_documents_forget_rows"() RETURNS trigger AS $$
BEGIN
  EXECUTE format(
    'UPDATE "SourceDocument" d SET %1$I = ARRAY(SELECT n FROM unnest(d.%1$I) AS n WHERE n NOT IN (SELECT r."id" FROM old_rows r))
       WHERE d.%1$I && (SELECT array_agg(r."id") FROM old_rows r)', TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_documents_forget" AFTER DELETE ON "Node"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_forget_rows"('nodeIds');
CREATE TRIGGER "Edge_documents_forget" AFTER DELETE ON "Edge"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_forget_rows"('edgeIds');

-- Truncating the graph empties what the documents name (TRUNCATE "Node" CASCADE truncates Edge too).
CREATE FUNCTION "blastmap_documents_forget_all"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Node' THEN
    UPDATE "SourceDocument" SET "nodeIds" = ARRAY[]::INTEGER[], "edgeIds" = ARRAY[]::INTEGER[]
     WHERE cardinality("nodeIds") > 0 OR cardinality("edgeIds") > 0;
  ELSE
    UPDATE "SourceDocument" SET "edgeIds" = ARRAY[]::INTEGER[] WHERE cardinality("edgeIds") > 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_documents_forget_all" AFTER TRUNCATE ON "Node" FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_forget_all"();
CREATE TRIGGER "Edge_documents_forget_all" AFTER TRUNCATE ON "Edge" FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_documents_forget_all"();

-- Ids never change (they come from sequences), but the foreign keys carried origins along if one did.
-- TG_ARGV as for blastmap_documents_forget_rows.
CREATE FUNCTION "blastmap_documents_move_row"() RETURNS trigger AS $$
BEGIN
  EXECUTE format('UPDATE "SourceDocument" SET %1$I = array_replace(%1$I, $2, $1) WHERE %1$I @> ARRAY[$2]', TG_ARGV[0]) USING NEW."id", OLD."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_documents_move" AFTER UPDATE OF "id" ON "Node"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_documents_move_row"('nodeIds');
CREATE TRIGGER "Edge_documents_move" AFTER UPDATE OF "id" ON "Edge"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_documents_move_row"('edgeIds');

-- A bulk load (lib/data/import/bulk-load-window.ts) switches the document checks off while it writes
-- rows it has just created, then checks every id every document names at once, as re-adding a
-- foreign key validates it. Every named id against one hash of the stored ids: the documents have no
-- statistics yet after a first load, and the planner, taking them for a few rows, probed the primary
-- key once per id instead (200 ms against 25 for 109,000 edge ids; jit off, as the cost that keeps it
-- from the nested loop would otherwise start the JIT compiler).
CREATE OR REPLACE FUNCTION "blastmap_check_every_origin"() RETURNS void AS $$
DECLARE
  origin record;
  missing integer;
BEGIN
  FOR origin IN SELECT * FROM (VALUES ('Node', 'nodeIds'), ('Edge', 'edgeIds')) AS v(named_table, named_column) LOOP
    EXECUTE format(
      'SELECT n FROM "SourceDocument" d CROSS JOIN LATERAL unnest(d.%I) AS n WHERE NOT EXISTS (SELECT 1 FROM %I t WHERE t."id" = n) LIMIT 1',
      origin.named_column, origin.named_table) INTO missing;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'table "SourceDocument" violates foreign key: no % with id %', origin.named_table, missing
        USING ERRCODE = 'foreign_key_violation', TABLE = 'SourceDocument', COLUMN = origin.named_column;
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql SET enable_nestloop = off SET jit = off;
