import { describe, expect, it } from "vitest";
import { parseYaml, sharedYamlParser } from "./parse-yaml";

const workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n";

describe("sharedYamlParser", () => {
  it("hands every reader of one text the same tree", () => {
    const parse = sharedYamlParser();
    expect(parse(workflow)).toBe(parse(`${workflow}`));
    expect(parse(workflow).doc.toJS()).toEqual(parseYaml(workflow).doc.toJS());
  });

  it("gives another text its own tree", () => {
    const parse = sharedYamlParser();
    expect(parse(workflow)).not.toBe(parse(workflow.replace("npm ci", "npm install")));
  });

  it("keeps no tree past its budget, and parses such a text for each reader", () => {
    const parse = sharedYamlParser(workflow.length - 1);
    expect(parse(workflow)).not.toBe(parse(workflow));
    expect(parse(workflow).doc.toJS()).toEqual(parseYaml(workflow).doc.toJS());
  });

  it("tells apart texts whose UTF-8 bytes are the same (a lone surrogate and U+FFFD)", () => {
    const parse = sharedYamlParser();
    const replaced = parse('name: "\uFFFD"\n');
    const lone = parse('name: "\uD800"\n');
    expect(lone).not.toBe(replaced);
    expect(lone.doc.toJS()).toEqual({ name: "\uD800" });
  });
});
