-- Origins checked a statement at a time (issue 14). NodeOrigin and EdgeOrigin are the most numerous
-- rows an import writes (a package version named by a thousand lockfiles has a thousand origins), and
-- their foreign keys checked and locked the named node or edge once per row: about a third of the
-- database's work in an import of 100 repositories. The same guarantees, a statement at a time:
-- - every inserted or changed origin names an existing node (edge), checked with one join per
--   statement; the named rows another transaction wrote are locked FOR KEY SHARE as a foreign key
--   locks them, so a concurrent delete waits for this transaction and a row deleted by one that
--   already committed is not found (rows this transaction wrote need no lock: no other can see them);
-- - deleting or truncating nodes (edges) deletes their origins, as ON DELETE CASCADE did; an edge
--   deleted because its node was takes its origins too (the cascade's own DELETE fires these
--   triggers); a changed id carries its origins along, as ON UPDATE CASCADE did.

-- DropForeignKey
ALTER TABLE "EdgeOrigin" DROP CONSTRAINT "EdgeOrigin_edgeId_fkey";

-- DropForeignKey
ALTER TABLE "NodeOrigin" DROP CONSTRAINT "NodeOrigin_nodeId_fkey";

-- TG_ARGV: the table an origin names and the column naming it ("Node", "nodeId" or "Edge", "edgeId").
CREATE FUNCTION "blastmap_origins_name_stored_rows"() RETURNS trigger AS $$
DECLARE
  me CONSTANT xid := pg_current_xact_id()::xid;
  named_table CONSTANT text := TG_ARGV[0];
  named_column CONSTANT text := TG_ARGV[1];
  named bigint;
  own bigint;
  locked bigint;
  missing integer;
BEGIN
  EXECUTE format('SELECT count(DISTINCT o.%I) FROM new_origins o', named_column) INTO named;
  -- rows this transaction wrote are invisible to every other until it commits: nobody can delete them
  EXECUTE format('SELECT count(*) FROM %I t WHERE t."id" IN (SELECT o.%I FROM new_origins o) AND t.xmin = $1', named_table, named_column)
    INTO own USING me;
  IF own < named THEN
    EXECUTE format(
      'SELECT count(*) FROM (SELECT 1 FROM %I t WHERE t."id" IN (SELECT o.%I FROM new_origins o) AND NOT t.xmin = $1 FOR KEY SHARE OF t) AS l',
      named_table, named_column) INTO locked USING me;
    IF own + locked < named THEN
      EXECUTE format('SELECT o.%I FROM new_origins o WHERE NOT EXISTS (SELECT 1 FROM %I t WHERE t."id" = o.%I) LIMIT 1', named_column, named_table, named_column)
        INTO missing;
      RAISE EXCEPTION 'insert or update on table "%" violates foreign key: no % with id %', TG_TABLE_NAME, named_table, missing
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = named_column;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "NodeOrigin_names_nodes_insert" AFTER INSERT ON "NodeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_origins_name_stored_rows"('Node', 'nodeId');
CREATE TRIGGER "NodeOrigin_names_nodes_update" AFTER UPDATE ON "NodeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_origins_name_stored_rows"('Node', 'nodeId');
CREATE TRIGGER "EdgeOrigin_names_edges_insert" AFTER INSERT ON "EdgeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_origins_name_stored_rows"('Edge', 'edgeId');
CREATE TRIGGER "EdgeOrigin_names_edges_update" AFTER UPDATE ON "EdgeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_origins_name_stored_rows"('Edge', 'edgeId');

-- TG_ARGV: the origin table and its column naming the deleted rows ("NodeOrigin", "nodeId" or "EdgeOrigin", "edgeId").
CREATE FUNCTION "blastmap_delete_origins"() RETURNS trigger AS $$
BEGIN
  EXECUTE format('DELETE FROM %I o USING old_rows r WHERE o.%I = r."id"', TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_origins_delete" AFTER DELETE ON "Node"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_delete_origins"('NodeOrigin', 'nodeId');
CREATE TRIGGER "Edge_origins_delete" AFTER DELETE ON "Edge"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_delete_origins"('EdgeOrigin', 'edgeId');

-- Truncating the graph truncates what it named (TRUNCATE "Node" CASCADE reached the origins through
-- the foreign keys before).
CREATE FUNCTION "blastmap_truncate_origins"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Node' THEN
    TRUNCATE "NodeOrigin", "EdgeOrigin";
  ELSE
    TRUNCATE "EdgeOrigin";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_origins_truncate" AFTER TRUNCATE ON "Node" FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_truncate_origins"();
CREATE TRIGGER "Edge_origins_truncate" AFTER TRUNCATE ON "Edge" FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_truncate_origins"();

-- Ids never change (they come from sequences), but the foreign keys carried origins along if one did.
-- TG_ARGV as for blastmap_delete_origins.
CREATE FUNCTION "blastmap_move_origins"() RETURNS trigger AS $$
BEGIN
  EXECUTE format('UPDATE %I SET %I = $1 WHERE %I = $2', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]) USING NEW."id", OLD."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_origins_move" AFTER UPDATE OF "id" ON "Node"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_move_origins"('NodeOrigin', 'nodeId');
CREATE TRIGGER "Edge_origins_move" AFTER UPDATE OF "id" ON "Edge"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_move_origins"('EdgeOrigin', 'edgeId');

-- A bulk load (lib/data/import/bulk-load-window.ts) switches the four checks above off while it writes
-- rows it has just created, then checks every origin at once, as re-adding a foreign key validates it.
CREATE FUNCTION "blastmap_check_every_origin"() RETURNS void AS $$
DECLARE
  origin record;
  missing integer;
BEGIN
  FOR origin IN SELECT * FROM (VALUES ('NodeOrigin', 'Node', 'nodeId'), ('EdgeOrigin', 'Edge', 'edgeId')) AS v(origin_table, named_table, named_column) LOOP
    EXECUTE format('SELECT o.%I FROM %I o WHERE NOT EXISTS (SELECT 1 FROM %I t WHERE t."id" = o.%I) LIMIT 1',
      origin.named_column, origin.origin_table, origin.named_table, origin.named_column) INTO missing;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'table "%" violates foreign key: no % with id %', origin.origin_table, origin.named_table, missing
        USING ERRCODE = 'foreign_key_violation', TABLE = origin.origin_table, COLUMN = origin.named_column;
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
