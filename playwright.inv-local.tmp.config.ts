// TEMPORARY local config (explorer helper): the shared config without its webServer, against a
// server started by hand; deleted after the run.
import base from "./playwright.config";
export default { ...base, webServer: undefined, outputDir: "test-results/e2e-inv" };
