import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_FIXTURES, realFixturesAbsent } from "@/test/fixture-tree";
import { sharedYamlParser } from "../source/parse-yaml";
import { parsedStringsOfYaml } from "./parsed-strings";

// The scan may be handed the workflow reader's tree instead of parsing the text itself; what it
// reads must not change with that.

const strings = (text: string, parse?: ReturnType<typeof sharedYamlParser>) =>
  parsedStringsOfYaml(text, parse)?.map(({ path, ...string }) => ({ ...string, path: path() }));

const SAMPLES = {
  "a workflow": 'on: push\njobs:\n  build:\n    env:\n      NPM_TOKEN: "${{ secrets.NPM_TOKEN }}"\n    steps:\n      - run: npm ci\n',
  "anchors and aliases": "defaults: &d\n  token: abc\nuse:\n  - *d\n  - name: API_KEY\n    value: *d\n",
  "two documents": "a: 1\n---\nb: two\n",
  "an error the strict reader refuses": "key: value #comment\nlist: [a, b\n",
  "a comment with no space before it": "key: value#not-a-comment\nother: 'x'#comment\n",
  "a double-quoted scalar over lines": 'text: "first \\\n  second"\n',
  "nothing but a comment": "# empty\n",
  "nothing at all": "",
};

describe("parsedStringsOfYaml with a shared tree", () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`reads ${name} as its own parse does`, () => {
      expect(strings(text, sharedYamlParser())).toEqual(strings(text));
    });
  }

  it.skipIf(realFixturesAbsent())("reads every real workflow as its own parse does", () => {
    const directory = path.join(REAL_FIXTURES, "workflows");
    const parse = sharedYamlParser();
    for (const repository of readdirSync(directory)) {
      for (const name of readdirSync(path.join(directory, repository))) {
        const text = readFileSync(path.join(directory, repository, name), "utf8");
        expect(strings(text, parse), `${repository}/${name}`).toEqual(strings(text));
      }
    }
  });
});
