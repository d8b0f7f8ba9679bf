// OSV ecosystem names → purl types (https://ossf.github.io/osv-schema/#affectedpackage-field and
// https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst).
const PURL_TYPES: Record<string, string> = {
  npm: "npm",
  PyPI: "pypi",
  Go: "golang",
  Maven: "maven",
  "crates.io": "cargo",
  RubyGems: "gem",
  NuGet: "nuget",
  Packagist: "composer",
  Pub: "pub",
  Hex: "hex",
  GitHub_Actions: "github",
};

export const purlTypeOf = (ecosystem: string): string | null => PURL_TYPES[ecosystem] ?? null;
