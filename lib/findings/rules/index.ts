import { secretInInstallStep, sharedRunnerWithSensitiveCredentials, unpinnedThirdPartyAction } from "./ci-rules";
import { humanTokenUsedByAutomation, longLivedCloudKeyDespiteOidc, longLivedPublishTokenInCi, secretNotRotated } from "./credential-rules";
import { identityUnused, identityWithoutOwner, overprivilegedIdentity, publisherAccountRisk, secretReuse } from "./identity-rules";
import type { PostureRule } from "./posture-rule";

/** Every posture rule, in id order. */
export const POSTURE_RULES: readonly PostureRule[] = [
  longLivedPublishTokenInCi,
  secretInInstallStep,
  sharedRunnerWithSensitiveCredentials,
  publisherAccountRisk,
  identityWithoutOwner,
  identityUnused,
  secretNotRotated,
  overprivilegedIdentity,
  secretReuse,
  unpinnedThirdPartyAction,
  longLivedCloudKeyDespiteOidc,
  humanTokenUsedByAutomation,
];
