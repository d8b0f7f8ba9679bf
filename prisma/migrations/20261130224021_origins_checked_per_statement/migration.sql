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

CREATE FUNCTION "blastmap_node_origins_name_nodes"() RETURNS trigger AS $$
DECLARE
  me CONSTANT xid := pg_current_xact_id()::xid;
  named bigint;
  own bigint;
  locked bigint;
  missing integer;
BEGIN
  SELECT count(DISTINCT o."nodeId") INTO named FROM new_origins o;
  -- rows this transaction wrote are invisible to every other until it commits: nobody can delete them
  SELECT count(*) INTO own FROM "Node" n WHERE n."id" IN (SELECT o."nodeId" FROM new_origins o) AND n.xmin = me;
  IF own < named THEN
    PERFORM 1 FROM "Node" n WHERE n."id" IN (SELECT o."nodeId" FROM new_origins o) AND NOT n.xmin = me FOR KEY SHARE OF n;
    GET DIAGNOSTICS locked = ROW_COUNT;
    IF own + locked < named THEN
      SELECT o."nodeId" INTO missing FROM new_origins o WHERE NOT EXISTS (SELECT 1 FROM "Node" n WHERE n."id" = o."nodeId") LIMIT 1;
      RAISE EXCEPTION 'insert or update on table "NodeOrigin" violates foreign key: no Node with id %', missing
        USING ERRCODE = 'foreign_key_violation', TABLE = 'NodeOrigin', COLUMN = 'nodeId';
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "NodeOrigin_names_nodes_insert" AFTER INSERT ON "NodeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_node_origins_name_nodes"();
CREATE TRIGGER "NodeOrigin_names_nodes_update" AFTER UPDATE ON "NodeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_node_origins_name_nodes"();

CREATE FUNCTION "blastmap_edge_origins_name_edges"() RETURNS trigger AS $$
DECLARE
  me CONSTANT xid := pg_current_xact_id()::xid;
  named bigint;
  own bigint;
  locked bigint;
  missing integer;
BEGIN
  SELECT count(DISTINCT o."edgeId") INTO named FROM new_origins o;
  -- rows this transaction wrote are invisible to every other until it commits: nobody can delete them
  SELECT count(*) INTO own FROM "Edge" e WHERE e."id" IN (SELECT o."edgeId" FROM new_origins o) AND e.xmin = me;
  IF own < named THEN
    PERFORM 1 FROM "Edge" e WHERE e."id" IN (SELECT o."edgeId" FROM new_origins o) AND NOT e.xmin = me FOR KEY SHARE OF e;
    GET DIAGNOSTICS locked = ROW_COUNT;
    IF own + locked < named THEN
      SELECT o."edgeId" INTO missing FROM new_origins o WHERE NOT EXISTS (SELECT 1 FROM "Edge" e WHERE e."id" = o."edgeId") LIMIT 1;
      RAISE EXCEPTION 'insert or update on table "EdgeOrigin" violates foreign key: no Edge with id %', missing
        USING ERRCODE = 'foreign_key_violation', TABLE = 'EdgeOrigin', COLUMN = 'edgeId';
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "EdgeOrigin_names_edges_insert" AFTER INSERT ON "EdgeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_edge_origins_name_edges"();
CREATE TRIGGER "EdgeOrigin_names_edges_update" AFTER UPDATE ON "EdgeOrigin"
  REFERENCING NEW TABLE AS new_origins FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_edge_origins_name_edges"();

CREATE FUNCTION "blastmap_delete_node_origins"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "NodeOrigin" o USING old_nodes n WHERE o."nodeId" = n."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_origins_delete" AFTER DELETE ON "Node"
  REFERENCING OLD TABLE AS old_nodes FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_delete_node_origins"();

CREATE FUNCTION "blastmap_delete_edge_origins"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "EdgeOrigin" o USING old_edges e WHERE o."edgeId" = e."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Edge_origins_delete" AFTER DELETE ON "Edge"
  REFERENCING OLD TABLE AS old_edges FOR EACH STATEMENT EXECUTE FUNCTION "blastmap_delete_edge_origins"();

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
CREATE FUNCTION "blastmap_move_origins"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Node' THEN
    UPDATE "NodeOrigin" SET "nodeId" = NEW."id" WHERE "nodeId" = OLD."id";
  ELSE
    UPDATE "EdgeOrigin" SET "edgeId" = NEW."id" WHERE "edgeId" = OLD."id";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Node_origins_move" AFTER UPDATE OF "id" ON "Node"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_move_origins"();
CREATE TRIGGER "Edge_origins_move" AFTER UPDATE OF "id" ON "Edge"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "blastmap_move_origins"();

-- A bulk load (lib/data/import/bulk-load-window.ts) switches the two checks above off while it writes
-- rows it has just created, then checks every origin at once, as re-adding a foreign key validates it.
CREATE FUNCTION "blastmap_check_every_origin"() RETURNS void AS $$
DECLARE
  missing integer;
BEGIN
  SELECT o."nodeId" INTO missing FROM "NodeOrigin" o WHERE NOT EXISTS (SELECT 1 FROM "Node" n WHERE n."id" = o."nodeId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'table "NodeOrigin" violates foreign key: no Node with id %', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'NodeOrigin', COLUMN = 'nodeId';
  END IF;
  SELECT o."edgeId" INTO missing FROM "EdgeOrigin" o WHERE NOT EXISTS (SELECT 1 FROM "Edge" e WHERE e."id" = o."edgeId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'table "EdgeOrigin" violates foreign key: no Edge with id %', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'EdgeOrigin', COLUMN = 'edgeId';
  END IF;
END;
$$ LANGUAGE plpgsql;
